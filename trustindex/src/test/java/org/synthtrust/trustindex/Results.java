package org.synthtrust.trustindex;

import java.util.Locale;
import java.util.Map;
import org.synthtrust.audit.Direction;
import org.synthtrust.audit.MetricResult;
import org.synthtrust.audit.MetricStatus;
import org.synthtrust.audit.Pillar;

/** Builders of fixed audit results for the trust index tests. */
final class Results {
    private Results() {
    }

    static MetricResult ok(String candidate, String id, double value) {
        return new MetricResult(id, candidate, pillar(id), Direction.NEUTRAL, value, null, null, MetricStatus.OK,
                null, null, null);
    }

    static MetricResult withBreakdown(String candidate, String id, double value, Map<String, Double> breakdown) {
        return new MetricResult(id, candidate, pillar(id), Direction.NEUTRAL, value, null, null, MetricStatus.OK,
                null, breakdown, null);
    }

    static MetricResult status(String candidate, String id, MetricStatus status, String reason) {
        return new MetricResult(id, candidate, pillar(id), Direction.NEUTRAL, null, null, null, status, reason,
                null, null);
    }

    static Pillar pillar(String id) {
        return Pillar.valueOf(id.substring(0, id.indexOf('.')).toUpperCase(Locale.ROOT));
    }
}
