package org.synthtrust.cli;

import java.io.PrintWriter;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.synthtrust.core.progress.CancellationToken;

/**
 * Turns Ctrl-C (SIGINT, SIGTERM) into a cooperative cancel. The JVM runs shutdown hooks on a signal while the
 * command thread keeps running; the hook cancels the token, then waits up to {@link #GRACE_SECONDS} for the
 * command to notice, throw {@code CancelledException} and return, so files already moved into place stay and
 * no output is left half-written (outputs are written to a temporary file and moved atomically).
 *
 * <p>After the grace period the JVM exits anyway; the shell then reports status 130 (128 + SIGINT).
 */
final class CancelOnInterrupt implements AutoCloseable {
    /** Seconds the hook waits for the work to stop: long enough for a loop to check its token, short enough
     *  that a second Ctrl-C is rarely needed. */
    static final long GRACE_SECONDS = 10;

    private final CancellationToken token;
    private final PrintWriter err;
    private final CountDownLatch finished = new CountDownLatch(1);
    private final Thread hook;

    private CancelOnInterrupt(CancellationToken token, PrintWriter err) {
        this.token = token;
        this.err = err;
        this.hook = new Thread(this::cancelAndWait, "synthtrust-cancel");
    }

    /** Registers the hook for the running command. */
    static CancelOnInterrupt install(CancellationToken token, PrintWriter err) {
        CancelOnInterrupt handler = new CancelOnInterrupt(token, err);
        if (token != CancellationToken.NONE) {
            Runtime.getRuntime().addShutdownHook(handler.hook);
        }
        return handler;
    }

    private void cancelAndWait() {
        if (finished.getCount() == 0) {
            return;
        }
        synchronized (err) {
            err.println();
            err.println("cancelling: waiting up to " + GRACE_SECONDS + " s for the running step to stop; finished "
                    + "outputs are kept");
            err.flush();
        }
        token.cancel();
        try {
            finished.await(GRACE_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Marks the command as finished and removes the hook unless the JVM is already shutting down. */
    @Override
    public void close() {
        finished.countDown();
        if (token == CancellationToken.NONE) {
            return;
        }
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException shuttingDown) {
            // The hook is running after Ctrl-C; it returns as soon as the latch above is released.
        }
    }
}
