package org.synthtrust.audit;

import java.util.ArrayList;
import java.util.List;

/** The fidelity, utility and fairness metrics shipped in this module, in report order. */
final class BuiltInMetrics {
    private BuiltInMetrics() {
    }

    static List<Metric> create() {
        List<Metric> metrics = new ArrayList<>();
        return metrics;
    }
}
