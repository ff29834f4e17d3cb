package org.synthtrust.trustindex;

import org.synthtrust.core.InvalidInputException;

/**
 * Settings of the Dirichlet weight sensitivity analysis.
 *
 * @param samples       number of weight vectors drawn
 * @param concentration total concentration of the Dirichlet around the chosen weights: the draw for pillar i
 *                      has parameter {@code concentration * w_i / sum(w)}, so larger values stay closer to the
 *                      chosen weights (the standard deviation of a share w is about
 *                      {@code sqrt(w (1 - w) / (concentration + 1))})
 * @param seed          seed of the draw, fixed so a re-run reports the same probabilities. The draw concerns
 *                      the analyst's weights, not the private data, so it needs no secure randomness.
 */
public record SensitivitySettings(int samples, double concentration, long seed) {

    public static final SensitivitySettings DEFAULT = new SensitivitySettings(2000, 20, 20231L);

    public SensitivitySettings {
        if (samples < 1) {
            throw new InvalidInputException("sensitivity.samples: " + samples + " is invalid; use at least 1");
        }
        if (!(concentration > 0) || !Double.isFinite(concentration)) {
            throw new InvalidInputException("sensitivity.concentration: " + concentration
                    + " is invalid; use a finite number > 0 (20 is the default)");
        }
    }
}
