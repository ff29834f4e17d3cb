package org.synthtrust.audit.privacy;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.synthtrust.audit.AuditContext;
import org.synthtrust.audit.Direction;
import org.synthtrust.audit.MetricResult;
import org.synthtrust.audit.MetricResults;
import org.synthtrust.core.schema.Role;

/**
 * Singling-out and linkability risks in the sense of Anonymeter ({@link SinglingOut}, {@link Linkability}).
 * A singling-out attack that could build no predicate is an {@code error} result, not a low risk.
 * Linkability splits the quasi-identifiers (or, with fewer than two, all audited columns) into a first and
 * a second half.
 */
final class AnonymeterMetrics extends PrivacyMetric {
    static final String SINGLING_OUT = "privacy.singling_out.risk";
    static final String SINGLING_OUT_UNIVARIATE = "privacy.singling_out.univariate_risk";
    static final String LINKABILITY = "privacy.linkability.risk";

    AnonymeterMetrics() {
        super(List.of(
                spec(SINGLING_OUT, Direction.LOWER_IS_BETTER, "multivariate singling-out risk (Anonymeter), "
                        + "clipped to [0, 1]"),
                spec(SINGLING_OUT_UNIVARIATE, Direction.LOWER_IS_BETTER, "univariate singling-out risk "
                        + "(Anonymeter), clipped to [0, 1]"),
                spec(LINKABILITY, Direction.LOWER_IS_BETTER, "linkability risk between two halves of the "
                        + "quasi-identifiers (Anonymeter), clipped to [0, 1]")));
    }

    @Override
    List<MetricResult> computeWithHoldout(AuditContext ctx, List<String> columns) {
        long seed = ctx.settings().seed();
        List<MetricResult> results = new ArrayList<>();
        results.add(singlingOut(ctx, SINGLING_OUT, () -> SinglingOut.multivariate(ctx.train(), ctx.holdout(),
                ctx.synthetic(), columns, SinglingOut.DEFAULT_PREDICATE_COLUMNS, SinglingOut.DEFAULT_QUERIES, seed)));
        results.add(singlingOut(ctx, SINGLING_OUT_UNIVARIATE, () -> SinglingOut.univariate(ctx.train(), ctx.holdout(),
                ctx.synthetic(), columns, SinglingOut.DEFAULT_QUERIES, seed)));

        List<String> linkColumns = new ArrayList<>();
        for (String column : columns) {
            if (ctx.schema().spec(column) != null && ctx.schema().spec(column).hasRole(Role.QUASI_IDENTIFIER)) {
                linkColumns.add(column);
            }
        }
        if (linkColumns.size() < 2) {
            linkColumns = columns;
        }
        if (linkColumns.size() < 2) {
            results.add(notApplicable(ctx, LINKABILITY, "not applicable: linkability needs at least 2 columns"));
        } else {
            int half = linkColumns.size() / 2;
            Linkability.Outcome outcome = Linkability.run(ctx.train(), ctx.holdout(), ctx.synthetic(),
                    linkColumns.subList(0, half), linkColumns.subList(half, linkColumns.size()),
                    DisclosureMetrics.MAX_TARGETS, seed);
            results.add(ok(ctx, LINKABILITY, outcome.risk(), rates(outcome.attackRate(), outcome.controlRate(),
                    outcome.targets()), null));
        }
        return results;
    }

    private MetricResult singlingOut(AuditContext ctx, String id, java.util.function.Supplier<SinglingOut.Outcome> attack) {
        SinglingOut.Outcome outcome;
        try {
            outcome = attack.get();
        } catch (IllegalStateException e) {
            return MetricResults.error(output(id), ctx.candidate(), e.getMessage());
        }
        return ok(ctx, id, outcome.risk(), rates(outcome.attackRate(), outcome.controlRate(),
                outcome.predicates().size()), null);
    }

    private static Map<String, Double> rates(PrivacyStatistics.Interval attack, PrivacyStatistics.Interval control,
                                             int trials) {
        Map<String, Double> breakdown = new LinkedHashMap<>();
        breakdown.put("attack_rate", attack.value());
        breakdown.put("attack_rate_lower", attack.lower());
        breakdown.put("attack_rate_upper", attack.upper());
        breakdown.put("control_rate", control.value());
        breakdown.put("queries", (double) trials);
        return breakdown;
    }
}
