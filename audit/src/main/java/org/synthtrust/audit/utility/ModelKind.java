package org.synthtrust.audit.utility;

import java.util.Locale;

/**
 * Models trained for utility, fairness and detection. Sizes are kept modest so one candidate's full suite
 * on an Adult-sized table stays within seconds. The random forest (Breiman, 2001, "Random Forests") has 100
 * trees of depth at most 12. Gradient boosting (Friedman, 2001, "Greedy Function Approximation: A Gradient
 * Boosting Machine") runs 60 rounds of 32-leaf trees with shrinkage 0.15 and 70 % subsampling. Logistic
 * regression uses L2 penalty 0.1 on one-hot, standardised features.
 */
public enum ModelKind {
    LOGISTIC_REGRESSION, RANDOM_FOREST, GRADIENT_BOOSTING;

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }
}
