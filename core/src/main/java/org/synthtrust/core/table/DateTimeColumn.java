package org.synthtrust.core.table;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.BitSet;

/**
 * Timestamps stored as epoch milliseconds in UTC. Inputs with a UTC offset are converted to UTC when read;
 * the reader reports that conversion. Values are written back with the column's formatter in UTC.
 */
public final class DateTimeColumn extends Column {
    private final long[] epochMillis;
    private final BitSet missing;
    private final DateTimeFormatter formatter;

    /** Creates a column that takes ownership of both arrays; {@code missing} may be null for none. */
    public DateTimeColumn(String name, long[] epochMillis, BitSet missing, DateTimeFormatter formatter) {
        super(name);
        this.epochMillis = epochMillis;
        this.missing = missing == null ? new BitSet() : missing;
        this.formatter = (formatter == null ? DateTimeFormatter.ISO_LOCAL_DATE_TIME : formatter).withZone(ZoneOffset.UTC);
    }

    @Override
    public ColumnType type() {
        return ColumnType.DATETIME;
    }

    @Override
    public int size() {
        return epochMillis.length;
    }

    @Override
    public boolean isMissing(int row) {
        return missing.get(row);
    }

    @Override
    public int missingCount() {
        return missing.cardinality();
    }

    public long epochMilli(int row) {
        return epochMillis[row];
    }

    public Instant value(int row) {
        return missing.get(row) ? null : Instant.ofEpochMilli(epochMillis[row]);
    }

    public DateTimeFormatter formatter() {
        return formatter;
    }

    @Override
    public String format(int row) {
        return missing.get(row) ? "" : formatter.format(Instant.ofEpochMilli(epochMillis[row]));
    }

    @Override
    public double numericValue(int row) {
        return missing.get(row) ? Double.NaN : epochMillis[row];
    }

    @Override
    public DateTimeColumn select(int[] rows) {
        long[] selected = new long[rows.length];
        for (int i = 0; i < rows.length; i++) {
            selected[i] = epochMillis[rows[i]];
        }
        return new DateTimeColumn(name(), selected, Missing.select(missing, rows), formatter);
    }

    @Override
    public DateTimeColumn rename(String newName) {
        return new DateTimeColumn(newName, epochMillis, missing, formatter);
    }
}
