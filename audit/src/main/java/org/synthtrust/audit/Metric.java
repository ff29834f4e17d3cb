package org.synthtrust.audit;

import java.util.List;

/**
 * One audit measurement. A metric may emit several results (for example a mean and a max, or one result per
 * model); each emitted id is listed in {@link #outputs()} with its own direction and range so the
 * {@link AuditRunner} can check every value.
 */
public interface Metric {
    /** Id following {@code <pillar>.<family>.<measure>}; for a metric with several outputs, the first of them. */
    String id();

    Pillar pillar();

    Direction direction();

    double min();

    double max();

    String description();

    /** Version of the definition; raised when a change alters values, and written to the audit provenance. */
    default String version() {
        return "1";
    }

    /** Ids, directions and ranges of every result this metric emits; by default only {@link #id()}. */
    default List<MetricSpec> outputs() {
        return List.of(new MetricSpec(id(), pillar(), direction(), min(), max(), description()));
    }

    /**
     * Computes the results for one candidate. Implementations return {@code not_applicable}, {@code failed}
     * or {@code error} results with a reason rather than throwing; the runner turns a thrown exception into
     * an {@code error} result.
     */
    List<MetricResult> compute(AuditContext ctx);
}
