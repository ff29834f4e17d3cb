package org.synthtrust.audit;

import java.util.List;
import java.util.Map;

/**
 * Base class for metrics. Its spec describes the metric and is its only output unless a subclass overrides
 * {@link #outputs()}; the builders for each status use that spec. Values pass through
 * {@link MetricResults#checked}, so a rounding excursion just outside the range is clamped and NaN or a real
 * range violation becomes an {@code error} result instead of leaving the metric.
 */
public abstract class AbstractMetric implements Metric {
    private final MetricSpec spec;

    protected AbstractMetric(String id, Pillar pillar, Direction direction, double min, double max,
                             String description) {
        this.spec = new MetricSpec(id, pillar, direction, min, max, description);
    }

    public final MetricSpec spec() {
        return spec;
    }

    @Override
    public String id() {
        return spec.id();
    }

    @Override
    public Pillar pillar() {
        return spec.pillar();
    }

    @Override
    public Direction direction() {
        return spec.direction();
    }

    @Override
    public double min() {
        return spec.min();
    }

    @Override
    public double max() {
        return spec.max();
    }

    @Override
    public String description() {
        return spec.description();
    }

    protected final MetricResult ok(AuditContext ctx, double value, String reason, Map<String, Double> breakdown,
                                    Map<String, Object> chart) {
        return MetricResults.ok(spec, ctx.candidate(), value, reason, breakdown, chart);
    }

    protected final MetricResult notApplicable(AuditContext ctx, String reason) {
        return MetricResults.notApplicable(spec, ctx.candidate(), reason);
    }

    protected final MetricResult failed(AuditContext ctx, String reason) {
        return MetricResults.failed(spec, ctx.candidate(), reason);
    }

    protected final List<MetricResult> single(MetricResult result) {
        return List.of(result);
    }
}
