package org.synthtrust.app.audit;

import java.lang.reflect.Array;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.synthtrust.audit.MetricResult;
import org.synthtrust.report.ReportModel;

/**
 * Reshapes the chart data that the audit metrics attach to their results ({@link MetricResult#chart()} and
 * {@link MetricResult#breakdown()}) into the report module's chart specs for one candidate. Nothing here
 * computes a statistic: values are copied, sorted, or divided by their own total to put a real and a
 * synthetic histogram on one scale. Chart data read back from {@code audit.json} arrives as lists and maps,
 * chart data straight from the engine as primitive arrays; both are accepted.
 */
public final class AuditCharts {
    static final String KS = "fidelity.column_shape.ks_complement";
    static final String TV = "fidelity.column_shape.tv_complement";
    static final String ASSOCIATION = "fidelity.column_pair.association_difference";
    static final String CORRELATION = "fidelity.column_pair.correlation_similarity";
    static final String REPRESENTATION = "fairness.representation.max_gap";
    static final String DCR_MEDIAN = "privacy.dcr.median";

    private AuditCharts() {
    }

    /** One chart slot: its title and the spec, or a null spec when the audit contains no data for it. */
    public record Panel(String title, ReportModel.Chart spec) {
    }

    /** Columns that have a distribution overlay for {@code candidate}, in audit order. */
    public static List<String> distributionColumns(List<MetricResult> results, String candidate) {
        Set<String> columns = new LinkedHashSet<>();
        for (MetricResult result : results) {
            if (candidate.equals(result.candidate()) && (KS.equals(result.id()) || TV.equals(result.id()))
                    && result.chart() != null) {
                columns.addAll(result.chart().keySet());
            }
        }
        return new ArrayList<>(columns);
    }

    /** Builds the charts for one candidate in a fixed order, each with a null spec when its data is missing. */
    public static List<Panel> forCandidate(List<MetricResult> all, String candidate, String column) {
        List<MetricResult> results = all.stream().filter(r -> candidate.equals(r.candidate())).toList();
        List<Panel> panels = new ArrayList<>();
        panels.add(new Panel("Per-column scores", columnScores(results, candidate)));
        panels.add(new Panel("Distribution overlay", distribution(results, column)));
        panels.addAll(heatmaps(results));
        panels.add(new Panel("TSTR against TRTR", tstr(results)));
        panels.addAll(groups(results));
        panels.add(new Panel("Distance to closest record", dcr(results)));
        panels.addAll(roc(results));
        return panels;
    }

    private static MetricResult find(List<MetricResult> results, String id) {
        return results.stream().filter(r -> id.equals(r.id())).findFirst().orElse(null);
    }

    /** KS and TV complements per column (each column has one of the two), sorted ascending. */
    private static ReportModel.Chart columnScores(List<MetricResult> results, String candidate) {
        Map<String, Double> scores = new LinkedHashMap<>();
        for (String id : List.of(KS, TV)) {
            MetricResult result = find(results, id);
            if (result != null && result.breakdown() != null) {
                result.breakdown().forEach((key, value) -> {
                    if (value != null) {
                        scores.put(key, value);
                    }
                });
            }
        }
        if (scores.isEmpty()) {
            return null;
        }
        List<Map.Entry<String, Double>> entries = new ArrayList<>(scores.entrySet());
        entries.sort(Map.Entry.comparingByValue());
        return new ReportModel.Chart("hbar", "Per-column KS / TV complement of " + candidate + ", sorted ascending",
                "column", "score", entries.stream().map(Map.Entry::getKey).toList(),
                List.of(new ReportModel.Series(candidate, entries.stream().map(Map.Entry::getValue).toList(), null,
                        null)), null, null, null, null);
    }

    /** Real and synthetic shares per histogram bin (numeric) or per category, for one column. */
    private static ReportModel.Chart distribution(List<MetricResult> results, String column) {
        if (column == null) {
            return null;
        }
        for (String id : List.of(KS, TV)) {
            MetricResult result = find(results, id);
            if (result == null || result.chart() == null || !(result.chart().get(column) instanceof Map<?, ?> data)) {
                continue;
            }
            List<Double> real = doubles(data.get("real"));
            List<Double> synthetic = doubles(data.get("synthetic"));
            List<String> labels;
            if (data.get("edges") != null) {
                List<Double> edges = doubles(data.get("edges"));
                labels = new ArrayList<>();
                for (int i = 0; i + 1 < edges.size(); i++) {
                    labels.add(String.format(Locale.ROOT, "%.3g–%.3g", edges.get(i), edges.get(i + 1)));
                }
            } else {
                labels = strings(data.get("categories"));
            }
            if (labels.isEmpty() || labels.size() != real.size() || labels.size() != synthetic.size()) {
                continue;
            }
            return new ReportModel.Chart("bar", "Distribution of " + column + ", real against synthetic", column,
                    "share of rows", labels, List.of(new ReportModel.Series("real", shares(real), null, null),
                            new ReportModel.Series("synthetic", shares(synthetic), null, null)),
                    null, null, null, null);
        }
        return null;
    }

    /** Real and synthetic association (or Pearson correlation) matrices over the column pairs. */
    private static List<Panel> heatmaps(List<MetricResult> results) {
        for (String id : List.of(ASSOCIATION, CORRELATION)) {
            MetricResult result = find(results, id);
            if (result == null || result.chart() == null) {
                continue;
            }
            Map<String, Object> chart = result.chart();
            Object real = chart.containsKey("real") ? chart.get("real") : chart.get("real_pearson");
            Object synthetic = chart.containsKey("synthetic") ? chart.get("synthetic") : chart.get("synthetic_pearson");
            if (!(real instanceof Map<?, ?> realPairs) || !(synthetic instanceof Map<?, ?> synthPairs)) {
                continue;
            }
            List<String> columns = chart.get("columns") != null ? strings(chart.get("columns")) : columnsOf(realPairs);
            String what = id.equals(ASSOCIATION) ? "Association" : "Pearson correlation";
            return List.of(
                    new Panel(what + ", real", new ReportModel.Chart("heatmap", what + ", real", null, null, columns,
                            null, null, pairMatrix(realPairs, columns), null, null)),
                    new Panel(what + ", synthetic", new ReportModel.Chart("heatmap", what + ", synthetic", null, null,
                            columns, null, null, pairMatrix(synthPairs, columns), null, null)));
        }
        return List.of(new Panel("Association heatmap", null));
    }

    private static List<String> columnsOf(Map<?, ?> pairs) {
        Set<String> columns = new LinkedHashSet<>();
        for (Object key : pairs.keySet()) {
            String[] parts = String.valueOf(key).split("\\|", 2);
            columns.add(parts[0]);
            if (parts.length == 2) {
                columns.add(parts[1]);
            }
        }
        return new ArrayList<>(columns);
    }

    private static List<List<Double>> pairMatrix(Map<?, ?> pairs, List<String> columns) {
        List<List<Double>> matrix = new ArrayList<>();
        for (String a : columns) {
            List<Double> row = new ArrayList<>();
            for (String b : columns) {
                Object value = pairs.get(a + "|" + b);
                if (value == null) {
                    value = pairs.get(b + "|" + a);
                }
                // The diagonal stays empty: a column's association with itself carries no information.
                row.add(a.equals(b) ? null : number(value));
            }
            matrix.add(row);
        }
        return matrix;
    }

    /** TSTR and TRTR values side by side for every model score the utility metric reported. */
    private static ReportModel.Chart tstr(List<MetricResult> results) {
        List<String> scores = new ArrayList<>();
        List<Double> tstr = new ArrayList<>();
        List<Double> trtr = new ArrayList<>();
        for (MetricResult result : results) {
            if (result.id().startsWith("utility.tstr.") && result.value() != null) {
                String score = result.id().substring("utility.tstr.".length());
                MetricResult real = find(results, "utility.trtr." + score);
                scores.add(score);
                tstr.add(result.value());
                trtr.add(real == null ? null : real.value());
            }
        }
        if (scores.isEmpty()) {
            return null;
        }
        return new ReportModel.Chart("bar", "TSTR (trained on synthetic) against TRTR (trained on real)", "score",
                "value on the holdout", scores, List.of(new ReportModel.Series("TRTR", trtr, null, null),
                        new ReportModel.Series("TSTR", tstr, null, null)), null, null, null, null);
    }

    /** Representation shares and positive-outcome rates per group of every protected attribute. */
    private static List<Panel> groups(List<MetricResult> results) {
        List<Panel> panels = new ArrayList<>();
        MetricResult result = find(results, REPRESENTATION);
        if (result != null && result.chart() != null) {
            for (Map.Entry<String, Object> entry : result.chart().entrySet()) {
                if (!(entry.getValue() instanceof List<?> rows) || rows.isEmpty()) {
                    continue;
                }
                List<String> labels = new ArrayList<>();
                List<Double> realShare = new ArrayList<>();
                List<Double> synthShare = new ArrayList<>();
                List<Double> realRate = new ArrayList<>();
                List<Double> synthRate = new ArrayList<>();
                for (Object row : rows) {
                    if (row instanceof Map<?, ?> group) {
                        labels.add(String.valueOf(group.get("group")));
                        realShare.add(number(group.get("real_share")));
                        synthShare.add(number(group.get("synthetic_share")));
                        realRate.add(number(group.get("real_positive_rate")));
                        synthRate.add(number(group.get("synthetic_positive_rate")));
                    }
                }
                String attribute = entry.getKey();
                panels.add(new Panel("Representation by " + attribute, new ReportModel.Chart("hbar",
                        "Representation by " + attribute, "group", "share of rows", labels,
                        List.of(new ReportModel.Series("real", realShare, null, null),
                                new ReportModel.Series("synthetic", synthShare, null, null)), null, null, null, null)));
                boolean anyRate = realRate.stream().anyMatch(v -> v != null);
                panels.add(new Panel("Outcome rate by " + attribute, !anyRate ? null : new ReportModel.Chart("hbar",
                        "Positive outcome rate by " + attribute, "group", "positive outcome rate", labels,
                        List.of(new ReportModel.Series("real", realRate, null, null),
                                new ReportModel.Series("synthetic", synthRate, null, null)), null, null, null, null)));
            }
        }
        if (panels.isEmpty()) {
            panels.add(new Panel("Subgroup representation", null));
            panels.add(new Panel("Subgroup outcome rates", null));
        }
        return panels;
    }

    /**
     * The distance-to-closest-record values the privacy metrics report (the audit keeps no per-record
     * distances, so there is no histogram to draw).
     */
    private static ReportModel.Chart dcr(List<MetricResult> results) {
        Map<String, Double> values = new LinkedHashMap<>();
        MetricResult median = find(results, DCR_MEDIAN);
        if (median != null && median.value() != null) {
            values.put("median, synthetic to train", median.value());
            if (median.breakdown() != null) {
                putIfPresent(values, "5th percentile, synthetic to train", median.breakdown().get("fifth_percentile"));
                putIfPresent(values, "median, holdout to train", median.breakdown().get("holdout_median"));
            }
        }
        MetricResult holdout = find(results, "privacy.dcr.holdout_median");
        if (holdout != null) {
            putIfPresent(values, "median, holdout to train", holdout.value());
        }
        if (values.isEmpty()) {
            return null;
        }
        return new ReportModel.Chart("hbar", "Distance to closest record (DCR)", "statistic", "distance",
                new ArrayList<>(values.keySet()), List.of(new ReportModel.Series("DCR",
                        new ArrayList<>(values.values()), null, null)), null, null, null, null);
    }

    private static void putIfPresent(Map<String, Double> values, String key, Double value) {
        if (value != null) {
            values.put(key, value);
        }
    }

    /** Builds one chart with every membership attack's ROC curve, plus the low-FPR zoom the report also draws. */
    private static List<Panel> roc(List<MetricResult> results) {
        List<ReportModel.Line> lines = new ArrayList<>();
        List<MetricResult> attacks = new ArrayList<>(results);
        attacks.sort(Comparator.comparing(MetricResult::id));
        for (MetricResult result : attacks) {
            if (result.chart() == null || result.chart().get("roc_fpr") == null) {
                continue;
            }
            List<Double> fpr = doubles(result.chart().get("roc_fpr"));
            List<Double> tpr = doubles(result.chart().get("roc_tpr"));
            if (!fpr.isEmpty() && fpr.size() == tpr.size()) {
                lines.add(new ReportModel.Line(result.id().replace("privacy.", "").replace(".auc", ""), fpr, tpr));
            }
        }
        if (lines.isEmpty()) {
            return List.of(new Panel("Membership attack ROC", null));
        }
        lines.add(new ReportModel.Line("chance", List.of(0.0, 1.0), List.of(0.0, 1.0)));
        return List.of(
                new Panel("Membership attack ROC", new ReportModel.Chart("line", "Membership attack ROC",
                        "false positive rate", "true positive rate", null, null, lines, null, null, null)),
                new Panel("Membership attack ROC, low-FPR zoom", new ReportModel.Chart("line",
                        "Membership attack ROC, low-FPR zoom", "false positive rate", "true positive rate", null,
                        null, lines, null, 0.1, null)));
    }

    private static List<Double> shares(List<Double> counts) {
        double total = counts.stream().filter(v -> v != null).mapToDouble(Double::doubleValue).sum();
        return counts.stream().map(v -> v == null || total == 0 ? null : v / total).toList();
    }

    private static Double number(Object value) {
        return value instanceof Number n ? n.doubleValue() : null;
    }

    /** Converts a list, a primitive array or an object array of numbers to boxed doubles (non-numbers become null). */
    static List<Double> doubles(Object value) {
        List<Double> out = new ArrayList<>();
        if (value instanceof List<?> list) {
            list.forEach(item -> out.add(number(item)));
        } else if (value != null && value.getClass().isArray()) {
            for (int i = 0; i < Array.getLength(value); i++) {
                out.add(number(Array.get(value, i)));
            }
        }
        return out;
    }

    private static List<String> strings(Object value) {
        List<String> out = new ArrayList<>();
        if (value instanceof List<?> list) {
            list.forEach(item -> out.add(String.valueOf(item)));
        } else if (value != null && value.getClass().isArray()) {
            for (int i = 0; i < Array.getLength(value); i++) {
                out.add(String.valueOf(Array.get(value, i)));
            }
        }
        return out;
    }
}
