package org.synthtrust.audit.utility;

import java.util.Collections;
import java.util.Map;
import java.util.Random;
import java.util.WeakHashMap;
import java.util.concurrent.ConcurrentHashMap;
import org.synthtrust.audit.Alignment;
import org.synthtrust.audit.AuditContext;

/**
 * Models trained on the synthetic table (TSTR) or the real training table (TRTR) and scored on the real
 * holdout, trained once per context, model kind and source and shared by the utility and fairness metrics.
 */
public final class UtilityModels {

    /**
     * Holdout predictions of one model. For classification {@code labels} and positive-class
     * {@code probabilities} are set, for regression {@code values} and {@code predictions}; {@code failure}
     * is non-null when no model could be trained (for example a one-class synthetic target).
     */
    public record Fit(int[] holdoutRows, int[] labels, double[] probabilities, double[] values, double[] predictions,
                      double[] importance, String failure, int trainingRows) {
        public boolean failed() {
            return failure != null;
        }
    }

    private record Key(ModelKind kind, Source source) {
    }

    private static final Map<AuditContext, Map<Key, Fit>> CACHE = Collections.synchronizedMap(new WeakHashMap<>());

    private UtilityModels() {
    }

    /** Returns the holdout predictions of a model of {@code kind} trained on {@code source}. */
    public static Fit fit(AuditContext ctx, TargetTask task, ModelKind kind, Source source) {
        Map<Key, Fit> fits;
        synchronized (CACHE) {
            fits = CACHE.computeIfAbsent(ctx, key -> new ConcurrentHashMap<>());
        }
        return fits.computeIfAbsent(new Key(kind, source), key -> train(ctx, task, kind, source));
    }

    private static Fit train(AuditContext ctx, TargetTask task, ModelKind kind, Source source) {
        int[] rows = subsample(task.labelledRows(ctx, source), ctx.settings().maxModelRows(), ctx.settings().seed());
        int[] holdoutRows = task.labelledRows(ctx, Source.HOLDOUT);
        String table = source == Source.SYNTHETIC ? "synthetic" : "real training";
        if (rows.length < 2) {
            return failure(holdoutRows, "the " + table + " table has fewer than 2 rows with a target value");
        }
        FeatureEncoder encoder = FeatureEncoder.fit(Alignment.of(ctx), task.features(), source, rows);
        boolean linear = kind == ModelKind.LOGISTIC_REGRESSION;
        double[][] trainX = linear ? encoder.linearFeatures(source, rows) : encoder.treeFeatures(source, rows);
        double[][] testX = linear ? encoder.linearFeatures(Source.HOLDOUT, holdoutRows)
                : encoder.treeFeatures(Source.HOLDOUT, holdoutRows);
        long seed = ctx.settings().seed();
        if (task.isRegression()) {
            Regressors.Trained model = Regressors.train(kind, trainX, trainX, task.values(source, rows), seed);
            return new Fit(holdoutRows, null, null, task.values(Source.HOLDOUT, holdoutRows), model.predict(testX),
                    model.importance(), null, rows.length);
        }
        int[] y = task.labels(ctx, source, rows);
        int positives = 0;
        for (int label : y) {
            positives += label;
        }

        if (positives == 0 || positives == y.length) {
            String single = task.singleClass(ctx, source, rows);
            String classes = single != null ? "one class ('" + single + "')"
                    : (positives == 0 ? "no row of the positive class '" + task.positiveLabel() + "'"
                    : "only the positive class '" + task.positiveLabel() + "'");
            return failure(holdoutRows, (source == Source.SYNTHETIC ? "synthetic" : "real") + " target '"
                    + task.target().name() + "' has " + classes + "; a classifier cannot be trained");
        }
        Classifiers.Trained model = Classifiers.train(kind, trainX, trainX, y, seed);
        return new Fit(holdoutRows, task.labels(ctx, Source.HOLDOUT, holdoutRows), model.probabilities(testX), null,
                null, model.importance(), null, rows.length);
    }

    private static Fit failure(int[] holdoutRows, String reason) {
        return new Fit(holdoutRows, null, null, null, null, null, reason, 0);
    }

    /** Returns at most {@code max} of the rows (all when {@code max} is 0), chosen by a seeded shuffle. */
    public static int[] subsample(int[] rows, int max, long seed) {
        if (max <= 0 || rows.length <= max) {
            return rows;
        }
        int[] copy = rows.clone();
        Random random = new Random(seed);
        for (int k = copy.length - 1; k > 0; k--) {
            int j = random.nextInt(k + 1);
            int swap = copy[k];
            copy[k] = copy[j];
            copy[j] = swap;
        }
        int[] chosen = java.util.Arrays.copyOf(copy, max);
        java.util.Arrays.sort(chosen);
        return chosen;
    }
}
