package org.synthtrust.trustindex.experiments;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.synthtrust.audit.privacy.DistanceScaling;
import org.synthtrust.audit.privacy.EncodedRows;
import org.synthtrust.audit.privacy.MixedDistance;
import org.synthtrust.audit.privacy.NearestNeighbourSearch;
import org.synthtrust.core.table.CategoricalColumn;
import org.synthtrust.core.table.Table;

/** Canary choice and the neighbouring tables around it, on the generated categorical table. */
class CanariesTest {
    @TempDir
    Path folder;

    @Test
    void craftedCanaryAppendedRarest() throws Exception {
        ExperimentTables.write(folder);
        Table train = ExperimentTables.table(folder);
        int[] codes = Canaries.rareCodes(train);

        Table with = Canaries.withCrafted(train, 0, codes);

        assertThat(with.rowCount()).isEqualTo(train.rowCount() + 1);
        for (int c = 0; c < train.columnCount(); c++) {
            CategoricalColumn column = (CategoricalColumn) with.column(c);
            assertThat(column.code(train.rowCount())).as(column.name()).isEqualTo(codes[c]);
            assertThat(column.code(0)).as(column.name()).isEqualTo(((CategoricalColumn) train.column(c)).code(0));
        }
        // The rarest level of every generated column is its last one, drawn with weight 0.01.
        assertThat(codes).containsExactly(3, 2, 4, 2);
    }

    @Test
    void outlyingRowsFarthestFirst() throws Exception {
        ExperimentTables.write(folder);
        Table train = ExperimentTables.table(folder);

        int[] rows = Canaries.mostOutlying(train, train.columnNames(), 5);
        Table without = Canaries.without(train, rows[0]);

        MixedDistance distance = MixedDistance.fit(train, train.columnNames(), DistanceScaling.IQR);
        EncodedRows encoded = distance.encode(train, "training");
        double[] nearest = NearestNeighbourSearch.search(encoded, encoded, true).nearest();
        assertThat(rows).hasSize(5).doesNotHaveDuplicates();
        for (int k = 1; k < rows.length; k++) {
            assertThat(nearest[rows[k]]).isLessThanOrEqualTo(nearest[rows[k - 1]]);
        }
        for (int row = 0; row < train.rowCount(); row++) {
            int candidate = row;
            if (java.util.Arrays.stream(rows).noneMatch(chosen -> chosen == candidate)) {
                assertThat(nearest[row]).isLessThanOrEqualTo(nearest[rows[rows.length - 1]]);
            }
        }
        assertThat(without.rowCount()).isEqualTo(train.rowCount() - 1);
    }
}
