package org.synthtrust.audit.privacy;

import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.synthtrust.audit.AuditContext;
import org.synthtrust.audit.AuditSettings;
import org.synthtrust.audit.Metric;
import org.synthtrust.audit.MetricResult;
import org.synthtrust.core.io.CsvReader;
import org.synthtrust.core.schema.ColumnSpec;
import org.synthtrust.core.schema.Role;
import org.synthtrust.core.schema.Schema;
import org.synthtrust.core.schema.SchemaIO;
import org.synthtrust.core.table.Column;
import org.synthtrust.core.table.Table;

/**
 * Timing of every privacy metric on full Adult: train 32,561 rows, holdout 16,281 rows, and a synthetic
 * table of 32,561 rows with every column permuted on its own. The sample schema's {@code income} column is
 * marked sensitive so the disclosure metrics run. Not run by default (its name does not end in Test); run it
 * with {@code mvn -B -o -pl audit -am test -Dtest=PrivacySuiteBenchmark -Dsurefire.failIfNoSpecifiedTests=false}
 * from the repository root's {@code audit} module (paths are relative to it).
 */
class PrivacySuiteBenchmark {

    @Test
    void adultPrivacySuite() {
        Path folder = Path.of("../sample-data/adult");
        Schema declared = SchemaIO.read(folder.resolve("schema.json"));
        Map<String, ColumnSpec> columns = new LinkedHashMap<>(declared.columns());
        ColumnSpec income = columns.get("income");
        columns.put("income", new ColumnSpec(income.type(), List.of(Role.SENSITIVE), income.nullable(),
                income.categories(), income.bounds(), income.bins(), income.positive(), income.missingMarkers(),
                income.inferredFromData()));
        Schema schema = new Schema(declared.missingMarkers(), columns);
        Table train = CsvReader.readTable(folder.resolve("adult_train.csv"), schema);
        Table holdout = CsvReader.readTable(folder.resolve("adult_test.csv"), schema);
        Table synthetic = shuffleColumns(train, 11);
        AuditContext ctx = new AuditContext(train, holdout, synthetic, schema, "shuffled", AuditSettings.defaults());

        com.sun.management.OperatingSystemMXBean os =
                (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        for (Metric metric : new PrivacyMetricProvider().metrics()) {
            long cpuStart = os.getProcessCpuTime();
            long start = System.nanoTime();
            List<MetricResult> results = metric.compute(ctx);
            double wall = (System.nanoTime() - start) / 1e9;
            double cpu = (os.getProcessCpuTime() - cpuStart) / 1e9;
            StringBuilder values = new StringBuilder();
            for (MetricResult result : results) {
                values.append(String.format(" %s=%s", result.id(), result.value() == null ? result.status()
                        : String.format("%.4f", result.value())));
            }
            System.out.printf("%s: wall %.1f s, cpu %.1f s, load %.1f;%s%n", metric.getClass().getSimpleName(), wall,
                    cpu, os.getSystemLoadAverage(), values);
        }
    }

    private static Table shuffleColumns(Table table, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        List<Column> columns = new ArrayList<>();
        for (Column column : table.columns()) {
            columns.add(column.select(PrivacyStatistics.sampleIndexes(table.rowCount(), table.rowCount(), random)));
        }
        return new Table(columns);
    }
}
