package org.synthtrust.core.progress;

/** Thrown inside a computation when its {@link CancellationToken} was cancelled; partial work is discarded. */
public final class CancelledException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public CancelledException() {
        super("cancelled by the user");
    }
}
