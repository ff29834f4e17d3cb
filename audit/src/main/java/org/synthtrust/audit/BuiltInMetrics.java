package org.synthtrust.audit;

import java.util.ArrayList;
import java.util.List;
import org.synthtrust.audit.fairness.FairnessMetric;
import org.synthtrust.audit.fidelity.ColumnPairMetrics;
import org.synthtrust.audit.fidelity.ColumnShapeMetrics;
import org.synthtrust.audit.fidelity.DetectionMetric;
import org.synthtrust.audit.fidelity.KMarginalMetric;
import org.synthtrust.audit.fidelity.MarginalTvdMetric;
import org.synthtrust.audit.utility.UtilityMetric;

/** The fidelity, utility and fairness metrics shipped in this module, in report order. */
final class BuiltInMetrics {
    private BuiltInMetrics() {
    }

    static List<Metric> create() {
        List<Metric> metrics = new ArrayList<>();
        metrics.addAll(ColumnShapeMetrics.all());
        metrics.addAll(ColumnPairMetrics.all());
        metrics.addAll(MarginalTvdMetric.all());
        metrics.add(new KMarginalMetric());
        metrics.add(new DetectionMetric());
        metrics.add(new UtilityMetric());
        metrics.add(new FairnessMetric());
        return metrics;
    }
}
