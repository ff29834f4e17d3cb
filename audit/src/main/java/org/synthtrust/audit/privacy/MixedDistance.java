package org.synthtrust.audit.privacy;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.synthtrust.core.InvalidInputException;
import org.synthtrust.core.schema.Schema;
import org.synthtrust.core.table.Column;
import org.synthtrust.core.table.ColumnType;
import org.synthtrust.core.table.Table;

/**
 * Mixed-type row distance in [0, 1], a variant of Gower's coefficient (Gower 1971, "A general coefficient of
 * similarity and some of its properties", Biometrics 27). For each column: numeric values contribute
 * {@code min(1, |x - y| / scale)}, categorical, boolean and text values contribute 0 when equal and 1
 * otherwise, a missing value against a present one contributes 1 and two missing values 0. The distance is
 * the mean over the columns.
 *
 * <p>The scale of each numeric column comes from the real training table: its range for
 * {@link DistanceScaling#RANGE} (the convention of SDMetrics' DCR metrics, kept for comparability) or its
 * interquartile range for {@link DistanceScaling#IQR}. The trust index should use the IQR variant: with range
 * scaling one extreme training value (an income of 9.8 million among incomes below 100,000) shrinks every
 * other difference in that column to almost 0, so ordinary synthetic rows look like near-copies. The
 * range variant is reported beside it for comparison with other tools.
 *
 * <p>Dates and timestamps count as numbers (epoch days and epoch milliseconds). An instance fixes the column
 * list, the scales and the category dictionaries, so rows of every table it encodes are comparable.
 */
public final class MixedDistance {
    /**
     * Stored value of a missing numeric cell. Present values are clamped to {@code ±VALUE_LIMIT}, so a missing
     * cell differs from every present one by more than any finite scale (the term is capped to 1) and from
     * another missing cell by exactly 0, with no branch in the distance loop.
     */
    static final double MISSING_NUMERIC = 1e300;
    /** Bound on stored values; values beyond it (no real column has them) would compare as equal. */
    static final double VALUE_LIMIT = 1e290;

    private final List<String> columnNames;
    private final boolean[] numeric;
    private final double[] scales;
    private final DistanceScaling scaling;
    private final List<Map<String, Integer>> dictionaries;

    private MixedDistance(List<String> columnNames, boolean[] numeric, double[] scales, DistanceScaling scaling) {
        this.columnNames = List.copyOf(columnNames);
        this.numeric = numeric;
        this.scales = scales;
        this.scaling = scaling;
        this.dictionaries = new ArrayList<>();
        for (int i = 0; i < columnNames.size(); i++) {
            dictionaries.add(new HashMap<>());
        }
    }

    /**
     * Fits the scales on the training table over the given columns.
     *
     * @throws InvalidInputException when a column is missing from the training table or the list is empty
     */
    public static MixedDistance fit(Table train, List<String> columns, DistanceScaling scaling) {
        if (columns.isEmpty()) {
            throw new InvalidInputException("the distance needs at least one column; the column list is empty");
        }
        boolean[] numeric = new boolean[columns.size()];
        double[] scales = new double[columns.size()];
        for (int i = 0; i < columns.size(); i++) {
            Column column = requireColumn(train, columns.get(i), "training");
            numeric[i] = column.type().isNumeric();
            if (numeric[i]) {
                scales[i] = scaleOf(column, scaling);
            }
        }
        return new MixedDistance(columns, numeric, scales, scaling);
    }

    /** Fits over the schema's modelled columns that the training table has (identifier and ignore roles left out). */
    public static MixedDistance fit(Table train, Schema schema, DistanceScaling scaling) {
        return fit(train, auditedColumns(train, schema), scaling);
    }

    /**
     * Returns the columns the privacy attacks compare: the schema's modelled columns present in the training
     * table, in schema order, or every training column when the schema is null or lists none of them.
     */
    public static List<String> auditedColumns(Table train, Schema schema) {
        List<String> columns = new ArrayList<>();
        if (schema != null) {
            for (String name : schema.modelledColumns()) {
                if (train.indexOf(name) >= 0) {
                    columns.add(name);
                }
            }
        }
        if (columns.isEmpty()) {
            columns.addAll(train.columnNames());
        }
        return columns;
    }

    public List<String> columnNames() {
        return columnNames;
    }

    public DistanceScaling scaling() {
        return scaling;
    }

    /** Returns the scale of a numeric column (its divisor), or NaN for a categorical one. */
    public double scale(String column) {
        int index = columnNames.indexOf(column);
        if (index < 0) {
            throw new IllegalArgumentException("column '" + column + "' is not part of this distance");
        }
        return numeric[index] ? scales[index] : Double.NaN;
    }

    /** Returns a distance over a subset of this distance's columns, with the same scales and dictionaries. */
    public MixedDistance restrictTo(List<String> subset) {
        boolean[] subNumeric = new boolean[subset.size()];
        double[] subScales = new double[subset.size()];
        for (int i = 0; i < subset.size(); i++) {
            int index = columnNames.indexOf(subset.get(i));
            if (index < 0) {
                throw new IllegalArgumentException("column '" + subset.get(i) + "' is not part of this distance");
            }
            subNumeric[i] = numeric[index];
            subScales[i] = scales[index];
        }
        return new MixedDistance(subset, subNumeric, subScales, scaling);
    }

    /**
     * Encodes the rows of a table into primitive row-major arrays once, so the neighbour search touches no
     * column objects. Category codes are shared by every table this instance encodes.
     *
     * @throws InvalidInputException when the table lacks a column or a numeric column arrives as text
     */
    public synchronized EncodedRows encode(Table table, String role) {
        int rows = table.rowCount();
        int numericCount = 0;
        for (boolean isNumeric : numeric) {
            numericCount += isNumeric ? 1 : 0;
        }
        int categoricalCount = numeric.length - numericCount;
        double[] numericValues = new double[rows * numericCount];
        int[] codes = new int[rows * categoricalCount];
        int numericSlot = 0;
        int categoricalSlot = 0;
        for (int i = 0; i < columnNames.size(); i++) {
            Column column = requireColumn(table, columnNames.get(i), role);
            if (numeric[i]) {
                if (!column.type().isNumeric()) {
                    throw new InvalidInputException("column '" + column.name() + "' of the " + role + " table is "
                            + column.type().id() + " but numeric in the training table; give both tables the same "
                            + "schema");
                }
                fillNumeric(column, numericValues, numericSlot, numericCount);
                numericSlot++;
            } else {
                fillCodes(column, dictionaries.get(i), codes, categoricalSlot, categoricalCount);
                categoricalSlot++;
            }
        }
        return new EncodedRows(rows, layout(), codes, numericValues);
    }

    /** Column order, kinds and numeric scales shared by every table this instance encodes. */
    private EncodedRows.Layout layout() {
        int columns = numeric.length;
        int[] slots = new int[columns];
        int numericCount = 0;
        int categoricalCount = 0;
        for (int i = 0; i < columns; i++) {
            slots[i] = numeric[i] ? numericCount++ : categoricalCount++;
        }
        double[] numericScales = new double[numericCount];
        for (int i = 0; i < columns; i++) {
            if (numeric[i]) {
                // A constant training column has scale 0: the smallest positive double makes any difference a
                // full mismatch (capped to 1) and keeps equal values at 0, without a branch.
                numericScales[slots[i]] = scales[i] > 0 ? scales[i] : Double.MIN_VALUE;
            }
        }
        return new EncodedRows.Layout(columns, categoricalCount, numericCount, numeric.clone(), slots, numericScales);
    }

    private static void fillNumeric(Column column, double[] target, int slot, int stride) {
        for (int row = 0; row < column.size(); row++) {
            double value = column.isMissing(row)
                    ? MISSING_NUMERIC
                    : Math.max(-VALUE_LIMIT, Math.min(VALUE_LIMIT, column.numericValue(row)));
            target[row * stride + slot] = value;
        }
    }

    private static void fillCodes(Column column, Map<String, Integer> dictionary, int[] target, int slot, int stride) {
        for (int row = 0; row < column.size(); row++) {
            int code;
            if (column.isMissing(row)) {
                code = -1;
            } else {
                code = dictionary.computeIfAbsent(column.format(row), key -> dictionary.size());
            }
            target[row * stride + slot] = code;
        }
    }

    private static Column requireColumn(Table table, String name, String role) {
        int index = table.indexOf(name);
        if (index < 0) {
            throw new InvalidInputException("column '" + name + "' is missing from the " + role + " table; its columns "
                    + "are " + table.columnNames() + ". Give every table the training table's columns.");
        }
        return table.column(index);
    }

    static double scaleOf(Column column, DistanceScaling scaling) {
        double[] values = presentValues(column);
        if (values.length == 0) {
            return 0;
        }
        Arrays.sort(values);
        double range = values[values.length - 1] - values[0];
        if (scaling == DistanceScaling.RANGE) {
            return range;
        }
        double iqr = quantileType6(values, 0.75) - quantileType6(values, 0.25);
        return iqr > 0 ? iqr : range;
    }

    private static double[] presentValues(Column column) {
        double[] values = new double[column.size() - column.missingCount()];
        int next = 0;
        for (int row = 0; row < column.size(); row++) {
            if (!column.isMissing(row)) {
                values[next++] = column.numericValue(row);
            }
        }
        return values;
    }

    /**
     * Quantile of sorted values at position (n + 1) p among the order statistics, interpolated linearly and
     * clamped to the sample (Hyndman and Fan 1996, "Sample quantiles in statistical packages", type 6;
     * Minitab, SPSS and Python's {@code statistics.quantiles}). Used for the IQR scale.
     */
    static double quantileType6(double[] sorted, double probability) {
        double position = (sorted.length + 1) * probability - 1;
        position = Math.max(0, Math.min(sorted.length - 1, position));
        int lower = (int) Math.floor(position);
        int upper = Math.min(lower + 1, sorted.length - 1);
        return sorted[lower] + (position - lower) * (sorted[upper] - sorted[lower]);
    }

    /** Quantile of sorted values by linear interpolation between order statistics (R type 7). */
    static double quantileSorted(double[] sorted, double probability) {
        double position = (sorted.length - 1) * probability;
        int lower = (int) Math.floor(position);
        int upper = Math.min(lower + 1, sorted.length - 1);
        return sorted[lower] + (position - lower) * (sorted[upper] - sorted[lower]);
    }
}
