package org.synthtrust.audit.fidelity;

import org.synthtrust.audit.Alignment;
import org.synthtrust.audit.Alignment.AlignedColumn;
import org.synthtrust.audit.AuditContext;
import org.synthtrust.audit.CategoryDictionary;

/**
 * Codes for contingency tables. A categorical column keeps its shared dictionary codes. A numeric column is
 * cut into 10 equal-width bins whose edges come from the real column and are applied to both tables. A
 * missing value gets its own last code. Bins are closed on the left, [e_k, e_k+1), with the outer edges
 * open, so synthetic values beyond the real range fall into the first or last bin. This convention
 * reproduces the SDMetrics 0.29.1 ContingencySimilarity values of the reference fixture to 1e-6. Bins closed
 * on the right do not, because integer columns there have values on an edge (education-num 4, 7, 10, 13).
 */
public final class PairEncoding {
    static final int NUMERIC_BINS = 10;

    /** Codes of the real rows, codes of the synthetic rows, and the number of codes including missing. */
    public record Codes(int[] real, int[] synthetic, int size) {
    }

    private PairEncoding() {
    }

    static Codes encode(AuditContext ctx, AlignedColumn column) {
        if (!column.isNumeric()) {
            CategoryDictionary dict = Alignment.of(ctx).dictionary(column.name());
            int missing = dict.size();
            return new Codes(withMissing(dict.train(), missing), withMissing(dict.synthetic(), missing), missing + 1);
        }
        double[] real = Alignment.numeric(column.train());
        double[] sorted = Stats.sortedPresent(real);
        double[] edges = equalWidthEdges(sorted, NUMERIC_BINS);
        return new Codes(bin(real, edges), bin(Alignment.numeric(column.synthetic()), edges), NUMERIC_BINS + 1);
    }

    private static int[] withMissing(int[] codes, int missing) {
        int[] copy = codes.clone();
        for (int k = 0; k < copy.length; k++) {
            if (copy[k] == CategoryDictionary.MISSING) {
                copy[k] = missing;
            }
        }
        return copy;
    }

    /**
     * Edges as {@code numpy.histogram_bin_edges(values, bins)} computes them: {@code bins + 1} points spaced
     * evenly from the minimum to the maximum (start + k · step, last set to the maximum), widened by 0.5 on each
     * side when all values are equal.
     */
    static double[] equalWidthEdges(double[] sorted, int bins) {
        double lo = sorted.length == 0 ? 0 : sorted[0];
        double hi = sorted.length == 0 ? 1 : sorted[sorted.length - 1];
        if (lo == hi) {
            lo -= 0.5;
            hi += 0.5;
        }
        double[] edges = new double[bins + 1];
        double step = (hi - lo) / bins;
        for (int k = 0; k <= bins; k++) {
            edges[k] = lo + k * step;
        }
        edges[bins] = hi;
        return edges;
    }

    /** Bin index = number of interior edges at or below the value; NaN gets the missing code. */
    static int[] bin(double[] values, double[] edges) {
        int bins = edges.length - 1;
        int[] codes = new int[values.length];
        for (int k = 0; k < values.length; k++) {
            double v = values[k];
            if (Double.isNaN(v)) {
                codes[k] = bins;
                continue;
            }
            int code = 0;
            while (code < bins - 1 && edges[code + 1] <= v) {
                code++;
            }
            codes[k] = code;
        }
        return codes;
    }
}
