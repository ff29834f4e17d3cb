package org.synthtrust.audit.utility;

import java.util.Properties;
import java.util.stream.LongStream;
import smile.base.cart.SplitRule;
import smile.classification.GradientTreeBoost;
import smile.classification.LogisticRegression;
import smile.classification.RandomForest;
import smile.data.DataFrame;
import smile.data.formula.Formula;
import smile.data.vector.IntVector;
import smile.math.MathEx;

/**
 * Binary classifiers from Smile 3.1.1 (pure-Java models only: no native BLAS needed). Labels are 0 and 1;
 * the trained model returns the probability of label 1.
 */
public final class Classifiers {
    static final int TREES = 100;
    static final int BOOST_TREES = 60;
    static final double BOOST_SHRINKAGE = 0.15;
    static final int FOREST_MAX_DEPTH = 12;
    static final int BOOST_MAX_NODES = 32;
    static final int BOOST_MAX_DEPTH = 8;

    private Classifiers() {
    }

    /** A trained model: positive-class probabilities for new rows and per-feature importances (null if none). */
    public interface Trained {
        double[] probabilities(double[][] x);

        double[] importance();
    }

    /**
     * Trains a binary model. {@code treeX} feeds the tree models and {@code linearX} logistic regression;
     * both label arrays must contain 0 and 1.
     */
    public static Trained train(ModelKind kind, double[][] treeX, double[][] linearX, int[] y, long seed) {
        return switch (kind) {
            case LOGISTIC_REGRESSION -> logistic(linearX, y);
            case RANDOM_FOREST -> forest(treeX, y, seed);
            case GRADIENT_BOOSTING -> boosting(treeX, y, seed);
        };
    }

    private static Trained logistic(double[][] x, int[] y) {
        Properties params = new Properties();
        params.setProperty("smile.logistic.lambda", "0.1");
        params.setProperty("smile.logistic.tolerance", "1e-5");
        params.setProperty("smile.logistic.iterations", "300");
        LogisticRegression model = LogisticRegression.fit(x, y, params);
        return new Trained() {
            @Override
            public double[] probabilities(double[][] rows) {
                double[] p = new double[rows.length];
                double[] posterior = new double[2];
                for (int k = 0; k < rows.length; k++) {
                    model.predict(rows[k], posterior);
                    p[k] = posterior[1];
                }
                return p;
            }

            @Override
            public double[] importance() {
                return null;
            }
        };
    }

    static DataFrame frame(double[][] x, int[] y) {
        String[] names = new String[x.length == 0 ? 0 : x[0].length];
        for (int c = 0; c < names.length; c++) {
            names[c] = "f" + c;
        }
        DataFrame features = DataFrame.of(x, names);
        return y == null ? features : features.merge(IntVector.of("y", y));
    }

    private static Trained forest(double[][] x, int[] y, long seed) {
        int p = x[0].length;
        int mtry = Math.max(1, (int) Math.floor(Math.sqrt(p)));
        RandomForest model = RandomForest.fit(Formula.lhs("y"), frame(x, y), TREES, mtry, SplitRule.GINI,
                FOREST_MAX_DEPTH, 2000, 5, 1.0, null, LongStream.range(seed, seed + TREES));
        return treeModel(model, model.importance());
    }

    private static Trained boosting(double[][] x, int[] y, long seed) {
        // GradientTreeBoost draws its row subsamples from MathEx's generator of the calling thread.
        MathEx.setSeed(seed);
        GradientTreeBoost model = GradientTreeBoost.fit(Formula.lhs("y"), frame(x, y), BOOST_TREES,
                BOOST_MAX_DEPTH, BOOST_MAX_NODES, 5, BOOST_SHRINKAGE, 0.7);
        return treeModel(model, model.importance());
    }

    private static Trained treeModel(smile.classification.DataFrameClassifier model, double[] importance) {
        return new Trained() {
            @Override
            public double[] probabilities(double[][] rows) {
                // Row by row: in Smile 3.1.1 the DataFrame overload of predict left the posteriors unfilled.
                DataFrame frame = frame(rows, null);
                double[] p = new double[rows.length];
                double[] posterior = new double[2];
                for (int k = 0; k < rows.length; k++) {
                    model.predict(frame.get(k), posterior);
                    p[k] = posterior[1];
                }
                return p;
            }

            @Override
            public double[] importance() {
                return importance;
            }
        };
    }
}
