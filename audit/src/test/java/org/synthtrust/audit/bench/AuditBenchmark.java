package org.synthtrust.audit.bench;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.synthtrust.audit.AuditContext;
import org.synthtrust.audit.AuditResult;
import org.synthtrust.audit.AuditRunner;
import org.synthtrust.audit.AuditSettings;
import org.synthtrust.audit.MetricRegistry;
import org.synthtrust.audit.fidelity.KMarginalMetric;
import org.synthtrust.core.io.CsvReader;
import org.synthtrust.core.schema.ColumnSpec;
import org.synthtrust.core.schema.Schema;
import org.synthtrust.core.schema.SchemaIO;
import org.synthtrust.core.table.CategoricalColumn;
import org.synthtrust.core.table.Column;
import org.synthtrust.core.table.ColumnType;
import org.synthtrust.core.table.IntegerColumn;
import org.synthtrust.core.table.Table;

/**
 * Wall-clock benchmark of the audit, run by hand (not part of the test suite):
 * {@code java -cp ... org.synthtrust.audit.bench.AuditBenchmark TRAIN HOLDOUT SYNTHETIC SCHEMA}. It times the
 * fidelity, utility and fairness suite for one candidate, then the k-marginal score on generated tables of
 * 27,000 rows and 24 columns with a group column.
 */
public final class AuditBenchmark {
    private AuditBenchmark() {
    }

    public static void main(String[] args) {
        Schema schema = SchemaIO.read(Path.of(args[3]));
        Table train = CsvReader.readTable(Path.of(args[0]), schema);
        Table holdout = CsvReader.readTable(Path.of(args[1]), schema);
        Table synthetic = CsvReader.readTable(Path.of(args[2]), schema);
        AuditSettings settings = AuditSettings.defaults();
        for (int repeat = 0; repeat < 2; repeat++) {
            AuditContext ctx = new AuditContext(train, holdout, synthetic, schema, "bench", settings);
            long start = System.nanoTime();
            long cpuStart = cpuNanos();
            AuditResult result = new AuditRunner().run(MetricRegistry.select(List.of("fidelity", "utility",
                    "fairness")), List.of(ctx), null, null);
            System.out.printf("full suite (run %d): %.2f s wall, %.2f s process CPU, %d results, %d threads%n",
                    repeat + 1, (System.nanoTime() - start) / 1e9, (cpuNanos() - cpuStart) / 1e9,
                    result.results().size(), settings.threads());
        }
        Table[] generated = {generate(27_000, 1), generate(27_000, 2)};
        Map<String, ColumnSpec> specs = new LinkedHashMap<>();
        for (Column column : generated[0].columns()) {
            specs.put(column.name(), new ColumnSpec(column.type(), List.of(), null, null, null, null, null, null,
                    null));
        }
        Schema generatedSchema = new Schema(null, specs);
        for (int repeat = 0; repeat < 3; repeat++) {
            AuditContext ctx = new AuditContext(generated[0], null, generated[1], generatedSchema, "k",
                    settings.withGroupColumn("PUMA"));
            long start = System.nanoTime();
            double score = new KMarginalMetric().compute(ctx).get(0).value();
            System.out.printf("k-marginal 27,000 x 24 + group (run %d): %.2f s, score %.0f%n", repeat + 1,
                    (System.nanoTime() - start) / 1e9, score);
        }
    }

    private static long cpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory
                .getOperatingSystemMXBean()).getProcessCpuTime();
    }

    /** 16 categorical columns of 2-12 levels, 8 integer columns and a 20-level group column PUMA. */
    private static Table generate(int rows, long seed) {
        Random random = new Random(seed);
        List<Column> columns = new ArrayList<>();
        for (int c = 0; c < 16; c++) {
            int levels = 2 + c % 11;
            String[] values = new String[rows];
            for (int r = 0; r < rows; r++) {
                values[r] = "v" + Math.min(levels - 1, (int) Math.abs(random.nextGaussian() * levels / 2.5));
            }
            columns.add(CategoricalColumn.ofValues("cat" + c, values));
        }
        for (int c = 0; c < 8; c++) {
            long[] values = new long[rows];
            for (int r = 0; r < rows; r++) {
                values[r] = Math.round(40 + 12 * random.nextGaussian() * (1 + c));
            }
            columns.add(new IntegerColumn("num" + c, values, null));
        }
        String[] puma = new String[rows];
        for (int r = 0; r < rows; r++) {
            puma[r] = "P" + random.nextInt(20);
        }
        columns.add(CategoricalColumn.ofValues("PUMA", puma));
        return new Table(columns);
    }
}
