package org.synthtrust.generators;

import java.io.BufferedWriter;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
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
import org.synthtrust.core.table.Table;

/**
 * Benchmark of MST on a generated 1,000,000 x 20 table: 7 integer columns (two nullable with 1% missing), 5 real
 * columns, 6 categorical columns with 2 to 50 levels, a boolean and a text identifier, with a schema that
 * declares every domain. Integer and real columns depend on the first categorical column, so MST has pairs
 * worth measuring. The CSV file goes to a temporary folder (seed 42) and is deleted afterwards. Prints the
 * wall time of reading, fitting at epsilon 1 and delta 1e-9 (SecureRandom noise) and sampling 1,000,000 rows,
 * and the peak heap. Run with {@code -Xmx2g}; see docs/BENCHMARKS.md.
 */
public final class MstMillionBenchmark {
    private static final int ROWS = 1_000_000;
    private static final int[] LEVELS = {2, 5, 10, 20, 35, 50};

    private MstMillionBenchmark() {
    }

    public static void main(String[] args) throws IOException {
        Path folder = Files.createTempDirectory("mst-million");
        Path csv = folder.resolve("million.csv");
        try {
            Schema schema = writeTable(csv, new SplittableRandom(42));
            System.out.printf(Locale.ROOT, "file: %.1f MB%n", Files.size(csv) / 1e6);

            long start = System.nanoTime();
            Table table = CsvReader.readTable(csv, schema);
            long read = System.nanoTime();
            PrivacyLedger ledger = new PrivacyLedger(PrivacyBudget.of(1.0, 1e-9), DpRandom.secure());
            FittedModel model = Synthesizers.byId("mst").fit(table, schema, ledger, Map.of(), ProgressListener.NONE,
                    CancellationToken.NONE);
            long fitted = System.nanoTime();
            Table synthetic = model.sample(ROWS, ledger.random().generator());
            long sampled = System.nanoTime();

            System.out.printf(Locale.ROOT, "read %.1f s, fit %.1f s, sample %d rows %.1f s, fit + sample %.1f s, "
                    + "total %.1f s, epsilon %.9f%n", (read - start) / 1e9, (fitted - read) / 1e9,
                    synthetic.rowCount(), (sampled - fitted) / 1e9, (sampled - read) / 1e9, (sampled - start) / 1e9,
                    ledger.totalEpsilon());
            System.out.printf(Locale.ROOT, "peak heap %.0f MiB, max heap %.0f MiB%n", peakHeapBytes() / 1048576.0,
                    Runtime.getRuntime().maxMemory() / 1048576.0);
        } finally {
            Files.deleteIfExists(csv);
            Files.deleteIfExists(folder);
        }
    }

    private static long peakHeapBytes() {
        long peak = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                peak += pool.getPeakUsage().getUsed();
            }
        }
        return peak;
    }

    private static Schema writeTable(Path csv, SplittableRandom random) throws IOException {
        StringBuilder schema = new StringBuilder("{\"columns\": {");
        StringBuilder header = new StringBuilder();
        for (int i = 0; i < 7; i++) {
            schema.append(String.format(Locale.ROOT, "\"int%d\": {\"type\": \"integer\", \"bounds\": [0, %d], "
                    + "\"nullable\": %b}, ", i, 100 * (i + 1), i < 2));
            header.append("int").append(i).append(',');
        }
        for (int i = 0; i < 5; i++) {
            schema.append(String.format(Locale.ROOT, "\"real%d\": {\"type\": \"real\", \"bounds\": [0, 1000]}, ", i));
            header.append("real").append(i).append(',');
        }
        for (int i = 0; i < LEVELS.length; i++) {
            schema.append(String.format(Locale.ROOT, "\"cat%d\": {\"type\": \"categorical\", \"categories\": [", i));
            for (int level = 0; level < LEVELS[i]; level++) {
                schema.append(level == 0 ? "" : ", ").append("\"L").append(level).append('"');
            }
            schema.append("]}, ");
            header.append("cat").append(i).append(',');
        }
        schema.append("\"flag\": {\"type\": \"boolean\"}, \"id\": {\"type\": \"text\", \"roles\": [\"identifier\"]}}}");
        header.append("flag,id");

        try (BufferedWriter out = Files.newBufferedWriter(csv)) {
            out.write(header.toString());
            out.newLine();
            StringBuilder line = new StringBuilder();
            int[] categories = new int[LEVELS.length];
            for (int row = 0; row < ROWS; row++) {
                line.setLength(0);
                for (int i = 0; i < LEVELS.length; i++) {
                    categories[i] = i > 0 && random.nextInt(2) == 0 ? categories[i - 1] % LEVELS[i]
                            : random.nextInt(LEVELS[i]);
                }
                double driver = categories[0] == 0 ? 0.3 : 0.7;
                for (int i = 0; i < 7; i++) {
                    if (i < 2 && random.nextInt(100) == 0) {
                        line.append(',');
                        continue;
                    }
                    int upper = 100 * (i + 1);
                    long value = Math.round(Math.max(0, Math.min(upper, upper * (driver + 0.15 * random.nextGaussian()))));
                    line.append(value).append(',');
                }
                for (int i = 0; i < 5; i++) {
                    double value = Math.max(0, Math.min(1000, 1000 * (driver + 0.2 * random.nextGaussian())));
                    line.append(String.format(Locale.ROOT, "%.3f", value)).append(',');
                }
                for (int i = 0; i < LEVELS.length; i++) {
                    line.append('L').append(categories[i]).append(',');
                }
                line.append(random.nextDouble() < driver ? "true" : "false").append(',');
                line.append(String.format(Locale.ROOT, "%016x", random.nextLong()));
                out.write(line.toString());
                out.newLine();
            }
        }
        return SchemaIO.parse(schema.toString(), "generated schema", false);
    }
}
