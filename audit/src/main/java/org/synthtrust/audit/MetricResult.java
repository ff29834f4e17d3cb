package org.synthtrust.audit;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.Map;

/**
 * Result of one metric on one candidate, as written to {@code audit.json}. {@code value} is null unless the
 * status is {@link MetricStatus#OK}; it is always finite and inside the metric's declared range when set.
 *
 * @param id          metric id such as {@code fidelity.column_shape.ks_complement}
 * @param candidate   name of the synthetic candidate
 * @param pillar      pillar the metric belongs to
 * @param direction   whether higher or lower values are better
 * @param value       the value, or null when not computed
 * @param lower       lower end of the confidence interval, or null
 * @param upper       upper end of the confidence interval, or null
 * @param status      outcome
 * @param reason      why the status is not OK, or a note about the value (for example values left out)
 * @param breakdown   per-column or per-pair values keyed by column name or {@code "a|b"}
 * @param chart       data a chart needs (histograms, matrices, curves), keyed by the chart's field names
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record MetricResult(
        String id,
        String candidate,
        Pillar pillar,
        Direction direction,
        Double value,
        Double lower,
        Double upper,
        MetricStatus status,
        String reason,
        Map<String, Double> breakdown,
        Map<String, Object> chart) {

    public MetricResult {
        if (value != null && !Double.isFinite(value)) {
            throw new IllegalArgumentException("metric " + id + " produced a non-finite value " + value);
        }

        if (status == MetricStatus.OK && value == null) {
            throw new IllegalArgumentException("metric " + id + " has status ok but no value");
        }
    }

    @JsonIgnore
    public boolean isOk() {
        return status == MetricStatus.OK;
    }
}
