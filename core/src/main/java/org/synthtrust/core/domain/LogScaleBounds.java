package org.synthtrust.core.domain;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.synthtrust.core.privacy.PrivacyLedger;

/**
 * Differentially private bounds of a numeric column from a noisy histogram over public power-of-two bins, in the
 * manner of ApproxBounds in Google's differential-privacy library (cc/docs/algorithms/approx-bounds.md: noisy
 * counts of exponentially growing bins, and the outermost bins above a threshold). The bins are [2^k, 2^(k+1)) for k from
 * {@value #MIN_EXPONENT} to {@value #MAX_EXPONENT}, their mirror images for negative values, and one bin around
 * 0. Each row falls in one bin, so the histogram has L1 sensitivity 1 under adding or removing a row, and the
 * ledger releases it with discrete Laplace noise of scale 1 / epsilon as one pure epsilon-DP line.
 *
 * <p>The bounds are the outer edges of the lowest and highest bins whose noisy count exceeds
 * {@code (1 / epsilon) ln(bins / 0.05)}, a threshold that an empty bin passes with probability below about 5 %
 * over the whole histogram. When no bin passes, the bin with the largest noisy count gives both bounds. Bounds
 * are powers of two, fixed before the data is read, so an outlier is never published as a bound, and values in
 * bins below the threshold (at most about the threshold's count per side) are clipped.
 *
 * <p>This needs far less epsilon than two exponential-mechanism quantiles over a fine grid: the quantile score
 * of every candidate in an empty tail is the same, so a grid with thousands of candidates puts most of the
 * mechanism's mass in the tails unless 0.02 n epsilon is well above ln(grid size).
 */
final class LogScaleBounds {
    private static final Logger LOG = LoggerFactory.getLogger(LogScaleBounds.class);

    /** Smallest positive bin starts at 2^-7 (about 0.008). */
    static final int MIN_EXPONENT = -7;
    /** Largest positive bin ends at 2^45 (about 3.5e13), above epoch milliseconds of the coming centuries. */
    static final int MAX_EXPONENT = 44;
    /** Probability, over the whole histogram, that the threshold lets an empty bin through. */
    static final double FALSE_BIN_PROBABILITY = 0.05;

    private static final int PER_SIGN = MAX_EXPONENT - MIN_EXPONENT + 1;
    /** Bins: negatives from the largest magnitude down, the zero bin, then positives upwards. */
    static final int BINS = 2 * PER_SIGN + 1;

    private LogScaleBounds() {
    }

    /**
     * Returns {lower, upper} for the values (NaN for missing, which no bin counts), charging {@code epsilon} as
     * pure epsilon-DP to the ledger first.
     */
    static double[] estimate(PrivacyLedger ledger, String column, double[] values, double epsilon) {
        long[] counts = new long[BINS];
        for (double value : values) {
            if (!Double.isNaN(value)) {
                counts[binOf(value)]++;
            }
        }
        double scale = 1 / epsilon;
        long[] noisy = ledger.laplaceCounts("preprocessing: log-scale histogram of '" + column
                + "' for DP bounds", counts, scale, 1.0);

        // Post-processing of the noisy histogram only.
        double threshold = scale * Math.log(BINS / FALSE_BIN_PROBABILITY);
        int low = -1;
        int high = -1;
        for (int bin = 0; bin < BINS; bin++) {
            if (noisy[bin] > threshold) {
                low = low < 0 ? bin : low;
                high = bin;
            }
        }
        if (low < 0) {
            LOG.warn("no bin of the noisy histogram of column '{}' passed the threshold of {} rows, so its DP bounds "
                    + "come from the fullest noisy bin and may miss the data; declare \"bounds\" for it or raise "
                    + "dp_bounds_share", column, Math.round(threshold));
            int largest = 0;
            for (int bin = 1; bin < BINS; bin++) {
                if (noisy[bin] > noisy[largest]) {
                    largest = bin;
                }
            }
            low = largest;
            high = largest;
        }
        return new double[] {lowerEdge(low), upperEdge(high)};
    }

    static int binOf(double value) {
        double magnitude = Math.abs(value);
        if (magnitude < Math.scalb(1.0, MIN_EXPONENT)) {
            return PER_SIGN;
        }
        int exponent = Math.max(MIN_EXPONENT, Math.min(MAX_EXPONENT, Math.getExponent(magnitude)));
        return value > 0 ? PER_SIGN + 1 + (exponent - MIN_EXPONENT) : MAX_EXPONENT - exponent;
    }

    static double lowerEdge(int bin) {
        if (bin == PER_SIGN) {
            return -Math.scalb(1.0, MIN_EXPONENT);
        }
        if (bin > PER_SIGN) {
            return Math.scalb(1.0, MIN_EXPONENT + bin - PER_SIGN - 1);
        }
        return -Math.scalb(1.0, MAX_EXPONENT - bin + 1);
    }

    static double upperEdge(int bin) {
        if (bin == PER_SIGN) {
            return Math.scalb(1.0, MIN_EXPONENT);
        }
        if (bin > PER_SIGN) {
            return Math.scalb(1.0, MIN_EXPONENT + bin - PER_SIGN);
        }
        return -Math.scalb(1.0, MAX_EXPONENT - bin);
    }
}
