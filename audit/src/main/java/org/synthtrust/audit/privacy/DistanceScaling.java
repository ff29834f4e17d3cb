package org.synthtrust.audit.privacy;

/**
 * Scale that divides a numeric column's absolute difference before it is capped at 1 in {@link MixedDistance}.
 * Both scales come from the real training column only, never from the synthetic table.
 */
public enum DistanceScaling {
    /**
     * Divides by the training column's range (max minus min), the Gower (1971) convention and the one
     * SDMetrics uses for DCR. A single extreme value stretches the range, so every other difference shrinks
     * towards 0 and ordinary rows look like near-copies.
     */
    RANGE,
    /**
     * Divides by the training column's interquartile range, with quartiles of Hyndman and Fan (1996) type 6
     * (Minitab, SPSS, Python's {@code statistics.quantiles}). One outlier barely moves it. When the IQR is 0
     * (more than half the rows share one value) the range is used instead, and when that is 0 too, any
     * difference counts as 1.
     */
    IQR
}
