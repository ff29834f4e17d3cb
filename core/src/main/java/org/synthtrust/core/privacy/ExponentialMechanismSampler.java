package org.synthtrust.core.privacy;

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

        long[] numerators = new long[count];
        long[] denominators = new long[count];
        BigInteger[] bigNumerators = new BigInteger[count];
        BigInteger[] bigDenominators = new BigInteger[count];
        boolean[] excluded = new boolean[count];
        for (int i = 0; i < count; i++) {
            if (scores[i] == Double.NEGATIVE_INFINITY) {
                excluded[i] = true;
            } else if (!exponentAsLongFraction(epsilon, best, scores[i], sensitivity, numerators, denominators, i)) {
                BigInteger[] fraction = exponentAsBigFraction(epsilon, best, scores[i], sensitivity);
                bigNumerators[i] = fraction[0];
                bigDenominators[i] = fraction[1];
            }
        }

        while (true) {
            int candidate = (int) bits.uniform(count);
            if (excluded[candidate]) {
                continue;
            }
            boolean accepted = bigNumerators[candidate] == null
                    ? ExactSamplers.bernoulliExp(bits, numerators[candidate], denominators[candidate])
                    : ExactSamplers.bernoulliExp(bits, bigNumerators[candidate], bigDenominators[candidate]);
            if (accepted) {
                return candidate;
            }
        }
    }

    /**
     * Fast path: writes u = epsilon (best - score) / (2 sensitivity) as a fraction of longs when the difference
     * and the product are exact in double arithmetic (checked with fused multiply-add) and the binary exponents
     * fit. Returns false when the BigInteger path is needed.
     */
    private static boolean exponentAsLongFraction(double epsilon, double best, double score, double sensitivity,
                                                  long[] numerators, long[] denominators, int index) {
        double difference = best - score;
        if (Double.isInfinite(difference) || twoSumError(best, -score, difference) != 0) {
            return false;
        }
        double product = epsilon * difference;
        if (Double.isInfinite(product) || Math.fma(epsilon, difference, -product) != 0) {
            return false;
        }
        if (product == 0) {
            numerators[index] = 0;
            denominators[index] = 1;
            return true;
        }
        double twoSensitivity = 2 * sensitivity;
        if (Math.getExponent(product) < Double.MIN_EXPONENT || Double.isInfinite(twoSensitivity)) {
            return false;
        }
        long productMantissa = mantissa(product);
        int productExponent = exponent(product, productMantissa);
        long sensitivityMantissa = mantissa(twoSensitivity);
        int sensitivityExponent = exponent(twoSensitivity, sensitivityMantissa);
        int shift = productExponent - sensitivityExponent;
        long numerator = productMantissa;
        long denominator = sensitivityMantissa;
        if (shift >= 0) {
            if (shift > Long.numberOfLeadingZeros(numerator) - 2) {
                return false;
            }
            numerator <<= shift;
        } else {
            if (-shift > Long.numberOfLeadingZeros(denominator) - 2) {
                return false;
            }
            denominator <<= -shift;
        }
        numerators[index] = numerator;
        denominators[index] = denominator;
        return true;
    }

    /** Knuth's TwoSum: the exact rounding error of sum = a + b, zero exactly when the sum is representable. */
    private static double twoSumError(double a, double b, double sum) {
        double virtualB = sum - a;
        double virtualA = sum - virtualB;
        return (a - virtualA) + (b - virtualB);
    }

    /** Returns the odd integer m with |value| = m 2^e (value positive and finite). */
    private static long mantissa(double value) {
        long bits = Double.doubleToRawLongBits(value);
        int biasedExponent = (int) ((bits >>> 52) & 0x7FF);
        long significand = bits & ((1L << 52) - 1);
        if (biasedExponent != 0) {
            significand |= 1L << 52;
        }
        return significand >>> Long.numberOfTrailingZeros(significand);
    }

    /** Returns e with value = mantissa 2^e, for a normal (not subnormal) value. */
    private static int exponent(double value, long mantissa) {
        return Math.getExponent(value) - (63 - Long.numberOfLeadingZeros(mantissa));
    }

    /** Returns u = epsilon (best - score) / (2 sensitivity) as {numerator, denominator}, by the sampler's path. */
    static BigInteger[] exponentFraction(double epsilon, double best, double score, double sensitivity) {
        long[] numerators = new long[1];
        long[] denominators = new long[1];
        if (exponentAsLongFraction(epsilon, best, score, sensitivity, numerators, denominators, 0)) {
            return new BigInteger[] {BigInteger.valueOf(numerators[0]), BigInteger.valueOf(denominators[0])};
        }
        return exponentAsBigFraction(epsilon, best, score, sensitivity);
    }

    /** Returns the same fraction by the BigInteger path only. */
    static BigInteger[] exponentFractionBig(double epsilon, double best, double score, double sensitivity) {
        return exponentAsBigFraction(epsilon, best, score, sensitivity);
    }

    /** Exact path on the binary representation of the doubles: value = mantissa 2^exponent, in BigIntegers. */
    private static BigInteger[] exponentAsBigFraction(double epsilon, double best, double score,
                                                      double sensitivity) {
        BinaryValue bestValue = BinaryValue.of(best);
        BinaryValue scoreValue = BinaryValue.of(score);
        BinaryValue epsilonValue = BinaryValue.of(epsilon);
        BinaryValue sensitivityValue = BinaryValue.of(sensitivity);

        int commonExponent = Math.min(bestValue.exponent, scoreValue.exponent);
        BigInteger difference = bestValue.mantissa.shiftLeft(bestValue.exponent - commonExponent)
                .subtract(scoreValue.mantissa.shiftLeft(scoreValue.exponent - commonExponent));
        BigInteger numerator = epsilonValue.mantissa.multiply(difference);
        BigInteger denominator = sensitivityValue.mantissa.shiftLeft(1);
        int shift = epsilonValue.exponent + commonExponent - sensitivityValue.exponent;
        if (shift >= 0) {
            numerator = numerator.shiftLeft(shift);
        } else {
            denominator = denominator.shiftLeft(-shift);
        }
        return new BigInteger[] {numerator, denominator};
    }

    /** A finite double as the exact product of an integer and a power of two. */
    private static final class BinaryValue {
        final BigInteger mantissa;
        final int exponent;

        private BinaryValue(BigInteger mantissa, int exponent) {
            this.mantissa = mantissa;
            this.exponent = exponent;
        }

        static BinaryValue of(double value) {
            if (value == 0) {
                return new BinaryValue(BigInteger.ZERO, 0);
            }
            long bits = Double.doubleToRawLongBits(value);
            int biasedExponent = (int) ((bits >>> 52) & 0x7FF);
            long significand = bits & ((1L << 52) - 1);
            int exponent;
            if (biasedExponent == 0) {
                exponent = -1074;
            } else {
                significand |= 1L << 52;
                exponent = biasedExponent - 1075;
            }
            BigInteger mantissa = BigInteger.valueOf(value < 0 ? -significand : significand);
            return new BinaryValue(mantissa, exponent);
        }
    }

}
