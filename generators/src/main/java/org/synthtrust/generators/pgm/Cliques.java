package org.synthtrust.generators.pgm;

import java.util.Arrays;
import org.synthtrust.core.domain.Domain;

/**
 * Index arithmetic for marginals over sorted attribute subsets (cliques). A clique is an ascending int array
 * of attribute indices; its cells are laid out row-major with the last attribute varying fastest, so a cell's
 * flat index is the sum over attributes of code times stride.
 */
public final class Cliques {
    private Cliques() {
    }

    /** Returns the sorted, duplicate-free copy of an attribute set. */
    public static int[] normalize(int... attributes) {
        return Arrays.stream(attributes).distinct().sorted().toArray();
    }

    /** Returns the strides of the clique's attributes in its own row-major layout. */
    public static int[] strides(Domain domain, int[] clique) {
        int[] strides = new int[clique.length];
        int stride = 1;
        for (int i = clique.length - 1; i >= 0; i--) {
            strides[i] = stride;
            stride = Math.multiplyExact(stride, domain.size(clique[i]));
        }
        return strides;
    }

    /** Returns the number of cells as an int, rejecting marginals too large for one Java array. */
    public static int cells(Domain domain, int[] clique) {
        long cells = domain.cells(clique);
        if (cells > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException("clique " + Arrays.toString(clique) + " has " + cells
                    + " cells, more than one array can hold");
        }
        return (int) cells;
    }

    public static boolean contains(int[] clique, int attribute) {
        return Arrays.binarySearch(clique, attribute) >= 0;
    }

    /** True when every attribute of {@code subset} is in {@code superset}; both sorted. */
    public static boolean isSubset(int[] subset, int[] superset) {
        int j = 0;
        for (int attribute : subset) {
            while (j < superset.length && superset[j] < attribute) {
                j++;
            }
            if (j == superset.length || superset[j] != attribute) {
                return false;
            }
        }
        return true;
    }

    public static int[] union(int[] first, int[] second) {
        int[] merged = Arrays.copyOf(first, first.length + second.length);
        System.arraycopy(second, 0, merged, first.length, second.length);
        return normalize(merged);
    }

    public static int[] intersection(int[] first, int[] second) {
        return Arrays.stream(first).filter(attribute -> contains(second, attribute)).toArray();
    }

    public static int[] difference(int[] first, int[] second) {
        return Arrays.stream(first).filter(attribute -> !contains(second, attribute)).toArray();
    }

    /**
     * Returns, for every cell of {@code from}, the flat index of its projection onto {@code onto}. Both are
     * sorted and {@code onto} is a subset of {@code from}; the map is the basis of every marginalisation and
     * expansion in the engine.
     */
    public static int[] projectionMap(Domain domain, int[] from, int[] onto) {
        int[] ontoStrides = strides(domain, onto);
        int[] stridesInFrom = new int[from.length];
        for (int i = 0; i < from.length; i++) {
            int position = Arrays.binarySearch(onto, from[i]);
            stridesInFrom[i] = position >= 0 ? ontoStrides[position] : 0;
        }
        return offsets(domain.sizesOf(from), stridesInFrom);
    }

    /**
     * Walks all cells of a row-major grid with the given axis sizes and returns, per cell, the sum of
     * digit times {@code strides[axis]}.
     */
    static int[] offsets(int[] sizes, int[] strides) {
        long total = 1;
        for (int size : sizes) {
            total *= size;
        }
        int[] result = new int[(int) total];
        int axes = sizes.length;
        int[] digits = new int[axes];
        int offset = 0;
        for (int cell = 0; cell < result.length; cell++) {
            result[cell] = offset;
            for (int axis = axes - 1; axis >= 0; axis--) {
                digits[axis]++;
                offset += strides[axis];
                if (digits[axis] < sizes[axis]) {
                    break;
                }
                offset -= digits[axis] * strides[axis];
                digits[axis] = 0;
            }
        }
        return result;
    }
}
