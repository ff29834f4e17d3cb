package org.synthtrust.generators.pgm;

import java.util.List;
import java.util.stream.IntStream;
import org.synthtrust.core.domain.Domain;

/**
 * Exact marginal counts of int-coded data ({@code [attribute][row]}), one pass over the rows per marginal
 * with flat index arithmetic. Several marginals are counted in parallel because each pass is independent.
 * The counts are private: they may leave this class only through the privacy ledger.
 */
public final class MarginalCounter {
    private MarginalCounter() {
    }

    public static long[] count(int[][] data, Domain domain, int[] attributes) {
        int rows = data.length == 0 ? 0 : data[0].length;
        long[] counts = new long[Cliques.cells(domain, attributes)];
        if (attributes.length == 0) {
            counts[0] = rows;
            return counts;
        }
        int[] strides = Cliques.strides(domain, attributes);
        if (attributes.length == 1) {
            int[] column = data[attributes[0]];
            for (int row = 0; row < rows; row++) {
                counts[column[row]]++;
            }
            return counts;
        }
        int[] index = new int[rows];
        for (int i = 0; i < attributes.length; i++) {
            int[] column = data[attributes[i]];
            int stride = strides[i];
            for (int row = 0; row < rows; row++) {
                index[row] += column[row] * stride;
            }
        }
        for (int row = 0; row < rows; row++) {
            counts[index[row]]++;
        }
        return counts;
    }

    /** Counts several marginals in parallel; element {@code i} of the result belongs to {@code cliques.get(i)}. */
    public static long[][] countAll(int[][] data, Domain domain, List<int[]> cliques) {
        long[][] result = new long[cliques.size()][];
        IntStream.range(0, cliques.size()).parallel()
                .forEach(i -> result[i] = count(data, domain, cliques.get(i)));
        return result;
    }
}
