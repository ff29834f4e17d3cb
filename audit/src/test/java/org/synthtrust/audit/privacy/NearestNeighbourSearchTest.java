package org.synthtrust.audit.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.ForkJoinPool;
import org.junit.jupiter.api.Test;
import org.synthtrust.core.progress.CancellationToken;
import org.synthtrust.core.progress.CancelledException;
import org.synthtrust.core.progress.ProgressListener;
import org.synthtrust.core.table.CategoricalColumn;
import org.synthtrust.core.table.Column;
import org.synthtrust.core.table.IntegerColumn;
import org.synthtrust.core.table.Table;

class NearestNeighbourSearchTest {

    @Test
    void prunedSearchEqualsBruteForce() {
        Table train = TestTables.read(TestTables.ADULT.resolve("adult_train.csv"), Set.of(), 700);
        Table rows = train.selectRows(range(0, 400));
        Table reference = train.selectRows(range(400, 700));
        for (DistanceScaling scaling : DistanceScaling.values()) {
            MixedDistance distance = MixedDistance.fit(reference, reference.columnNames(), scaling);
            assertMatchesBruteForce(distance.encode(rows, "query"), distance.encode(reference, "reference"));
        }
    }

    @Test
    void manyCategoriesSpanSeveralWords() {
        // 12 categorical columns of up to 300 levels need 10-bit fields, so codes span two 64-bit words;
        // a constant numeric column exercises the zero scale.
        SplittableRandom random = new SplittableRandom(5);
        List<Column> columns = new ArrayList<>();
        for (int c = 0; c < 12; c++) {
            String[] values = new String[250];
            for (int r = 0; r < values.length; r++) {
                values[r] = random.nextInt(10) == 0 ? null : "v" + random.nextInt(c < 2 ? 300 : 3);
            }
            columns.add(CategoricalColumn.ofValues("c" + c, values));
        }
        long[] constant = new long[250];
        java.util.Arrays.fill(constant, 4);
        constant[7] = 5;
        columns.add(new IntegerColumn("constant", constant, null));
        Table table = new Table(columns);
        Table reference = table.selectRows(range(0, 120));
        Table queries = table.selectRows(range(120, 250));
        MixedDistance distance = MixedDistance.fit(reference, reference.columnNames(), DistanceScaling.IQR);
        assertMatchesBruteForce(distance.encode(queries, "query"), distance.encode(reference, "reference"));
    }

    @Test
    void cancelledSearchStops() {
        Table train = TestTables.read(TestTables.CASES.resolve("C32.csv"));
        MixedDistance distance = MixedDistance.fit(train, train.columnNames(), DistanceScaling.RANGE);
        EncodedRows rows = distance.encode(train, "training");
        CancellationToken cancel = new CancellationToken();
        cancel.cancel();
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> NearestNeighbourSearch.search(rows, rows, true,
                ForkJoinPool.commonPool(), ProgressListener.NONE, cancel)).isInstanceOf(CancelledException.class);
    }

    private static void assertMatchesBruteForce(EncodedRows queries, EncodedRows reference) {
        NearestNeighbourSearch.Neighbours found = NearestNeighbourSearch.search(queries, reference, false);
        for (int q = 0; q < queries.rows(); q++) {
            double best = Double.POSITIVE_INFINITY;
            double second = Double.POSITIVE_INFINITY;
            int bestIndex = -1;
            for (int r = 0; r < reference.rows(); r++) {
                double d = queries.distance(q, reference, r);
                if (d < best) {
                    second = best;
                    best = d;
                    bestIndex = r;
                } else if (d < second) {
                    second = d;
                }
            }
            assertThat(found.nearest()[q]).as("nearest of row %d", q).isEqualTo(best);
            assertThat(found.secondNearest()[q]).as("second of row %d", q).isEqualTo(second);
            assertThat(found.nearestIndex()[q]).as("index of row %d", q).isEqualTo(bestIndex);
        }
    }

    private static int[] range(int from, int to) {
        int[] rows = new int[to - from];
        for (int i = 0; i < rows.length; i++) {
            rows[i] = from + i;
        }
        return rows;
    }
}
