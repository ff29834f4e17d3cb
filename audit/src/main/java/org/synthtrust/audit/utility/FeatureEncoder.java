package org.synthtrust.audit.utility;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.synthtrust.audit.Alignment;
import org.synthtrust.audit.Alignment.AlignedColumn;
import org.synthtrust.audit.CategoryDictionary;
import org.synthtrust.core.table.Column;

/**
 * Turns aligned columns into model features, fitted on the rows a model trains on. Tree features are one
 * per column, so importances compare column by column. Numbers stay as they are, with missing as a value
 * below the fitted range. Categories become codes of the levels seen in the fitted rows, with one code for
 * missing and one explicit unknown code for a level the fitted rows never contained. Linear features one-hot encode
 * the seen levels plus the unknown level, and standardise numbers with a missing indicator.
 */
public final class FeatureEncoder {
    private final List<AlignedColumn> columns;
    private final List<CategoryDictionary> dictionaries;
    private final double[] mean;
    private final double[] scale;
    private final double[] missingValue;
    private final int[][] levelIndex;
    private final int[] seenLevels;

    private FeatureEncoder(List<AlignedColumn> columns, List<CategoryDictionary> dictionaries, double[] mean,
                           double[] scale, double[] missingValue, int[][] levelIndex, int[] seenLevels) {
        this.columns = columns;
        this.dictionaries = dictionaries;
        this.mean = mean;
        this.scale = scale;
        this.missingValue = missingValue;
        this.levelIndex = levelIndex;
        this.seenLevels = seenLevels;
    }

    /** Fits the encoding of {@code columns} on the given rows of one source ({@code rows} null for all rows). */
    public static FeatureEncoder fit(Alignment alignment, List<AlignedColumn> columns, Source source, int[] rows) {
        int p = columns.size();
        double[] mean = new double[p];
        double[] scale = new double[p];
        double[] missingValue = new double[p];
        int[][] levelIndex = new int[p][];
        int[] seenLevels = new int[p];
        List<CategoryDictionary> dictionaries = new ArrayList<>();
        for (int c = 0; c < p; c++) {
            AlignedColumn column = columns.get(c);
            if (column.isNumeric()) {
                dictionaries.add(null);
                Column data = source.column(column);
                double sum = 0;
                double sumSq = 0;
                double min = Double.POSITIVE_INFINITY;
                double max = Double.NEGATIVE_INFINITY;
                int n = 0;
                int count = rows == null ? data.size() : rows.length;
                for (int k = 0; k < count; k++) {
                    double v = data.numericValue(rows == null ? k : rows[k]);
                    if (!Double.isNaN(v)) {
                        sum += v;
                        sumSq += v * v;
                        min = Math.min(min, v);
                        max = Math.max(max, v);
                        n++;
                    }
                }
                mean[c] = n == 0 ? 0 : sum / n;
                double variance = n == 0 ? 0 : Math.max(0, sumSq / n - mean[c] * mean[c]);
                scale[c] = variance > 0 ? Math.sqrt(variance) : 1;
                missingValue[c] = n == 0 ? -1 : min - (max - min) - 1;
            } else {
                CategoryDictionary dict = alignment.dictionary(column.name());
                dictionaries.add(dict);
                int[] codes = source.codes(dict);
                int[] index = new int[dict.size()];
                Arrays.fill(index, -1);
                int seen = 0;
                boolean[] present = new boolean[dict.size()];
                int count = rows == null ? codes.length : rows.length;
                for (int k = 0; k < count; k++) {
                    int code = codes[rows == null ? k : rows[k]];
                    if (code >= 0) {
                        present[code] = true;
                    }
                }
                for (int code = 0; code < present.length; code++) {
                    if (present[code]) {
                        index[code] = seen++;
                    }
                }
                levelIndex[c] = index;
                seenLevels[c] = seen;
            }
        }
        return new FeatureEncoder(List.copyOf(columns), dictionaries, mean, scale, missingValue, levelIndex,
                seenLevels);
    }

    public List<AlignedColumn> columns() {
        return columns;
    }

    public List<String> columnNames() {
        return columns.stream().map(AlignedColumn::name).toList();
    }

    /** Returns one feature per column for tree models, rows in the given order ({@code rows} null for all). */
    public double[][] treeFeatures(Source source, int[] rows) {
        int n = rowCount(source, rows);
        double[][] x = new double[n][columns.size()];
        for (int c = 0; c < columns.size(); c++) {
            AlignedColumn column = columns.get(c);
            if (column.isNumeric()) {
                Column data = source.column(column);
                for (int k = 0; k < n; k++) {
                    double v = data.numericValue(rows == null ? k : rows[k]);
                    x[k][c] = Double.isNaN(v) ? missingValue[c] : v;
                }
            } else {
                int[] codes = source.codes(dictionaries.get(c));
                for (int k = 0; k < n; k++) {
                    x[k][c] = categoryCode(c, codes[rows == null ? k : rows[k]]);
                }
            }
        }
        return x;
    }

    /** Returns one-hot and standardised features for linear models. */
    public double[][] linearFeatures(Source source, int[] rows) {
        int n = rowCount(source, rows);
        int width = 0;
        for (int c = 0; c < columns.size(); c++) {
            width += columns.get(c).isNumeric() ? 2 : seenLevels[c] + 2;
        }
        double[][] x = new double[n][width];
        int offset = 0;
        for (int c = 0; c < columns.size(); c++) {
            AlignedColumn column = columns.get(c);
            if (column.isNumeric()) {
                Column data = source.column(column);
                for (int k = 0; k < n; k++) {
                    double v = data.numericValue(rows == null ? k : rows[k]);
                    if (Double.isNaN(v)) {
                        x[k][offset + 1] = 1;
                    } else {
                        x[k][offset] = (v - mean[c]) / scale[c];
                    }
                }
                offset += 2;
            } else {
                int[] codes = source.codes(dictionaries.get(c));
                for (int k = 0; k < n; k++) {
                    x[k][offset + (int) categoryCode(c, codes[rows == null ? k : rows[k]])] = 1;
                }
                offset += seenLevels[c] + 2;
            }
        }
        return x;
    }

    /** Seen levels map to 0..m-1, missing to m and any level unseen in the fitted rows to the unknown code m+1. */
    private double categoryCode(int c, int code) {
        if (code == CategoryDictionary.MISSING) {
            return seenLevels[c];
        }

        int mapped = levelIndex[c][code];
        return mapped >= 0 ? mapped : seenLevels[c] + 1;
    }

    private int rowCount(Source source, int[] rows) {
        if (rows != null) {
            return rows.length;
        }
        return columns.isEmpty() ? 0 : source.column(columns.get(0)).size();
    }
}
