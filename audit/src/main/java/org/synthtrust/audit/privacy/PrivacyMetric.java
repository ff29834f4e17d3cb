package org.synthtrust.audit.privacy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.synthtrust.audit.Alignment;
import org.synthtrust.audit.AuditContext;
import org.synthtrust.audit.Direction;
import org.synthtrust.audit.Metric;
import org.synthtrust.audit.MetricResult;
import org.synthtrust.audit.MetricResults;
import org.synthtrust.audit.MetricSpec;
import org.synthtrust.audit.Pillar;

/**
 * Base of the privacy metrics: several outputs per attack (the attack runs once), a holdout check, and
 * builders that keep every value and interval in [0, 1].
 */
abstract class PrivacyMetric implements Metric {
    private final List<MetricSpec> outputs;

    PrivacyMetric(List<MetricSpec> outputs) {
        this.outputs = List.copyOf(outputs);
    }

    static MetricSpec spec(String id, Direction direction, String description) {
        return new MetricSpec(id, Pillar.PRIVACY, direction, 0.0, 1.0, description);
    }

    @Override
    public String id() {
        return outputs.get(0).id();
    }

    @Override
    public Pillar pillar() {
        return Pillar.PRIVACY;
    }

    @Override
    public Direction direction() {
        return outputs.get(0).direction();
    }

    @Override
    public double min() {
        return outputs.get(0).min();
    }

    @Override
    public double max() {
        return outputs.get(0).max();
    }

    @Override
    public String description() {
        return outputs.get(0).description();
    }

    @Override
    public List<MetricSpec> outputs() {
        return outputs;
    }

    @Override
    public final List<MetricResult> compute(AuditContext ctx) {
        if (!ctx.hasHoldout()) {
            return allWithStatus(ctx, "not applicable: privacy attacks need a holdout table as the non-member "
                    + "and control population; give one with --holdout or a holdout fraction", false);
        }
        List<String> columns = auditedColumns(ctx);
        if (columns.isEmpty()) {
            return allWithStatus(ctx, "not applicable: no column is shared by the real and synthetic tables", false);
        }
        return computeWithHoldout(ctx, columns);
    }

    abstract List<MetricResult> computeWithHoldout(AuditContext ctx, List<String> columns);

    /** Columns present in training and synthetic data, without identifier and ignore columns. */
    static List<String> auditedColumns(AuditContext ctx) {
        List<String> columns = new ArrayList<>();
        for (Alignment.AlignedColumn column : Alignment.of(ctx).columns()) {
            columns.add(column.name());
        }
        return columns;
    }

    MetricSpec output(String id) {
        for (MetricSpec spec : outputs) {
            if (spec.id().equals(id)) {
                return spec;
            }
        }
        throw new IllegalArgumentException("metric " + id() + " declares no output " + id);
    }

    MetricResult ok(AuditContext ctx, String id, double value, Map<String, Double> breakdown) {
        return MetricResults.ok(output(id), ctx.candidate(), PrivacyStatistics.clamp(value), null, breakdown, null);
    }

    MetricResult ok(AuditContext ctx, String id, PrivacyStatistics.Interval interval, Map<String, Double> breakdown,
                    Map<String, Object> chart) {
        MetricResult result = MetricResults.ok(output(id), ctx.candidate(), PrivacyStatistics.clamp(interval.value()),
                null, breakdown, chart);
        return MetricResults.withInterval(result, PrivacyStatistics.clamp(interval.lower()),
                PrivacyStatistics.clamp(interval.upper()));
    }

    MetricResult notApplicable(AuditContext ctx, String id, String reason) {
        return MetricResults.notApplicable(output(id), ctx.candidate(), reason);
    }

    List<MetricResult> allWithStatus(AuditContext ctx, String reason, boolean error) {
        List<MetricResult> results = new ArrayList<>();
        for (MetricSpec spec : outputs) {
            results.add(error ? MetricResults.error(spec, ctx.candidate(), reason)
                    : MetricResults.notApplicable(spec, ctx.candidate(), reason));
        }
        return results;
    }
}
