package org.synthtrust.trustindex.study;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import java.util.Map;
import org.synthtrust.trustindex.experiments.ExperimentsSpec;

/**
 * A study file as written by the analyst (YAML or JSON). Paths are relative to the study file. {@link StudyFile}
 * reads it, rejecting unknown keys with their path, and resolves it into a {@link StudyPlan}.
 *
 * @param name               study name, used in reports; defaults to the file name without its extension
 * @param data               the private CSV
 * @param schema             the schema file of the private CSV
 * @param holdout            random split of the private CSV into training and holdout rows
 * @param holdoutFile        a separate CSV of holdout rows; excludes {@code holdout}
 * @param candidates         candidates to fit (method), grids of them, or external tables (file)
 * @param audit              the audit suite and its settings
 * @param weights            a weight profile id ({@code privacy-first}) or pillar weights by pillar id
 * @param metricWeights      weights of metrics inside their pillar by metric id (default 1)
 * @param constraints        constraint expressions added to the defaults
 * @param defaultConstraints whether the default constraints apply (default true)
 * @param normalisation      {@code absolute} (default) or {@code relative}
 * @param aggregation        {@code geometric} (default) or {@code arithmetic}
 * @param sensitivity        Dirichlet weight sensitivity settings
 * @param output             study folder, used when the command line gives no {@code --out}
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record StudySpec(
        String name,
        String data,
        String schema,
        Holdout holdout,
        @JsonProperty("holdout_file") String holdoutFile,
        List<Candidate> candidates,
        Audit audit,
        Object weights,
        @JsonProperty("metric_weights") Map<String, Double> metricWeights,
        List<String> constraints,
        @JsonProperty("default_constraints") Boolean defaultConstraints,
        String normalisation,
        String aggregation,
        Sensitivity sensitivity,
        String output) {

    /** Random split: {@code fraction} of the rows become the holdout, chosen with {@code seed}. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Holdout(Double fraction, Long seed) {
    }

    /**
     * One candidate: exactly one of {@code method} (fit one of our synthesizers), {@code grid} (fit every
     * combination and select by trust index) or {@code file} (an external synthetic table).
     *
     * @param name    unique name, used for file names ({@code synthetic/NAME.csv})
     * @param method  synthesizer id
     * @param epsilon budget epsilon; for a file, the epsilon its maker declares, or absent for none
     * @param delta   budget delta; for a file, the declared delta
     * @param params  synthesizer parameters by name
     * @param rows    rows to sample; defaults to the model's noisy row-count estimate
     * @param repeats independent private runs, each charged its full budget (default 1)
     * @param seed    seed for a test run that is NOT differentially private; absent for a private run
     * @param file    an external synthetic CSV, audited and ranked, never fitted
     * @param grid    methods x epsilons x one parameter's values
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Candidate(
            String name,
            String method,
            Double epsilon,
            Double delta,
            Map<String, Object> params,
            Integer rows,
            Integer repeats,
            Long seed,
            String file,
            Grid grid) {
    }

    /** Grid of candidates: every method with every epsilon and every value of at most one parameter. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Grid(List<String> methods, List<Double> epsilons, Map<String, List<Object>> params) {
    }

    /**
     * Audit suite and settings.
     *
     * @param metrics       pillars, metric ids or id prefixes; absent for every metric
     * @param groupColumn   column the k-marginal score crosses every pair with, or null
     * @param seed          seed of the audit's own random choices (folds, subsamples)
     * @param maxModelRows  rows each audit model trains on at most, 0 for all
     * @param experiments   privacy experiments that re-run the synthesizers, or null for none
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Audit(
            List<String> metrics,
            @JsonProperty("group_column") String groupColumn,
            Long seed,
            @JsonProperty("max_model_rows") Integer maxModelRows,
            ExperimentsSpec experiments) {

        /** Audit settings without experiments. */
        public Audit(List<String> metrics, String groupColumn, Long seed, Integer maxModelRows) {
            this(metrics, groupColumn, seed, maxModelRows, null);
        }
    }

    /** Dirichlet weight sensitivity settings; absent fields take the defaults. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Sensitivity(Integer samples, Double concentration, Long seed) {
    }
}
