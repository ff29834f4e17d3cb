package org.synthtrust.core.privacy;

import java.security.SecureRandom;
import java.util.random.RandomGenerator;
import java.util.random.RandomGeneratorFactory;

/**
 * The randomness behind every mechanism: a {@link SecureRandom} by default, or an explicitly selected seeded
 * test mode whose outputs are reproducible and therefore NOT private.
 *
 * <p>Samplers for released statistics are exact: the discrete Gaussian and discrete Laplace distributions of
 * Canonne, Kamath and Steinke (2020), "The Discrete Gaussian for Differential Privacy", and an exactly sampled
 * exponential mechanism. Only {@link #gaussian} (used for DP-SGD gradient noise) works on floating-point numbers.
 *
 * <p>Methods are synchronized, so one instance may be shared, but a sequence of draws is only reproducible in
 * test mode when a single thread uses it.
 */
public final class DpRandom {

    /** Label recorded in ledgers and provenance for seeded runs. */
    public static final String NOT_PRIVATE_LABEL = "not private (seeded test mode)";
    /** Label recorded for runs over SecureRandom. */
    public static final String PRIVATE_LABEL = "differentially private (SecureRandom)";
    /** The deterministic generator algorithm of the test mode (java.util.random, JDK 17). */
    public static final String TEST_GENERATOR = "L64X128MixRandom";

    /** Largest sigma or scale accepted by the exact samplers; sigma^2 must fit in a long as a rational. */
    static final double MAX_NOISE_SCALE = 1e9;

    private final RandomGenerator generator;
    private final boolean isPrivate;
    private final String description;
    private final RandomBits bits;
    private double spareGaussian;
    private boolean hasSpareGaussian;

    private DpRandom(RandomGenerator generator, boolean isPrivate, String description) {
        this.generator = generator;
        this.isPrivate = isPrivate;
        this.description = description;
        this.bits = new RandomBits(generator);
    }

    /** Returns randomness over a new {@link SecureRandom}: the only private choice. */
    public static DpRandom secure() {
        SecureRandom random = new SecureRandom();
        return new DpRandom(random, true, "SecureRandom " + random.getAlgorithm());
    }

    /**
     * Returns a deterministic {@value #TEST_GENERATOR} generator for tests and reproducible demonstrations.
     * Its outputs are NOT differentially private, because anyone with the seed can remove the noise. Every
     * ledger and provenance file records it as {@value #NOT_PRIVATE_LABEL}.
     */
    public static DpRandom seededForTesting(long seed) {
        RandomGenerator generator = RandomGeneratorFactory.of(TEST_GENERATOR).create(seed);
        return new DpRandom(generator, false, TEST_GENERATOR + " seed " + seed + " (test mode)");
    }

    /** Returns false in seeded test mode. */
    public boolean isPrivate() {
        return isPrivate;
    }

    /** Returns {@value #PRIVATE_LABEL} or {@value #NOT_PRIVATE_LABEL}. */
    public String privacyLabel() {
        return isPrivate ? PRIVATE_LABEL : NOT_PRIVATE_LABEL;
    }

    /** Returns the generator algorithm, and the seed in test mode, e.g. "SecureRandom NativePRNG". */
    public String description() {
        return description;
    }

    /**
     * Returns the underlying generator for post-processing, such as sampling rows from a fitted model. Draws from
     * it interleave with the mechanisms' draws.
     */
    public RandomGenerator generator() {
        return generator;
    }

    /**
     * Samples the discrete Gaussian N_Z(0, sigma^2): P(x) proportional to exp(-x^2 / (2 sigma^2)) over the
     * integers. sigma^2 is rounded up to a rational with relative error at most 2^-20 (a power-of-two
     * denominator), so the noise is never smaller than requested and rho = Delta^2 / (2 sigma^2) stays valid.
     */
    public synchronized long discreteGaussian(double sigma) {
        requireNoiseScale("sigma", sigma);
        long[] variance = ExactSamplers.varianceAsRational(sigma);
        return ExactSamplers.discreteGaussian(bits, variance[0], variance[1]);
    }

    /** Fills {@code out} with independent discrete Gaussian draws (see {@link #discreteGaussian}). */
    public synchronized void discreteGaussian(double sigma, long[] out) {
        requireNoiseScale("sigma", sigma);
        long[] variance = ExactSamplers.varianceAsRational(sigma);
        for (int i = 0; i < out.length; i++) {
            out[i] = ExactSamplers.discreteGaussian(bits, variance[0], variance[1]);
        }
    }

    /**
     * Samples the discrete Laplace distribution: P(x) proportional to exp(-|x| / scale) over the integers. A
     * fractional scale is rounded up to a rational with relative error at most 2^-20.
     */
    public synchronized long discreteLaplace(double scale) {
        requireNoiseScale("scale", scale);
        long[] rational = ExactSamplers.laplaceScaleAsRational(scale);
        return ExactSamplers.discreteLaplace(bits, rational[0], rational[1]);
    }

    /**
     * Samples index i with probability proportional to exp(epsilon * scores[i] / (2 * sensitivity)), exactly
     * (see {@link ExponentialMechanismSampler}). A score of negative infinity excludes its candidate.
     */
    public synchronized int exponentialMechanism(double[] scores, double epsilon, double sensitivity) {
        if (!(epsilon > 0) || Double.isInfinite(epsilon) || !(sensitivity > 0) || Double.isInfinite(sensitivity)) {
            throw new IllegalArgumentException("epsilon and sensitivity must be positive and finite; got epsilon = "
                    + epsilon + ", sensitivity = " + sensitivity);
        }
        if (scores.length == 0) {
            throw new IllegalArgumentException("exponential mechanism needs at least one candidate");
        }
        return ExponentialMechanismSampler.sample(bits, scores, epsilon, sensitivity);
    }

    /**
     * Samples a continuous Gaussian N(0, sigma^2) for DP-SGD gradient noise, by the polar method of Marsaglia and
     * Bray (1964) on uniform doubles built from 53 random bits each.
     *
     * <p>Floating-point caveat: the draw is a double, so its distribution only approximates the real-valued
     * Gaussian the accountant assumes, and the gaps between doubles can leak information (Mironov 2012, "On
     * Significance of the Least Significant Bits for Differential Privacy"). Reports that use this noise must
     * state the caveat, and the ledger adds it to its notes. Counts never use this sampler.
     */
    public synchronized double gaussian(double sigma) {
        requireGaussianSigma(sigma);
        if (hasSpareGaussian) {
            hasSpareGaussian = false;
            return sigma * spareGaussian;
        }
        return sigma * nextStandardGaussian();
    }

    /** Fills {@code out} with independent N(0, sigma^2) draws; see {@link #gaussian(double)} for the caveat. */
    public synchronized void gaussian(double sigma, double[] out) {
        requireGaussianSigma(sigma);
        for (int i = 0; i < out.length; i++) {
            if (hasSpareGaussian) {
                hasSpareGaussian = false;
                out[i] = sigma * spareGaussian;
            } else {
                out[i] = sigma * nextStandardGaussian();
            }
        }
    }

    /** Returns one standard normal draw and keeps the second one of the polar pair as the spare. */
    private double nextStandardGaussian() {
        while (true) {
            double v1 = 2 * nextUnitDouble() - 1;
            double v2 = 2 * nextUnitDouble() - 1;
            double s = v1 * v1 + v2 * v2;
            if (s < 1 && s > 0) {
                double multiplier = Math.sqrt(-2 * Math.log(s) / s);
                spareGaussian = v2 * multiplier;
                hasSpareGaussian = true;
                return v1 * multiplier;
            }
        }
    }

    /** Returns a uniform double in [0, 1) on the grid of multiples of 2^-53. */
    private double nextUnitDouble() {
        return bits.nextBits(53) * 0x1.0p-53;
    }

    private static void requireGaussianSigma(double sigma) {
        if (!(sigma >= 0) || Double.isInfinite(sigma)) {
            throw new IllegalArgumentException("sigma must be >= 0 and finite; got " + sigma);
        }
    }

    private static void requireNoiseScale(String name, double value) {
        if (!(value > 0) || value > MAX_NOISE_SCALE) {
            throw new IllegalArgumentException(name + " must be in (0, " + MAX_NOISE_SCALE + "]; got " + value);
        }
    }

    @Override
    public String toString() {
        return description + ": " + privacyLabel();
    }
}
