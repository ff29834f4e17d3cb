package org.synthtrust.core.privacy;

import java.util.Arrays;
import java.util.stream.DoubleStream;
import org.apache.commons.math3.special.Erf;

/**
 * Rényi-DP accountant for the Poisson-subsampled Gaussian mechanism used by DP-SGD.
 *
 * <p>The RDP of one step with sampling rate q and noise multiplier sigma (noise standard deviation divided by
 * the L2 clipping norm) follows Mironov, Talwar and Zhang (2019), "Rényi Differential Privacy of the Sampled
 * Gaussian Mechanism": RDP(alpha) = ln(A_alpha) / (alpha - 1), where for integer alpha
 * <pre>A_alpha = sum_{i=0..alpha} C(alpha, i) (1 - q)^(alpha - i) q^i exp((i^2 - i) / (2 sigma^2))</pre>
 * and for fractional alpha A_alpha is the two-sided series with erfc terms of their Section 3.3, summed until
 * its terms fall below e^-30 (A_alpha is at least 1, so that is a relative error below 1e-13 per term). Steps
 * compose by adding RDP. The analysis assumes Poisson sampling: each row joins each batch independently with
 * probability q; fixed-size shuffled batches are not covered.
 *
 * <p>Conversion to (epsilon, delta) uses the improved bound of Balle, Barthe, Gaboardi, Hsu and Sato (2020),
 * "Hypothesis Testing Interpretations and Rényi Differential Privacy", Theorem 21:
 * <pre>epsilon = min over alpha of RDP(alpha) + ln((alpha - 1) / alpha) - (ln delta + ln alpha) / (alpha - 1).</pre>
 */
public final class RdpAccountant {

    /** The usual order grid of DP-SGD accountants: 1.1, 1.2, ..., 10.9 and 12, 13, ..., 63. */
    public static final double[] DEFAULT_ORDERS = defaultOrders();

    /**
     * The ledger's order grid: {@link #DEFAULT_ORDERS} extended with integer orders up to 10,000, so that small
     * zCDP costs (whose best order is large) lose little when they are composed as RDP curves.
     */
    public static final double[] LEDGER_ORDERS = ledgerOrders();

    /** Log-magnitude below which a term of the fractional-order series is dropped. */
    private static final double SERIES_CUTOFF_LOG = -30;
    /**
     * Terms after which the fractional-order series gives up. Dropping the rest would understate the privacy
     * loss, so reaching the limit is an error.
     */
    private static final int SERIES_MAX_TERMS = 10_000_000;
    /** Above this argument ln(erfc(x)) uses its asymptotic expansion, because erfc(x) underflows near 27. */
    private static final double ERFC_ASYMPTOTIC_FROM = 20;

    private RdpAccountant() {
    }

    private static double[] defaultOrders() {
        double[] fractional = new double[99];
        for (int i = 0; i < fractional.length; i++) {
            fractional[i] = (11 + i) / 10.0;
        }
        double[] integers = new double[52];
        for (int i = 0; i < integers.length; i++) {
            integers[i] = 12 + i;
        }
        return DoubleStream.concat(Arrays.stream(fractional), Arrays.stream(integers)).toArray();
    }

    private static double[] ledgerOrders() {
        double[] large = {64, 72, 80, 96, 112, 128, 160, 192, 224, 256, 320, 384, 448, 512, 640, 768, 896, 1024,
            1280, 1536, 1792, 2048, 2560, 3072, 3584, 4096, 5120, 6144, 7168, 8192, 10000};
        return DoubleStream.concat(Arrays.stream(DEFAULT_ORDERS), Arrays.stream(large)).toArray();
    }

    /**
     * Returns the RDP curve of {@code steps} steps of the Poisson-subsampled Gaussian mechanism at each order.
     *
     * @param samplingRate q in [0, 1]
     * @param noiseMultiplier sigma &gt; 0, the noise standard deviation in units of the L2 sensitivity
     */
    public static double[] subsampledGaussian(double samplingRate, double noiseMultiplier, long steps,
                                              double[] orders) {
        if (!(samplingRate >= 0 && samplingRate <= 1) || !(noiseMultiplier > 0) || steps < 0) {
            throw new IllegalArgumentException("need q in [0, 1], sigma > 0 and steps >= 0; got q = " + samplingRate
                    + ", sigma = " + noiseMultiplier + ", steps = " + steps);
        }
        double[] rdp = new double[orders.length];
        for (int k = 0; k < orders.length; k++) {
            rdp[k] = steps * singleStep(samplingRate, noiseMultiplier, orders[k]);
        }
        return rdp;
    }

    /** Returns the RDP at order alpha &gt; 1 of one step of the Poisson-subsampled Gaussian mechanism. */
    public static double singleStep(double q, double sigma, double alpha) {
        if (q == 0) {
            return 0;
        }
        if (q == 1) {
            return alpha / (2 * sigma * sigma);
        }
        double logA = alpha == Math.rint(alpha) ? logAIntegerOrder(q, sigma, (long) alpha)
                : logAFractionalOrder(q, sigma, alpha);
        return logA / (alpha - 1);
    }

    private static double logAIntegerOrder(double q, double sigma, long alpha) {
        double logQ = Math.log(q);
        double log1mQ = Math.log1p(-q);
        double twoVariance = 2 * sigma * sigma;
        double[] terms = new double[(int) alpha + 1];
        double logBinomial = 0;
        double max = Double.NEGATIVE_INFINITY;
        for (int i = 0; i <= alpha; i++) {
            if (i > 0) {
                logBinomial += Math.log((double) (alpha - i + 1)) - Math.log(i);
            }
            terms[i] = logBinomial + i * logQ + (alpha - i) * log1mQ + ((double) i * i - i) / twoVariance;
            max = Math.max(max, terms[i]);
        }
        double sum = 0;
        for (double term : terms) {
            sum += Math.exp(term - max);
        }
        return max + Math.log(sum);
    }

    private static double logAFractionalOrder(double q, double sigma, double alpha) {
        double logQ = Math.log(q);
        double log1mQ = Math.log1p(-q);
        double twoVariance = 2 * sigma * sigma;
        double sqrt2Sigma = Math.sqrt(2) * sigma;
        double z0 = sigma * sigma * Math.log(1 / q - 1) + 0.5;
        LogSum sum = new LogSum();
        double logAbsBinomial = 0;
        int binomialSign = 1;
        for (int i = 0; ; i++) {
            if (i > 0) {
                double factor = (alpha - i + 1) / i;
                logAbsBinomial += Math.log(Math.abs(factor));
                binomialSign *= factor < 0 ? -1 : 1;
            }
            double j = alpha - i;
            double logTerm0 = logAbsBinomial + i * logQ + j * log1mQ + ((double) i * i - i) / twoVariance
                    + Math.log(0.5) + logErfc((i - z0) / sqrt2Sigma);
            double logTerm1 = logAbsBinomial + j * logQ + i * log1mQ + (j * j - j) / twoVariance
                    + Math.log(0.5) + logErfc((z0 - j) / sqrt2Sigma);
            sum.add(binomialSign, logTerm0);
            sum.add(binomialSign, logTerm1);
            if (i > alpha && Math.max(logTerm0, logTerm1) < SERIES_CUTOFF_LOG) {
                return sum.log();
            }
            if (i >= SERIES_MAX_TERMS) {
                throw new IllegalStateException("RDP series for q = " + q + ", sigma = " + sigma + ", alpha = "
                        + alpha + " did not converge in " + SERIES_MAX_TERMS + " terms");
            }
        }
    }

    /** Returns ln(erfc(x)) without underflow for large x. */
    static double logErfc(double x) {
        if (x < ERFC_ASYMPTOTIC_FROM) {
            return Math.log(Erf.erfc(x));
        }
        // erfc(x) = exp(-x^2) / (x sqrt(pi)) * (1 - 1/(2x^2) + 3/(4x^4) - 15/(8x^6) + ...); at x >= 20 the
        // next omitted term is below 1e-12.
        double inverse2 = 1 / (x * x);
        double series = 1 - inverse2 / 2 + 3 * inverse2 * inverse2 / 4 - 15 * inverse2 * inverse2 * inverse2 / 8
                + 105 * Math.pow(inverse2, 4) / 16;
        return -x * x - Math.log(x * Math.sqrt(Math.PI)) + Math.log(series);
    }

    /** Sum of signed terms given by their logarithms, kept as separate positive and negative log-sums. */
    private static final class LogSum {
        private double logPositive = Double.NEGATIVE_INFINITY;
        private double logNegative = Double.NEGATIVE_INFINITY;

        void add(int sign, double logMagnitude) {
            if (sign > 0) {
                logPositive = logAdd(logPositive, logMagnitude);
            } else {
                logNegative = logAdd(logNegative, logMagnitude);
            }
        }

        double log() {
            if (logNegative == Double.NEGATIVE_INFINITY) {
                return logPositive;
            }
            return logPositive + Math.log1p(-Math.exp(logNegative - logPositive));
        }

        private static double logAdd(double a, double b) {
            double max = Math.max(a, b);
            if (max == Double.NEGATIVE_INFINITY) {
                return max;
            }
            return max + Math.log1p(Math.exp(Math.min(a, b) - max));
        }
    }

    /**
     * Converts an RDP curve to epsilon at the given delta with the improved conversion of Balle et al. (2020).
     *
     * @param delta in (0, 1)
     */
    public static double epsilonFor(double[] rdp, double[] orders, double delta) {
        if (!(delta > 0 && delta < 1)) {
            throw new IllegalArgumentException("delta must be in (0, 1); got " + delta);
        }
        double best = Double.POSITIVE_INFINITY;
        double logDelta = Math.log(delta);
        for (int k = 0; k < orders.length; k++) {
            double alpha = orders[k];
            double epsilon = rdp[k] + Math.log1p(-1 / alpha) - (logDelta + Math.log(alpha)) / (alpha - 1);
            best = Math.min(best, epsilon);
        }
        return Math.max(0, best);
    }

    /** Returns epsilon at delta for T steps of the Poisson-subsampled Gaussian over {@link #DEFAULT_ORDERS}. */
    public static double epsilon(double samplingRate, double noiseMultiplier, long steps, double delta) {
        double[] rdp = subsampledGaussian(samplingRate, noiseMultiplier, steps, DEFAULT_ORDERS);
        return epsilonFor(rdp, DEFAULT_ORDERS, delta);
    }

    /**
     * Returns the smallest noise multiplier (to a relative precision of 1e-6, rounded up) for which T steps at
     * sampling rate q stay within (epsilon, delta) over {@link #DEFAULT_ORDERS}, by bisection.
     *
     * @throws IllegalArgumentException when no noise multiplier up to 1e6 reaches the target
     */
    public static double noiseMultiplierFor(double epsilon, double delta, double samplingRate, long steps) {
        return noiseMultiplierFor(sigma -> epsilon(samplingRate, sigma, steps, delta) <= epsilon);
    }

    /** Bisection for the smallest sigma accepted by a test that is monotone in sigma. */
    static double noiseMultiplierFor(java.util.function.DoublePredicate accepted) {
        double high = 1;
        while (!accepted.test(high)) {
            high *= 2;
            if (high > 1e6) {
                throw new IllegalArgumentException("no noise multiplier up to 1e6 meets the privacy target");
            }
        }
        double low = high / 2;
        while (low > 1e-6 && accepted.test(low)) {
            high = low;
            low /= 2;
        }
        while (high - low > 1e-6 * high) {
            double middle = (low + high) / 2;
            if (accepted.test(middle)) {
                high = middle;
            } else {
                low = middle;
            }
        }
        return high;
    }
}
