package org.synthtrust.benchmarks;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.function.Supplier;
import org.synthtrust.core.io.CsvOptions;
import org.synthtrust.core.io.CsvReader;
import org.synthtrust.core.schema.Schema;
import org.synthtrust.core.schema.SchemaIO;
import org.synthtrust.core.table.Table;

/**
 * Measures the CPU time of the reading thread for the loads of {@link TableLoadBenchmark}. On a machine shared
 * with other jobs, wall-clock times from JMH include the time the thread waited for a core. Thread CPU time
 * leaves that out, so both are recorded. Prints the median of the last runs after warm-up runs, plus the heap in use
 * after the last load. Run with {@code -Xmx2g}; arguments are the warm-up and measured run counts (default 5 5).
 */
public final class TableLoadCpuTime {
    private TableLoadCpuTime() {
    }

    public static void main(String[] args) throws Exception {
        int warmups = args.length > 0 ? Integer.parseInt(args[0]) : 5;
        int runs = args.length > 1 ? Integer.parseInt(args[1]) : 5;
        Path sampleData = TableLoadBenchmark.sampleData();
        Path adult = sampleData.resolve("adult/adult_train.csv");
        Schema adultSchema = SchemaIO.read(sampleData.resolve("adult/schema.json"));
        report("adult, with schema", warmups, runs, () -> CsvReader.read(adult, adultSchema, CsvOptions.defaults()).table());
        report("adult, inferred", warmups, runs, () -> CsvReader.read(adult, null, CsvOptions.defaults()).table());

        Path folder = Files.createTempDirectory("synthtrust-cpu");
        Path million = folder.resolve("million.csv");
        try {
            Schema schema = TableLoadBenchmark.writeMixedTable(million, TableLoadBenchmark.Million.ROWS,
                    new SplittableRandom(42));
            int fewer = Math.max(1, warmups / 5);
            report("1,000,000 x 20, with schema", fewer, Math.max(1, runs / 2),
                    () -> CsvReader.read(million, schema, CsvOptions.defaults()).table());
            report("1,000,000 x 20, inferred", fewer, Math.max(1, runs / 2),
                    () -> CsvReader.read(million, null, CsvOptions.defaults()).table());
        } finally {
            Files.deleteIfExists(million);
            Files.deleteIfExists(folder);
        }
    }

    private static void report(String label, int warmups, int runs, Supplier<Table> load) {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        for (int i = 0; i < warmups; i++) {
            load.get();
        }
        double[] cpuMillis = new double[runs];
        double[] wallMillis = new double[runs];
        Table table = null;
        for (int i = 0; i < runs; i++) {
            long cpuStart = threads.getCurrentThreadCpuTime();
            long wallStart = System.nanoTime();
            table = load.get();
            wallMillis[i] = (System.nanoTime() - wallStart) / 1e6;
            cpuMillis[i] = (threads.getCurrentThreadCpuTime() - cpuStart) / 1e6;
        }
        Runtime runtime = Runtime.getRuntime();
        System.gc();
        long usedMiB = (runtime.totalMemory() - runtime.freeMemory()) >> 20;
        System.out.printf("%-30s rows %,9d  thread CPU median %8.1f ms  wall median %8.1f ms  heap after GC %5d MiB"
                + " (max %d MiB)%n", label, table.rowCount(), median(cpuMillis), median(wallMillis), usedMiB,
                runtime.maxMemory() >> 20);
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int middle = sorted.length / 2;
        return sorted.length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
    }
}
