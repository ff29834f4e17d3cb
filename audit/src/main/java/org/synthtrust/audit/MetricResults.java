package org.synthtrust.audit;

import java.util.LinkedHashMap;
import java.util.Map;

/** Builders and checks for {@link MetricResult}s that keep NaN and infinity out and values inside the declared range. */
public final class MetricResults {
    /**
     * Absolute slack for values just outside the range from floating-point rounding (for example 1 − x with
     * x slightly negative). Such values are clamped, and anything further out is an error.
     */
    public static final double RANGE_TOLERANCE = 1e-9;

    private MetricResults() {
    }

    public static MetricResult ok(MetricSpec spec, String candidate, double value, String reason,
                                  Map<String, Double> breakdown, Map<String, Object> chart) {
        MetricResult raw = new MetricResult(spec.id(), candidate, spec.pillar(), spec.direction(),
                Double.isFinite(value) ? value : null, null, null,
                Double.isFinite(value) ? MetricStatus.OK : MetricStatus.ERROR,
                Double.isFinite(value) ? reason : "computed a non-finite value (" + value + ")",
                finiteBreakdown(breakdown), chart);
        return checked(spec, raw);
    }

    public static MetricResult withInterval(MetricResult result, double lower, double upper) {
        if (!result.isOk() || !Double.isFinite(lower) || !Double.isFinite(upper)) {
            return result;
        }
        return new MetricResult(result.id(), result.candidate(), result.pillar(), result.direction(), result.value(),
                lower, upper, result.status(), result.reason(), result.breakdown(), result.chart());
    }

    public static MetricResult notApplicable(MetricSpec spec, String candidate, String reason) {
        return status(spec, candidate, MetricStatus.NOT_APPLICABLE, reason);
    }

    public static MetricResult failed(MetricSpec spec, String candidate, String reason) {
        return status(spec, candidate, MetricStatus.FAILED, reason);
    }

    public static MetricResult error(MetricSpec spec, String candidate, String reason) {
        return status(spec, candidate, MetricStatus.ERROR, reason);
    }

    public static MetricResult status(MetricSpec spec, String candidate, MetricStatus status, String reason) {
        return new MetricResult(spec.id(), candidate, spec.pillar(), spec.direction(), null, null, null, status,
                reason, null, null);
    }

    /**
     * Returns the result with its value clamped into {@code [min, max]} when it lies within
     * {@link #RANGE_TOLERANCE} outside, or an {@code error} result when it lies further out.
     */
    public static MetricResult checked(MetricSpec spec, MetricResult result) {
        if (result.value() == null) {
            return result;
        }

        double value = result.value();
        if (value < spec.min() - RANGE_TOLERANCE || value > spec.max() + RANGE_TOLERANCE) {
            return new MetricResult(result.id(), result.candidate(), result.pillar(), result.direction(), null, null,
                    null, MetricStatus.ERROR, "value " + value + " is outside the declared range [" + spec.min() + ", "
                    + spec.max() + "]", result.breakdown(), result.chart());
        }

        double clamped = Math.min(spec.max(), Math.max(spec.min(), value));
        if (clamped == value) {
            return result;
        }
        return new MetricResult(result.id(), result.candidate(), result.pillar(), result.direction(), clamped,
                result.lower() == null ? null : Math.min(spec.max(), Math.max(spec.min(), result.lower())),
                result.upper() == null ? null : Math.min(spec.max(), Math.max(spec.min(), result.upper())),
                result.status(), result.reason(), result.breakdown(), result.chart());
    }

    /** Copies a breakdown, writing undefined (NaN or infinite) entries as null so they read as undefined. */
    public static Map<String, Double> finiteBreakdown(Map<String, Double> breakdown) {
        if (breakdown == null) {
            return null;
        }

        Map<String, Double> copy = new LinkedHashMap<>();
        for (Map.Entry<String, Double> entry : breakdown.entrySet()) {
            Double value = entry.getValue();
            copy.put(entry.getKey(), value == null || !Double.isFinite(value) ? null : value);
        }
        return copy;
    }
}
