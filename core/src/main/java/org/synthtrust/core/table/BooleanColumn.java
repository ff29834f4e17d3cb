package org.synthtrust.core.table;

import java.util.BitSet;

/**
 * Boolean column. It keeps the spelling the input used for true and false (for example {@code yes}/{@code no}
 * or {@code 1}/{@code 0}) so that written output looks like the input.
 */
public final class BooleanColumn extends Column {
    private final BitSet values;
    private final BitSet missing;
    private final int size;
    private final String trueSpelling;
    private final String falseSpelling;

    /** Creates a column that takes ownership of both masks; {@code missing} may be null for none. */
    public BooleanColumn(String name, int size, BitSet values, BitSet missing, String trueSpelling, String falseSpelling) {
        super(name);
        this.size = size;
        this.values = values;
        this.missing = missing == null ? new BitSet() : missing;
        this.trueSpelling = trueSpelling;
        this.falseSpelling = falseSpelling;
    }

    @Override
    public ColumnType type() {
        return ColumnType.BOOLEAN;
    }

    @Override
    public int size() {
        return size;
    }

    @Override
    public boolean isMissing(int row) {
        return missing.get(row);
    }

    @Override
    public int missingCount() {
        return missing.cardinality();
    }

    public boolean value(int row) {
        return values.get(row);
    }

    public String trueSpelling() {
        return trueSpelling;
    }

    public String falseSpelling() {
        return falseSpelling;
    }

    @Override
    public String format(int row) {
        if (missing.get(row)) {
            return "";
        }
        return values.get(row) ? trueSpelling : falseSpelling;
    }

    @Override
    public double numericValue(int row) {
        if (missing.get(row)) {
            return Double.NaN;
        }
        return values.get(row) ? 1.0 : 0.0;
    }

    @Override
    public BooleanColumn select(int[] rows) {
        return new BooleanColumn(name(), rows.length, Missing.select(values, rows), Missing.select(missing, rows),
                trueSpelling, falseSpelling);
    }

    @Override
    public BooleanColumn rename(String newName) {
        return new BooleanColumn(newName, size, values, missing, trueSpelling, falseSpelling);
    }
}
