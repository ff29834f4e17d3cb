package org.synthtrust.core.table;

import java.util.BitSet;

/** 64-bit integer column; missing rows are marked in a mask and their stored value is meaningless. */
public final class IntegerColumn extends Column {
    private final long[] values;
    private final BitSet missing;

    /** Creates a column that takes ownership of both arrays; {@code missing} may be null for none. */
    public IntegerColumn(String name, long[] values, BitSet missing) {
        super(name);
        this.values = values;
        this.missing = missing == null ? new BitSet() : missing;
    }

    @Override
    public ColumnType type() {
        return ColumnType.INTEGER;
    }

    @Override
    public int size() {
        return values.length;
    }

    @Override
    public boolean isMissing(int row) {
        return missing.get(row);
    }

    @Override
    public int missingCount() {
        return missing.cardinality();
    }

    public long value(int row) {
        return values[row];
    }

    @Override
    public String format(int row) {
        return missing.get(row) ? "" : Long.toString(values[row]);
    }

    @Override
    public double numericValue(int row) {
        return missing.get(row) ? Double.NaN : values[row];
    }

    @Override
    public IntegerColumn select(int[] rows) {
        long[] selected = new long[rows.length];
        for (int i = 0; i < rows.length; i++) {
            selected[i] = values[rows[i]];
        }
        return new IntegerColumn(name(), selected, Missing.select(missing, rows));
    }

    @Override
    public IntegerColumn rename(String newName) {
        return new IntegerColumn(newName, values, missing);
    }
}
