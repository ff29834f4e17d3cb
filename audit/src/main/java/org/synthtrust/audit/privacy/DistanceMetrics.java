package org.synthtrust.audit.privacy;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ForkJoinPool;
import org.synthtrust.audit.AuditContext;
import org.synthtrust.audit.Direction;
import org.synthtrust.audit.MetricResult;
import org.synthtrust.core.progress.CancellationToken;
import org.synthtrust.core.progress.ProgressListener;

/**
 * Distance and match metrics of a synthetic table against the real training and holdout tables.
 *
 * <p>{@code privacy.dcr.median} uses the IQR-scaled distance ({@link DistanceScaling#IQR}) and is the one the
 * trust index should score: range scaling lets a single extreme training value shrink all other differences
 * and make ordinary rows look like near-copies. {@code privacy.dcr.median_range} is the range-scaled value,
 * equal to SDMetrics' median DCR, for comparison with other tools. The closer-to-train share and its
 * protection score compare against equal-size training and holdout subsets (expected share 0.5 for a
 * generator that memorised nothing); the {@code _reference} protection score is SDMetrics'
 * DCROverfittingProtection on the full tables (see {@link DcrAnalysis}).
 */
final class DistanceMetrics extends PrivacyMetric {
    static final String MEDIAN = "privacy.dcr.median";
    static final String MEDIAN_RANGE = "privacy.dcr.median_range";
    static final String HOLDOUT_MEDIAN = "privacy.dcr.holdout_median";
    static final String CLOSER = "privacy.dcr.closer_to_train_share";
    static final String PROTECTION = "privacy.dcr.overfitting_protection";
    static final String PROTECTION_REFERENCE = "privacy.dcr.overfitting_protection_reference";
    static final String NNDR = "privacy.nndr.median";
    static final String EXACT = "privacy.exact_match.rate";
    static final String HOLDOUT_EXACT = "privacy.exact_match.holdout_rate";
    static final String UNIQUE = "privacy.exact_match.unique_record_rate";
    static final String NEW_ROWS = "privacy.new_row.share";

    DistanceMetrics() {
        super(List.of(
                spec(MEDIAN, Direction.HIGHER_IS_BETTER, "median distance to closest training record (IQR-scaled "
                        + "mixed distance, 0 = copy); the trust index uses this one"),
                spec(MEDIAN_RANGE, Direction.HIGHER_IS_BETTER, "median distance to closest training record, "
                        + "range-scaled as in SDMetrics"),
                spec(HOLDOUT_MEDIAN, Direction.NEUTRAL, "median distance to closest holdout record (IQR-scaled); "
                        + "the no-memorisation reference for privacy.dcr.median"),
                spec(CLOSER, Direction.LOWER_IS_BETTER, "share of synthetic rows closer to training than to "
                        + "holdout, on equal-size subsets, ties counted one half (0.5 expected without "
                        + "memorisation)"),
                spec(PROTECTION, Direction.HIGHER_IS_BETTER, "min(1, 2 x (1 - closer-to-train share)) on "
                        + "equal-size subsets"),
                spec(PROTECTION_REFERENCE, Direction.HIGHER_IS_BETTER, "SDMetrics DCROverfittingProtection on the "
                        + "full tables (assumes a 0.5 baseline whatever the sizes)"),
                spec(NNDR, Direction.HIGHER_IS_BETTER, "median ratio of nearest to second-nearest training "
                        + "distance (IQR-scaled)"),
                spec(EXACT, Direction.LOWER_IS_BETTER, "share of synthetic rows equal to a training row on "
                        + "every column"),
                spec(HOLDOUT_EXACT, Direction.NEUTRAL, "share of holdout rows equal to a training row: how often "
                        + "exact matches occur between real rows by chance"),
                spec(UNIQUE, Direction.LOWER_IS_BETTER, "share of synthetic rows that copy a training row unique "
                        + "in the training table"),
                spec(NEW_ROWS, Direction.HIGHER_IS_BETTER, "share of synthetic rows matching no training row "
                        + "(numbers within 1 % relative tolerance), as SDMetrics NewRowSynthesis")));
    }

    @Override
    List<MetricResult> computeWithHoldout(AuditContext ctx, List<String> columns) {
        long seed = ctx.settings().seed();
        ForkJoinPool pool = ForkJoinPool.commonPool();
        DcrAnalysis.Result robust = DcrAnalysis.compute(ctx.train(), ctx.holdout(), ctx.synthetic(), columns,
                DistanceScaling.IQR, seed, pool, ProgressListener.NONE, CancellationToken.NONE);
        DcrAnalysis.Reference range = DcrAnalysis.referenceConvention(ctx.train(), ctx.holdout(), ctx.synthetic(),
                columns, pool, ProgressListener.NONE, CancellationToken.NONE);

        MixedDistance distance = MixedDistance.fit(ctx.train(), columns, DistanceScaling.RANGE);
        EncodedRows train = distance.encode(ctx.train(), "training");
        EncodedRows holdout = distance.encode(ctx.holdout(), "holdout");
        EncodedRows synthetic = distance.encode(ctx.synthetic(), "synthetic");
        RowMatching.Matches syntheticMatches = RowMatching.exactMatches(synthetic, train);
        RowMatching.Matches holdoutMatches = RowMatching.exactMatches(holdout, train);
        double newRows = RowMatching.newRowShare(synthetic, train);

        List<MetricResult> results = new ArrayList<>();
        Map<String, Double> dcrBreakdown = new LinkedHashMap<>();
        dcrBreakdown.put("fifth_percentile", robust.fifthPercentileToTrain());
        dcrBreakdown.put("median_range_scaled", range.medianToTrain());
        dcrBreakdown.put("holdout_median", robust.medianToHoldout());
        results.add(ok(ctx, MEDIAN, robust.medianToTrain(), dcrBreakdown));
        results.add(ok(ctx, MEDIAN_RANGE, range.medianToTrain(), Map.of("fifth_percentile",
                range.fifthPercentileToTrain())));
        results.add(ok(ctx, HOLDOUT_MEDIAN, robust.medianToHoldout(), null));

        Map<String, Double> closerBreakdown = new LinkedHashMap<>();
        closerBreakdown.put("subset_rows", (double) robust.subsetRows());
        closerBreakdown.put("expected_share", 0.5);
        closerBreakdown.put("reference_share", range.closerShare());
        closerBreakdown.put("reference_expected_share", range.expectedShare());
        results.add(ok(ctx, CLOSER, robust.closerToTrain(), closerBreakdown, null));
        PrivacyStatistics.Interval share = robust.closerToTrain();
        results.add(ok(ctx, PROTECTION, new PrivacyStatistics.Interval(robust.protection(),
                DcrAnalysis.protectionScore(share.upper()), DcrAnalysis.protectionScore(share.lower())), null, null));
        results.add(ok(ctx, PROTECTION_REFERENCE, range.protection(),
                Map.of("closer_to_training", range.closerShare())));
        results.add(ok(ctx, NNDR, robust.medianDistanceRatio(), null));

        results.add(ok(ctx, EXACT, PrivacyStatistics.wilson(syntheticMatches.exactMatches(),
                Math.max(1, syntheticMatches.queryRows()), PrivacyStatistics.Z95), null, null));
        results.add(ok(ctx, HOLDOUT_EXACT, PrivacyStatistics.wilson(holdoutMatches.exactMatches(),
                Math.max(1, holdoutMatches.queryRows()), PrivacyStatistics.Z95), null, null));
        Map<String, Double> uniqueBreakdown = new LinkedHashMap<>();
        uniqueBreakdown.put("distinct_unique_records_copied", (double) syntheticMatches.distinctUniqueRecordsCopied());
        results.add(ok(ctx, UNIQUE, PrivacyStatistics.wilson(syntheticMatches.uniqueRecordMatches(),
                Math.max(1, syntheticMatches.queryRows()), PrivacyStatistics.Z95), uniqueBreakdown, null));
        results.add(ok(ctx, NEW_ROWS, newRows, null));
        return results;
    }
}
