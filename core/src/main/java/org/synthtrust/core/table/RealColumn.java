package org.synthtrust.core.table;

import java.util.BitSet;

/**
 * Double-precision column. Missing rows are marked in a mask; a stored NaN that is not marked missing is
 * rejected, so NaN never stands in for a missing value.
 */
public final class RealColumn extends Column {
    private final double[] values;
    private final BitSet missing;

    /** Creates a column that takes ownership of both arrays; {@code missing} may be null for none. */
    public RealColumn(String name, double[] values, BitSet missing) {
        super(name);
        this.values = values;
        this.missing = missing == null ? new BitSet() : missing;
        for (int row = 0; row < values.length; row++) {
            if (!this.missing.get(row) && !Double.isFinite(values[row])) {
                throw new IllegalArgumentException(
                        "row " + (row + 1) + " of column '" + name + "' is " + values[row] + "; values must be finite");
            }
        }
    }

    @Override
    public ColumnType type() {
        return ColumnType.REAL;
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

    public double value(int row) {
        return values[row];
    }

    @Override
    public String format(int row) {
        if (missing.get(row)) {
            return "";
        }
        double value = values[row];
        if (value == Math.rint(value) && Math.abs(value) < 1e15) {
            return Long.toString((long) value) + ".0";
        }
        return Double.toString(value);
    }

    @Override
    public double numericValue(int row) {
        return missing.get(row) ? Double.NaN : values[row];
    }

    @Override
    public RealColumn select(int[] rows) {
        double[] selected = new double[rows.length];
        for (int i = 0; i < rows.length; i++) {
            selected[i] = values[rows[i]];
        }
        return new RealColumn(name(), selected, Missing.select(missing, rows));
    }

    @Override
    public RealColumn rename(String newName) {
        return new RealColumn(newName, values, missing);
    }
}
