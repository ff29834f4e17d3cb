package org.synthtrust.core.table;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Immutable, columnar table: an ordered list of typed columns of equal length with unique names. Column
 * names are kept exactly as written in the input, including spaces, brackets and non-Latin letters.
 */
public final class Table {
    private final List<Column> columns;
    private final Map<String, Integer> indexByName;
    private final int rowCount;

    public Table(List<? extends Column> columns) {
        this.columns = List.copyOf(columns);
        this.indexByName = new HashMap<>();
        int rows = this.columns.isEmpty() ? 0 : this.columns.get(0).size();
        for (int i = 0; i < this.columns.size(); i++) {
            Column column = this.columns.get(i);
            if (column.size() != rows) {
                throw new IllegalArgumentException("column '" + column.name() + "' has " + column.size()
                        + " rows, but column '" + this.columns.get(0).name() + "' has " + rows);
            }
            Integer previous = indexByName.put(column.name(), i);
            if (previous != null) {
                throw new IllegalArgumentException("duplicate column name '" + column.name() + "' at columns "
                        + (previous + 1) + " and " + (i + 1));
            }
        }
        this.rowCount = rows;
    }

    public int rowCount() {
        return rowCount;
    }

    public int columnCount() {
        return columns.size();
    }

    public List<Column> columns() {
        return columns;
    }

    public Column column(int index) {
        return columns.get(index);
    }

    /** Returns the named column or throws an IllegalArgumentException that lists the known names. */
    public Column column(String name) {
        Integer index = indexByName.get(name);
        if (index == null) {
            throw new IllegalArgumentException("column '" + name + "' not found; columns are " + columnNames());
        }
        return columns.get(index);
    }

    public Optional<Column> findColumn(String name) {
        Integer index = indexByName.get(name);
        return index == null ? Optional.empty() : Optional.of(columns.get(index));
    }

    /** Returns the 0-based position of a column, or -1 when there is none of that name. */
    public int indexOf(String name) {
        return indexByName.getOrDefault(name, -1);
    }

    public List<String> columnNames() {
        List<String> names = new ArrayList<>(columns.size());
        for (Column column : columns) {
            names.add(column.name());
        }
        return Collections.unmodifiableList(names);
    }

    /** Returns a table with the given rows of every column, in the given order. */
    public Table selectRows(int[] rows) {
        List<Column> selected = new ArrayList<>(columns.size());
        for (Column column : columns) {
            selected.add(column.select(rows));
        }
        return new Table(selected);
    }

    /** Returns a table with only the named columns, in the given order. */
    public Table selectColumns(List<String> names) {
        List<Column> selected = new ArrayList<>(names.size());
        for (String name : names) {
            selected.add(column(name));
        }
        return new Table(selected);
    }
}
