package org.synthtrust.generators.privbayes;

import java.nio.file.Path;
import java.util.Map;
import java.util.SplittableRandom;
import org.synthtrust.core.domain.Encoder;
import org.synthtrust.core.io.CsvReader;
import org.synthtrust.core.privacy.DpRandom;
import org.synthtrust.core.privacy.PrivacyBudget;
import org.synthtrust.core.privacy.PrivacyLedger;
import org.synthtrust.core.progress.CancellationToken;
import org.synthtrust.core.progress.ProgressListener;
import org.synthtrust.core.schema.Schema;
import org.synthtrust.core.schema.SchemaIO;
import org.synthtrust.core.table.Table;
import org.synthtrust.generators.FittedModel;

/**
 * Fit time and mean 2-way total variation distance of PrivBayes on the discretised Adult table. Run from the
 * repository root with the test classpath. Arguments: epsilon (default 1), runs (default 3), then
 * {@code name=value} parameters of the method and optionally {@code delta=value} (default 0).
 */
public final class PrivBayesBenchmark {
    private PrivBayesBenchmark() {
    }

    public static void main(String[] args) {
        double epsilon = args.length > 0 ? Double.parseDouble(args[0]) : 1.0;
        int runs = args.length > 1 ? Integer.parseInt(args[1]) : 3;
        Map<String, String> params = new java.util.HashMap<>();
        for (int i = 2; i < args.length; i++) {
            String[] pair = args[i].split("=", 2);
            params.put(pair[0], pair[1]);
        }
        String deltaText = params.remove("delta");
        double delta = deltaText == null ? 0 : Double.parseDouble(deltaText);
        Path directory = Path.of("sample-data/adult_discretized");
        Schema schema = SchemaIO.read(directory.resolve("schema.json"));
        Table table = CsvReader.readTable(directory.resolve("adult_discretized.csv"), schema);
        double totalSeconds = 0;
        double totalTvd = 0;
        for (int run = 0; run < runs; run++) {
            long start = System.nanoTime();
            PrivacyLedger ledger = new PrivacyLedger(PrivacyBudget.of(epsilon, delta), DpRandom.secure());
            FittedModel model = new PrivBayesSynthesizer().fit(table, schema, ledger, params, ProgressListener.NONE,
                    CancellationToken.NONE);
            Table synthetic = model.sample(model.defaultRows(), new SplittableRandom());
            double seconds = (System.nanoTime() - start) / 1e9;
            double tvd = meanTwoWayTvd(schema, table, synthetic);
            System.out.printf("run %d: %.2f s (fit and sample), mean 2-way TVD %.4f, ledger epsilon %.6f, degree %s%n",
                    run + 1, seconds, tvd, ledger.totalEpsilon(), model.provenance().parameters().get("degree_used"));
            totalSeconds += seconds;
            totalTvd += tvd;
        }
        System.out.printf("average of %d runs: %.2f s, mean 2-way TVD %.4f%n", runs, totalSeconds / runs,
                totalTvd / runs);
    }

    /** Mean over all column pairs of the total variation distance between the two 2-way marginals. */
    static double meanTwoWayTvd(Schema schema, Table real, Table synthetic) {
        Encoder encoder = Encoder.fromSchema(schema, real);
        int[][] a = encoder.encode(real);
        int[][] b = encoder.encode(synthetic);
        int d = a.length;
        double sum = 0;
        int pairs = 0;
        for (int i = 0; i < d; i++) {
            for (int j = i + 1; j < d; j++) {
                int sj = encoder.domain().size(j);
                double[] pa = new double[encoder.domain().size(i) * sj];
                double[] pb = new double[pa.length];
                for (int r = 0; r < a[i].length; r++) {
                    pa[a[i][r] * sj + a[j][r]] += 1.0 / a[i].length;
                }
                for (int r = 0; r < b[i].length; r++) {
                    pb[b[i][r] * sj + b[j][r]] += 1.0 / b[i].length;
                }
                double tvd = 0;
                for (int c = 0; c < pa.length; c++) {
                    tvd += Math.abs(pa[c] - pb[c]);
                }
                sum += tvd / 2;
                pairs++;
            }
        }
        return sum / pairs;
    }
}
