package org.synthtrust.core.privacy;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;

/**
 * Exact samplers of Canonne, Kamath and Steinke (2020), "The Discrete Gaussian for Differential Privacy"
 * (NeurIPS 2020): Bernoulli(exp(-gamma)) for rational gamma (Algorithm 1), the discrete Laplace distribution
 * (Algorithm 2) and the discrete Gaussian distribution (Algorithm 3). All arithmetic is on integers, using
 * {@code long} while the products fit and {@link BigInteger} otherwise, so the output distribution is exactly
 * the stated one given uniform random bits.
 */
final class ExactSamplers {

    /**
     * Denominators of the rational approximation of sigma^2 and of the Laplace scale are chosen so that the
     * relative rounding error is at most 2^-20. Rounding is always upwards (more noise), so the privacy cost
     * computed from the requested sigma or scale remains an upper bound.
     */
    static final int PRECISION_BITS = 20;

    private ExactSamplers() {
    }

    /** Samples Bernoulli(numerator / denominator), 0 <= numerator <= denominator. */
    static boolean bernoulli(RandomBits bits, long numerator, long denominator) {
        return bits.uniform(denominator) < numerator;
    }

    /** Samples Bernoulli(exp(-numerator / denominator)) for numerator >= 0 and denominator > 0. */
    static boolean bernoulliExp(RandomBits bits, long numerator, long denominator) {
        long whole = numerator / denominator;
        long rest = numerator % denominator;
        // exp(-gamma) = exp(-1)^floor(gamma) * exp(-(gamma - floor(gamma))): independent coins, stop at a 0.
        for (long i = 0; i < whole; i++) {
            if (!bernoulliExpFraction(bits, 1, 1)) {
                return false;
            }
        }
        return bernoulliExpFraction(bits, rest, denominator);
    }

    /** Algorithm 1 for gamma = numerator / denominator in [0, 1]: the parity of the first failing K. */
    private static boolean bernoulliExpFraction(RandomBits bits, long numerator, long denominator) {
        if (numerator == 0) {
            return true;
        }
        long k = 1;
        while (true) {
            long scaled;
            try {
                scaled = Math.multiplyExact(denominator, k);
            } catch (ArithmeticException overflow) {
                return bernoulliExpFractionBig(bits, BigInteger.valueOf(numerator),
                        BigInteger.valueOf(denominator), k);
            }
            if (!bernoulli(bits, numerator, scaled)) {
                break;
            }
            k++;
        }
        return (k & 1) == 1;
    }

    /** Samples Bernoulli(exp(-numerator / denominator)) for arbitrary non-negative integers. */
    static boolean bernoulliExp(RandomBits bits, BigInteger numerator, BigInteger denominator) {
        if (numerator.bitLength() < 63 && denominator.bitLength() < 63) {
            return bernoulliExp(bits, numerator.longValue(), denominator.longValue());
        }
        BigInteger[] quotientAndRest = numerator.divideAndRemainder(denominator);
        BigInteger whole = quotientAndRest[0];
        for (BigInteger i = BigInteger.ZERO; i.compareTo(whole) < 0; i = i.add(BigInteger.ONE)) {
            if (!bernoulliExpFraction(bits, 1, 1)) {
                return false;
            }
        }
        if (quotientAndRest[1].signum() == 0) {
            return true;
        }
        return bernoulliExpFractionBig(bits, quotientAndRest[1], denominator, 1);
    }

    private static boolean bernoulliExpFractionBig(RandomBits bits, BigInteger numerator, BigInteger denominator,
                                                   long firstK) {
        long k = firstK;
        while (bits.uniform(denominator.multiply(BigInteger.valueOf(k))).compareTo(numerator) < 0) {
            k++;
        }
        return (k & 1) == 1;
    }

    /**
     * Algorithm 2: samples the discrete Laplace distribution P(x) proportional to exp(-|x| s / t) on the
     * integers, for positive integers t and s (scale t / s).
     */
    static long discreteLaplace(RandomBits bits, long t, long s) {
        while (true) {
            long u = bits.uniform(t);
            if (!bernoulliExp(bits, u, t)) {
                continue;
            }
            long v = 0;
            while (bernoulliExp(bits, 1, 1)) {
                v++;
            }
            long x = u + t * v;
            long y = x / s;
            boolean negative = bits.nextBoolean();
            if (negative && y == 0) {
                continue;
            }
            return negative ? -y : y;
        }
    }

    /**
     * Returns a rational t / s >= scale with relative error at most 2^-PRECISION_BITS, exact for whole scales;
     * s is a power of two.
     */
    static long[] laplaceScaleAsRational(double scale) {
        if (scale == Math.rint(scale) && scale < (1L << 52)) {
            return new long[] {(long) scale, 1};
        }
        int log2Scale = Math.getExponent(scale);
        long denominator = 1L << Math.min(Math.max(0, PRECISION_BITS - log2Scale), 60);
        BigDecimal numerator = new BigDecimal(scale).multiply(BigDecimal.valueOf(denominator))
                .setScale(0, RoundingMode.CEILING);
        return new long[] {numerator.longValueExact(), denominator};
    }

    /**
     * Returns a rational p / q >= sigma^2 (computed exactly from the double sigma) with relative error at most
     * 2^-PRECISION_BITS, where q is a power of two.
     */
    static long[] varianceAsRational(double sigma) {
        BigDecimal variance = new BigDecimal(sigma).pow(2);
        int log2Variance = (int) Math.floor(Math.log(sigma * sigma) / Math.log(2));
        int shift = Math.max(0, PRECISION_BITS - log2Variance);
        long denominator = 1L << Math.min(shift, 60);
        long numerator = variance.multiply(BigDecimal.valueOf(denominator)).setScale(0, RoundingMode.CEILING)
                .longValueExact();
        return new long[] {numerator, denominator};
    }

    /**
     * Algorithm 3: samples the discrete Gaussian P(x) proportional to exp(-x^2 / (2 sigma^2)) with
     * sigma^2 = p / q, by rejection from a discrete Laplace proposal of scale t = floor(sigma) + 1.
     */
    static long discreteGaussian(RandomBits bits, long p, long q) {
        long t = (long) Math.floor(Math.sqrt((double) p / q)) + 1;
        while (true) {
            long y = discreteLaplace(bits, t, 1);
            long absY = Math.abs(y);
            // gamma = (|y| - sigma^2 / t)^2 / (2 sigma^2) = (|y| q t - p)^2 / (2 p q t^2)
            boolean accept;
            try {
                long difference = Math.subtractExact(Math.multiplyExact(Math.multiplyExact(absY, q), t), p);
                long numerator = Math.multiplyExact(difference, difference);
                long denominator = Math.multiplyExact(Math.multiplyExact(Math.multiplyExact(2, p), q),
                        Math.multiplyExact(t, t));
                accept = bernoulliExp(bits, numerator, denominator);
            } catch (ArithmeticException overflow) {
                BigInteger difference = BigInteger.valueOf(absY).multiply(BigInteger.valueOf(q))
                        .multiply(BigInteger.valueOf(t)).subtract(BigInteger.valueOf(p));
                BigInteger denominator = BigInteger.valueOf(2).multiply(BigInteger.valueOf(p))
                        .multiply(BigInteger.valueOf(q)).multiply(BigInteger.valueOf(t).pow(2));
                accept = bernoulliExp(bits, difference.multiply(difference), denominator);
            }
            if (accept) {
                return y;
            }
        }
    }
}
