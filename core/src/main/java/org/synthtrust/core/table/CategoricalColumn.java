package org.synthtrust.core.table;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Categorical column stored as int codes into a dictionary of levels. Code {@link #MISSING} marks a
 * missing value. The dictionary keeps the order it was given in (the schema's declared order when there is
 * one), and may contain levels that no row uses.
 */
public final class CategoricalColumn extends Column {
    public static final int MISSING = -1;

    private final int[] codes;
    private final List<String> levels;

    /** Creates a column that takes ownership of {@code codes}; every code must be MISSING or a level index. */
    public CategoricalColumn(String name, int[] codes, List<String> levels) {
        super(name);
        this.codes = codes;
        this.levels = List.copyOf(levels);
        for (int code : codes) {
            if (code < MISSING || code >= this.levels.size()) {
                throw new IllegalArgumentException(
                        "code " + code + " in column '" + name + "' is outside 0.." + (this.levels.size() - 1));
            }
        }
    }

    /** Builds a column from strings, with null as missing; levels are ordered by first appearance. */
    public static CategoricalColumn ofValues(String name, String[] values) {
        Map<String, Integer> index = new HashMap<>();
        java.util.ArrayList<String> levels = new java.util.ArrayList<>();
        int[] codes = new int[values.length];
        for (int i = 0; i < values.length; i++) {
            if (values[i] == null) {
                codes[i] = MISSING;
                continue;
            }
            Integer code = index.get(values[i]);
            if (code == null) {
                code = levels.size();
                index.put(values[i], code);
                levels.add(values[i]);
            }
            codes[i] = code;
        }
        return new CategoricalColumn(name, codes, levels);
    }

    @Override
    public ColumnType type() {
        return ColumnType.CATEGORICAL;
    }

    @Override
    public int size() {
        return codes.length;
    }

    @Override
    public boolean isMissing(int row) {
        return codes[row] == MISSING;
    }

    public int code(int row) {
        return codes[row];
    }

    /** Returns the dictionary of levels, in code order. */
    public List<String> levels() {
        return levels;
    }

    public int levelCount() {
        return levels.size();
    }

    /** Returns the level of a row, or null when it is missing. */
    public String value(int row) {
        int code = codes[row];
        return code == MISSING ? null : levels.get(code);
    }

    /** Returns a copy of the codes. */
    public int[] codes() {
        return codes.clone();
    }

    @Override
    public String format(int row) {
        int code = codes[row];
        return code == MISSING ? "" : levels.get(code);
    }

    @Override
    public double numericValue(int row) {
        return Double.NaN;
    }

    @Override
    public CategoricalColumn select(int[] rows) {
        int[] selected = new int[rows.length];
        for (int i = 0; i < rows.length; i++) {
            selected[i] = codes[rows[i]];
        }
        return new CategoricalColumn(name(), selected, levels);
    }

    @Override
    public CategoricalColumn rename(String newName) {
        return new CategoricalColumn(newName, codes, levels);
    }
}
