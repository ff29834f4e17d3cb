package org.synthtrust.audit.fidelity;

import java.util.HashMap;
import java.util.Map;

/** Joint frequency tables over code columns, dense when small and hashed when the cell count is large. */
final class Marginals {
    private static final long DENSE_LIMIT = 1L << 22;

    private Marginals() {
    }

    /**
     * Returns the L1 distance between the two tables' cell densities (counts divided by each table's own row
     * count), summed over the union of cells. The TVD is half of it.
     */
    static double l1(int[][] realCodes, int[] sizes, int[][] synthCodes, int realRows, int synthRows) {
        long cells = 1;
        for (int size : sizes) {
            cells *= size;
        }

        if (cells <= DENSE_LIMIT) {
            long[] real = new long[(int) cells];
            long[] synth = new long[(int) cells];
            for (int row = 0; row < realRows; row++) {
                real[(int) cell(realCodes, sizes, row)]++;
            }
            for (int row = 0; row < synthRows; row++) {
                synth[(int) cell(synthCodes, sizes, row)]++;
            }
            double sum = 0;
            for (int c = 0; c < cells; c++) {
                if (real[c] != 0 || synth[c] != 0) {
                    sum += Math.abs((double) real[c] / realRows - (double) synth[c] / synthRows);
                }
            }
            return sum;
        }

        Map<Long, long[]> counts = new HashMap<>();
        for (int row = 0; row < realRows; row++) {
            counts.computeIfAbsent(cell(realCodes, sizes, row), key -> new long[2])[0]++;
        }

        for (int row = 0; row < synthRows; row++) {
            counts.computeIfAbsent(cell(synthCodes, sizes, row), key -> new long[2])[1]++;
        }

        double sum = 0;
        for (long[] pair : counts.values()) {
            sum += Math.abs((double) pair[0] / realRows - (double) pair[1] / synthRows);
        }
        return sum;
    }

    private static long cell(int[][] codes, int[] sizes, int row) {
        long index = 0;
        for (int k = 0; k < codes.length; k++) {
            index = index * sizes[k] + codes[k][row];
        }
        return index;
    }
}
