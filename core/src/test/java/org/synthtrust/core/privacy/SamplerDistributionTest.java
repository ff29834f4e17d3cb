package org.synthtrust.core.privacy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.math3.distribution.ChiSquaredDistribution;
import org.apache.commons.math3.distribution.NormalDistribution;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Goodness of fit of the exact samplers against their true probability mass functions, with a chi-square test
 * at significance 1e-6 on seeded (test mode) draws, plus mean and variance checks within z = 4.89 standard
 * errors (two-sided 1e-6) of the values computed from the pmf.
 */
class SamplerDistributionTest {

    private static final int DRAWS = 100_000;
    private static final double ALPHA = 1e-6;
    private static final double Z = new NormalDistribution().inverseCumulativeProbability(1 - ALPHA / 2);

    @ParameterizedTest
    @ValueSource(doubles = {0.5, 1, 5, 100})
    void discreteGaussianFitsPmf(double sigma) {
        DpRandom random = DpRandom.seededForTesting(20261204L + (long) (sigma * 10));
        long[] draws = new long[DRAWS];
        random.discreteGaussian(sigma, draws);

        Pmf pmf = Pmf.discreteGaussian(sigma);
        assertFits(pmf, draws, "discrete Gaussian sigma=" + sigma);
        assertMoments(pmf, draws, "discrete Gaussian sigma=" + sigma);
        assertTrue(pmf.variance() <= pmf.sigma2 * (1 + 1e-12), "discrete Gaussian variance is at most sigma^2");
    }

    @ParameterizedTest
    @ValueSource(doubles = {0.3, 0.5, 1, 2.5, 5, 100})
    void discreteLaplaceFitsPmf(double scale) {
        DpRandom random = DpRandom.seededForTesting(7_000L + (long) (scale * 10));
        long[] draws = new long[DRAWS];
        for (int i = 0; i < DRAWS; i++) {
            draws[i] = random.discreteLaplace(scale);
        }

        Pmf pmf = Pmf.discreteLaplace(scale);
        assertFits(pmf, draws, "discrete Laplace scale=" + scale);
        assertMoments(pmf, draws, "discrete Laplace scale=" + scale);
    }

    @Test
    void hugeSigmaMatchesMoments() {
        // At sigma = 2e5 the rejection step overflows long arithmetic and runs on BigInteger. For sigma this
        // large the discrete Gaussian's mean, variance and fourth moment equal the continuous ones (0, sigma^2,
        // 3 sigma^4) up to terms of order exp(-2 pi^2 sigma^2).
        double sigma = 2e5;
        DpRandom random = DpRandom.seededForTesting(5);
        long[] draws = new long[20_000];
        random.discreteGaussian(sigma, draws);

        assertMoments(draws, 0, sigma * sigma, 3 * Math.pow(sigma, 4), "discrete Gaussian sigma=2e5");
    }

    @Test
    void continuousGaussianMatchesMoments() {
        double sigma = 3.0;
        DpRandom random = DpRandom.seededForTesting(6);
        double[] noise = new double[DRAWS];
        random.gaussian(sigma, noise);
        long[] scaled = new long[DRAWS];
        for (int i = 0; i < DRAWS; i++) {
            scaled[i] = Math.round(noise[i] * 1e6);
        }
        double scale2 = 1e12 * sigma * sigma;

        assertMoments(scaled, 0, scale2, 3 * scale2 * scale2, "continuous Gaussian sigma=3 (in units of 1e-6)");
    }

    @Test
    void wrongSigmaIsDetected() {
        DpRandom random = DpRandom.seededForTesting(99);
        long[] draws = new long[DRAWS];
        random.discreteGaussian(5.0, draws);

        double statistic = chiSquare(Pmf.discreteGaussian(5.5), draws);
        assertTrue(statistic > criticalValue(Pmf.discreteGaussian(5.5), draws),
                "a 10% wrong sigma must fail the goodness-of-fit test; statistic " + statistic);
    }

    @Test
    void exponentialMechanismMatchesWeights() {
        DpRandom random = DpRandom.seededForTesting(314);
        double[] scores = {0, 1, 2.5, -3, 4, Double.NEGATIVE_INFINITY};
        double epsilon = 0.8;
        double sensitivity = 1;
        long[] counts = new long[scores.length];
        for (int i = 0; i < DRAWS; i++) {
            counts[random.exponentialMechanism(scores, epsilon, sensitivity)]++;
        }

        double[] weights = new double[scores.length];
        double total = 0;
        for (int i = 0; i < scores.length; i++) {
            weights[i] = Math.exp(epsilon * scores[i] / (2 * sensitivity));
            total += weights[i];
        }
        double statistic = 0;
        for (int i = 0; i < scores.length - 1; i++) {
            double expected = DRAWS * weights[i] / total;
            statistic += (counts[i] - expected) * (counts[i] - expected) / expected;
        }
        double critical = new ChiSquaredDistribution(scores.length - 2).inverseCumulativeProbability(1 - ALPHA);
        assertEquals(0, counts[scores.length - 1], "a score of -infinity is never selected");
        assertTrue(statistic < critical, "chi-square " + statistic + " above critical " + critical);
    }

    @Test
    void secureGeneratorDrawsAreCentred() {
        DpRandom random = DpRandom.secure();
        long[] draws = new long[20_000];
        random.discreteGaussian(10.0, draws);

        Pmf pmf = Pmf.discreteGaussian(10.0);
        assertTrue(random.isPrivate());
        assertMoments(pmf, draws, "discrete Gaussian over SecureRandom");
    }

    private static void assertFits(Pmf pmf, long[] draws, String label) {
        double statistic = chiSquare(pmf, draws);
        double critical = criticalValue(pmf, draws);
        assertTrue(statistic < critical, label + ": chi-square " + statistic + " above critical " + critical);
    }

    private static void assertMoments(Pmf pmf, long[] draws, String label) {
        assertMoments(draws, pmf.mean(), pmf.variance(), pmf.fourthMoment(), label);
    }

    /** Checks mean and variance within Z standard errors; the variance's error uses the fourth central moment. */
    private static void assertMoments(long[] draws, double trueMean, double trueVariance, double fourthMoment,
                                      String label) {
        int n = draws.length;
        double mean = 0;
        for (long draw : draws) {
            mean += draw;
        }
        mean /= n;
        double variance = 0;
        for (long draw : draws) {
            variance += (draw - trueMean) * (draw - trueMean);
        }
        variance /= n;

        double meanError = Z * Math.sqrt(trueVariance / n);
        double varianceError = Z * Math.sqrt((fourthMoment - trueVariance * trueVariance) / n);
        assertEquals(trueMean, mean, meanError, label + ": mean");
        assertEquals(trueVariance, variance, varianceError, label + ": variance");
    }

    private static double criticalValue(Pmf pmf, long[] draws) {
        int bins = pmf.bins(draws.length).size();
        return new ChiSquaredDistribution(bins - 1).inverseCumulativeProbability(1 - ALPHA);
    }

    private static double chiSquare(Pmf pmf, long[] draws) {
        List<long[]> bins = pmf.bins(draws.length);
        Map<Long, Integer> binOf = new HashMap<>();
        for (int b = 0; b < bins.size(); b++) {
            for (long x = bins.get(b)[0]; x <= bins.get(b)[1]; x++) {
                binOf.put(x, b);
            }
        }
        long[] observed = new long[bins.size()];
        for (long draw : draws) {
            Integer bin = binOf.get(draw);
            int index = bin != null ? bin : (draw < 0 ? 0 : bins.size() - 1);
            observed[index]++;
        }
        double statistic = 0;
        for (int b = 0; b < bins.size(); b++) {
            double expected = draws.length * pmf.mass(bins.get(b)[0], bins.get(b)[1]);
            statistic += (observed[b] - expected) * (observed[b] - expected) / expected;
        }
        return statistic;
    }

    /** A symmetric pmf on [-limit, limit]; the mass outside is below 1e-30 and is left out. */
    private static final class Pmf {
        final long limit;
        final double[] mass;
        final double sigma2;

        private Pmf(long limit, double[] unnormalised, double sigma2) {
            this.limit = limit;
            this.sigma2 = sigma2;
            double total = 0;
            for (double value : unnormalised) {
                total += value;
            }
            this.mass = new double[unnormalised.length];
            for (int i = 0; i < mass.length; i++) {
                mass[i] = unnormalised[i] / total;
            }
        }

        static Pmf discreteGaussian(double sigma) {
            // The sampler rounds sigma^2 up to p / q; test against exactly that distribution.
            long[] variance = ExactSamplers.varianceAsRational(sigma);
            double sigma2 = (double) variance[0] / variance[1];
            long limit = (long) Math.ceil(12 * Math.sqrt(sigma2)) + 2;
            double[] values = new double[(int) (2 * limit + 1)];
            for (int i = 0; i < values.length; i++) {
                long x = i - limit;
                values[i] = Math.exp(-(double) x * x / (2 * sigma2));
            }
            return new Pmf(limit, values, sigma2);
        }

        static Pmf discreteLaplace(double scale) {
            long[] rational = ExactSamplers.laplaceScaleAsRational(scale);
            double exactScale = (double) rational[0] / rational[1];
            long limit = (long) Math.ceil(70 * exactScale) + 2;
            double[] values = new double[(int) (2 * limit + 1)];
            for (int i = 0; i < values.length; i++) {
                long x = i - limit;
                values[i] = Math.exp(-Math.abs(x) / exactScale);
            }
            return new Pmf(limit, values, Double.NaN);
        }

        double mass(long from, long to) {
            double sum = 0;
            for (long x = Math.max(from, -limit); x <= Math.min(to, limit); x++) {
                sum += mass[(int) (x + limit)];
            }
            return sum;
        }

        double mean() {
            return moment(1);
        }

        double variance() {
            return moment(2) - mean() * mean();
        }

        double fourthMoment() {
            return moment(4);
        }

        private double moment(int power) {
            double sum = 0;
            for (int i = 0; i < mass.length; i++) {
                sum += mass[i] * Math.pow(i - limit, power);
            }
            return sum;
        }

        /** Consecutive integer ranges with at least 5 expected draws each, covering [-limit, limit]. */
        List<long[]> bins(int draws) {
            List<long[]> bins = new ArrayList<>();
            long start = -limit;
            double expected = 0;
            for (long x = -limit; x <= limit; x++) {
                expected += draws * mass[(int) (x + limit)];
                if (expected >= 5) {
                    bins.add(new long[] {start, x});
                    start = x + 1;
                    expected = 0;
                }
            }
            if (start <= limit) {
                bins.get(bins.size() - 1)[1] = limit;
            }
            return bins;
        }
    }
}
