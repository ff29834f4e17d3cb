package org.synthtrust.audit.privacy;

import java.util.ArrayList;
import java.util.List;
import org.synthtrust.core.table.Table;
import smile.classification.LogisticRegression;

/**
 * Feature extraction and scoring of the shadow-model membership attack of Stadler, Oprisanu and Troncoso
 * (2022, "Synthetic Data - Anonymisation Groundhog Day", USENIX Security), as in TAPAS. The study pipeline
 * re-runs the synthesizer on training data with and without a target record; this class turns each
 * synthetic output into a feature vector about the target and trains a classifier that separates the
 * two worlds. This module never runs a synthesizer.
 *
 * <p>Features of one synthetic table for a target: its DCR to the table; the shares of synthetic rows within
 * distance 0, 0.02, 0.05 and 0.1 of it; for every column the share of synthetic rows equal to the target's
 * value (the 1-way marginal query containing the target); and for every pair among the first
 * {@link #MAX_PAIR_COLUMNS} columns the share equal to the target on both (2-way marginal queries).
 */
public final class ShadowModelAttack {
    /** Radii of the neighbour counts, in units of the mixed distance. */
    static final double[] RADII = {0.0, 0.02, 0.05, 0.1};
    /** Columns whose pairs give 2-way marginal features; 10 columns give 45 pairs. */
    public static final int MAX_PAIR_COLUMNS = 10;
    /** L2 penalty of the logistic regression; keeps weights finite when the worlds separate perfectly. */
    static final double L2_PENALTY = 0.1;

    private final MixedDistance distance;
    private final List<String> columns;
    private final boolean[] numeric;
    private final EncodedRows target;
    private final ColumnValues targetValues;

    /**
     * Prepares feature extraction for one target record.
     *
     * @param reference the table whose scales the distance uses (the real training data without the target)
     * @param target    a table holding the target record as its only row
     */
    public ShadowModelAttack(Table reference, Table target, List<String> columns) {
        if (target.rowCount() != 1) {
            throw new IllegalArgumentException("the target table must hold one row; got " + target.rowCount());
        }
        this.columns = List.copyOf(columns);
        this.distance = MixedDistance.fit(reference, columns, DistanceScaling.IQR);
        this.numeric = ColumnValues.numericKinds(reference, columns);
        this.target = distance.encode(target, "target");
        this.targetValues = new ColumnValues(target, columns, numeric, "target");
    }

    /** Returns the number of features {@link #features} produces. */
    public int featureCount() {
        int pairColumns = Math.min(MAX_PAIR_COLUMNS, columns.size());
        return 1 + RADII.length + columns.size() + pairColumns * (pairColumns - 1) / 2;
    }

    /** Extracts the feature vector of one synthetic output. */
    public double[] features(Table synthetic) {
        EncodedRows rows = distance.encode(synthetic, "synthetic");
        ColumnValues values = new ColumnValues(synthetic, columns, numeric, "synthetic");
        int n = Math.max(1, rows.rows());
        double[] features = new double[featureCount()];

        double nearest = 1.0;
        int[] within = new int[RADII.length];
        for (int row = 0; row < rows.rows(); row++) {
            double d = target.distance(0, rows, row);
            nearest = Math.min(nearest, d);
            for (int k = 0; k < RADII.length; k++) {
                within[k] += d <= RADII[k] ? 1 : 0;
            }
        }

        int next = 0;
        features[next++] = nearest;
        for (int k = 0; k < RADII.length; k++) {
            features[next++] = within[k] / (double) n;
        }

        boolean[][] equal = new boolean[columns.size()][rows.rows()];
        for (int c = 0; c < columns.size(); c++) {
            int count = 0;
            for (int row = 0; row < rows.rows(); row++) {
                equal[c][row] = targetValues.sameValue(c, 0, values, row);
                count += equal[c][row] ? 1 : 0;
            }
            features[next++] = count / (double) n;
        }

        int pairColumns = Math.min(MAX_PAIR_COLUMNS, columns.size());
        for (int a = 0; a < pairColumns; a++) {
            for (int b = a + 1; b < pairColumns; b++) {
                int count = 0;
                for (int row = 0; row < rows.rows(); row++) {
                    count += equal[a][row] && equal[b][row] ? 1 : 0;
                }
                features[next++] = count / (double) n;
            }
        }
        return features;
    }

    /**
     * Trains a logistic regression on features of training runs (with the target = class 1) and returns the
     * ROC summary of its probabilities on separate evaluation runs.
     *
     * @throws IllegalArgumentException when a group is empty
     */
    public static PrivacyStatistics.RocSummary score(double[][] trainWith, double[][] trainWithout,
                                                     double[][] evaluationWith, double[][] evaluationWithout,
                                                     long seed) {
        if (trainWith.length == 0 || trainWithout.length == 0 || evaluationWith.length == 0
                || evaluationWithout.length == 0) {
            throw new IllegalArgumentException("the shadow-model attack needs runs in all four groups");
        }
        List<double[]> rows = new ArrayList<>();
        List<Integer> labels = new ArrayList<>();
        for (double[] features : trainWith) {
            rows.add(features);
            labels.add(1);
        }
        for (double[] features : trainWithout) {
            rows.add(features);
            labels.add(0);
        }
        Standardizer standardizer = new Standardizer(rows);
        double[][] x = new double[rows.size()][];
        int[] y = new int[rows.size()];
        for (int i = 0; i < x.length; i++) {
            x[i] = standardizer.apply(rows.get(i));
            y[i] = labels.get(i);
        }
        LogisticRegression.Binomial model = LogisticRegression.binomial(x, y, L2_PENALTY, 1e-5, 500);
        return PrivacyStatistics.roc(probabilities(model, standardizer, evaluationWith),
                probabilities(model, standardizer, evaluationWithout), MembershipInference.BOOTSTRAP_ROUNDS, seed);
    }

    private static double[] probabilities(LogisticRegression.Binomial model, Standardizer standardizer,
                                          double[][] features) {
        double[] scores = new double[features.length];
        double[] posterior = new double[2];
        for (int i = 0; i < features.length; i++) {
            model.predict(standardizer.apply(features[i]), posterior);
            scores[i] = posterior[1];
        }
        return scores;
    }

    /** Centres and scales features by the training runs' mean and standard deviation (1 for constant ones). */
    private static final class Standardizer {
        private final double[] mean;
        private final double[] deviation;

        Standardizer(List<double[]> rows) {
            int width = rows.get(0).length;
            mean = new double[width];
            deviation = new double[width];
            for (double[] row : rows) {
                for (int j = 0; j < width; j++) {
                    mean[j] += row[j] / rows.size();
                }
            }
            for (double[] row : rows) {
                for (int j = 0; j < width; j++) {
                    deviation[j] += (row[j] - mean[j]) * (row[j] - mean[j]) / rows.size();
                }
            }
            for (int j = 0; j < width; j++) {
                deviation[j] = deviation[j] > 0 ? Math.sqrt(deviation[j]) : 1.0;
            }
        }

        double[] apply(double[] row) {
            double[] scaled = new double[row.length];
            for (int j = 0; j < row.length; j++) {
                scaled[j] = (row[j] - mean[j]) / deviation[j];
            }
            return scaled;
        }
    }
}
