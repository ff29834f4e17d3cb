package org.synthtrust.trustindex.study;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import java.util.Map;
import org.synthtrust.trustindex.SensitivitySettings;

/**
 * Contents of {@code study.json}: the resolved study, facts about the private input (its hash and row counts,
 * which stay with the analyst and never go into released files), what happened to every candidate, and the
 * privacy budget spent on the private data in total.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record StudyRecord(
        String name,
        String createdAt,
        String toolVersion,
        String studyFile,
        StudySpec spec,
        Input input,
        List<CandidateRecord> candidates,
        TrustRecord trust,
        BudgetRecord budget,
        List<GridSelection> selections) {

    /** The private input: paths, SHA-256 hashes and row counts after the split. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Input(String data, String dataSha256, String schema, String holdoutFile, String holdoutFileSha256,
                        Double holdoutFraction, Long holdoutSeed, int trainRows, int holdoutRows) {
    }

    /**
     * One candidate's outcome.
     *
     * @param status        {@code fitted}, {@code external} or {@code failed}
     * @param stems         file stems of its synthetic tables ({@code NAME} or {@code NAME-r1} …)
     * @param spentEpsilon  epsilon spent by each repeat's ledger (composed at the budget's delta)
     * @param isPrivate     false for a seeded test run or an external table without a declared epsilon
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record CandidateRecord(String name, String method, String grid, Double epsilon, Double delta,
                                  Map<String, String> params, Integer rows, int repeats, Long seed, String file,
                                  String status, String error, List<String> stems, List<Double> spentEpsilon,
                                  boolean isPrivate) {
    }

    /** Trust index settings used by {@code run} and the default of {@code rank}. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record TrustRecord(String normalisation, String aggregation, String profile, Map<String, Double> weights,
                              Map<String, Double> metricWeights, List<String> constraints,
                              boolean defaultConstraints, SensitivitySettings sensitivity) {
    }

    /**
     * Privacy budget spent on the private data. Every fit, including each repeat and each grid member, reads
     * the same training rows, so under basic composition the epsilons and deltas add up.
     */
    public record BudgetRecord(double totalEpsilon, double totalDelta, int fits, String statement) {
    }

    /** Trust-index-driven selection among the members of one grid. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record GridSelection(String grid, List<String> members, String selected, Double selectedEpsilon,
                                double totalEpsilon, String statement) {
    }
}
