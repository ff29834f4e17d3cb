package org.synthtrust.audit.privacy;

import java.util.SplittableRandom;
import java.util.concurrent.ForkJoinPool;
import java.util.stream.IntStream;
import org.synthtrust.core.progress.CancellationToken;
import org.synthtrust.core.progress.ProgressListener;

/**
 * Black-box membership inference against a synthetic table. Training rows are members and holdout rows are
 * non-members. An attack scores each real record, and a higher score means "member".
 *
 * <ul>
 *   <li>Distance attack: the score is minus the record's distance to its closest synthetic row.</li>
 *   <li>Density-ratio attack after van Breugel, Sun, Qian and van der Schaar (2023, "Membership Inference
 *       Attacks against Synthetic Data through Overfitting Detection", AISTATS; DOMIAS): the score is
 *       log p_synthetic(x) - log p_reference(x), both kernel density estimates with the kernel
 *       exp(-d(x, y) / h) over {@link MixedDistance}. The reference density is fitted on one half of the
 *       holdout and the non-members are drawn from the other half only, so no non-member scores against
 *       itself.</li>
 * </ul>
 * Members and non-members are equal-size random samples, so the AUC's 0.5 means no advantage.
 */
public final class MembershipInference {
    /** Rows per group scored by default; enough for a bootstrap AUC interval of about ±0.02. */
    public static final int DEFAULT_MAX_ROWS = 2000;
    /** Synthetic rows in the kernel density estimate; the cost is (2 x scored rows) x this many distances. */
    public static final int DEFAULT_MAX_KERNEL_ROWS = 5000;
    /** Bootstrap rounds for the AUC interval. */
    public static final int BOOTSTRAP_ROUNDS = 200;

    private MembershipInference() {
    }

    /** Scores of both groups and their ROC summary. */
    public record Attack(double[] memberScores, double[] nonMemberScores, PrivacyStatistics.RocSummary roc) {
    }

    /**
     * Runs the distance attack.
     *
     * @throws IllegalArgumentException when training, holdout or synthetic rows are empty
     */
    public static Attack distanceAttack(EncodedRows train, EncodedRows holdout, EncodedRows synthetic, int maxRows,
                                        long seed, ProgressListener progress, CancellationToken cancel) {
        requireRows(train, holdout, synthetic);
        SplittableRandom random = new SplittableRandom(seed);
        int rows = Math.min(maxRows, Math.min(train.rows(), holdout.rows()));
        EncodedRows members = train.select(PrivacyStatistics.sampleIndexes(train.rows(), rows, random));
        EncodedRows nonMembers = holdout.select(PrivacyStatistics.sampleIndexes(holdout.rows(), rows, random));
        double[] memberScores = negate(NearestNeighbourSearch.search(members, synthetic, false,
                ForkJoinPool.commonPool(), progress, cancel).nearest());
        double[] nonMemberScores = negate(NearestNeighbourSearch.search(nonMembers, synthetic, false,
                ForkJoinPool.commonPool(), progress, cancel).nearest());
        return new Attack(memberScores, nonMemberScores,
                PrivacyStatistics.roc(memberScores, nonMemberScores, BOOTSTRAP_ROUNDS, seed));
    }

    /**
     * Runs the density-ratio attack. The holdout is shuffled and split in half: the first half fits the
     * reference density, the second half provides the non-members.
     *
     * @throws IllegalArgumentException when the holdout has fewer than 2 rows or another table is empty
     */
    public static Attack densityAttack(EncodedRows train, EncodedRows holdout, EncodedRows synthetic, int maxRows,
                                       int maxKernelRows, long seed, CancellationToken cancel) {
        requireRows(train, holdout, synthetic);
        if (holdout.rows() < 2) {
            throw new IllegalArgumentException("the density attack needs at least 2 holdout rows; got "
                    + holdout.rows());
        }
        SplittableRandom random = new SplittableRandom(seed);
        int[] shuffled = PrivacyStatistics.sampleIndexes(holdout.rows(), holdout.rows(), random);
        int half = holdout.rows() / 2;
        int[] referenceIndexes = java.util.Arrays.copyOfRange(shuffled, 0, Math.min(half, maxKernelRows));
        int[] candidates = java.util.Arrays.copyOfRange(shuffled, half, holdout.rows());
        int rows = Math.min(maxRows, Math.min(train.rows(), candidates.length));
        EncodedRows reference = holdout.select(referenceIndexes);
        EncodedRows nonMembers = holdout.select(java.util.Arrays.copyOf(candidates, rows));
        EncodedRows members = train.select(PrivacyStatistics.sampleIndexes(train.rows(), rows, random));
        EncodedRows kernelRows = synthetic.rows() <= maxKernelRows ? synthetic
                : synthetic.select(PrivacyStatistics.sampleIndexes(synthetic.rows(), maxKernelRows, random));

        double bandwidth = bandwidth(kernelRows, cancel);
        double[] memberScores = logDensityRatio(members, kernelRows, reference, bandwidth, cancel);
        double[] nonMemberScores = logDensityRatio(nonMembers, kernelRows, reference, bandwidth, cancel);
        return new Attack(memberScores, nonMemberScores,
                PrivacyStatistics.roc(memberScores, nonMemberScores, BOOTSTRAP_ROUNDS, seed));
    }

    /**
     * Returns the kernel bandwidth: the median leave-one-out nearest-neighbour distance among the synthetic
     * kernel rows, floored at 1 / (100 x columns) so exact duplicates cannot make it 0.
     */
    static double bandwidth(EncodedRows kernelRows, CancellationToken cancel) {
        double floor = 1.0 / (100.0 * kernelRows.columnCount());
        if (kernelRows.rows() < 2) {
            return Math.max(floor, 0.1);
        }
        double median = PrivacyStatistics.median(NearestNeighbourSearch.search(kernelRows, kernelRows, true,
                ForkJoinPool.commonPool(), ProgressListener.NONE, cancel).nearest());
        return Math.max(floor, median);
    }

    private static double[] logDensityRatio(EncodedRows points, EncodedRows synthetic, EncodedRows reference,
                                            double bandwidth, CancellationToken cancel) {
        double[] scores = new double[points.rows()];
        IntStream.range(0, points.rows()).parallel().forEach(row -> {
            cancel.throwIfCancelled();
            scores[row] = logKernelDensity(points, row, synthetic, bandwidth)
                    - logKernelDensity(points, row, reference, bandwidth);
        });
        return scores;
    }

    /** Returns log of the mean of exp(-d / h) over the sample, by log-sum-exp so far points do not underflow. */
    private static double logKernelDensity(EncodedRows points, int row, EncodedRows sample, double bandwidth) {
        double[] exponents = new double[sample.rows()];
        double max = Double.NEGATIVE_INFINITY;
        for (int s = 0; s < sample.rows(); s++) {
            exponents[s] = -points.distance(row, sample, s) / bandwidth;
            max = Math.max(max, exponents[s]);
        }
        double sum = 0;
        for (double exponent : exponents) {
            sum += Math.exp(exponent - max);
        }
        return max + Math.log(sum / sample.rows());
    }

    private static double[] negate(double[] values) {
        double[] negated = new double[values.length];
        for (int i = 0; i < values.length; i++) {
            negated[i] = -values[i];
        }
        return negated;
    }

    private static void requireRows(EncodedRows train, EncodedRows holdout, EncodedRows synthetic) {
        if (train.rows() == 0 || holdout.rows() == 0 || synthetic.rows() == 0) {
            throw new IllegalArgumentException("membership inference needs training, holdout and synthetic rows; got "
                    + train.rows() + ", " + holdout.rows() + " and " + synthetic.rows());
        }
    }
}
