package org.synthtrust.audit;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.ServiceLoader;
import java.util.Set;
import org.synthtrust.core.InvalidInputException;

/**
 * All known metrics: the built-in fidelity, utility and fairness metrics, then those of every
 * {@link MetricProvider} found on the class path (the privacy attacks register themselves that way).
 */
public final class MetricRegistry {
    private MetricRegistry() {
    }

    /** Returns a fresh list of every metric, built-in first. */
    public static List<Metric> all() {
        List<Metric> metrics = new ArrayList<>(BuiltInMetrics.create());
        for (MetricProvider provider : ServiceLoader.load(MetricProvider.class)) {
            metrics.addAll(provider.metrics());
        }
        return metrics;
    }

    /**
     * Returns the metrics named by pillar ({@code fidelity}), by an output id
     * ({@code fidelity.kmarginal.score}) or by an id prefix ({@code fidelity.marginal2}), in registry order.
     * A pillar with no registered metric selects nothing; any other entry that matches nothing raises
     * {@link InvalidInputException} listing the pillars.
     */
    public static List<Metric> select(List<String> idsOrPillars) {
        List<Metric> all = all();
        if (idsOrPillars == null || idsOrPillars.isEmpty()) {
            return all;
        }
        Set<Metric> chosen = new LinkedHashSet<>();
        for (String raw : idsOrPillars) {
            String entry = raw.trim().toLowerCase(Locale.ROOT);
            if (entry.isEmpty()) {
                continue;
            }
            boolean matched = java.util.Arrays.stream(Pillar.values()).anyMatch(p -> p.id().equals(entry));
            for (Metric metric : all) {
                if (matches(metric, entry)) {
                    chosen.add(metric);
                    matched = true;
                }
            }
            if (!matched) {
                throw new InvalidInputException("unknown metric or pillar '" + raw + "' in --metrics; use a pillar "
                        + "(fidelity, utility, fairness, privacy), a metric id or an id prefix; `synthtrust metrics` "
                        + "lists the ids");
            }
        }

        List<Metric> ordered = new ArrayList<>();
        for (Metric metric : all) {
            if (chosen.contains(metric)) {
                ordered.add(metric);
            }
        }
        return ordered;
    }

    private static boolean matches(Metric metric, String entry) {
        if (metric.pillar().id().equals(entry)) {
            return true;
        }

        for (MetricSpec spec : metric.outputs()) {
            if (spec.id().equals(entry) || spec.id().startsWith(entry + ".") || spec.id().startsWith(entry + "_")) {
                return true;
            }
        }
        return false;
    }
}
