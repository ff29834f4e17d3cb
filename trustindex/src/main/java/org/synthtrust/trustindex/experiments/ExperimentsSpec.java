package org.synthtrust.trustindex.experiments;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/**
 * The {@code audit.experiments} block of a study file: privacy experiments that re-run a candidate's synthesizer.
 * Both are off unless their block is present. Absent fields take the defaults of
 * {@link EpsilonAuditExperiment.Settings#defaults()} and {@link ShadowModelExperiment.Settings#defaults()}.
 *
 * @param epsilonAudit the empirical epsilon lower bound, or null to skip it
 * @param shadowModel  the shadow-model membership attack, or null to skip it
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ExperimentsSpec(
        @JsonProperty("epsilon_audit") EpsilonAuditSpec epsilonAudit,
        @JsonProperty("shadow_model") ShadowModelSpec shadowModel) {

    /**
     * Epsilon audit settings.
     *
     * @param candidates        candidate names to audit; absent for every fitted candidate
     * @param runs              runs per world (with and without the canary)
     * @param canary            {@code crafted} (default), {@code outlier} or {@code row}
     * @param canaryRow         0-based training row when {@code canary} is {@code row}
     * @param rows              synthetic rows sampled per run for scoring; absent for the model's noisy count
     * @param selectionFraction share of runs that only choose the statistic and threshold
     * @param oneRunCanaries    canaries of the one-run audit; absent or 0 to skip it
     * @param maxSeconds        wall-time budget per candidate, in seconds
     * @param threads           parallel runs; absent for the number of cores
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record EpsilonAuditSpec(
            List<String> candidates,
            Integer runs,
            String canary,
            @JsonProperty("canary_row") Integer canaryRow,
            Integer rows,
            @JsonProperty("selection_fraction") Double selectionFraction,
            @JsonProperty("one_run_canaries") Integer oneRunCanaries,
            @JsonProperty("max_seconds") Double maxSeconds,
            Integer threads) {
    }

    /**
     * Shadow-model attack settings.
     *
     * @param candidates     candidate names to attack; absent for every fitted candidate
     * @param targets        number of most outlying training rows to target
     * @param targetRows     0-based training rows to target instead of the most outlying ones
     * @param runs           runs per target, half with and half without it
     * @param subsetFraction share of the other training rows in each shadow training table
     * @param rows           synthetic rows per run; absent for the model's noisy count
     * @param maxSeconds     wall-time budget per candidate, in seconds
     * @param threads        parallel runs; absent for the number of cores
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record ShadowModelSpec(
            List<String> candidates,
            Integer targets,
            @JsonProperty("target_rows") List<Integer> targetRows,
            Integer runs,
            @JsonProperty("subset_fraction") Double subsetFraction,
            Integer rows,
            @JsonProperty("max_seconds") Double maxSeconds,
            Integer threads) {
    }
}
