package org.synthtrust.trustindex.experiments;

import java.util.Locale;
import org.synthtrust.audit.privacy.ShadowModelAttack;

/**
 * Scalar attack statistics for the epsilon audit, read off the feature vector of {@link ShadowModelAttack}.
 * Higher values mean "the canary was in the training table". The audit computes all of them and picks the one
 * (and its threshold) that gives the largest bound on the selection runs only.
 */
public enum AttackStatistic {
    /** Sum over columns of the share of synthetic rows equal to the canary's value (its 1-way marginal cells). */
    MARGINALS,
    /** Sum over column pairs of the share of synthetic rows equal to the canary on both (its 2-way marginal cells). */
    PAIRS,
    /** Share of synthetic rows within mixed distance 0.05 of the canary. */
    DENSITY,
    /** Minus the distance from the canary to its nearest synthetic row (DCR). */
    NEAREST;

    /** Radius index of {@link #DENSITY} inside the feature vector's neighbour shares (0, 0.02, 0.05, 0.1). */
    private static final int DENSITY_RADIUS = 2;
    private static final int RADII = 4;

    /** Returns the statistic from a feature vector over {@code columns} columns. */
    public double of(double[] features, int columns) {
        int firstMarginal = 1 + RADII;
        switch (this) {
            case MARGINALS -> {
                double sum = 0;
                for (int c = 0; c < columns; c++) {
                    sum += features[firstMarginal + c];
                }
                return sum;
            }
            case PAIRS -> {
                double sum = 0;
                for (int k = firstMarginal + columns; k < features.length; k++) {
                    sum += features[k];
                }
                return sum;
            }
            case DENSITY -> {
                return features[1 + DENSITY_RADIUS];
            }
            default -> {
                return -features[0];
            }
        }
    }

    /** Returns the id used in settings and results, such as {@code marginals}. */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }
}
