package org.synthtrust.audit.privacy;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.synthtrust.audit.AuditContext;
import org.synthtrust.audit.Direction;
import org.synthtrust.audit.MetricResult;
import org.synthtrust.core.progress.CancellationToken;
import org.synthtrust.core.progress.ProgressListener;

/**
 * Membership-inference AUCs of the distance and density-ratio attacks ({@link MembershipInference}), with a
 * bootstrap 95 % interval, TPR at FPR 1 % and 0.1 % in the breakdown and the ROC curve as chart data. An
 * AUC of 0.5 means the attacker cannot tell members from holdout records; 1 means perfect membership
 * inference.
 */
final class MembershipMetrics extends PrivacyMetric {
    static final String DISTANCE = "privacy.mia.distance.auc";
    static final String DENSITY = "privacy.mia.density.auc";

    MembershipMetrics() {
        super(List.of(
                spec(DISTANCE, Direction.LOWER_IS_BETTER, "AUC of the membership attack that scores a real record "
                        + "by its closeness to the synthetic data (0.5 = no advantage)"),
                spec(DENSITY, Direction.LOWER_IS_BETTER, "AUC of the DOMIAS-style density-ratio membership attack, "
                        + "reference density fitted on half of the holdout (0.5 = no advantage)")));
    }

    @Override
    List<MetricResult> computeWithHoldout(AuditContext ctx, List<String> columns) {
        MixedDistance distance = MixedDistance.fit(ctx.train(), columns, DistanceScaling.IQR);
        EncodedRows train = distance.encode(ctx.train(), "training");
        EncodedRows holdout = distance.encode(ctx.holdout(), "holdout");
        EncodedRows synthetic = distance.encode(ctx.synthetic(), "synthetic");
        long seed = ctx.settings().seed();
        List<MetricResult> results = new ArrayList<>();
        MembershipInference.Attack byDistance = MembershipInference.distanceAttack(train, holdout, synthetic,
                MembershipInference.DEFAULT_MAX_ROWS, seed, ProgressListener.NONE, CancellationToken.NONE);
        results.add(result(ctx, DISTANCE, byDistance));
        if (holdout.rows() < 2) {
            results.add(notApplicable(ctx, DENSITY, "not applicable: the density attack needs at least 2 holdout "
                    + "rows, one half for the reference density and one for non-members"));
        } else {
            MembershipInference.Attack byDensity = MembershipInference.densityAttack(train, holdout, synthetic,
                    MembershipInference.DEFAULT_MAX_ROWS, MembershipInference.DEFAULT_MAX_KERNEL_ROWS, seed,
                    CancellationToken.NONE);
            results.add(result(ctx, DENSITY, byDensity));
        }
        return results;
    }

    private MetricResult result(AuditContext ctx, String id, MembershipInference.Attack attack) {
        PrivacyStatistics.RocSummary roc = attack.roc();
        Map<String, Double> breakdown = new LinkedHashMap<>();
        breakdown.put("tpr_at_fpr_1_percent", roc.tprAtFpr1Percent());
        breakdown.put("tpr_at_fpr_0_1_percent", roc.tprAtFprTenthPercent());
        breakdown.put("members", (double) attack.memberScores().length);
        breakdown.put("non_members", (double) attack.nonMemberScores().length);
        return ok(ctx, id, new PrivacyStatistics.Interval(roc.auc(), roc.aucLower(), roc.aucUpper()), breakdown,
                roc.chart());
    }
}
