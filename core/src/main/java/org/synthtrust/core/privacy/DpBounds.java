package org.synthtrust.core.privacy;

import static org.synthtrust.core.privacy.PrivacyBudget.format;

import java.util.Arrays;
import org.synthtrust.core.InvalidInputException;

/**
 * Differentially private lower and upper bounds of a numeric column, for columns whose schema declares none and
 * whose user opted in. Each bound is a DP quantile chosen by the exponential mechanism over a public grid of
 * candidate values (Smith 2011, "Privacy-Preserving Statistical Estimation with Optimal Convergence Rates"),
 * charged to the ledger as a pure epsilon-DP pre-processing line.
 *
 * <p>The score of candidate c for quantile p is -|#{x &lt;= c} - p n|. Adding or removing one row moves the count
 * by at most 1 and p n by p, and both move in the same direction, so the score's sensitivity is
 * max(p, 1 - p) &lt;= 1; the mechanism uses sensitivity 1. The bounds are grid values, which are public, so no
 * data value (such as an outlier) is ever published as a bound.
 */
public final class DpBounds {

    /** Largest grid accepted; the exact sampler's set-up cost grows with the number of candidates. */
    public static final int MAX_GRID_POINTS = 100_000;

    private DpBounds() {
    }

    /**
     * Estimated bounds.
     *
     * @param lower a grid value at or below upper
     * @param upper a grid value at or above lower
     */
    public record Bounds(double lower, double upper) {
    }

    /** Returns {@code points} evenly spaced public candidates from {@code publicLower} to {@code publicUpper}. */
    public static double[] linearGrid(double publicLower, double publicUpper, int points) {
        requireRange(publicLower, publicUpper);
        requirePoints(points);
        double[] grid = new double[points];
        for (int i = 0; i < points; i++) {
            grid[i] = publicLower + (publicUpper - publicLower) * i / (points - 1);
        }
        grid[points - 1] = publicUpper;
        return grid;
    }

    /**
     * Returns {@code points} geometrically spaced public candidates from {@code publicLower} to
     * {@code publicUpper} (both positive), for columns such as incomes that span orders of magnitude.
     */
    public static double[] geometricGrid(double publicLower, double publicUpper, int points) {
        requireRange(publicLower, publicUpper);
        requirePoints(points);
        if (!(publicLower > 0)) {
            throw new InvalidInputException("a geometric grid needs a positive lower end; got " + format(publicLower)
                    + ". Use a linear grid for ranges that include 0 or negative values.");
        }
        double[] grid = new double[points];
        double ratio = Math.log(publicUpper / publicLower);
        for (int i = 0; i < points; i++) {
            grid[i] = publicLower * Math.exp(ratio * i / (points - 1));
        }
        grid[0] = publicLower;
        grid[points - 1] = publicUpper;
        return grid;
    }

    /**
     * Estimates bounds of {@code column} as the DP quantiles {@code lowerQuantile} and {@code upperQuantile},
     * spending {@code epsilon} in total (half on each) as two pure epsilon-DP ledger lines. Missing values
     * (NaN) are ignored; values outside the grid count towards the nearest end.
     *
     * @param grid public candidate values in increasing order, chosen without looking at the data
     * @throws BudgetExceededException when the ledger cannot afford epsilon; nothing is released then
     */
    public static Bounds estimate(PrivacyLedger ledger, String column, double[] values, double[] grid,
                                  double epsilon, double lowerQuantile, double upperQuantile) {
        PrivacyBudget.requireValidEpsilon("bounds epsilon for column '" + column + "'", epsilon);
        if (!(lowerQuantile >= 0 && lowerQuantile < upperQuantile && upperQuantile <= 1)) {
            throw new IllegalArgumentException("need 0 <= lowerQuantile < upperQuantile <= 1; got " + lowerQuantile
                    + " and " + upperQuantile);
        }
        requireSortedGrid(grid);

        double[] sorted = Arrays.stream(values).filter(value -> !Double.isNaN(value)).sorted().toArray();
        long[] countAtOrBelow = new long[grid.length];
        for (int j = 0; j < grid.length; j++) {
            countAtOrBelow[j] = countAtOrBelow(sorted, grid[j]);
        }

        double halfEpsilon = epsilon / 2;
        int lowerIndex = ledger.exponentialMechanismPure(
                "preprocessing: lower bound of '" + column + "' (DP quantile " + format(lowerQuantile) + ")",
                scores(countAtOrBelow, lowerQuantile, sorted.length), halfEpsilon, 1.0);
        int upperIndex = ledger.exponentialMechanismPure(
                "preprocessing: upper bound of '" + column + "' (DP quantile " + format(upperQuantile) + ")",
                scores(countAtOrBelow, upperQuantile, sorted.length), halfEpsilon, 1.0);

        // Post-processing: order the two draws and keep a non-empty interval when the grid allows it.
        int low = Math.min(lowerIndex, upperIndex);
        int high = Math.max(lowerIndex, upperIndex);
        if (low == high) {
            low = Math.max(0, low - 1);
            high = Math.min(grid.length - 1, high + 1);
        }
        return new Bounds(grid[low], grid[high]);
    }

    private static double[] scores(long[] countAtOrBelow, double quantile, int rows) {
        double target = quantile * rows;
        double[] scores = new double[countAtOrBelow.length];
        for (int j = 0; j < scores.length; j++) {
            scores[j] = -Math.abs(countAtOrBelow[j] - target);
        }
        return scores;
    }

    private static long countAtOrBelow(double[] sorted, double value) {
        int low = 0;
        int high = sorted.length;
        while (low < high) {
            int middle = (low + high) >>> 1;
            if (sorted[middle] <= value) {
                low = middle + 1;
            } else {
                high = middle;
            }
        }
        return low;
    }

    private static void requireRange(double publicLower, double publicUpper) {
        if (!Double.isFinite(publicLower) || !Double.isFinite(publicUpper) || publicLower >= publicUpper) {
            throw new InvalidInputException("the public range for DP bounds must be finite with lower < upper; got ["
                    + format(publicLower) + ", " + format(publicUpper) + "]. Set a coarse range that surely contains"
                    + " the column, chosen without looking at the data.");
        }
    }

    private static void requirePoints(int points) {
        if (points < 2 || points > MAX_GRID_POINTS) {
            throw new InvalidInputException("the DP bounds grid needs 2 to " + MAX_GRID_POINTS + " points; got "
                    + points + ".");
        }
    }

    private static void requireSortedGrid(double[] grid) {
        requirePoints(grid.length);
        for (int j = 1; j < grid.length; j++) {
            if (!(grid[j] > grid[j - 1]) || !Double.isFinite(grid[j])) {
                throw new IllegalArgumentException("grid must be finite and strictly increasing; position " + j
                        + " has " + grid[j] + " after " + grid[j - 1]);
            }
        }
    }
}
