package org.synthtrust.generators.pgm;

import java.util.Arrays;

/**
 * Noisy result of an identity query on a marginal: {@code values[cell]} estimates the count of the cell with
 * Gaussian noise of variance {@code 1 / inverseVariance[cell]}. A per-cell variance lets a compressed domain
 * carry merged cells whose noise is larger than the rest.
 *
 * @param attributes sorted attribute indices of the marginal
 * @param values noisy counts in the row-major layout of {@link Cliques}
 * @param inverseVariance 1 / sigma^2 for each cell
 */
public record Measurement(int[] attributes, double[] values, double[] inverseVariance) {

    public Measurement {
        if (values.length != inverseVariance.length) {
            throw new IllegalArgumentException(values.length + " values but " + inverseVariance.length + " variances");
        }
    }

    /** Creates a measurement with the same noise standard deviation {@code sigma} on every cell. */
    public static Measurement of(int[] attributes, double[] values, double sigma) {
        double[] inverseVariance = new double[values.length];
        Arrays.fill(inverseVariance, 1.0 / (sigma * sigma));
        return new Measurement(attributes, values, inverseVariance);
    }

    /** Returns the variance of the sum of all cells, for combining total estimates. */
    public double varianceOfSum() {
        double variance = 0;
        for (double inverse : inverseVariance) {
            variance += 1.0 / inverse;
        }
        return variance;
    }
}
