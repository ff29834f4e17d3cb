package org.synthtrust.core.progress;

import java.util.concurrent.atomic.AtomicBoolean;

/** Cooperative cancellation flag that long loops check; cancelling is one-way and thread-safe. */
public final class CancellationToken {
    /** A token that is never cancelled, for callers that offer no cancel action. */
    public static final CancellationToken NONE = new CancellationToken();

    private final AtomicBoolean cancelled = new AtomicBoolean();

    public void cancel() {
        if (this == NONE) {
            throw new IllegalStateException("CancellationToken.NONE cannot be cancelled");
        }
        cancelled.set(true);
    }

    public boolean isCancelled() {
        return cancelled.get();
    }

    /** Throws {@link CancelledException} when cancel() was called. */
    public void throwIfCancelled() {
        if (cancelled.get()) {
            throw new CancelledException();
        }
    }
}
