package org.synthtrust.audit.privacy;

import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.ForkJoinPool;
import org.synthtrust.core.progress.CancellationToken;
import org.synthtrust.core.progress.ProgressListener;
import org.synthtrust.core.table.Table;

/**
 * Distance to closest record (DCR) of every synthetic row to the training and the holdout table, the
 * nearest-neighbour distance ratio (NNDR), and the share of synthetic rows closer to training than to holdout.
 *
 * <p>A generator that learned nothing about individual training rows places a synthetic row closer to the
 * training table with probability n_train / (n_train + n_holdout), which is 0.5 only for equal sizes. The
 * default share therefore compares against random subsets of training and holdout of the same size
 * (the smaller table's size), both under the training table's scales, and counts a tie as one half. Ties are
 * frequent with categorical columns, and counting them as "not closer" would put the no-memorisation share
 * below 0.5. The reference convention of SDMetrics
 * 0.29 (DCROverfittingProtection) is reported too: full tables, each DCR scaled by the range of the table it
 * searches, and the score min(1, 2 (1 - share)), which assumes the 0.5 baseline whatever the sizes.
 */
public final class DcrAnalysis {
    private DcrAnalysis() {
    }

    /**
     * DCR summary. Distances are in [0, 1]; shares and scores in [0, 1].
     *
     * @param toTrain               DCR of every synthetic row to the training table (kept in memory only)
     * @param medianToTrain         median DCR synthetic to training
     * @param medianToHoldout       median DCR synthetic to holdout, same scales
     * @param fifthPercentileToTrain 5th percentile DCR synthetic to training
     * @param medianDistanceRatio   median NNDR synthetic to training (0 when the two nearest are both at 0)
     * @param closerToTrain         share closer to the training subset than to the holdout subset (ties count
     *                              one half), with its Wilson interval
     * @param subsetRows            rows in each equal-size subset
     * @param protection            min(1, 2 (1 - share)) on the equal-size subsets
     * @param referenceCloserShare  the same share on full tables under the reference convention
     * @param referenceProtection   the reference score min(1, 2 (1 - referenceCloserShare))
     * @param referenceExpectedShare n_train / (n_train + n_holdout), the no-memorisation share on full tables
     */
    public record Result(double[] toTrain, double medianToTrain, double medianToHoldout, double fifthPercentileToTrain,
                         double medianDistanceRatio, PrivacyStatistics.Interval closerToTrain, int subsetRows,
                         double protection, double referenceCloserShare, double referenceProtection,
                         double referenceExpectedShare) {
    }

    /**
     * Runs up to five neighbour searches: synthetic to training and to holdout, to each equal-size subset
     * that differs from its full table, and with range scaling one more to the holdout under its own ranges.
     */
    public static Result compute(Table train, Table holdout, Table synthetic, List<String> columns,
                                 DistanceScaling scaling, long seed, ForkJoinPool pool, ProgressListener progress,
                                 CancellationToken cancel) {
        MixedDistance distance = MixedDistance.fit(train, columns, scaling);
        EncodedRows trainRows = distance.encode(train, "training");
        EncodedRows holdoutRows = distance.encode(holdout, "holdout");
        EncodedRows syntheticRows = distance.encode(synthetic, "synthetic");

        NearestNeighbourSearch.Neighbours toTrain =
                NearestNeighbourSearch.search(syntheticRows, trainRows, false, pool, progress, cancel);
        NearestNeighbourSearch.Neighbours toHoldout =
                NearestNeighbourSearch.search(syntheticRows, holdoutRows, false, pool, progress, cancel);

        double[] ratios = new double[syntheticRows.rows()];
        for (int row = 0; row < ratios.length; row++) {
            ratios[row] = toTrain.distanceRatio(row);
        }

        // Equal-size subsets under the training scales.
        int subsetRows = Math.min(trainRows.rows(), holdoutRows.rows());
        SplittableRandom random = new SplittableRandom(seed);
        EncodedRows trainSubset = trainRows.select(PrivacyStatistics.sampleIndexes(trainRows.rows(), subsetRows, random));
        EncodedRows holdoutSubset =
                holdoutRows.select(PrivacyStatistics.sampleIndexes(holdoutRows.rows(), subsetRows, random));
        double[] toTrainSubset = subsetRows == trainRows.rows() ? toTrain.nearest()
                : NearestNeighbourSearch.search(syntheticRows, trainSubset, false, pool, progress, cancel).nearest();
        double[] toHoldoutSubset = subsetRows == holdoutRows.rows() ? toHoldout.nearest()
                : NearestNeighbourSearch.search(syntheticRows, holdoutSubset, false, pool, progress, cancel).nearest();
        double closer = countStrictlyCloser(toTrainSubset, toHoldoutSubset) + 0.5 * countTies(toTrainSubset,
                toHoldoutSubset);
        PrivacyStatistics.Interval closerInterval = syntheticRows.rows() == 0
                ? new PrivacyStatistics.Interval(0, 0, 1)
                : PrivacyStatistics.wilson(closer, syntheticRows.rows(), PrivacyStatistics.Z95);

        // Reference convention: full tables, the holdout DCR scaled by the holdout's own ranges.
        double[] referenceToHoldout = toHoldout.nearest();
        if (scaling == DistanceScaling.RANGE) {
            MixedDistance holdoutScaled = MixedDistance.fit(holdout, columns, DistanceScaling.RANGE);
            referenceToHoldout = NearestNeighbourSearch.search(holdoutScaled.encode(synthetic, "synthetic"),
                    holdoutScaled.encode(holdout, "holdout"), false, pool, progress, cancel).nearest();
        }
        double referenceShare = syntheticRows.rows() == 0 ? 0
                : countStrictlyCloser(toTrain.nearest(), referenceToHoldout) / (double) syntheticRows.rows();
        double expected = trainRows.rows() / (double) (trainRows.rows() + holdoutRows.rows());

        return new Result(toTrain.nearest(), PrivacyStatistics.median(toTrain.nearest()),
                PrivacyStatistics.median(toHoldout.nearest()), PrivacyStatistics.quantile(toTrain.nearest(), 0.05),
                PrivacyStatistics.median(ratios), closerInterval, subsetRows, protectionScore(closerInterval.value()),
                referenceShare, protectionScore(referenceShare), expected);
    }

    /**
     * SDMetrics-convention summary: the median and 5th percentile of the range-scaled DCR to training, and
     * the closer-to-training share and protection score on the full tables with the holdout DCR scaled by the
     * holdout's own ranges.
     */
    public record Reference(double medianToTrain, double fifthPercentileToTrain, double closerShare,
                            double protection, double expectedShare) {
    }

    /** Computes only the reference convention, with two neighbour searches instead of up to five. */
    public static Reference referenceConvention(Table train, Table holdout, Table synthetic, List<String> columns,
                                                ForkJoinPool pool, ProgressListener progress,
                                                CancellationToken cancel) {
        MixedDistance trainScaled = MixedDistance.fit(train, columns, DistanceScaling.RANGE);
        double[] toTrain = NearestNeighbourSearch.search(trainScaled.encode(synthetic, "synthetic"),
                trainScaled.encode(train, "training"), false, pool, progress, cancel).nearest();
        MixedDistance holdoutScaled = MixedDistance.fit(holdout, columns, DistanceScaling.RANGE);
        double[] toHoldout = NearestNeighbourSearch.search(holdoutScaled.encode(synthetic, "synthetic"),
                holdoutScaled.encode(holdout, "holdout"), false, pool, progress, cancel).nearest();
        double share = toTrain.length == 0 ? 0 : countStrictlyCloser(toTrain, toHoldout) / (double) toTrain.length;
        double expected = train.rowCount() / (double) (train.rowCount() + holdout.rowCount());
        return new Reference(PrivacyStatistics.median(toTrain), PrivacyStatistics.quantile(toTrain, 0.05), share,
                protectionScore(share), expected);
    }

    /** Returns min(1, 2 (1 - share)), the SDMetrics overfitting-protection score. */
    public static double protectionScore(double closerToTrainShare) {
        return Math.min(1.0, 2.0 * (1.0 - closerToTrainShare));
    }

    private static int countTies(double[] toTrain, double[] toHoldout) {
        int ties = 0;
        for (int row = 0; row < toTrain.length; row++) {
            if (toTrain[row] == toHoldout[row]) {
                ties++;
            }
        }
        return ties;
    }

    private static int countStrictlyCloser(double[] toTrain, double[] toHoldout) {
        int closer = 0;
        for (int row = 0; row < toTrain.length; row++) {
            if (toTrain[row] < toHoldout[row]) {
                closer++;
            }
        }
        return closer;
    }
}
