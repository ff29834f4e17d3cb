package org.synthtrust.core.privacy;

import java.math.BigInteger;
import java.security.SecureRandom;
import java.util.random.RandomGenerator;

/**
 * Uniform random bits and exactly uniform integers drawn from a generator. For a {@link SecureRandom} the
 * bits are fetched 8 KiB at a time, because each call into the JDK's native generator has a fixed cost that
 * would otherwise dominate the exact samplers (which draw a few bits at a time). Not thread-safe.
 */
final class RandomBits {

    /** Words fetched per refill from a SecureRandom (8 KiB). */
    private static final int BUFFER_WORDS = 1024;

    private final RandomGenerator generator;
    private final SecureRandom secure;
    private final byte[] bytes;
    private int bytePosition;
    private long cache;
    private int cachedBits;

    RandomBits(RandomGenerator generator) {
        this.generator = generator;
        this.secure = generator instanceof SecureRandom secureRandom ? secureRandom : null;
        this.bytes = secure == null ? null : new byte[BUFFER_WORDS * Long.BYTES];
        this.bytePosition = bytes == null ? 0 : bytes.length;
    }

    /** Returns 64 uniform bits. */
    long nextLong() {
        if (secure == null) {
            return generator.nextLong();
        }
        if (bytePosition == bytes.length) {
            secure.nextBytes(bytes);
            bytePosition = 0;
        }
        long word = 0;
        for (int i = 0; i < Long.BYTES; i++) {
            word = (word << 8) | (bytes[bytePosition++] & 0xFFL);
        }
        return word;
    }

    /** Returns {@code count} uniform bits (1 to 63) as a non-negative long. */
    long nextBits(int count) {
        if (count > cachedBits) {
            // Dropping the leftover bits keeps every output uniform and independent.
            cache = nextLong();
            cachedBits = 64;
        }
        long result = cache & ((1L << count) - 1);
        cache >>>= count;
        cachedBits -= count;
        return result;
    }

    boolean nextBoolean() {
        return nextBits(1) == 1;
    }

    /** Returns an exactly uniform integer in [0, bound) by rejection sampling on the smallest covering power of 2. */
    long uniform(long bound) {
        if (bound <= 0) {
            throw new IllegalArgumentException("bound must be positive; got " + bound);
        }
        if (bound == 1) {
            return 0;
        }
        int bits = 64 - Long.numberOfLeadingZeros(bound - 1);
        while (true) {
            long candidate = nextBits(bits);
            if (candidate < bound) {
                return candidate;
            }
        }
    }

    /** Returns an exactly uniform integer in [0, bound) for a bound of any size. */
    BigInteger uniform(BigInteger bound) {
        if (bound.signum() <= 0) {
            throw new IllegalArgumentException("bound must be positive; got " + bound);
        }
        if (bound.bitLength() < 63) {
            return BigInteger.valueOf(uniform(bound.longValueExact()));
        }
        int bits = bound.subtract(BigInteger.ONE).bitLength();
        while (true) {
            BigInteger candidate = randomBigInteger(bits);
            if (candidate.compareTo(bound) < 0) {
                return candidate;
            }
        }
    }

    private BigInteger randomBigInteger(int bits) {
        BigInteger result = BigInteger.ZERO;
        int remaining = bits;
        while (remaining > 0) {
            int chunk = Math.min(62, remaining);
            result = result.shiftLeft(chunk).or(BigInteger.valueOf(nextBits(chunk)));
            remaining -= chunk;
        }
        return result;
    }
}
