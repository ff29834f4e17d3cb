package org.synthtrust.core.io;

import static org.assertj.core.api.Assertions.assertThat;

import org.synthtrust.core.table.CategoricalColumn;
import org.synthtrust.core.table.Column;
import org.synthtrust.core.table.Table;

/** Assertions on whole tables for the reader and writer tests. */
final class Tables {
    private Tables() {
    }

    /** Asserts equal names, types, dictionaries, missing masks and written values, cell by cell. */
    static void assertSameTable(Table actual, Table expected) {
        assertThat(actual.columnNames()).isEqualTo(expected.columnNames());
        assertThat(actual.rowCount()).isEqualTo(expected.rowCount());
        for (int i = 0; i < expected.columnCount(); i++) {
            Column want = expected.column(i);
            Column got = actual.column(i);
            assertThat(got.type()).as("type of %s", want.name()).isEqualTo(want.type());
            if (want instanceof CategoricalColumn wantCategorical) {
                assertThat(((CategoricalColumn) got).levels()).as("levels of %s", want.name())
                        .isEqualTo(wantCategorical.levels());
            }
            for (int row = 0; row < want.size(); row++) {
                if (got.isMissing(row) != want.isMissing(row) || !got.format(row).equals(want.format(row))) {
                    assertThat(got.format(row)).as("column %s row %d", want.name(), row + 1).isEqualTo(want.format(row));
                    assertThat(got.isMissing(row)).as("missing in column %s row %d", want.name(), row + 1)
                            .isEqualTo(want.isMissing(row));
                }
            }
        }
    }
}
