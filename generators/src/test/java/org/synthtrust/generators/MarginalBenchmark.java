package org.synthtrust.generators;

import java.util.Locale;
import java.util.Map;
import org.synthtrust.core.privacy.DpRandom;
import org.synthtrust.core.privacy.PrivacyBudget;
import org.synthtrust.core.privacy.PrivacyLedger;
import org.synthtrust.core.progress.CancellationToken;
import org.synthtrust.core.progress.ProgressListener;
import org.synthtrust.core.schema.Schema;
import org.synthtrust.core.table.Table;

/**
 * Benchmark of the marginal synthesizers on sample-data/adult_discretized at epsilon 1, delta 1e-9: wall time
 * of fit plus sampling (SecureRandom noise, in one JVM, first run included) and mean 2-way and 3-way TVD,
 * per run and averaged. Arguments: methods to run (default {@code mst aim independent}). The system property
 * {@code runs} sets the run count (default 3), and {@code params} sets parameters as {@code key=value,...}, and
 * {@code dataset=adult} selects the mixed-type Adult training file. Run from the repository root; see docs/BENCHMARKS.md.
 */
public final class MarginalBenchmark {
    private MarginalBenchmark() {
    }

    public static void main(String[] args) {
        String[] methods = args.length == 0 ? new String[] {"mst", "aim", "independent"} : args;
        int runs = Integer.getInteger("runs", 3);
        Map<String, String> params = new java.util.LinkedHashMap<>();
        for (String pair : System.getProperty("params", "").split(",")) {
            if (!pair.isBlank()) {
                params.put(pair.substring(0, pair.indexOf('=')), pair.substring(pair.indexOf('=') + 1));
            }
        }
        // -Ddataset=adult runs the mixed-type Adult training file with its bounds and bins instead.
        boolean mixed = System.getProperty("dataset", "adult_discretized").equals("adult");
        Schema schema = TestTables.sampleSchema(mixed ? "adult" : "adult_discretized");
        Table real = mixed ? TestTables.sample("adult", "adult_train.csv")
                : TestTables.sample("adult_discretized", "adult_discretized.csv");
        for (String method : methods) {
            double seconds = 0;
            double tvd2 = 0;
            double tvd3 = 0;
            for (int run = 1; run <= runs; run++) {
                long start = System.nanoTime();
                PrivacyLedger ledger = new PrivacyLedger(PrivacyBudget.of(1.0, 1e-9), DpRandom.secure());
                FittedModel model = Synthesizers.byId(method).fit(real, schema, ledger, params,
                        ProgressListener.NONE, CancellationToken.NONE);
                Table synthetic = model.sample(model.defaultRows(), ledger.random().generator());
                double elapsed = (System.nanoTime() - start) / 1e9;
                double two = TestTables.meanTvd(schema, real, synthetic, 2);
                double three = TestTables.meanTvd(schema, real, synthetic, 3);
                System.out.printf(Locale.ROOT, "%s run %d: %.2f s, 2-way TVD %.4f, 3-way TVD %.4f, epsilon %.9f%n",
                        method, run, elapsed, two, three, ledger.totalEpsilon());
                seconds += elapsed;
                tvd2 += two;
                tvd3 += three;
            }
            System.out.printf(Locale.ROOT, "%s mean of %d: %.2f s, 2-way TVD %.4f, 3-way TVD %.4f%n", method, runs,
                    seconds / runs, tvd2 / runs, tvd3 / runs);
        }
    }
}
