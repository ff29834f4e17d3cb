package org.synthtrust.audit;

import java.util.BitSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.synthtrust.core.schema.ColumnSpec;
import org.synthtrust.core.schema.Role;
import org.synthtrust.core.schema.Schema;
import org.synthtrust.core.table.CategoricalColumn;
import org.synthtrust.core.table.ColumnType;
import org.synthtrust.core.table.IntegerColumn;
import org.synthtrust.core.table.RealColumn;

/** Builders for small hand-made tables and schemas. */
final class TestTables {
    private TestTables() {
    }

    static CategoricalColumn cat(String name, String... values) {
        return CategoricalColumn.ofValues(name, values);
    }

    /** Integer column; a null entry is missing. */
    static IntegerColumn ints(String name, Integer... values) {
        long[] raw = new long[values.length];
        BitSet missing = new BitSet();
        for (int i = 0; i < values.length; i++) {
            if (values[i] == null) {
                missing.set(i);
            } else {
                raw[i] = values[i];
            }
        }
        return new IntegerColumn(name, raw, missing);
    }

    static RealColumn reals(String name, double... values) {
        return new RealColumn(name, values.clone(), null);
    }

    static ColumnSpec spec(ColumnType type, Role... roles) {
        return new ColumnSpec(type, List.of(roles), null, null, null, null, null, null, null);
    }

    static ColumnSpec target(String positive) {
        return new ColumnSpec(ColumnType.CATEGORICAL, List.of(Role.TARGET), null, null, null, null, positive, null, null);
    }

    static Schema schema(Object... nameSpecPairs) {
        Map<String, ColumnSpec> columns = new LinkedHashMap<>();
        for (int i = 0; i < nameSpecPairs.length; i += 2) {
            columns.put((String) nameSpecPairs[i], (ColumnSpec) nameSpecPairs[i + 1]);
        }
        return new Schema(null, columns);
    }
}
