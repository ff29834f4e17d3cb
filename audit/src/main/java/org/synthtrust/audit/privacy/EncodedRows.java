package org.synthtrust.audit.privacy;

/**
 * Rows of one table encoded by a {@link MixedDistance}: category codes and raw numeric values in row-major
 * primitive arrays ({@code codes[row * categoricalCount + j]}, {@code values[row * numericCount + j]}). Code
 * -1 is a missing category; {@link MixedDistance#MISSING_NUMERIC} is a missing number.
 */
public final class EncodedRows {
    /**
     * Column order and kinds: column i is numeric when {@code numeric[i]}, stored at index {@code slots[i]}
     * of its kind; {@code scales} holds the divisor of each numeric slot.
     */
    record Layout(int columnCount, int categoricalCount, int numericCount, boolean[] numeric, int[] slots,
                  double[] scales) {
    }

    final int rows;
    final Layout layout;
    final int columnCount;
    final int categoricalCount;
    final int numericCount;
    final int[] codes;
    final double[] values;

    EncodedRows(int rows, Layout layout, int[] codes, double[] values) {
        this.rows = rows;
        this.layout = layout;
        this.columnCount = layout.columnCount();
        this.categoricalCount = layout.categoricalCount();
        this.numericCount = layout.numericCount();
        this.codes = codes;
        this.values = values;
    }

    public int rows() {
        return rows;
    }

    public int columnCount() {
        return columnCount;
    }

    /** Returns the encoded rows at the given positions, in that order. */
    public EncodedRows select(int[] rowIndexes) {
        int[] selectedCodes = new int[rowIndexes.length * categoricalCount];
        double[] selectedValues = new double[rowIndexes.length * numericCount];
        for (int i = 0; i < rowIndexes.length; i++) {
            System.arraycopy(codes, rowIndexes[i] * categoricalCount, selectedCodes, i * categoricalCount,
                    categoricalCount);
            System.arraycopy(values, rowIndexes[i] * numericCount, selectedValues, i * numericCount, numericCount);
        }
        return new EncodedRows(rowIndexes.length, layout, selectedCodes, selectedValues);
    }

    /** Returns the mixed distance in [0, 1] between row {@code a} of this table and row {@code b} of another. */
    public double distance(int a, EncodedRows other, int b) {
        return distanceSum(a, other, b, Double.POSITIVE_INFINITY) / columnCount;
    }

    /**
     * Returns the sum of per-column terms in column order, or a partial sum above {@code bound} as soon as one
     * exceeds it. The order is fixed so that equal distances computed from different tables are bitwise equal
     * (ties matter for the closer-to-train share). Each term is {@code min(1, |x - y| / scale)} with the
     * division done per pair, as the reference implementation does, for the same reason.
     */
    double distanceSum(int a, EncodedRows other, int b, double bound) {
        boolean[] numeric = layout.numeric();
        int[] slots = layout.slots();
        double[] scales = layout.scales();
        int codeOffsetA = a * categoricalCount;
        int codeOffsetB = b * categoricalCount;
        int valueOffsetA = a * numericCount;
        int valueOffsetB = b * numericCount;
        double sum = 0;
        for (int column = 0; column < columnCount; column++) {
            int slot = slots[column];
            if (numeric[column]) {
                double term = Math.abs(values[valueOffsetA + slot] - other.values[valueOffsetB + slot]) / scales[slot];
                sum += term < 1 ? term : 1;
            } else if (codes[codeOffsetA + slot] != other.codes[codeOffsetB + slot]) {
                sum += 1;
            }
            if (sum > bound) {
                return sum;
            }
        }
        return sum;
    }

    /** Returns the number of categorical columns on which the two rows differ, a lower bound of the sum. */
    int categoricalMismatches(int a, EncodedRows other, int b, double bound) {
        int codeOffsetA = a * categoricalCount;
        int codeOffsetB = b * categoricalCount;
        int mismatches = 0;
        for (int j = 0; j < categoricalCount; j++) {
            if (codes[codeOffsetA + j] != other.codes[codeOffsetB + j]) {
                mismatches++;
                if (mismatches > bound) {
                    return mismatches;
                }
            }
        }
        return mismatches;
    }
}
