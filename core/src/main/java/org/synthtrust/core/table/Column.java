package org.synthtrust.core.table;

/**
 * One typed, immutable column of a {@link Table}. Values live in primitive arrays; missing values are
 * explicit per row and never encoded as a magic number.
 */
public abstract sealed class Column
        permits CategoricalColumn, IntegerColumn, RealColumn, BooleanColumn, DateColumn, DateTimeColumn, TextColumn {

    private final String name;

    protected Column(String name) {
        if (name == null) {
            throw new IllegalArgumentException("column name must not be null");
        }
        this.name = name;
    }

    public final String name() {
        return name;
    }

    public abstract ColumnType type();

    public abstract int size();

    public abstract boolean isMissing(int row);

    public int missingCount() {
        int count = 0;
        for (int row = 0; row < size(); row++) {
            if (isMissing(row)) {
                count++;
            }
        }
        return count;
    }

    /**
     * Returns the value of a row as text in the spelling the column was read with, or the empty string for
     * a missing value.
     */
    public abstract String format(int row);

    /**
     * Returns the value as a double for ordered types: integers, reals, booleans as 0/1, dates as epoch
     * days and timestamps as epoch milliseconds; NaN for missing values and for categorical or text columns.
     */
    public abstract double numericValue(int row);

    /** Returns a new column with the given rows, in the given order; rows may repeat. */
    public abstract Column select(int[] rows);

    /** Returns a copy of this column under another name. */
    public abstract Column rename(String newName);
}
