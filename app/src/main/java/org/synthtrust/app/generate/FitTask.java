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
final class FitTask extends Task<FitOutcome> {
    private final Engine engine;
    private final SplitCache splits;
    private final String method;
    private final java.util.Map<String, String> params;
    private final double epsilon;
    private final double delta;
    private final Integer rows;
    private final Schema schema;
    private final CancellationToken token = new CancellationToken();

    FitTask(Engine engine, SplitCache splits, String method, java.util.Map<String, String> params, double epsilon,
            double delta, Integer rows, Schema schema) {
        this.engine = engine;
        this.splits = splits;
        this.method = method;
        this.params = params;
        this.epsilon = epsilon;
        this.delta = delta;
        this.rows = rows;
        this.schema = schema;
    }

    /** Requests cancellation: the engine stops at its next check, a queued task never starts. */
    void requestCancel() {
        token.cancel();
        if (!isRunning()) {
            cancel(false);
        }
    }

    @Override
    protected FitOutcome call() {
        Background.recordWork("fit");
        token.throwIfCancelled();
        updateMessage("holdout split");
        Split split = splits.get(schema);
        token.throwIfCancelled();
        FitOutcome outcome = engine.fit(method, params, epsilon, delta, rows, split.train(), schema,
                (stage, fraction) -> {
                    updateProgress(fraction, 1);
                    updateMessage(stage);
                }, token);
        if (token.isCancelled()) {
            throw new CancelledException();
        }
        updateProgress(1, 1);
        updateMessage("done");
        return outcome;
    }
}
