package org.synthtrust.audit.fidelity;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.synthtrust.audit.Alignment;
import org.synthtrust.audit.Alignment.AlignedColumn;
import org.synthtrust.audit.AbstractMetric;
import org.synthtrust.audit.AuditContext;
import org.synthtrust.audit.CategoryDictionary;
import org.synthtrust.audit.Direction;
import org.synthtrust.audit.MetricResult;
import org.synthtrust.audit.MetricResults;
import org.synthtrust.audit.MetricSpec;
import org.synthtrust.audit.Pillar;
import org.synthtrust.audit.utility.Classifiers;
import org.synthtrust.audit.utility.ModelKind;
import org.synthtrust.audit.utility.Scores;
import org.synthtrust.audit.utility.UtilityModels;
import org.synthtrust.core.table.Column;

/**
 * Detection: a gradient-boosting classifier tries to tell real training rows from synthetic rows under
 * 3-fold stratified cross-validation; its out-of-fold ROC AUC is reported as is and as 1 − 2·|AUC − 0.5|
 * (1 when the two are indistinguishable). The same out-of-fold probabilities give the propensity-score
 * mean squared error pMSE = mean((p_i − c)²), c the synthetic share of the combined rows (Snoke, Raab,
 * Nowok, Dibben and Slavkovic, 2018, "General and specific utility measures for synthetic data"; there
 * with logistic regression). Identifier and ignore columns never reach the classifier, so a fresh
 * identifier cannot make detection trivially perfect. At most {@link #ROWS_PER_SIDE} rows of each table
 * are used, chosen by a seeded shuffle. Synthetic rows that copy real rows push the AUC below 0.5 (a copy's
 * twin in the training folds carries the other label), which the score counts as a loss too.
 */
public final class DetectionMetric extends AbstractMetric {
    /** Rows per table; 10,000 + 10,000 rows bound the AUC's sampling error near 0.005. */
    static final int ROWS_PER_SIDE = 10_000;
    static final int FOLDS = 3;

    private static final List<MetricSpec> OUTPUTS = List.of(
            new MetricSpec("fidelity.detection.auc", Pillar.FIDELITY, Direction.NEUTRAL, 0, 1,
                    "ROC AUC of a classifier telling real from synthetic rows; 0.5 means indistinguishable"),
            new MetricSpec("fidelity.detection.score", Pillar.FIDELITY, Direction.HIGHER_IS_BETTER, 0, 1,
                    "1 minus 2 times the distance of the detection AUC from 0.5"),
            new MetricSpec("fidelity.detection.pmse", Pillar.FIDELITY, Direction.LOWER_IS_BETTER, 0, 0.25,
                    "propensity mean squared error of the detection classifier's out-of-fold probabilities"));

    public DetectionMetric() {
        super(OUTPUTS.get(0).id(), Pillar.FIDELITY, Direction.NEUTRAL, 0, 1,
                OUTPUTS.get(0).description());
    }

    @Override
    public List<MetricSpec> outputs() {
        return OUTPUTS;
    }

    @Override
    public List<MetricResult> compute(AuditContext ctx) {
        Alignment alignment = Alignment.of(ctx);
        List<AlignedColumn> columns = alignment.columns();
        long seed = ctx.settings().seed();
        int[] realRows = UtilityModels.subsample(allRows(ctx.train().rowCount()), ROWS_PER_SIDE, seed);
        int[] synthRows = UtilityModels.subsample(allRows(ctx.synthetic().rowCount()), ROWS_PER_SIDE, seed + 1);
        List<MetricResult> results = new ArrayList<>();
        if (columns.isEmpty() || realRows.length < FOLDS || synthRows.length < FOLDS) {
            String reason = columns.isEmpty() ? "no column is present in both tables"
                    : "each table needs at least " + FOLDS + " rows for " + FOLDS + "-fold cross-validation";
            for (MetricSpec spec : OUTPUTS) {
                results.add(MetricResults.notApplicable(spec, ctx.candidate(), reason));
            }
            return results;
        }
        double[][] x = features(alignment, columns, realRows, synthRows);
        int n = x.length;
        int[] y = new int[n];
        Arrays.fill(y, realRows.length, n, 1);
        int[] fold = stratifiedFolds(realRows.length, synthRows.length, seed);
        double[] probability = new double[n];
        for (int f = 0; f < FOLDS; f++) {
            List<Integer> trainIndex = new ArrayList<>();
            List<Integer> testIndex = new ArrayList<>();
            for (int k = 0; k < n; k++) {
                (fold[k] == f ? testIndex : trainIndex).add(k);
            }
            double[][] trainX = new double[trainIndex.size()][];
            int[] trainY = new int[trainIndex.size()];
            for (int k = 0; k < trainX.length; k++) {
                trainX[k] = x[trainIndex.get(k)];
                trainY[k] = y[trainIndex.get(k)];
            }
            double[][] testX = new double[testIndex.size()][];
            for (int k = 0; k < testX.length; k++) {
                testX[k] = x[testIndex.get(k)];
            }
            double[] p = Classifiers.train(ModelKind.GRADIENT_BOOSTING, trainX, trainX, trainY, seed + f)
                    .probabilities(testX);
            for (int k = 0; k < p.length; k++) {
                probability[testIndex.get(k)] = p[k];
            }
        }

        double auc = Scores.auc(y, probability);
        double share = (double) synthRows.length / n;
        double pmse = 0;
        for (double p : probability) {
            pmse += (p - share) * (p - share);
        }
        pmse /= n;
        String reason = String.format(java.util.Locale.ROOT, "%d real and %d synthetic rows, %d-fold stratified "
                + "cross-validation, gradient boosting", realRows.length, synthRows.length, FOLDS);
        Map<String, Object> chart = new LinkedHashMap<>();
        chart.put("features", columns.stream().map(AlignedColumn::name).toList());
        results.add(MetricResults.ok(OUTPUTS.get(0), ctx.candidate(), auc, reason, null, chart));
        results.add(MetricResults.ok(OUTPUTS.get(1), ctx.candidate(), 1 - 2 * Math.abs(auc - 0.5), reason, null, null));
        results.add(MetricResults.ok(OUTPUTS.get(2), ctx.candidate(), pmse, reason, null, null));
        return results;
    }

    private static int[] allRows(int n) {
        int[] rows = new int[n];
        for (int k = 0; k < n; k++) {
            rows[k] = k;
        }
        return rows;
    }

    /** Fold of each combined row; each class is shuffled and dealt round-robin so folds keep the class mix. */
    static int[] stratifiedFolds(int realCount, int synthCount, long seed) {
        int[] fold = new int[realCount + synthCount];
        Random random = new Random(seed);
        deal(fold, 0, realCount, random);
        deal(fold, realCount, synthCount, random);
        return fold;
    }

    private static void deal(int[] fold, int offset, int count, Random random) {
        int[] order = allRows(count);
        for (int k = count - 1; k > 0; k--) {
            int j = random.nextInt(k + 1);
            int swap = order[k];
            order[k] = order[j];
            order[j] = swap;
        }

        for (int k = 0; k < count; k++) {
            fold[offset + order[k]] = k % FOLDS;
        }
    }

    /**
     * One feature per column over both tables: numbers as they are with missing as a value below both
     * tables' minimum, categories as shared dictionary codes with missing as one more code.
     */
    private static double[][] features(Alignment alignment, List<AlignedColumn> columns, int[] realRows,
                                       int[] synthRows) {
        double[][] x = new double[realRows.length + synthRows.length][columns.size()];
        for (int c = 0; c < columns.size(); c++) {
            AlignedColumn column = columns.get(c);
            if (column.isNumeric()) {
                double min = Math.min(min(column.train()), min(column.synthetic()));
                double missing = Double.isFinite(min) ? min - 1 - Math.abs(min) : -1;
                for (int k = 0; k < realRows.length; k++) {
                    double v = column.train().numericValue(realRows[k]);
                    x[k][c] = Double.isNaN(v) ? missing : v;
                }
                for (int k = 0; k < synthRows.length; k++) {
                    double v = column.synthetic().numericValue(synthRows[k]);
                    x[realRows.length + k][c] = Double.isNaN(v) ? missing : v;
                }
            } else {
                CategoryDictionary dict = alignment.dictionary(column.name());
                for (int k = 0; k < realRows.length; k++) {
                    int code = dict.train()[realRows[k]];
                    x[k][c] = code < 0 ? dict.size() : code;
                }
                for (int k = 0; k < synthRows.length; k++) {
                    int code = dict.synthetic()[synthRows[k]];
                    x[realRows.length + k][c] = code < 0 ? dict.size() : code;
                }
            }
        }
        return x;
    }

    private static double min(Column column) {
        double min = Double.POSITIVE_INFINITY;
        for (int row = 0; row < column.size(); row++) {
            double v = column.numericValue(row);
            if (!Double.isNaN(v)) {
                min = Math.min(min, v);
            }
        }
        return min;
    }
}
