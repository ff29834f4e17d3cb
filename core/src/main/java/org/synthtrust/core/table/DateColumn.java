package org.synthtrust.core.table;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.BitSet;

/** Calendar dates stored as epoch days, written back with the formatter they were read with. */
public final class DateColumn extends Column {
    private final int[] epochDays;
    private final BitSet missing;
    private final DateTimeFormatter formatter;

    /** Creates a column that takes ownership of both arrays; {@code missing} may be null for none. */
    public DateColumn(String name, int[] epochDays, BitSet missing, DateTimeFormatter formatter) {
        super(name);
        this.epochDays = epochDays;
        this.missing = missing == null ? new BitSet() : missing;
        this.formatter = formatter == null ? DateTimeFormatter.ISO_LOCAL_DATE : formatter;
    }

    @Override
    public ColumnType type() {
        return ColumnType.DATE;
    }

    @Override
    public int size() {
        return epochDays.length;
    }

    @Override
    public boolean isMissing(int row) {
        return missing.get(row);
    }

    @Override
    public int missingCount() {
        return missing.cardinality();
    }

    public int epochDay(int row) {
        return epochDays[row];
    }

    public LocalDate value(int row) {
        return missing.get(row) ? null : LocalDate.ofEpochDay(epochDays[row]);
    }

    public DateTimeFormatter formatter() {
        return formatter;
    }

    @Override
    public String format(int row) {
        return missing.get(row) ? "" : formatter.format(LocalDate.ofEpochDay(epochDays[row]));
    }

    @Override
    public double numericValue(int row) {
        return missing.get(row) ? Double.NaN : epochDays[row];
    }

    @Override
    public DateColumn select(int[] rows) {
        int[] selected = new int[rows.length];
        for (int i = 0; i < rows.length; i++) {
            selected[i] = epochDays[rows[i]];
        }
        return new DateColumn(name(), selected, Missing.select(missing, rows), formatter);
    }

    @Override
    public DateColumn rename(String newName) {
        return new DateColumn(newName, epochDays, missing, formatter);
    }
}
