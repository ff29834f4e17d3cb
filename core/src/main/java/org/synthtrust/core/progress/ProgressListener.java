package org.synthtrust.core.progress;

/**
 * Receives progress of a long computation. Implementations must be thread-safe because parallel stages
 * report from worker threads; they must also be cheap, since loops call them often.
 */
@FunctionalInterface
public interface ProgressListener {
    ProgressListener NONE = (stage, fraction) -> { };

    /**
     * Reports that {@code stage} (a short human-readable name such as "measure 2-way marginals") is
     * {@code fraction} done, between 0 and 1.
     */
    void progress(String stage, double fraction);
}
