package org.synthtrust.audit.privacy;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.apache.commons.math3.fitting.leastsquares.LeastSquaresBuilder;
import org.apache.commons.math3.fitting.leastsquares.LeastSquaresOptimizer;
import org.apache.commons.math3.fitting.leastsquares.LeastSquaresProblem;
import org.apache.commons.math3.fitting.leastsquares.LevenbergMarquardtOptimizer;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.ArrayRealVector;
import org.apache.commons.math3.linear.RealMatrix;
import org.apache.commons.math3.linear.RealVector;
import org.apache.commons.math3.util.Pair;
import org.synthtrust.core.table.Table;

/**
 * Linear reconstruction attack of Annamalai, Gadotti and Rocher (2023, "A Linear Reconstruction Approach for
 * Attribute Inference Attacks against Synthetic Data", arXiv:2301.10053). The attacker has the
 * quasi-identifiers of n target records and tries to recover a secret bit of each (here: whether the sensitive value
 * equals the synthetic table's most frequent value). Every k-way marginal query "share of records with these
 * quasi-identifier values whose secret bit is 1", for k = 0, 1 and 2, is a linear function of the unknown
 * bits s in [0, 1]^n: (1/n) sum over matching targets of s_i. The attacker answers the queries on the
 * synthetic table and solves the box-constrained least-squares problem min ||A s - b||^2 with
 * Levenberg-Marquardt (Commons Math), projecting onto [0, 1] after every step; s_i > 0.5 is the guess.
 *
 * <p>Deviations from the paper: targets are a random sample of the training table rather than the whole
 * table, so the synthetic answers estimate the same shares only up to sampling error; numeric
 * quasi-identifiers are cut into {@link #NUMERIC_BINS} quantile bins of the synthetic table (the attacker's
 * data). The control run reconstructs holdout records the same way; success beyond it is what training
 * membership explains.
 */
public final class LinearReconstructionAttack {
    /** Bins of a numeric quasi-identifier. */
    public static final int NUMERIC_BINS = 5;
    /** Default targets per run; the least-squares problem has this many unknowns. */
    public static final int DEFAULT_TARGETS = 200;

    private LinearReconstructionAttack() {
    }

    /** Accuracy on training targets, on holdout targets (control), and of the constant majority guess. */
    public record Outcome(int targets, int queries, PrivacyStatistics.Interval memberAccuracy,
                          double holdoutAccuracy, double baseline) {
    }

    /** Runs the attack on up to {@code maxTargets} training and as many holdout records. */
    public static Outcome run(Table train, Table holdout, Table synthetic, List<String> quasiIdentifiers,
                              String secret, int maxTargets, long seed) {
        List<String> all = new ArrayList<>(quasiIdentifiers);
        all.add(secret);
        boolean[] numeric = ColumnValues.numericKinds(train, all);
        ColumnValues syntheticValues = new ColumnValues(synthetic, all, numeric, "synthetic");
        int secretIndex = quasiIdentifiers.size();
        Object positive = majorityValue(syntheticValues, secretIndex);
        double[][] edges = binEdges(syntheticValues, quasiIdentifiers.size());

        SplittableRandom random = new SplittableRandom(seed);
        int targets = Math.min(maxTargets, Math.min(train.rowCount(), holdout.rowCount()));
        ColumnValues members = new ColumnValues(train.selectRows(
                PrivacyStatistics.sampleIndexes(train.rowCount(), targets, random)), all, numeric, "training");
        ColumnValues controls = new ColumnValues(holdout.selectRows(
                PrivacyStatistics.sampleIndexes(holdout.rowCount(), targets, random)), all, numeric, "holdout");

        int[] memberHits = reconstruct(members, syntheticValues, edges, secretIndex, positive);
        int[] controlHits = reconstruct(controls, syntheticValues, edges, secretIndex, positive);
        int positives = 0;
        for (int row = 0; row < members.rows; row++) {
            positives += isPositive(members, secretIndex, row, positive) ? 1 : 0;
        }
        double syntheticShare = share(syntheticValues, secretIndex, positive);
        double baseline = (syntheticShare >= 0.5 ? positives : targets - positives) / (double) targets;
        return new Outcome(targets, memberHits[1],
                PrivacyStatistics.wilson(memberHits[0], targets, PrivacyStatistics.Z95),
                controlHits[0] / (double) targets, baseline);
    }

    /** Returns {correct guesses, queries used}. */
    private static int[] reconstruct(ColumnValues targets, ColumnValues synthetic, double[][] edges, int secret,
                                     Object positive) {
        int n = targets.rows;
        int keys = secret;
        List<double[]> rows = new ArrayList<>();
        List<Double> answers = new ArrayList<>();
        // 0-way query: the overall share of positives.
        double[] all = new double[n];
        Arrays.fill(all, 1.0 / n);
        rows.add(all);
        answers.add(share(synthetic, secret, positive));
        for (int a = 0; a < keys; a++) {
            addQueries(rows, answers, targets, synthetic, edges, secret, positive, new int[] {a});
            for (int b = a + 1; b < keys; b++) {
                addQueries(rows, answers, targets, synthetic, edges, secret, positive, new int[] {a, b});
            }
        }
        RealMatrix matrix = new Array2DRowRealMatrix(rows.toArray(new double[0][]), false);
        double[] target = new double[answers.size()];
        for (int q = 0; q < target.length; q++) {
            target[q] = answers.get(q);
        }
        double[] start = new double[n];
        Arrays.fill(start, 0.5);
        LeastSquaresProblem problem = new LeastSquaresBuilder()
                .start(start)
                .target(target)
                .model(point -> new Pair<RealVector, RealMatrix>(matrix.operate(point), matrix))
                .parameterValidator(point -> {
                    RealVector clamped = new ArrayRealVector(point);
                    for (int i = 0; i < clamped.getDimension(); i++) {
                        clamped.setEntry(i, PrivacyStatistics.clamp(clamped.getEntry(i)));
                    }
                    return clamped;
                })
                .maxEvaluations(1000)
                .maxIterations(1000)
                .build();
        // Guesses are thresholded at 0.5, so a relative tolerance of 1e-6 is far finer than any decision needs.
        LeastSquaresOptimizer.Optimum optimum = new LevenbergMarquardtOptimizer()
                .withCostRelativeTolerance(1e-6)
                .withParameterRelativeTolerance(1e-6)
                .optimize(problem);
        RealVector solution = optimum.getPoint();
        int correct = 0;
        for (int i = 0; i < n; i++) {
            boolean guess = solution.getEntry(i) > 0.5;
            correct += guess == isPositive(targets, secret, i, positive) ? 1 : 0;
        }
        return new int[] {correct, answers.size()};
    }

    /** Adds one query per value combination of the given columns that occurs among the targets. */
    private static void addQueries(List<double[]> rows, List<Double> answers, ColumnValues targets,
                                   ColumnValues synthetic, double[][] edges, int secret, Object positive,
                                   int[] columns) {
        Map<List<Object>, double[]> byCell = new HashMap<>();
        for (int i = 0; i < targets.rows; i++) {
            byCell.computeIfAbsent(cell(targets, edges, columns, i), key -> new double[targets.rows])[i] =
                    1.0 / targets.rows;
        }
        Map<List<Object>, int[]> syntheticCounts = new HashMap<>();
        for (int row = 0; row < synthetic.rows; row++) {
            if (isPositive(synthetic, secret, row, positive)) {
                syntheticCounts.computeIfAbsent(cell(synthetic, edges, columns, row), key -> new int[1])[0]++;
            }
        }
        for (Map.Entry<List<Object>, double[]> entry : byCell.entrySet()) {
            int[] count = syntheticCounts.get(entry.getKey());
            rows.add(entry.getValue());
            answers.add(count == null ? 0.0 : count[0] / (double) Math.max(1, synthetic.rows));
        }
    }

    private static List<Object> cell(ColumnValues values, double[][] edges, int[] columns, int row) {
        List<Object> key = new ArrayList<>(columns.length);
        for (int column : columns) {
            if (values.isMissing(column, row)) {
                key.add("\u0000missing");
            } else if (values.numeric[column]) {
                key.add(bin(edges[column], values.numbers[column][row]));
            } else {
                key.add(values.texts[column][row]);
            }
        }
        return key;
    }

    private static int bin(double[] edges, double value) {
        int bin = 0;
        while (bin < edges.length && value > edges[bin]) {
            bin++;
        }
        return bin;
    }

    /** Returns inner quantile edges of each numeric key column over the synthetic table. */
    private static double[][] binEdges(ColumnValues synthetic, int keys) {
        double[][] edges = new double[keys][];
        for (int c = 0; c < keys; c++) {
            if (!synthetic.numeric[c]) {
                continue;
            }
            double[] present = Arrays.stream(synthetic.numbers[c]).filter(v -> !Double.isNaN(v)).sorted().toArray();
            edges[c] = new double[present.length == 0 ? 0 : NUMERIC_BINS - 1];
            for (int k = 0; k < edges[c].length; k++) {
                edges[c][k] = MixedDistance.quantileSorted(present, (k + 1) / (double) NUMERIC_BINS);
            }
        }
        return edges;
    }

    private static Object majorityValue(ColumnValues values, int column) {
        Map<Object, Integer> counts = new HashMap<>();
        Object best = null;
        int bestCount = 0;
        for (int row = 0; row < values.rows; row++) {
            Object value = value(values, column, row);
            int count = counts.merge(value, 1, Integer::sum);
            if (count > bestCount) {
                bestCount = count;
                best = value;
            }
        }
        return best;
    }

    private static Object value(ColumnValues values, int column, int row) {
        if (values.isMissing(column, row)) {
            return "\u0000missing";
        }
        return values.numeric[column] ? (Object) values.numbers[column][row] : values.texts[column][row];
    }

    private static boolean isPositive(ColumnValues values, int column, int row, Object positive) {
        return value(values, column, row).equals(positive);
    }

    private static double share(ColumnValues values, int column, Object positive) {
        int count = 0;
        for (int row = 0; row < values.rows; row++) {
            count += isPositive(values, column, row, positive) ? 1 : 0;
        }
        return values.rows == 0 ? 0 : count / (double) values.rows;
    }
}
