package org.synthtrust.core.table;

/** Free text or identifier values; null marks a missing value. */
public final class TextColumn extends Column {
    private final String[] values;

    /** Creates a column that takes ownership of {@code values}. */
    public TextColumn(String name, String[] values) {
        super(name);
        this.values = values;
    }

    @Override
    public ColumnType type() {
        return ColumnType.TEXT;
    }

    @Override
    public int size() {
        return values.length;
    }

    @Override
    public boolean isMissing(int row) {
        return values[row] == null;
    }

    /** Returns the value of a row, or null when it is missing. */
    public String value(int row) {
        return values[row];
    }

    @Override
    public String format(int row) {
        String value = values[row];
        return value == null ? "" : value;
    }

    @Override
    public double numericValue(int row) {
        return Double.NaN;
    }

    @Override
    public TextColumn select(int[] rows) {
        String[] selected = new String[rows.length];
        for (int i = 0; i < rows.length; i++) {
            selected[i] = values[rows[i]];
        }
        return new TextColumn(name(), selected);
    }

    @Override
    public TextColumn rename(String newName) {
        return new TextColumn(newName, values);
    }
}
