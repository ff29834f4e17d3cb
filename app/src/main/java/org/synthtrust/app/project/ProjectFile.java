package org.synthtrust.app.project;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import java.util.Map;

/**
 * The {@code study.json} of a workbench project: the study specification in the study-file layout (data,
 * schema, holdout, candidates, audit, weights, constraints) plus the workbench's run record of each candidate,
 * so a reopened project shows its results without recomputing. Paths are relative to the study folder when
 * the file lies inside it. The data file's path is a fact about the private input and stays in this file,
 * which the analyst keeps.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public record ProjectFile(
        String name,
        String data,
        String schema,
        Holdout holdout,
        List<CandidateEntry> candidates,
        AuditSpec audit,
        Map<String, Double> weights,
        List<String> constraints,
        String normalisation) {

    /** Holdout split: the fraction of rows kept out of training and the seed of the split. */
    public record Holdout(double fraction, long seed) {
    }

    /** Metric groups (pillars or metric ids) to audit, and the optional column for subgroup metrics. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record AuditSpec(List<String> metrics, @JsonProperty("group_column") String groupColumn) {
    }

    /** One candidate's specification and, once it ran, its run record. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record CandidateEntry(
            String name,
            String method,
            double epsilon,
            double delta,
            Map<String, String> params,
            Integer rows,
            Integer repeats,
            CandidateStatus status,
            @JsonProperty("elapsed_seconds") Double elapsedSeconds,
            @JsonProperty("spent_epsilon") Double spentEpsilon,
            List<LedgerLine> ledger,
            String synthetic,
            @JsonProperty("synthetic_columns") List<String> syntheticColumns,
            String message) {
    }
}
