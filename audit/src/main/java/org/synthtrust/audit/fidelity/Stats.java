package org.synthtrust.audit.fidelity;

import java.util.Arrays;

/** Distribution statistics on plain arrays; NaN marks a missing value wherever an input may contain one. */
public final class Stats {
    private Stats() {
    }

    /** Returns the non-missing (non-NaN) values, sorted ascending. */
    public static double[] sortedPresent(double[] values) {
        double[] present = Arrays.stream(values).filter(v -> !Double.isNaN(v)).toArray();
        Arrays.sort(present);
        return present;
    }

    /**
     * Two-sample Kolmogorov–Smirnov statistic: the largest gap between the two empirical CDFs, evaluated after
     * every distinct value (both inputs sorted, non-empty).
     */
    public static double ksStatistic(double[] a, double[] b) {
        int i = 0;
        int j = 0;
        double max = 0;
        while (i < a.length && j < b.length) {
            double x = Math.min(a[i], b[j]);
            while (i < a.length && a[i] <= x) {
                i++;
            }
            while (j < b.length && b[j] <= x) {
                j++;
            }
            max = Math.max(max, Math.abs((double) i / a.length - (double) j / b.length));
        }
        return max;
    }

    /**
     * Wasserstein-1 distance between two empirical distributions (both sorted, non-empty): the integral of
     * |F_a − F_b| over the line, summed over the intervals between consecutive distinct values.
     */
    public static double wasserstein1(double[] a, double[] b) {
        int i = 0;
        int j = 0;
        double total = 0;
        double previous = Math.min(a[0], b[0]);
        while (i < a.length || j < b.length) {
            double x;
            if (i >= a.length) {
                x = b[j];
            } else if (j >= b.length) {
                x = a[i];
            } else {
                x = Math.min(a[i], b[j]);
            }
            total += Math.abs((double) i / a.length - (double) j / b.length) * (x - previous);
            while (i < a.length && a[i] <= x) {
                i++;
            }
            while (j < b.length && b[j] <= x) {
                j++;
            }
            previous = x;
        }
        return total;
    }

    /** Total variation distance between two count vectors normalised by their own totals: half the L1 gap. */
    public static double tvd(long[] countsA, long totalA, long[] countsB, long totalB) {
        double sum = 0;
        for (int k = 0; k < countsA.length; k++) {
            sum += Math.abs((double) countsA[k] / totalA - (double) countsB[k] / totalB);
        }
        return sum / 2;
    }

    /** Pearson correlation of paired arrays, or NaN when either has zero variance or there are fewer than 2 pairs. */
    public static double pearson(double[] x, double[] y) {
        int n = x.length;
        if (n < 2) {
            return Double.NaN;
        }

        double mx = 0;
        double my = 0;
        for (int k = 0; k < n; k++) {
            mx += x[k];
            my += y[k];
        }
        mx /= n;
        my /= n;
        double sxy = 0;
        double sxx = 0;
        double syy = 0;
        for (int k = 0; k < n; k++) {
            double dx = x[k] - mx;
            double dy = y[k] - my;
            sxy += dx * dy;
            sxx += dx * dx;
            syy += dy * dy;
        }

        if (sxx <= 0 || syy <= 0) {
            return Double.NaN;
        }
        return Math.max(-1, Math.min(1, sxy / Math.sqrt(sxx * syy)));
    }

    /** Average ranks (1-based; ties share the mean of their positions), as Spearman's correlation uses. */
    public static double[] averageRanks(double[] values) {
        int n = values.length;
        Integer[] order = new Integer[n];
        for (int k = 0; k < n; k++) {
            order[k] = k;
        }
        Arrays.sort(order, (p, q) -> Double.compare(values[p], values[q]));
        double[] ranks = new double[n];
        int start = 0;
        while (start < n) {
            int end = start;
            while (end + 1 < n && values[order[end + 1]] == values[order[start]]) {
                end++;
            }
            double rank = (start + end) / 2.0 + 1;
            for (int k = start; k <= end; k++) {
                ranks[order[k]] = rank;
            }
            start = end + 1;
        }
        return ranks;
    }

    public static double spearman(double[] x, double[] y) {
        return pearson(averageRanks(x), averageRanks(y));
    }

    /**
     * Cramér's V of two code arrays (codes in 0..sizeA-1 and 0..sizeB-1), without bias correction; NaN when
     * either variable takes a single value.
     */
    public static double cramersV(int[] a, int sizeA, int[] b, int sizeB) {
        int n = a.length;
        if (n == 0) {
            return Double.NaN;
        }
        long[][] table = new long[sizeA][sizeB];
        long[] rows = new long[sizeA];
        long[] cols = new long[sizeB];
        for (int k = 0; k < n; k++) {
            table[a[k]][b[k]]++;
            rows[a[k]]++;
            cols[b[k]]++;
        }

        int usedRows = (int) Arrays.stream(rows).filter(c -> c > 0).count();
        int usedCols = (int) Arrays.stream(cols).filter(c -> c > 0).count();
        int r = Math.min(usedRows, usedCols);
        if (r < 2) {
            return Double.NaN;
        }

        double chi2 = 0;
        for (int i = 0; i < sizeA; i++) {
            if (rows[i] == 0) {
                continue;
            }
            for (int j = 0; j < sizeB; j++) {
                if (cols[j] == 0) {
                    continue;
                }
                double expected = (double) rows[i] * cols[j] / n;
                double diff = table[i][j] - expected;
                chi2 += diff * diff / expected;
            }
        }
        return Math.min(1, Math.sqrt(chi2 / (n * (double) (r - 1))));
    }

    /**
     * Correlation ratio η of a numeric variable given a category: the square root of the between-group share
     * of the total sum of squares; NaN when the numeric variable is constant or only one category occurs.
     */
    public static double correlationRatio(int[] category, int size, double[] value) {
        int n = value.length;
        if (n == 0) {
            return Double.NaN;
        }
        double[] sums = new double[size];
        long[] counts = new long[size];
        double mean = 0;
        for (int k = 0; k < n; k++) {
            sums[category[k]] += value[k];
            counts[category[k]]++;
            mean += value[k];
        }
        mean /= n;
        double total = 0;
        for (double v : value) {
            total += (v - mean) * (v - mean);
        }

        long groups = java.util.Arrays.stream(counts).filter(c -> c > 0).count();
        if (total <= 0 || groups < 2) {
            return Double.NaN;
        }

        double between = 0;
        for (int g = 0; g < size; g++) {
            if (counts[g] > 0) {
                double groupMean = sums[g] / counts[g];
                between += counts[g] * (groupMean - mean) * (groupMean - mean);
            }
        }
        return Math.min(1, Math.sqrt(between / total));
    }

    public static double mean(java.util.Collection<Double> values) {
        double sum = 0;
        int n = 0;
        for (Double v : values) {
            if (v != null && Double.isFinite(v)) {
                sum += v;
                n++;
            }
        }
        return n == 0 ? Double.NaN : sum / n;
    }

    public static double max(java.util.Collection<Double> values) {
        double max = Double.NaN;
        for (Double v : values) {
            if (v != null && Double.isFinite(v) && (Double.isNaN(max) || v > max)) {
                max = v;
            }
        }
        return max;
    }
}
