package org.synthtrust.trustindex.experiments;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.stream.IntStream;
import org.synthtrust.audit.privacy.DistanceScaling;
import org.synthtrust.audit.privacy.EncodedRows;
import org.synthtrust.audit.privacy.MixedDistance;
import org.synthtrust.audit.privacy.NearestNeighbourSearch;
import org.synthtrust.core.table.CategoricalColumn;
import org.synthtrust.core.table.Column;
import org.synthtrust.core.table.Table;

/**
 * Choice of canary and target records, and the neighbouring tables built around them. Outlying records are the
 * training rows farthest from their nearest other training row under the mixed (Gower-type) distance with IQR
 * scaling, which one extreme value cannot distort. Such rows change a synthesizer's output the most, so they
 * give the strongest audit (Stadler, Oprisanu, Troncoso 2022, "Synthetic Data - Anonymisation Groundhog Day",
 * pick targets the same way).
 */
public final class Canaries {

    private Canaries() {
    }

    /** Returns the indexes of the {@code count} most outlying training rows, most outlying first. */
    public static int[] mostOutlying(Table train, List<String> columns, int count) {
        MixedDistance distance = MixedDistance.fit(train, columns, DistanceScaling.IQR);
        EncodedRows rows = distance.encode(train, "training");
        double[] nearest = NearestNeighbourSearch.search(rows, rows, true).nearest();
        return IntStream.range(0, train.rowCount()).boxed()
                .sorted(Comparator.<Integer>comparingDouble(row -> -nearest[row]).thenComparing(row -> row))
                .limit(Math.min(count, train.rowCount())).mapToInt(Integer::intValue).toArray();
    }

    /** Returns the training table without the given rows. */
    public static Table without(Table train, int... rows) {
        boolean[] dropped = new boolean[train.rowCount()];
        for (int row : rows) {
            dropped[row] = true;
        }
        return train.selectRows(IntStream.range(0, train.rowCount()).filter(row -> !dropped[row]).toArray());
    }

    /**
     * Returns {@code train} with a crafted canary appended: a copy of row {@code sourceRow} whose categorical
     * columns take {@code codes} (−1 keeps the copied value). Selecting the row twice appends it for every column
     * type, and only categorical codes are then replaced.
     */
    static Table withCrafted(Table train, int sourceRow, int[] codes) {
        int[] rows = IntStream.rangeClosed(0, train.rowCount()).map(row -> row < train.rowCount() ? row : sourceRow)
                .toArray();
        Table appended = train.selectRows(rows);
        List<Column> columns = new ArrayList<>();
        for (int c = 0; c < appended.columnCount(); c++) {
            Column column = appended.column(c);
            if (codes[c] >= 0 && column instanceof CategoricalColumn categorical) {
                int[] values = categorical.codes().clone();
                values[values.length - 1] = codes[c];
                column = new CategoricalColumn(categorical.name(), values, categorical.levels());
            }
            columns.add(column);
        }
        return new Table(columns);
    }

    /**
     * Builds the crafted canary: the most outlying training row with every categorical column set to its least
     * frequent level in the training table (the first such level on ties), a value combination that is rare or
     * absent. Returns the codes per column, −1 for columns kept from the row.
     */
    static int[] rareCodes(Table train) {
        int[] codes = new int[train.columnCount()];
        Arrays.fill(codes, -1);
        for (int c = 0; c < train.columnCount(); c++) {
            if (train.column(c) instanceof CategoricalColumn categorical && categorical.levelCount() > 0) {
                long[] counts = new long[categorical.levelCount()];
                for (int code : categorical.codes()) {
                    if (code >= 0) {
                        counts[code]++;
                    }
                }
                int rarest = 0;
                for (int level = 1; level < counts.length; level++) {
                    if (counts[level] < counts[rarest]) {
                        rarest = level;
                    }
                }
                codes[c] = rarest;
            }
        }
        return codes;
    }
}
