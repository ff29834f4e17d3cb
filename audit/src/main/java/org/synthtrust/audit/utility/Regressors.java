package org.synthtrust.audit.utility;

import java.util.stream.LongStream;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.ArrayRealVector;
import org.apache.commons.math3.linear.CholeskyDecomposition;
import org.apache.commons.math3.linear.RealMatrix;
import org.apache.commons.math3.linear.RealVector;
import smile.base.cart.Loss;
import smile.data.DataFrame;
import smile.data.formula.Formula;
import smile.data.vector.DoubleVector;
import smile.math.MathEx;
import smile.regression.GradientTreeBoost;
import smile.regression.RandomForest;

/**
 * Regression models for a numeric target: Smile random forest and gradient boosting with the sizes of
 * {@link Classifiers}, and ridge regression (penalty 1e-3 on standardised features, intercept unpenalised)
 * solved in pure Java with commons-math, in place of Smile's OLS, which needs native LAPACK.
 */
public final class Regressors {
    private Regressors() {
    }

    /** A trained regression model: predictions for new rows and per-feature importances (null if none). */
    public interface Trained {
        double[] predict(double[][] x);

        double[] importance();
    }

    public static Trained train(ModelKind kind, double[][] treeX, double[][] linearX, double[] y, long seed) {
        return switch (kind) {
            case LOGISTIC_REGRESSION -> ridge(linearX, y);
            case RANDOM_FOREST -> forest(treeX, y, seed);
            case GRADIENT_BOOSTING -> boosting(treeX, y, seed);
        };
    }

    private static DataFrame frame(double[][] x, double[] y) {
        DataFrame features = Classifiers.frame(x, null);
        return y == null ? features : features.merge(DoubleVector.of("y", y));
    }

    private static Trained forest(double[][] x, double[] y, long seed) {
        int mtry = Math.max(1, x[0].length / 3);
        RandomForest model = RandomForest.fit(Formula.lhs("y"), frame(x, y), Classifiers.TREES, mtry,
                Classifiers.FOREST_MAX_DEPTH, 2000, 5, 1.0, LongStream.range(seed, seed + Classifiers.TREES));
        return tree(model, model.importance());
    }

    private static Trained boosting(double[][] x, double[] y, long seed) {
        MathEx.setSeed(seed);
        GradientTreeBoost model = GradientTreeBoost.fit(Formula.lhs("y"), frame(x, y), Loss.ls(),
                Classifiers.BOOST_TREES, Classifiers.BOOST_MAX_DEPTH, Classifiers.BOOST_MAX_NODES, 5,
                Classifiers.BOOST_SHRINKAGE, 0.7);
        return tree(model, model.importance());
    }

    private static Trained tree(smile.regression.DataFrameRegression model, double[] importance) {
        return new Trained() {
            @Override
            public double[] predict(double[][] rows) {
                return model.predict(frame(rows, null));
            }

            @Override
            public double[] importance() {
                return importance;
            }
        };
    }

    private static Trained ridge(double[][] x, double[] y) {
        int n = x.length;
        int p = x[0].length + 1;
        double[][] gram = new double[p][p];
        double[] xty = new double[p];
        double[] row = new double[p];
        for (int k = 0; k < n; k++) {
            row[0] = 1;
            System.arraycopy(x[k], 0, row, 1, p - 1);
            for (int a = 0; a < p; a++) {
                xty[a] += row[a] * y[k];
                for (int b = a; b < p; b++) {
                    gram[a][b] += row[a] * row[b];
                }
            }
        }

        for (int a = 0; a < p; a++) {
            for (int b = 0; b < a; b++) {
                gram[a][b] = gram[b][a];
            }
            // The penalty also keeps the system positive definite when a one-hot column is all zero.
            gram[a][a] += a == 0 ? 1e-9 : 1e-3 * n;
        }
        RealMatrix matrix = new Array2DRowRealMatrix(gram, false);
        RealVector beta = new CholeskyDecomposition(matrix, 1e-12, 1e-15).getSolver().solve(new ArrayRealVector(xty));
        double[] coefficients = beta.toArray();
        return new Trained() {
            @Override
            public double[] predict(double[][] rows) {
                double[] out = new double[rows.length];
                for (int k = 0; k < rows.length; k++) {
                    double sum = coefficients[0];
                    for (int c = 1; c < coefficients.length; c++) {
                        sum += coefficients[c] * rows[k][c - 1];
                    }
                    out[k] = sum;
                }
                return out;
            }

            @Override
            public double[] importance() {
                return null;
            }
        };
    }
}
