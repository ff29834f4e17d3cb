package org.synthtrust.report;

import java.util.ArrayList;
import java.util.List;

/**
 * Disclosure control for numbers computed from the real table. A count below k is shown as "&lt; k", a bin
 * or group below k loses its label and its rate, and the row count is rounded to the nearest hundred. The
 * report never shows a real row or a single real extreme value (minimum, maximum), so no method here returns
 * one.
 */
public final class SmallCells {
    public static final int DEFAULT_K = 10;

    /** Label that replaces the labels of bins with fewer than k real records after they are merged. */
    public static final String MERGED_LABEL = "other bins (< k each)";

    private SmallCells() { }

    public static void checkK(int k) {
        if (k < 1) {
            throw new org.synthtrust.core.InvalidInputException(
                    "invalid small-cell threshold k = " + k + "; use an integer of at least 1 (default 10)");
        }
    }

    /** Returns the displayed form of a real count: "0", "&lt; k" (with k's value) or the count itself. */
    public static String count(long n, int k) {
        if (n == 0) {
            return "0";
        }
        return n < k ? "< " + k : Long.toString(n);
    }

    /** Rounds a row count to the nearest hundred, half up, never below 0. */
    public static long roundToHundred(long rows) {
        return Math.max(0, Math.round(rows / 100.0) * 100);
    }

    /**
     * Builds a real-versus-synthetic distribution chart from binned counts. Bins with fewer than k real
     * records are merged into one bucket whose label names no value; the merged bucket keeps its share only
     * when it reaches k itself. Shares are fractions of the column's non-missing records.
     */
    public static ReportModel.Chart distribution(String title, String column, List<String> labels, long[] real,
                                                 long[] synthetic, int k) {
        checkK(k);
        long realTotal = 0;
        long syntheticTotal = 0;
        for (int i = 0; i < real.length; i++) {
            realTotal += real[i];
            syntheticTotal += synthetic[i];
        }
        List<String> categories = new ArrayList<>();
        List<Double> realShare = new ArrayList<>();
        List<Double> syntheticShare = new ArrayList<>();
        long mergedReal = 0;
        long mergedSynthetic = 0;
        int merged = 0;
        for (int i = 0; i < labels.size(); i++) {
            if (real[i] < k) {
                mergedReal += real[i];
                mergedSynthetic += synthetic[i];
                merged++;
                continue;
            }
            categories.add(labels.get(i));
            realShare.add(share(real[i], realTotal));
            syntheticShare.add(share(synthetic[i], syntheticTotal));
        }
        String note = null;
        if (merged > 0) {
            categories.add(MERGED_LABEL.replace("k", Integer.toString(k)));
            realShare.add(mergedReal >= k ? share(mergedReal, realTotal) : null);
            syntheticShare.add(mergedReal >= k ? share(mergedSynthetic, syntheticTotal) : null);
            note = merged + " bin(s) with fewer than " + k + " real records merged"
                    + (mergedReal >= k ? "" : "; the merged bin is itself below " + k + " and not drawn");
        }
        return new ReportModel.Chart("hbar", title, column, "share of records", categories,
                List.of(new ReportModel.Series("real", realShare, null, null),
                        new ReportModel.Series("synthetic", syntheticShare, null, null)),
                null, null, null, note);
    }

    /**
     * Builds a per-group chart (representation and outcome rate) for a protected attribute. Groups with
     * fewer than k real records are left out, with their labels, and counted in the note.
     */
    public static ReportModel.Chart groupRates(String title, List<String> groups, long[] realCounts,
                                               double[] realRate, double[] syntheticRate, int k) {
        checkK(k);
        List<String> categories = new ArrayList<>();
        List<Double> real = new ArrayList<>();
        List<Double> synthetic = new ArrayList<>();
        int omitted = 0;
        for (int i = 0; i < groups.size(); i++) {
            if (realCounts[i] < k) {
                omitted++;
                continue;
            }
            categories.add(groups.get(i));
            real.add(realRate[i]);
            synthetic.add(syntheticRate[i]);
        }
        String note = omitted == 0 ? null
                : omitted + " group(s) with fewer than " + k + " real records omitted (shown as < " + k + ")";
        return new ReportModel.Chart("hbar", title, "group", "positive outcome rate", categories,
                List.of(new ReportModel.Series("real", real, null, null),
                        new ReportModel.Series("synthetic", synthetic, null, null)),
                null, null, null, note);
    }

    private static double share(long count, long total) {
        return total == 0 ? 0.0 : (double) count / total;
    }
}
