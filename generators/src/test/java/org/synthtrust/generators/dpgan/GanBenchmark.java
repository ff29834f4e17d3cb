package org.synthtrust.generators.dpgan;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.synthtrust.core.io.CsvReader;
import org.synthtrust.core.privacy.DpRandom;
import org.synthtrust.core.privacy.PrivacyBudget;
import org.synthtrust.core.privacy.PrivacyLedger;
import org.synthtrust.core.progress.CancellationToken;
import org.synthtrust.core.progress.ProgressListener;
import org.synthtrust.core.schema.Schema;
import org.synthtrust.core.schema.SchemaIO;
import org.synthtrust.core.table.Column;
import org.synthtrust.core.table.Table;
import org.synthtrust.generators.FittedModel;
import org.synthtrust.generators.Synthesizers;
import smile.classification.GradientTreeBoost;
import smile.data.DataFrame;
import smile.data.formula.Formula;
import smile.data.vector.IntVector;
import smile.math.MathEx;

/**
 * Train-on-synthetic, test-on-real check of the DP-GAN on Adult: fits on the train file, samples as many rows,
 * trains Smile's gradient-boosted trees for {@code income} on the sample and reports ROC AUC on the test file.
 * Arguments: method (dpgan, dpgan-nonprivate or real), epsilon, then {@code name=value} parameters.
 */
public final class GanBenchmark {
    private GanBenchmark() {
    }

    public static void main(String[] args) {
        String method = args.length > 0 ? args[0] : "dpgan";
        double epsilon = args.length > 1 ? Double.parseDouble(args[1]) : 3.0;
        Map<String, String> params = new HashMap<>();
        for (int i = 2; i < args.length; i++) {
            String[] pair = args[i].split("=", 2);
            params.put(pair[0], pair[1]);
        }
        Path directory = Path.of("sample-data/adult");
        Schema schema = SchemaIO.read(directory.resolve("schema.json"));
        Table train = CsvReader.readTable(directory.resolve("adult_train.csv"), schema);
        Table test = CsvReader.readTable(directory.resolve("adult_test.csv"), schema);
        Table synthetic;
        if (method.equals("real")) {
            synthetic = train;
        } else {
            long start = System.nanoTime();
            PrivacyLedger ledger = new PrivacyLedger(PrivacyBudget.of(epsilon, 1e-5), DpRandom.secure());
            FittedModel model = Synthesizers.byId(method).fit(train, schema, ledger, params, ProgressListener.NONE,
                    CancellationToken.NONE);
            double seconds = (System.nanoTime() - start) / 1e9;
            synthetic = model.sample(train.rowCount(), new SplittableRandom());
            System.out.printf("fit %.1f s, ledger epsilon %.4f (%s), parameters %s%n", seconds, ledger.totalEpsilon(),
                    ledger.accounting(), model.provenance().parameters());
        }
        List<String> features = train.columnNames().stream()
                .filter(name -> !name.equals("income") && !name.equals("fnlwgt")).toList();
        double auc = rocAuc(features, synthetic, test);
        System.out.printf("%s: ROC AUC on adult_test %.4f, positive share in the sample %.3f%n", method, auc,
                Arrays.stream(labels(synthetic)).average().orElse(0));
    }

    static int[] labels(Table table) {
        Column income = table.column("income");
        int[] y = new int[table.rowCount()];
        for (int row = 0; row < y.length; row++) {
            y[row] = income.format(row).startsWith(">50K") ? 1 : 0;
        }
        return y;
    }

    /** Features: numbers as they are, categories as ordinal codes of their declared order, missing as -1. */
    static double[][] features(List<String> names, Table table, Table reference) {
        double[][] x = new double[table.rowCount()][names.size()];
        for (int c = 0; c < names.size(); c++) {
            Column column = table.column(names.get(c));
            Map<String, Integer> codes = new HashMap<>();
            Column ref = reference.column(names.get(c));
            boolean numeric = switch (ref.type()) {
                case INTEGER, REAL -> true;
                default -> false;
            };
            for (int row = 0; row < table.rowCount(); row++) {
                if (column.isMissing(row)) {
                    x[row][c] = -1;
                } else if (numeric) {
                    x[row][c] = column.numericValue(row);
                } else {
                    x[row][c] = codes.computeIfAbsent(column.format(row), key -> levelIndex(ref, key));
                }
            }
        }
        return x;
    }

    private static int levelIndex(Column reference, String value) {
        if (reference instanceof org.synthtrust.core.table.CategoricalColumn categorical) {
            return categorical.levels().indexOf(value);
        }
        return value.hashCode() & 0xffff;
    }

    static double rocAuc(List<String> names, Table synthetic, Table test) {
        double[][] x = features(names, synthetic, test);
        int[] y = labels(synthetic);
        String[] columns = names.stream().map(n -> n.replace('-', '_')).toArray(String[]::new);
        DataFrame frame = DataFrame.of(x, columns).merge(IntVector.of("y", y));
        MathEx.setSeed(1);
        GradientTreeBoost model = GradientTreeBoost.fit(Formula.lhs("y"), frame, 100, 8, 32, 5, 0.1, 0.7);
        double[][] testX = features(names, test, test);
        int[] testY = labels(test);
        DataFrame testFrame = DataFrame.of(testX, columns);
        double[] scores = new double[testY.length];
        double[] posterior = new double[2];
        for (int k = 0; k < scores.length; k++) {
            model.predict(testFrame.get(k), posterior);
            scores[k] = posterior[1];
        }
        return auc(scores, testY);
    }

    /** Mann-Whitney form of the ROC AUC, ties counted one half. */
    static double auc(double[] scores, int[] y) {
        Integer[] order = new Integer[scores.length];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        Arrays.sort(order, (a, b) -> Double.compare(scores[a], scores[b]));
        double rankSum = 0;
        long positives = 0;
        int i = 0;
        while (i < order.length) {
            int j = i;
            while (j + 1 < order.length && scores[order[j + 1]] == scores[order[i]]) {
                j++;
            }
            double rank = (i + j) / 2.0 + 1;
            for (int k = i; k <= j; k++) {
                if (y[order[k]] == 1) {
                    rankSum += rank;
                    positives++;
                }
            }
            i = j + 1;
        }
        long negatives = scores.length - positives;
        if (positives == 0 || negatives == 0) {
            return 0.5;
        }
        return (rankSum - positives * (positives + 1) / 2.0) / (positives * (double) negatives);
    }
}
