package org.synthtrust.audit.privacy;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.synthtrust.audit.AuditContext;
import org.synthtrust.audit.Direction;
import org.synthtrust.audit.MetricResult;
import org.synthtrust.core.schema.Role;

/**
 * Attribute-disclosure metrics for the schema's {@code sensitive} columns given its {@code quasi_identifier}
 * columns: nearest-neighbour attribute inference ({@link AttributeInference}) and the correct attribution
 * probability ({@link CorrectAttributionProbability}). With several sensitive columns each value is the
 * worst (highest) over them and the breakdown lists every column.
 */
final class DisclosureMetrics extends PrivacyMetric {
    static final String ACCURACY = "privacy.attribute_inference.accuracy";
    static final String INFERENCE_RISK = "privacy.inference.risk";
    static final String CAP = "privacy.cap.score";
    static final String CAP_NORMALISED = "privacy.cap.normalised";
    static final String RECONSTRUCTION = "privacy.reconstruction.accuracy";
    /** Targets per group; Wilson intervals at this size are about ±0.02 wide. */
    static final int MAX_TARGETS = 2000;

    DisclosureMetrics() {
        super(List.of(
                spec(ACCURACY, Direction.LOWER_IS_BETTER, "accuracy of guessing a training record's sensitive "
                        + "value from its quasi-identifiers with the nearest synthetic row"),
                spec(INFERENCE_RISK, Direction.LOWER_IS_BETTER, "Anonymeter inference risk: (member accuracy - "
                        + "holdout accuracy) / (1 - holdout accuracy), clipped to [0, 1]"),
                spec(CAP, Direction.LOWER_IS_BETTER, "correct attribution probability of the sensitive value for "
                        + "training records whose quasi-identifiers some synthetic row matches exactly"),
                spec(CAP_NORMALISED, Direction.LOWER_IS_BETTER, "CAP above its marginal baseline: (CAP - baseline) "
                        + "/ (1 - baseline), clipped to [0, 1]"),
                spec(RECONSTRUCTION, Direction.LOWER_IS_BETTER, "accuracy of the linear reconstruction attack on "
                        + "a secret bit of training records (is the sensitive value the synthetic majority value?); "
                        + "breakdown gives the majority baseline and the holdout control")));
    }

    @Override
    List<MetricResult> computeWithHoldout(AuditContext ctx, List<String> columns) {
        List<String> keys = new ArrayList<>();
        List<String> secrets = new ArrayList<>();
        for (String column : columns) {
            if (ctx.schema().spec(column) != null && ctx.schema().spec(column).hasRole(Role.SENSITIVE)) {
                secrets.add(column);
            } else if (ctx.schema().spec(column) != null
                    && ctx.schema().spec(column).hasRole(Role.QUASI_IDENTIFIER)) {
                keys.add(column);
            }
        }
        if (secrets.isEmpty() || keys.isEmpty()) {
            return allWithStatus(ctx, "not applicable: the schema marks no " + (secrets.isEmpty() ? "sensitive"
                    : "quasi_identifier") + " column; give columns the roles sensitive and quasi_identifier", false);
        }

        long seed = ctx.settings().seed();
        Map<String, Double> accuracyBreakdown = new LinkedHashMap<>();
        Map<String, Double> riskBreakdown = new LinkedHashMap<>();
        AttributeInference.Outcome worst = null;
        AttributeInference.Outcome worstRisk = null;
        for (String secret : secrets) {
            AttributeInference.Outcome outcome =
                    AttributeInference.run(ctx.train(), ctx.holdout(), ctx.synthetic(), keys, secret, MAX_TARGETS, seed);
            accuracyBreakdown.put(secret, outcome.memberAccuracy().value());
            accuracyBreakdown.put(secret + "|holdout_accuracy", outcome.holdoutAccuracy());
            accuracyBreakdown.put(secret + "|gap", outcome.gap());
            accuracyBreakdown.put(secret + "|majority_baseline", outcome.majorityBaseline());
            riskBreakdown.put(secret, outcome.risk().value());
            if (worst == null || outcome.memberAccuracy().value() > worst.memberAccuracy().value()) {
                worst = outcome;
            }
            if (worstRisk == null || outcome.risk().value() > worstRisk.risk().value()) {
                worstRisk = outcome;
            }
        }
        List<MetricResult> results = new ArrayList<>();
        results.add(ok(ctx, ACCURACY, worst.memberAccuracy(), accuracyBreakdown, null));
        results.add(ok(ctx, INFERENCE_RISK, worstRisk.risk(), riskBreakdown, null));
        results.addAll(cap(ctx, keys, secrets));
        results.add(reconstruction(ctx, keys, secrets, seed));
        return results;
    }

    private MetricResult reconstruction(AuditContext ctx, List<String> keys, List<String> secrets, long seed) {
        Map<String, Double> breakdown = new LinkedHashMap<>();
        LinearReconstructionAttack.Outcome worst = null;
        for (String secret : secrets) {
            LinearReconstructionAttack.Outcome outcome = LinearReconstructionAttack.run(ctx.train(), ctx.holdout(),
                    ctx.synthetic(), keys, secret, LinearReconstructionAttack.DEFAULT_TARGETS, seed);
            breakdown.put(secret, outcome.memberAccuracy().value());
            breakdown.put(secret + "|holdout_accuracy", outcome.holdoutAccuracy());
            breakdown.put(secret + "|majority_baseline", outcome.baseline());
            if (worst == null || outcome.memberAccuracy().value() > worst.memberAccuracy().value()) {
                worst = outcome;
            }
        }
        return ok(ctx, RECONSTRUCTION, worst.memberAccuracy(), breakdown, null);
    }

    private List<MetricResult> cap(AuditContext ctx, List<String> keys, List<String> secrets) {
        Map<String, Double> scores = new LinkedHashMap<>();
        Map<String, Double> normalised = new LinkedHashMap<>();
        double worstScore = Double.NaN;
        double worstNormalised = Double.NaN;
        String scoreReason = null;
        String normalisedReason = null;
        for (String secret : secrets) {
            CorrectAttributionProbability.Outcome outcome =
                    CorrectAttributionProbability.compute(ctx.train(), ctx.synthetic(), keys, secret);
            scores.put(secret, outcome.score());
            scores.put(secret + "|baseline", outcome.baseline());
            normalised.put(secret, outcome.normalised());
            if (!Double.isNaN(outcome.score())) {
                worstScore = Double.isNaN(worstScore) ? outcome.score() : Math.max(worstScore, outcome.score());
            } else if (scoreReason == null) {
                scoreReason = outcome.scoreReason();
            }
            if (!Double.isNaN(outcome.normalised())) {
                worstNormalised = Double.isNaN(worstNormalised) ? outcome.normalised()
                        : Math.max(worstNormalised, outcome.normalised());
            } else if (normalisedReason == null) {
                normalisedReason = outcome.normalisedReason();
            }
        }
        List<MetricResult> results = new ArrayList<>();
        results.add(Double.isNaN(worstScore) ? notApplicable(ctx, CAP, scoreReason) : ok(ctx, CAP, worstScore, scores));
        results.add(Double.isNaN(worstNormalised) ? notApplicable(ctx, CAP_NORMALISED, normalisedReason)
                : ok(ctx, CAP_NORMALISED, worstNormalised, normalised));
        return results;
    }
}
