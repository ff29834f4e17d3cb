package org.synthtrust.generators.pgm;

import org.synthtrust.core.domain.Domain;

/**
 * Dense non-negative table over a sorted attribute subset, in the row-major layout of {@link Cliques}. Used
 * for the products and sums of variable elimination when a marginal spans several junction-tree cliques.
 */
final class Factor {
    final int[] attributes;
    final double[] values;

    Factor(int[] attributes, double[] values) {
        this.attributes = attributes;
        this.values = values;
    }

    /** Returns this factor times {@code other}, over the union of both attribute sets. */
    Factor multiply(Domain domain, Factor other) {
        int[] union = Cliques.union(attributes, other.attributes);
        int[] mine = Cliques.projectionMap(domain, union, attributes);
        int[] theirs = Cliques.projectionMap(domain, union, other.attributes);
        double[] product = new double[mine.length];
        for (int cell = 0; cell < product.length; cell++) {
            product[cell] = values[mine[cell]] * other.values[theirs[cell]];
        }
        return new Factor(union, product);
    }

    /** Divides in place by a factor over a subset of this one's attributes, with 0 / 0 taken as 0. */
    Factor divideInPlace(Domain domain, Factor subset) {
        int[] map = Cliques.projectionMap(domain, attributes, subset.attributes);
        for (int cell = 0; cell < values.length; cell++) {
            double divisor = subset.values[map[cell]];
            values[cell] = divisor > 0 ? values[cell] / divisor : 0.0;
        }
        return this;
    }

    /** Returns the sum of this factor onto a subset of its attributes. */
    Factor sumOnto(Domain domain, int[] onto) {
        int[] map = Cliques.projectionMap(domain, attributes, onto);
        double[] sums = new double[Cliques.cells(domain, onto)];
        for (int cell = 0; cell < values.length; cell++) {
            sums[map[cell]] += values[cell];
        }
        return new Factor(onto, sums);
    }
}
