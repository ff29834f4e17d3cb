package org.synthtrust.trustindex.experiments;

import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import org.synthtrust.core.io.CsvReader;
import org.synthtrust.core.schema.Schema;
import org.synthtrust.core.schema.SchemaIO;
import org.synthtrust.core.table.Table;
import org.synthtrust.generators.Synthesizers;

/**
 * Throughput of the epsilon audit on MST: runs per second on a subsample of discretised Adult, with fresh
 * SecureRandom per run as in a private study. Arguments: subsample rows (default 1000), runs per world
 * (default 40), threads (default the number of cores). Not a unit test; run it by hand.
 */
public final class EpsilonAuditBenchmark {

    private EpsilonAuditBenchmark() {
    }

    public static void main(String[] args) {
        int rows = args.length > 0 ? Integer.parseInt(args[0]) : 1000;
        int runs = args.length > 1 ? Integer.parseInt(args[1]) : 40;
        int threads = args.length > 2 ? Integer.parseInt(args[2]) : Runtime.getRuntime().availableProcessors();
        Path folder = Path.of("sample-data", "adult_discretized");
        Schema schema = SchemaIO.read(folder.resolve("schema.json"));
        Table adult = CsvReader.readTable(folder.resolve("adult_discretized.csv"), schema);

        // Fixed-seed subsample: choosing the rows is not a release, and a fixed choice keeps runs comparable.
        int[] order = new SplittableRandom(7).ints(0, adult.rowCount()).distinct().limit(rows).toArray();
        Arrays.sort(order);
        Table train = adult.selectRows(order);

        SynthesizerRun run = new SynthesizerRun(Synthesizers.byId("mst"), schema, 1.0, 1e-5, Map.of(), 0, null);
        EpsilonAuditExperiment.Settings settings = EpsilonAuditExperiment.Settings.defaults().withRuns(runs)
                .withThreads(threads).withMaxSeconds(3600);
        long cpuBefore = processCpuNanos();
        long start = System.nanoTime();
        EpsilonAuditExperiment.Report report = new EpsilonAuditExperiment(run, settings).run(train, "mst", null,
                null);
        double seconds = (System.nanoTime() - start) / 1e9;
        double cpuSeconds = (processCpuNanos() - cpuBefore) / 1e9;
        int total = 2 * report.runsPerWorld();
        System.out.printf(Locale.ROOT, "rows %d, columns %d, runs %d (%d per world), threads %d%n", rows,
                train.columnCount(), total, report.runsPerWorld(), threads);
        System.out.printf(Locale.ROOT, "wall %.1f s, %.2f runs/s; process CPU %.1f s, %.2f s CPU per run%n",
                seconds, total / seconds, cpuSeconds, cpuSeconds / total);
        System.out.printf(Locale.ROOT, "bound %.4f (claimed 1.0), statistic %s%n",
                report.result().value() == null ? Double.NaN : report.result().value(), report.statistic());
    }

    private static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }
}
