package org.synthtrust.audit.fidelity;

import java.util.Arrays;
import org.synthtrust.audit.Alignment;
import org.synthtrust.audit.Alignment.AlignedColumn;
import org.synthtrust.audit.AuditContext;
import org.synthtrust.audit.CategoryDictionary;
import org.synthtrust.core.schema.Bins;
import org.synthtrust.core.schema.ColumnSpec;
import org.synthtrust.core.table.ColumnType;

/**
 * Codes for marginal tables. A categorical column keeps its shared dictionary codes; a numeric column uses
 * the schema's bins ({@code width} or {@code count} between the bounds, explicit {@code edges}, or real-data
 * {@code quantiles}; bins closed on the left, values outside the edges clamped to the end bins) and otherwise
 * 20 equal-frequency bins from the real data by average rank. Missing values get the last code in both tables.
 */
public final class Discretizer {
    static final int DEFAULT_QUANTILE_BINS = 20;

    private Discretizer() {
    }

    public static PairEncoding.Codes encode(AuditContext ctx, AlignedColumn column) {
        if (!column.isNumeric()) {
            CategoryDictionary dict = Alignment.of(ctx).dictionary(column.name());
            int missing = dict.size();
            int[] real = dict.train().clone();
            int[] synth = dict.synthetic().clone();
            replaceMissing(real, missing);
            replaceMissing(synth, missing);
            return new PairEncoding.Codes(real, synth, missing + 1);
        }
        double[] real = Alignment.numeric(column.train());
        double[] synth = Alignment.numeric(column.synthetic());
        double[] edges = schemaEdges(column.spec(), real);
        if (edges == null) {
            return equalFrequency(real, synth, column.train().type() == ColumnType.INTEGER, DEFAULT_QUANTILE_BINS);
        }

        int bins = edges.length - 1;
        return new PairEncoding.Codes(leftClosed(real, edges), leftClosed(synth, edges), bins + 1);
    }

    /**
     * Codes of a numeric column's holdout rows with the same bins as {@link #encode}; holdout values are placed
     * like synthetic values. Returns null when the column has no holdout.
     */
    public static int[] encodeHoldout(AlignedColumn column) {
        if (column.holdout() == null || !column.isNumeric()) {
            return null;
        }
        double[] real = Alignment.numeric(column.train());
        double[] holdout = Alignment.numeric(column.holdout());
        double[] edges = schemaEdges(column.spec(), real);
        if (edges == null) {
            return equalFrequency(real, holdout, column.train().type() == ColumnType.INTEGER, DEFAULT_QUANTILE_BINS)
                    .synthetic();
        }
        return leftClosed(holdout, edges);
    }

    private static void replaceMissing(int[] codes, int missing) {
        for (int k = 0; k < codes.length; k++) {
            if (codes[k] == CategoryDictionary.MISSING) {
                codes[k] = missing;
            }
        }
    }

    /** Edges from the schema's bins, or null when the schema declares no bins for this column. */
    static double[] schemaEdges(ColumnSpec spec, double[] real) {
        if (spec == null || spec.bins() == null) {
            return null;
        }
        Bins bins = spec.bins();
        if (bins.edges() != null && bins.edges().size() >= 2) {
            return bins.edges().stream().mapToDouble(Double::doubleValue).sorted().toArray();
        }
        double[] sorted = Stats.sortedPresent(real);
        if (bins.quantiles() != null && bins.quantiles() > 0) {
            if (sorted.length == 0) {
                return new double[] {0, 1};
            }
            int k = bins.quantiles();
            double[] edges = new double[k + 1];
            for (int q = 0; q <= k; q++) {
                edges[q] = sorted[(int) Math.min(sorted.length - 1, Math.floor((double) q * sorted.length / k))];
            }
            edges[k] = sorted[sorted.length - 1];
            return Arrays.stream(edges).distinct().toArray();
        }

        double lo = spec.hasBounds() ? spec.lowerBound() : (sorted.length == 0 ? 0 : sorted[0]);
        double hi = spec.hasBounds() ? spec.upperBound() : (sorted.length == 0 ? 1 : sorted[sorted.length - 1]);
        int count;
        if (bins.width() != null && bins.width() > 0) {
            count = Math.max(1, (int) Math.ceil((hi - lo) / bins.width()));
            if (lo + count * bins.width() <= hi) {
                count++;
            }
            double[] edges = new double[count + 1];
            for (int k = 0; k <= count; k++) {
                edges[k] = lo + k * bins.width();
            }
            return edges;
        }

        if (bins.count() != null && bins.count() > 0) {
            return PairEncoding.equalWidthEdges(new double[] {lo, hi}, bins.count());
        }
        return null;
    }

    static int[] leftClosed(double[] values, double[] edges) {
        int bins = edges.length - 1;
        int[] codes = new int[values.length];
        for (int k = 0; k < values.length; k++) {
            double v = values[k];
            if (Double.isNaN(v)) {
                codes[k] = bins;
                continue;
            }
            int pos = Arrays.binarySearch(edges, v);
            int bin = pos >= 0 ? pos : -pos - 2;
            codes[k] = Math.max(0, Math.min(bins - 1, bin));
        }
        return codes;
    }

    /**
     * Equal-frequency bins from the real data. A real value with average rank r among the n non-missing values
     * goes to bin floor(bins · r / n), capped at bins − 1. A synthetic value (truncated toward zero for
     * integer columns) goes to the first non-empty bin whose real maximum is at least the value, and values
     * above the real maximum go to the bin of that maximum. Missing values get code {@code bins}.
     */
    static PairEncoding.Codes equalFrequency(double[] real, double[] synth, boolean integer, int bins) {
        int n = 0;
        for (double v : real) {
            if (!Double.isNaN(v)) {
                n++;
            }
        }
        double[] present = new double[n];
        int[] positions = new int[n];
        int m = 0;
        for (int k = 0; k < real.length; k++) {
            if (!Double.isNaN(real[k])) {
                present[m] = real[k];
                positions[m] = k;
                m++;
            }
        }
        double[] ranks = Stats.averageRanks(present);
        int[] realCodes = new int[real.length];
        Arrays.fill(realCodes, bins);
        double[] binMax = new double[bins];
        Arrays.fill(binMax, Double.NaN);
        for (int k = 0; k < n; k++) {
            int bin = (int) Math.min(bins - 1, Math.floor(bins * ranks[k] / n));
            realCodes[positions[k]] = bin;
            if (Double.isNaN(binMax[bin]) || present[k] > binMax[bin]) {
                binMax[bin] = present[k];
            }
        }
        int[] nonEmpty = java.util.stream.IntStream.range(0, bins).filter(b -> !Double.isNaN(binMax[b])).toArray();
        int[] synthCodes = new int[synth.length];
        for (int k = 0; k < synth.length; k++) {
            double v = synth[k];
            if (Double.isNaN(v) || nonEmpty.length == 0) {
                synthCodes[k] = bins;
                continue;
            }
            if (integer) {
                v = v < 0 ? Math.ceil(v) : Math.floor(v);
            }
            int code = nonEmpty[nonEmpty.length - 1];
            for (int b : nonEmpty) {
                if (binMax[b] >= v) {
                    code = b;
                    break;
                }
            }
            synthCodes[k] = code;
        }
        return new PairEncoding.Codes(realCodes, synthCodes, bins + 1);
    }
}
