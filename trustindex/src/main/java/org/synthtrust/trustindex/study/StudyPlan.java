package org.synthtrust.trustindex.study;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.synthtrust.audit.AuditSettings;
import org.synthtrust.trustindex.TrustSettings;

/**
 * A study resolved from its file: absolute paths, grids expanded into candidates, defaults filled in and
 * every setting validated.
 *
 * @param studyFile        the study file, or null for a plan built in code
 * @param spec             the spec as read, written back into {@code study.json}
 * @param name             study name
 * @param data             the private CSV
 * @param schema           its schema file
 * @param holdoutFraction  share of rows held out, or null when {@code holdoutFile} is set
 * @param holdoutSeed      seed of the split, or null when {@code holdoutFile} is set
 * @param holdoutFile      separate holdout CSV, or null
 * @param candidates       candidates in file order, grid members in expansion order
 * @param metrics          audit suite entries (pillars, ids or prefixes); empty for all
 * @param audit            audit settings
 * @param trust            trust index settings
 * @param output           default study folder, or null
 */
public record StudyPlan(
        Path studyFile,
        StudySpec spec,
        String name,
        Path data,
        Path schema,
        Double holdoutFraction,
        Long holdoutSeed,
        Path holdoutFile,
        List<CandidatePlan> candidates,
        List<String> metrics,
        AuditSettings audit,
        TrustSettings trust,
        Path output) {

    /**
     * One candidate to fit or to read.
     *
     * @param name    unique, file-name-safe name
     * @param method  synthesizer id, or null for an external file
     * @param epsilon budget (or declared) epsilon, or null when an external table declares none
     * @param delta   budget (or declared) delta, or null
     * @param params  parameters as text
     * @param rows    rows to sample, or null for the model's noisy estimate
     * @param repeats independent private runs, at least 1
     * @param seed    seed of a test run that is not differentially private, or null
     * @param file    external synthetic CSV, or null
     * @param grid    name of the grid this candidate belongs to, or null
     */
    public record CandidatePlan(String name, String method, Double epsilon, Double delta, Map<String, String> params,
                                Integer rows, int repeats, Long seed, Path file, String grid) {

        public boolean isExternal() {
            return file != null;
        }

        /** File stem of repeat {@code r} (0-based): {@code NAME} without repeats, {@code NAME-r1} … with them. */
        public String stem(int repeat) {
            return repeats == 1 ? name : name + "-r" + (repeat + 1);
        }
    }
}
