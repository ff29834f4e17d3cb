package org.synthtrust.app.generate;

import javafx.concurrent.Task;
import org.synthtrust.app.common.Background;
import org.synthtrust.app.common.Engine;
import org.synthtrust.app.common.Engine.FitOutcome;
import org.synthtrust.app.common.Engine.Split;
import org.synthtrust.app.common.SplitCache;
import org.synthtrust.core.progress.CancellationToken;
import org.synthtrust.core.progress.CancelledException;
import org.synthtrust.core.schema.Schema;

/**
 * Fits one candidate on a worker thread. The engine's progress goes to the task's progress and message (which
 * JavaFX coalesces onto the FX thread), and the candidate's cancel action cancels the engine's token, so a
 * cancelled fit stops at the engine's next check and releases nothing.
 */
final class FitTask extends Task<java.util.List<FitOutcome>> {
    private final Engine engine;
    private final SplitCache splits;
    private final String method;
    private final java.util.Map<String, String> params;
    private final double epsilon;
    private final double delta;
    private final Integer rows;
    private final Schema schema;
    private final int repeats;
    private final CancellationToken token = new CancellationToken();

    FitTask(Engine engine, SplitCache splits, String method, java.util.Map<String, String> params, double epsilon,
            double delta, Integer rows, int repeats, Schema schema) {
        this.engine = engine;
        this.splits = splits;
        this.method = method;
        this.params = params;
        this.epsilon = epsilon;
        this.delta = delta;
        this.rows = rows;
        this.schema = schema;
        this.repeats = Math.max(1, repeats);
    }

    /** Requests cancellation: the engine stops at its next check, a queued task never starts. */
    void requestCancel() {
        token.cancel();
        if (!isRunning()) {
            cancel(false);
        }
    }

    /**
     * Fits every repeat in turn, each an independent private run through its own ledger on the same training
     * rows. Cancellation is checked between repeats and, through the engine's token, inside each fit.
     */
    @Override
    protected java.util.List<FitOutcome> call() {
        Background.recordWork("fit");
        token.throwIfCancelled();
        updateMessage("holdout split");
        Split split = splits.get(schema);
        java.util.List<FitOutcome> outcomes = new java.util.ArrayList<>();
        for (int r = 0; r < repeats; r++) {
            token.throwIfCancelled();
            int done = r;
            String prefix = repeats == 1 ? "" : "repeat " + (r + 1) + " of " + repeats + ": ";
            FitOutcome outcome = engine.fit(method, params, epsilon, delta, rows, split.train(), schema,
                    (stage, fraction) -> {
                        updateProgress(done + fraction, repeats);
                        updateMessage(prefix + stage);
                    }, token);
            if (token.isCancelled()) {
                throw new CancelledException();
            }
            outcomes.add(outcome);
        }
        updateProgress(1, 1);
        updateMessage("done");
        return java.util.List.copyOf(outcomes);
    }
}
