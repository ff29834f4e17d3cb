package org.synthtrust.core.privacy;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * One mechanism invocation recorded by the {@link PrivacyLedger}.
 *
 * @param mechanism the mechanism, e.g. "discrete_gaussian" or "subsampled_gaussian q=0.01 steps=1000"
 * @param query the statistic it released, e.g. "marginal(age, sex)"
 * @param sensitivity L2 sensitivity (Gaussian mechanisms), L1 sensitivity (Laplace) or score sensitivity
 *     (exponential mechanism), under add/remove-one-row neighbours
 * @param noiseScale sigma (Gaussian), scale b (Laplace), 2 sensitivity / epsilon (exponential mechanism) or the
 *     noise multiplier (subsampled Gaussian)
 * @param costType "zcdp_rho", "pure_epsilon" or "rdp"
 * @param cost rho, epsilon, or for "rdp" the entry's own epsilon at the budget's delta
 * @param runningEpsilon the composed total epsilon at the budget's delta after this entry
 */
public record LedgerEntry(String mechanism, String query, double sensitivity,
                          @JsonProperty("noise_scale") double noiseScale,
                          @JsonProperty("cost_type") String costType, double cost,
                          @JsonProperty("running_epsilon") double runningEpsilon) {

    public static final String ZCDP_RHO = "zcdp_rho";
    public static final String PURE_EPSILON = "pure_epsilon";
    public static final String RDP = "rdp";
}
