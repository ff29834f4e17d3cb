package org.synthtrust.core.privacy;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The sampler's exponent fractions against exact decimal arithmetic on the same doubles. */
class ExponentialMechanismSamplerTest {

    private static final double[] EPSILONS = {0.5, 0.1, 1.0 / 3, 2.7, 1e-3, 8};
    private static final double[] SENSITIVITIES = {1, 0.25, 3, 1e-4, 1.0 / 7};

    @Test
    void fractionsMatchDecimalArithmetic() {
        SplittableRandom random = new SplittableRandom(11);
        for (int trial = 0; trial < 3000; trial++) {
            double epsilon = EPSILONS[trial % EPSILONS.length];
            double sensitivity = SENSITIVITIES[trial % SENSITIVITIES.length];
            double best = trial % 3 == 0 ? random.nextInt(1000) : random.nextDouble(-1e3, 1e3);
            double score = trial % 3 == 0 ? best - random.nextInt(1000) : best - random.nextDouble(0, 1e4);
            BigInteger[] expected = decimalFraction(epsilon, best, score, sensitivity);
            String label = "u for epsilon=" + epsilon + " best=" + best + " score=" + score + " sensitivity="
                    + sensitivity;

            BigInteger[] sampled = ExponentialMechanismSampler.exponentFraction(epsilon, best, score, sensitivity);
            BigInteger[] big = ExponentialMechanismSampler.exponentFractionBig(epsilon, best, score, sensitivity);

            assertEquals(expected[0].multiply(sampled[1]), sampled[0].multiply(expected[1]), label);
            assertEquals(expected[0].multiply(big[1]), big[0].multiply(expected[1]), label + " (BigInteger path)");
        }
    }

    /** Exact u = epsilon (best - score) / (2 sensitivity) as a fraction, through BigDecimal. */
    private static BigInteger[] decimalFraction(double epsilon, double best, double score, double sensitivity) {
        BigDecimal numerator = new BigDecimal(epsilon).multiply(new BigDecimal(best).subtract(new BigDecimal(score)));
        BigDecimal denominator = new BigDecimal(sensitivity).multiply(BigDecimal.valueOf(2));
        int scale = Math.max(numerator.scale(), denominator.scale());
        return new BigInteger[] {numerator.setScale(scale).unscaledValue(), denominator.setScale(scale).unscaledValue()};
    }
}
