package org.synthtrust.audit.privacy;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.ForkJoinPool;
import org.junit.jupiter.api.Test;
import org.synthtrust.core.progress.CancellationToken;
import org.synthtrust.core.progress.ProgressListener;
import org.synthtrust.core.table.Column;
import org.synthtrust.core.table.Table;

/**
 * Timing of the blocked nearest-neighbour search on the full Adult training table (32,561 rows, 15 columns).
 * Not a unit test and not run by default (its name does not end in Test); run it with
 * {@code mvn -B -o -pl audit -am test -Dtest=NearestNeighbourBenchmark -Dsurefire.failIfNoSpecifiedTests=false}.
 */
class NearestNeighbourBenchmark {

    @Test
    void adultFullSize() {
        Table train = TestTables.read(TestTables.ADULT.resolve("adult_train.csv"));
        Table shuffled = shuffleColumns(train, 11);
        MixedDistance distance = MixedDistance.fit(train, train.columnNames(), DistanceScaling.IQR);
        EncodedRows trainRows = distance.encode(train, "training");
        EncodedRows syntheticRows = distance.encode(shuffled, "synthetic");
        int cores = ForkJoinPool.getCommonPoolParallelism();
        System.out.printf("cores %d, rows %d x %d, columns %d%n", cores, syntheticRows.rows(), trainRows.rows(),
                trainRows.columnCount());
        for (int round = 0; round < 3; round++) {
            time("round " + (round + 1) + ": column-shuffled synthetic to train", syntheticRows, trainRows, false);
            time("round " + (round + 1) + ": train to itself (leave-one-out)", trainRows, trainRows, true);
        }
    }

    /**
     * 100,000 query rows against 100,000 reference rows. Adult has 48,842 rows in all, so both sides are drawn
     * with replacement from the training file (the reference as rows, the queries column by column). Repeated
     * reference rows make exact ties more frequent than in real data, so treat the time as an estimate.
     */
    @Test
    void hundredThousandRows() {
        Table train = TestTables.read(TestTables.ADULT.resolve("adult_train.csv"));
        SplittableRandom random = new SplittableRandom(5);
        int[] drawn = new int[100_000];
        for (int i = 0; i < drawn.length; i++) {
            drawn[i] = random.nextInt(train.rowCount());
        }
        Table reference = train.selectRows(drawn);
        Table queries = shuffleColumns(reference, 13);
        MixedDistance distance = MixedDistance.fit(train, train.columnNames(), DistanceScaling.IQR);
        EncodedRows referenceRows = distance.encode(reference, "reference");
        EncodedRows queryRows = distance.encode(queries, "queries");
        System.out.printf("rows %d x %d, columns %d%n", queryRows.rows(), referenceRows.rows(),
                referenceRows.columnCount());
        time("100,000 column-shuffled rows to 100,000 rows", queryRows, referenceRows, false);
    }

    /**
     * Prints wall time and process CPU time. On a shared machine the wall time depends on other load; CPU
     * seconds divided by the threads used estimate the wall time on idle cores.
     */
    private static void time(String label, EncodedRows queries, EncodedRows reference, boolean excludeSame) {
        com.sun.management.OperatingSystemMXBean os = (com.sun.management.OperatingSystemMXBean)
                java.lang.management.ManagementFactory.getOperatingSystemMXBean();
        long cpuStart = os.getProcessCpuTime();
        long start = System.nanoTime();
        NearestNeighbourSearch.search(queries, reference, excludeSame, ForkJoinPool.commonPool(),
                ProgressListener.NONE, CancellationToken.NONE);
        double wall = (System.nanoTime() - start) / 1e9;
        double cpu = (os.getProcessCpuTime() - cpuStart) / 1e9;
        System.out.printf("%s: wall %.2f s, cpu %.2f s, load average %.1f%n", label, wall, cpu,
                os.getSystemLoadAverage());
    }

    /** Returns the table with every column permuted on its own, like output of an independent-marginals model. */
    private static Table shuffleColumns(Table table, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        List<Column> columns = new ArrayList<>();
        for (Column column : table.columns()) {
            columns.add(column.select(PrivacyStatistics.sampleIndexes(table.rowCount(), table.rowCount(), random)));
        }
        return new Table(columns);
    }

}
