package org.synthtrust.core.privacy;

/**
 * Conversions between zero-concentrated DP (zCDP, Bun and Steinke 2016, "Concentrated Differential Privacy:
 * Simplifications, Extensions, and Lower Bounds") and (epsilon, delta)-DP.
 *
 * <p>The conversion is the tight bound of Canonne, Kamath and Steinke (2020), "The Discrete Gaussian for
 * Differential Privacy", Proposition 12 (stated through Rényi DP): rho-zCDP implies (epsilon, delta)-DP with
 * <pre>delta = min over alpha &gt; 1 of exp((alpha - 1)(alpha rho - epsilon) + alpha ln(1 - 1/alpha)) / (alpha - 1).</pre>
 * The exponent is convex in alpha with derivative (2 alpha - 1) rho - epsilon + ln(1 - 1/alpha), so the optimal
 * alpha is found by bisection on the derivative. Budget planning ({@link #rhoForBudget}) and every overspend
 * check use this same conversion.
 *
 * <p>Costs: the Gaussian mechanism with L2 sensitivity Delta and standard deviation sigma costs
 * rho = Delta^2 / (2 sigma^2); pure epsilon-DP implies rho = epsilon^2 / 2; the exponential mechanism with
 * parameter epsilon costs epsilon^2 / 8 (Cesar and Rogers 2021, "Bounding, Concentrating, and Truncating:
 * Unifying Privacy Loss Composition for Data Analytics"). Costs compose by adding rho.
 */
public final class Zcdp {

    /** Bisection steps; 200 halvings shrink any double interval below one ulp. */
    private static final int BISECTION_STEPS = 200;

    private Zcdp() {
    }

    /**
     * Returns the smallest delta for which rho-zCDP implies (epsilon, delta)-DP, by the tight conversion.
     */
    public static double deltaFor(double rho, double epsilon) {
        if (rho < 0 || Double.isNaN(rho) || Double.isNaN(epsilon)) {
            throw new IllegalArgumentException("rho must be >= 0 and epsilon a number; got rho = " + rho
                    + ", epsilon = " + epsilon);
        }
        if (rho == 0) {
            return 0.0;
        }
        double alpha = optimalOrder(rho, epsilon);
        double logDelta = (alpha - 1) * (alpha * rho - epsilon) + alpha * Math.log1p(-1 / alpha)
                - Math.log(alpha - 1);
        return Math.min(1.0, Math.exp(logDelta));
    }

    private static double optimalOrder(double rho, double epsilon) {
        double low = 1 + 1e-9;
        // At this order (2 alpha - 1) rho > epsilon + 1 and ln(1 - 1/alpha) > -1, so the derivative is positive.
        double high = Math.max(2.0, (Math.max(epsilon, 0) + 1) / (2 * rho) + 2);
        for (int step = 0; step < BISECTION_STEPS && high - low > Math.ulp(low); step++) {
            double middle = (low + high) / 2;
            double derivative = (2 * middle - 1) * rho - epsilon + Math.log1p(-1 / middle);
            if (derivative < 0) {
                low = middle;
            } else {
                high = middle;
            }
        }
        return (low + high) / 2;
    }

    /**
     * Returns the smallest epsilon such that rho-zCDP implies (epsilon, delta)-DP by the tight conversion.
     *
     * @param delta in (0, 1); delta = 0 gives infinity unless rho = 0
     */
    public static double epsilonFor(double rho, double delta) {
        if (rho < 0 || Double.isNaN(rho) || !(delta >= 0 && delta < 1)) {
            throw new IllegalArgumentException("rho must be >= 0 and delta in [0, 1); got rho = " + rho
                    + ", delta = " + delta);
        }
        if (rho == 0) {
            return 0.0;
        }
        if (delta == 0) {
            return Double.POSITIVE_INFINITY;
        }
        if (deltaFor(rho, 0) <= delta) {
            return 0.0;
        }
        double low = 0;
        // The textbook bound epsilon = rho + 2 sqrt(rho ln(1/delta)) is never tighter than this conversion.
        double high = rho + 2 * Math.sqrt(rho * Math.log(1 / delta)) + 1;
        for (int step = 0; step < BISECTION_STEPS && high - low > Math.ulp(high); step++) {
            double middle = (low + high) / 2;
            if (deltaFor(rho, middle) <= delta) {
                high = middle;
            } else {
                low = middle;
            }
        }
        return high;
    }

    /**
     * Returns the largest rho whose tight conversion stays within (epsilon, delta), found by bisection over
     * rho in [0, epsilon + 1] as in the MST and AIM reference code (McKenna et al. 2021, 2022).
     *
     * @param delta in (0, 1); zCDP cannot give a delta = 0 guarantee
     */
    public static double rhoForBudget(double epsilon, double delta) {
        if (!(epsilon > 0) || Double.isInfinite(epsilon) || !(delta > 0 && delta < 1)) {
            throw new IllegalArgumentException("epsilon must be > 0 and finite and delta in (0, 1); got epsilon = "
                    + epsilon + ", delta = " + delta);
        }
        double low = 0;
        double high = epsilon + 1;
        for (int step = 0; step < BISECTION_STEPS && high - low > Math.ulp(high); step++) {
            double middle = (low + high) / 2;
            if (deltaFor(middle, epsilon) <= delta) {
                low = middle;
            } else {
                high = middle;
            }
        }
        return low;
    }

    /** Returns the zCDP cost rho = epsilon^2 / 2 implied by pure epsilon-DP. */
    public static double rhoForPureEpsilon(double epsilon) {
        return epsilon * epsilon / 2;
    }

    /** Returns the zCDP cost epsilon^2 / 8 of the exponential mechanism with parameter epsilon. */
    public static double rhoForExponentialMechanism(double epsilon) {
        return epsilon * epsilon / 8;
    }

    /** Returns the zCDP cost Delta^2 / (2 sigma^2) of the Gaussian mechanism. */
    public static double rhoForGaussian(double l2Sensitivity, double sigma) {
        return l2Sensitivity * l2Sensitivity / (2 * sigma * sigma);
    }
}
