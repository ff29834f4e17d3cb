package org.synthtrust.audit.privacy;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Row-level matches between tables encoded by the same {@link MixedDistance}: exact copies, copies of records
 * that are unique in the training table, and rows that match within a relative numeric tolerance. Rows are
 * hashed on their category codes and numeric values, so each count takes linear time.
 */
public final class RowMatching {
    /** Relative tolerance of a numeric match in the new-row share: |real - synthetic| <= 1 % of |synthetic|. */
    public static final double NEW_ROW_TOLERANCE = 0.01;

    private RowMatching() {
    }

    /** Counts of exact and near matches of the query rows against a reference table. */
    public record Matches(int queryRows, int exactMatches, int uniqueRecordMatches, int distinctUniqueRecordsCopied,
                          int uniqueReferenceRecords) {
        public double exactMatchRate() {
            return queryRows == 0 ? 0 : exactMatches / (double) queryRows;
        }

        public double uniqueRecordMatchRate() {
            return queryRows == 0 ? 0 : uniqueRecordMatches / (double) queryRows;
        }
    }

    /**
     * Counts query rows that equal a reference row on every column (a missing value equals only a missing
     * value), and among them those whose reference row occurs exactly once in the reference table.
     */
    public static Matches exactMatches(EncodedRows queries, EncodedRows reference) {
        Map<RowKey, int[]> counts = new HashMap<>();
        for (int row = 0; row < reference.rows; row++) {
            counts.computeIfAbsent(RowKey.of(reference, row), key -> new int[1])[0]++;
        }
        int uniqueReference = 0;
        for (int[] count : counts.values()) {
            uniqueReference += count[0] == 1 ? 1 : 0;
        }
        int exact = 0;
        int unique = 0;
        Map<RowKey, Boolean> uniqueCopied = new HashMap<>();
        for (int row = 0; row < queries.rows; row++) {
            RowKey key = RowKey.of(queries, row);
            int[] count = counts.get(key);
            if (count != null) {
                exact++;
                if (count[0] == 1) {
                    unique++;
                    uniqueCopied.put(key, Boolean.TRUE);
                }
            }
        }
        return new Matches(queries.rows, exact, unique, uniqueCopied.size(), uniqueReference);
    }

    /**
     * Returns the share of query rows that no reference row matches, where a match has equal categories,
     * missing exactly where the query row is missing, and every numeric value within
     * {@link #NEW_ROW_TOLERANCE} of the query row's value relative to the query value. This is the
     * definition of SDMetrics' NewRowSynthesis (0.29) with its default tolerance.
     */
    public static double newRowShare(EncodedRows queries, EncodedRows reference) {
        if (queries.rows == 0) {
            return 0;
        }
        Map<RowKey, List<Integer>> groups = new HashMap<>();
        for (int row = 0; row < reference.rows; row++) {
            groups.computeIfAbsent(RowKey.pattern(reference, row), key -> new ArrayList<>()).add(row);
        }
        int numericCount = queries.numericCount;
        int newRows = 0;
        for (int row = 0; row < queries.rows; row++) {
            List<Integer> candidates = groups.get(RowKey.pattern(queries, row));
            boolean matched = false;
            if (candidates != null) {
                int queryOffset = row * numericCount;
                for (int candidate : candidates) {
                    int referenceOffset = candidate * numericCount;
                    boolean all = true;
                    for (int j = 0; j < numericCount && all; j++) {
                        double value = queries.values[queryOffset + j];
                        if (value == MixedDistance.MISSING_NUMERIC) {
                            continue; // the pattern key already requires the reference cell to be missing too
                        }
                        all = Math.abs(reference.values[referenceOffset + j] - value)
                                <= Math.abs(NEW_ROW_TOLERANCE * value);
                    }
                    if (all) {
                        matched = true;
                        break;
                    }
                }
            }
            newRows += matched ? 0 : 1;
        }
        return newRows / (double) queries.rows;
    }

    /** Hash key of a row: all codes and numeric values, or the codes and the numeric missing pattern only. */
    private record RowKey(int[] codes, double[] values) {
        static RowKey of(EncodedRows rows, int row) {
            return new RowKey(
                    Arrays.copyOfRange(rows.codes, row * rows.categoricalCount, (row + 1) * rows.categoricalCount),
                    Arrays.copyOfRange(rows.values, row * rows.numericCount, (row + 1) * rows.numericCount));
        }

        static RowKey pattern(EncodedRows rows, int row) {
            double[] missing = new double[rows.numericCount];
            for (int j = 0; j < rows.numericCount; j++) {
                missing[j] = rows.values[row * rows.numericCount + j] == MixedDistance.MISSING_NUMERIC ? 1 : 0;
            }
            return new RowKey(
                    Arrays.copyOfRange(rows.codes, row * rows.categoricalCount, (row + 1) * rows.categoricalCount),
                    missing);
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof RowKey key && Arrays.equals(codes, key.codes) && Arrays.equals(values, key.values);
        }

        @Override
        public int hashCode() {
            return 31 * Arrays.hashCode(codes) + Arrays.hashCode(values);
        }

        @Override
        public String toString() {
            return "RowKey[" + codes.length + " codes, " + values.length + " values]";
        }
    }
}
