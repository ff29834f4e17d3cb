package org.synthtrust.audit.privacy;

import java.util.List;
import org.synthtrust.core.InvalidInputException;
import org.synthtrust.core.table.Column;
import org.synthtrust.core.table.Table;

/**
 * The audited columns of one table as plain arrays, addressed by column index (the position in the audited
 * column list), so attacks never build queries from column names. Numeric columns hold doubles with NaN for
 * missing; other columns hold their text with null for missing.
 */
final class ColumnValues {
    final int rows;
    final boolean[] numeric;
    final double[][] numbers;
    final String[][] texts;

    ColumnValues(Table table, List<String> columns, boolean[] numericInTrain, String role) {
        this.rows = table.rowCount();
        this.numeric = numericInTrain;
        this.numbers = new double[columns.size()][];
        this.texts = new String[columns.size()][];
        for (int c = 0; c < columns.size(); c++) {
            int index = table.indexOf(columns.get(c));
            if (index < 0) {
                throw new InvalidInputException("column '" + columns.get(c) + "' is missing from the " + role
                        + " table; give every table the training table's columns");
            }
            Column column = table.column(index);
            if (numericInTrain[c]) {
                double[] values = new double[rows];
                for (int r = 0; r < rows; r++) {
                    values[r] = column.numericValue(r);
                }
                numbers[c] = values;
            } else {
                String[] values = new String[rows];
                for (int r = 0; r < rows; r++) {
                    values[r] = column.isMissing(r) ? null : column.format(r);
                }
                texts[c] = values;
            }
        }
    }

    /** Returns which audited columns are numeric in the training table. */
    static boolean[] numericKinds(Table train, List<String> columns) {
        boolean[] numeric = new boolean[columns.size()];
        for (int c = 0; c < columns.size(); c++) {
            numeric[c] = train.column(columns.get(c)).type().isNumeric();
        }
        return numeric;
    }

    boolean isMissing(int column, int row) {
        return numeric[column] ? Double.isNaN(numbers[column][row]) : texts[column][row] == null;
    }

    /** True when two cells hold the same value, or are both missing. */
    boolean sameValue(int column, int row, ColumnValues other, int otherRow) {
        if (numeric[column]) {
            double a = numbers[column][row];
            double b = other.numbers[column][otherRow];
            return Double.isNaN(a) ? Double.isNaN(b) : a == b;
        }
        String a = texts[column][row];
        String b = other.texts[column][otherRow];
        return a == null ? b == null : a.equals(b);
    }
}
