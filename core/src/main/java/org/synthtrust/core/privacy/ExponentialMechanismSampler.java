package org.synthtrust.core.privacy;

import java.math.BigDecimal;
import java.math.BigInteger;

/**
 * Exact sampler for the exponential mechanism (McSherry and Talwar 2007, "Mechanism Design via Differential
 * Privacy"): candidate i is returned with probability proportional to exp(epsilon * score_i / (2 * sensitivity)).
 *
 * <p>The double inputs are taken as the exact rationals they represent, the exponent of every candidate
 * relative to the best one, u_i = epsilon (max score - score_i) / (2 sensitivity) &gt;= 0, is computed exactly,
 * and a candidate is drawn by rejection: propose i uniformly and accept with an exact Bernoulli(exp(-u_i)) coin
 * (Canonne, Kamath and Steinke 2020, Algorithm 1). This avoids the floating-point weaknesses of Gumbel noise or
 * of normalised double weights. The expected number of proposals is n / sum_i exp(-u_i), at most n.
 */
final class ExponentialMechanismSampler {

    private ExponentialMechanismSampler() {
    }

    /**
     * Draws one index. Scores equal to negative infinity are never selected; all other scores must be finite.
     */
    static int sample(RandomBits bits, double[] scores, double epsilon, double sensitivity) {
        int count = scores.length;
        double best = Double.NEGATIVE_INFINITY;
        for (double score : scores) {
            if (Double.isNaN(score) || score == Double.POSITIVE_INFINITY) {
                throw new IllegalArgumentException("exponential mechanism scores must be finite or -infinity; got "
                        + score);
            }
            best = Math.max(best, score);
        }
        if (best == Double.NEGATIVE_INFINITY) {
            throw new IllegalArgumentException("exponential mechanism needs at least one finite score");
        }

        BigDecimal bestExact = new BigDecimal(best);
        BigDecimal scale = new BigDecimal(epsilon);
        BigDecimal denominatorExact = new BigDecimal(sensitivity).multiply(BigDecimal.valueOf(2));
        BigInteger[] numerators = new BigInteger[count];
        BigInteger[] denominators = new BigInteger[count];
        for (int i = 0; i < count; i++) {
            if (scores[i] == Double.NEGATIVE_INFINITY) {
                continue;
            }
            BigDecimal numeratorExact = scale.multiply(bestExact.subtract(new BigDecimal(scores[i])));
            BigInteger[] fraction = toFraction(numeratorExact, denominatorExact);
            numerators[i] = fraction[0];
            denominators[i] = fraction[1];
        }

        while (true) {
            int candidate = (int) bits.uniform(count);
            if (numerators[candidate] == null) {
                continue;
            }
            if (ExactSamplers.bernoulliExp(bits, numerators[candidate], denominators[candidate])) {
                return candidate;
            }
        }
    }

    /** Writes numerator / denominator (both exact decimals, denominator positive) as a reduced integer fraction. */
    private static BigInteger[] toFraction(BigDecimal numerator, BigDecimal denominator) {
        int scale = Math.max(numerator.scale(), denominator.scale());
        BigInteger top = numerator.setScale(scale).unscaledValue();
        BigInteger bottom = denominator.setScale(scale).unscaledValue();
        BigInteger divisor = top.gcd(bottom);
        if (divisor.signum() > 0 && !divisor.equals(BigInteger.ONE)) {
            top = top.divide(divisor);
            bottom = bottom.divide(divisor);
        }
        return new BigInteger[] {top, bottom};
    }
}
