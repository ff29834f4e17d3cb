package org.synthtrust.report;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.synthtrust.audit.AuditResult;
import org.synthtrust.audit.MetricResult;
import org.synthtrust.audit.Pillar;
import org.synthtrust.core.schema.Schema;
import org.synthtrust.trustindex.Ranking;

/**
 * Turns the metric results of one pillar into a report section: the metrics table (with the raw chart data
 * removed), the trust-index scores and the charts. Chart data is read from {@link MetricResult#chart()} under
 * the keys listed in docs/report-json.md; counts from the real table go through {@link SmallCells}.
 */
final class PillarCharts {
    private static final Map<Pillar, String> SUMMARIES = Map.of(
            Pillar.FIDELITY, "How closely each candidate reproduces the column distributions and the pairwise "
                    + "dependence of the real training table.",
            Pillar.UTILITY, "Whether models trained on the synthetic table predict as well on real holdout data "
                    + "(TSTR) as models trained on the real table (TRTR).",
            Pillar.FAIRNESS, "Whether the synthetic table keeps the representation and outcome rates of the groups "
                    + "of the protected attributes.",
            Pillar.PRIVACY, "Empirical attacks on the candidates: membership inference, distance to closest record "
                    + "against a holdout reference, attribute inference, singling out and linkability.");

    private PillarCharts() { }

    static ReportModel.PillarSection section(Pillar pillar, AuditResult audit, Ranking ranking,
                                             List<ReportModel.Candidate> candidates, String recommended, int k,
                                             Schema schema) {
        String focus = recommended != null ? recommended : audit.candidates().isEmpty() ? null : audit.candidates().get(0);
        List<MetricResult> metrics = new ArrayList<>();
        Map<String, Double> scores = new LinkedHashMap<>();
        List<ReportModel.Chart> charts = new ArrayList<>();
        List<ReportModel.WideTable> tables = new ArrayList<>();
        boolean perColumnDone = false;
        for (MetricResult result : audit.results()) {
            if (result.pillar() != pillar) {
                continue;
            }
            // The raw chart data may hold real counts or matrices, so only the suppressed charts built below
            // leave. A breakdown keyed by groups (not by columns) can reveal a small group, so it is dropped too.
            Map<String, Double> breakdown = isPerColumn(result, schema) ? result.breakdown() : null;
            metrics.add(new MetricResult(result.id(), result.candidate(), result.pillar(), result.direction(),
                    result.value(), result.lower(), result.upper(), result.status(), redact(result.reason(), k),
                    breakdown, null));
            Double score = score(ranking, result.candidate(), result.id());
            if (score != null) {
                scores.put(ReportLayout.scoreKey(result.candidate(), result.id()), score);
            }
            if (!perColumnDone && breakdown != null && result.candidate().equals(focus)) {
                perColumnDone = true;
                charts.add(perColumnBars(result));
                tables.add(perColumnTable(audit, result.id()));
            }
            if (result.candidate().equals(focus) && result.chart() != null) {
                charts.addAll(fromChartData(result, k));
            }
        }
        if (pillar == Pillar.UTILITY) {
            ReportModel.Chart tstr = tstrBars(metrics, audit.candidates());
            if (tstr != null) {
                charts.add(tstr);
            }
        }
        if (pillar == Pillar.PRIVACY) {
            ReportModel.Chart risks = risks(metrics, focus);
            if (risks != null) {
                charts.add(risks);
            }
            ReportModel.Chart epsilon = empiricalEpsilon(metrics, candidates);
            if (epsilon != null) {
                charts.add(epsilon);
            }
        }
        return new ReportModel.PillarSection(pillar.id(), SUMMARIES.get(pillar), metrics, scores, tables, charts);
    }

    private static Double score(Ranking ranking, String candidate, String metricId) {
        if (ranking == null) {
            return null;
        }
        Ranking.CandidateScore score = ranking.candidate(candidate);
        if (score == null || score.metrics() == null) {
            return null;
        }
        for (Ranking.MetricScore metric : score.metrics()) {
            if (metric.id().equals(metricId)) {
                return metric.score();
            }
        }
        return null;
    }

    /** True when every breakdown key is a schema column (or, without a schema, no key names a group). */
    static boolean isPerColumn(MetricResult result, Schema schema) {
        if (result.breakdown() == null || result.breakdown().isEmpty()) {
            return false;
        }
        for (String key : result.breakdown().keySet()) {
            boolean column = schema == null ? !key.contains("|") && !key.contains("=") : schema.columns().containsKey(key);
            if (!column) {
                return false;
            }
        }
        return true;
    }

    private static final java.util.regex.Pattern SMALL_COUNT = java.util.regex.Pattern.compile(
            "([^,;:()]*?)\\((\\d+) real rows?([^)]*)\\)");

    /**
     * Removes group labels that the audit names together with a real count below k, such as
     * "native-country=Holand-Netherlands (1 real rows)", and replaces the count by "&lt; k".
     */
    static String redact(String reason, int k) {
        if (reason == null) {
            return null;
        }
        java.util.regex.Matcher matcher = SMALL_COUNT.matcher(reason);
        StringBuilder out = new StringBuilder();
        while (matcher.find()) {
            long count = Long.parseLong(matcher.group(2));
            String replacement = count < k ? " a group with < " + k + " real rows" : matcher.group();
            matcher.appendReplacement(out, java.util.regex.Matcher.quoteReplacement(replacement));
        }
        matcher.appendTail(out);
        return out.toString();
    }

    private static ReportModel.Chart perColumnBars(MetricResult result) {
        List<Map.Entry<String, Double>> entries = new ArrayList<>(result.breakdown().entrySet());
        entries.removeIf(e -> e.getValue() == null);
        entries.sort(Map.Entry.comparingByValue());
        return new ReportModel.Chart("hbar", "Per-column " + result.id() + " of " + result.candidate()
                + ", sorted ascending", "column", "value", entries.stream().map(Map.Entry::getKey).toList(),
                List.of(new ReportModel.Series(result.candidate(), entries.stream().map(Map.Entry::getValue).toList(),
                        null, null)), null, null, null, null);
    }

    private static ReportModel.WideTable perColumnTable(AuditResult audit, String metricId) {
        Set<String> columns = new LinkedHashSet<>();
        for (MetricResult result : audit.results()) {
            if (result.id().equals(metricId) && result.breakdown() != null) {
                columns.addAll(result.breakdown().keySet());
            }
        }
        List<String> header = new ArrayList<>(List.of("Candidate"));
        header.addAll(columns);
        List<List<String>> rows = new ArrayList<>();
        for (MetricResult result : audit.results()) {
            if (result.id().equals(metricId) && result.breakdown() != null) {
                List<String> row = new ArrayList<>(List.of(result.candidate()));
                for (String column : columns) {
                    row.add(Fmt.num(result.breakdown().get(column)));
                }
                rows.add(row);
            }
        }
        return new ReportModel.WideTable("Per-column " + metricId, header, rows);
    }

    /** Converts the recognised chart keys of one result; unrecognised keys are dropped, never copied. */
    static List<ReportModel.Chart> fromChartData(MetricResult result, int k) {
        Map<String, Object> chart = result.chart();
        List<ReportModel.Chart> charts = new ArrayList<>();
        String title = result.id();
        if (chart.containsKey("labels") && chart.containsKey("real_counts") && chart.containsKey("synthetic_counts")) {
            String column = chart.getOrDefault("column", "value").toString();
            charts.add(SmallCells.distribution("Distribution of " + column, column, strings(chart.get("labels")),
                    longs(chart.get("real_counts")), longs(chart.get("synthetic_counts")), k));
        }
        if (chart.containsKey("groups") && chart.containsKey("group_counts") && chart.containsKey("real_rates")
                && chart.containsKey("synthetic_rates")) {
            charts.add(SmallCells.groupRates("Outcome rate by group (" + title + ")", strings(chart.get("groups")),
                    longs(chart.get("group_counts")), doubles(chart.get("real_rates")),
                    doubles(chart.get("synthetic_rates")), k));
        }
        Object real = chart.containsKey("real") ? chart.get("real") : chart.get("real_pearson");
        Object synthetic = chart.containsKey("synthetic") ? chart.get("synthetic") : chart.get("synthetic_pearson");
        if (chart.containsKey("columns") && (real instanceof List<?> || real instanceof Map<?, ?>)
                && (synthetic instanceof List<?> || synthetic instanceof Map<?, ?>)) {
            List<String> columns = strings(chart.get("columns"));
            List<List<Double>> r = real instanceof Map<?, ?> map ? pairMatrix(map, columns) : matrix(real);
            List<List<Double>> s = synthetic instanceof Map<?, ?> map ? pairMatrix(map, columns) : matrix(synthetic);
            List<List<Double>> d = new ArrayList<>();
            for (int i = 0; i < r.size(); i++) {
                List<Double> row = new ArrayList<>();
                for (int j = 0; j < r.get(i).size(); j++) {
                    Double a = r.get(i).get(j);
                    Double b = s.get(i).get(j);
                    row.add(a == null || b == null ? null : b - a);
                }
                d.add(row);
            }
            charts.add(new ReportModel.Chart("heatmap", "Correlation, real", null, null, columns, null, null, r, null, null));
            charts.add(new ReportModel.Chart("heatmap", "Correlation, synthetic", null, null, columns, null, null, s, null, null));
            charts.add(new ReportModel.Chart("heatmap", "Correlation difference (synthetic - real)", null, null, columns,
                    null, null, d, null, null));
        }
        Object fprData = chart.containsKey("fpr") ? chart.get("fpr") : chart.get("roc_fpr");
        Object tprData = chart.containsKey("tpr") ? chart.get("tpr") : chart.get("roc_tpr");
        if (fprData instanceof List<?> && tprData instanceof List<?>) {
            List<Double> fpr = boxed(doubles(fprData));
            List<Double> tpr = boxed(doubles(tprData));
            List<ReportModel.Line> lines = List.of(new ReportModel.Line("attack", fpr, tpr),
                    new ReportModel.Line("chance", List.of(0.0, 1.0), List.of(0.0, 1.0)));
            charts.add(new ReportModel.Chart("line", "ROC of " + title, "false positive rate", "true positive rate",
                    null, null, lines, null, null, null));
            charts.add(new ReportModel.Chart("line", "ROC of " + title + ", low-FPR zoom", "false positive rate",
                    "true positive rate", null, null, lines, null, 0.1, null));
        }
        if (chart.containsKey("bins") && chart.containsKey("synthetic_to_train") && chart.containsKey("holdout_to_train")) {
            charts.add(new ReportModel.Chart("bar", "Distance to closest record (" + title + ")",
                    "distance to closest record", "share of records", strings(chart.get("bins")),
                    List.of(new ReportModel.Series("synthetic to train", boxed(doubles(chart.get("synthetic_to_train"))), null, null),
                            new ReportModel.Series("holdout to train", boxed(doubles(chart.get("holdout_to_train"))), null, null)),
                    null, null, null, null));
        }
        charts.addAll(groupCharts(chart, k));
        return charts;
    }

    /**
     * Builds representation and outcome-rate charts from per-attribute group lists
     * ({@code attribute: [{group, real_count, real_share, synthetic_share, real_positive_rate,
     * synthetic_positive_rate}]}). Groups below k real records are left out by {@link SmallCells#groupRates}.
     */
    private static List<ReportModel.Chart> groupCharts(Map<String, Object> chart, int k) {
        List<ReportModel.Chart> charts = new ArrayList<>();
        for (Map.Entry<String, Object> entry : chart.entrySet()) {
            if (!(entry.getValue() instanceof List<?> list) || list.isEmpty() || !(list.get(0) instanceof Map<?, ?> first)
                    || !first.containsKey("group") || !first.containsKey("real_count")) {
                continue;
            }
            int n = list.size();
            List<String> groups = new ArrayList<>();
            long[] counts = new long[n];
            double[] realShare = new double[n];
            double[] syntheticShare = new double[n];
            double[] realRate = new double[n];
            double[] syntheticRate = new double[n];
            boolean rates = first.containsKey("real_positive_rate");
            for (int i = 0; i < n; i++) {
                Map<?, ?> group = (Map<?, ?>) list.get(i);
                groups.add(String.valueOf(group.get("group")));
                counts[i] = number(group.get("real_count")) == null ? 0 : Math.round(number(group.get("real_count")));
                realShare[i] = orNaN(number(group.get("real_share")));
                syntheticShare[i] = orNaN(number(group.get("synthetic_share")));
                realRate[i] = orNaN(number(group.get("real_positive_rate")));
                syntheticRate[i] = orNaN(number(group.get("synthetic_positive_rate")));
            }
            ReportModel.Chart shares = SmallCells.groupRates("Representation by " + entry.getKey(), groups, counts,
                    realShare, syntheticShare, k);
            charts.add(new ReportModel.Chart("hbar", shares.title(), "group", "share of records", shares.categories(),
                    nanToNull(shares.series()), null, null, null, shares.note()));
            if (rates) {
                ReportModel.Chart outcome = SmallCells.groupRates("Positive outcome rate by " + entry.getKey(), groups,
                        counts, realRate, syntheticRate, k);
                charts.add(new ReportModel.Chart("hbar", outcome.title(), "group", "positive outcome rate",
                        outcome.categories(), nanToNull(outcome.series()), null, null, null, outcome.note()));
            }
        }
        return charts;
    }

    private static Double number(Object value) {
        return value instanceof Number n ? n.doubleValue() : null;
    }

    private static double orNaN(Double value) {
        return value == null ? Double.NaN : value;
    }

    private static List<ReportModel.Series> nanToNull(List<ReportModel.Series> series) {
        List<ReportModel.Series> out = new ArrayList<>();
        for (ReportModel.Series s : series) {
            out.add(new ReportModel.Series(s.name(), s.values().stream().map(v -> v == null || v.isNaN() ? null : v).toList(),
                    s.lower(), s.upper()));
        }
        return out;
    }

    /** Turns a map of {@code "a|b"} pair values into a symmetric matrix over {@code columns}; the diagonal is empty. */
    private static List<List<Double>> pairMatrix(Map<?, ?> pairs, List<String> columns) {
        List<List<Double>> out = new ArrayList<>();
        for (String a : columns) {
            List<Double> row = new ArrayList<>();
            for (String b : columns) {
                Object value = pairs.get(a + "|" + b);
                if (value == null) {
                    value = pairs.get(b + "|" + a);
                }
                row.add(a.equals(b) ? null : number(value));
            }
            out.add(row);
        }
        return out;
    }

    private static ReportModel.Chart tstrBars(List<MetricResult> metrics, List<String> candidates) {
        List<String> ids = metrics.stream().map(MetricResult::id).filter(id -> id.contains("tstr") && !id.contains("gap"))
                .distinct().toList();
        if (ids.isEmpty()) {
            return null;
        }
        List<ReportModel.Series> series = new ArrayList<>();
        for (String candidate : candidates) {
            List<Double> values = new ArrayList<>();
            for (String id : ids) {
                // A metric that did not compute (status not ok) has a null value and leaves a gap in the chart.
                values.add(metrics.stream().filter(m -> m.candidate().equals(candidate) && m.id().equals(id))
                        .findFirst().map(MetricResult::value).orElse(null));
            }
            series.add(new ReportModel.Series("TSTR " + candidate, values, null, null));
        }
        List<Double> trtr = new ArrayList<>();
        boolean anyTrtr = false;
        for (String id : ids) {
            String trtrId = id.replace("tstr", "trtr");
            Double value = metrics.stream().filter(m -> m.id().equals(trtrId)).map(MetricResult::value)
                    .filter(v -> v != null).findFirst().orElse(null);
            anyTrtr |= value != null;
            trtr.add(value);
        }
        if (anyTrtr) {
            series.add(0, new ReportModel.Series("TRTR (real)", trtr, null, null));
        }
        return new ReportModel.Chart("bar", "TSTR against TRTR", "metric", "value", ids, series, null, null, null, null);
    }

    private static ReportModel.Chart risks(List<MetricResult> metrics, String focus) {
        List<MetricResult> withIntervals = metrics.stream()
                .filter(m -> m.candidate().equals(focus) && m.value() != null && m.lower() != null && m.upper() != null)
                .sorted(Comparator.comparing(MetricResult::id)).toList();
        if (withIntervals.isEmpty()) {
            return null;
        }
        return new ReportModel.Chart("interval", "Risks of " + focus + " with intervals", "metric", "value",
                withIntervals.stream().map(MetricResult::id).toList(),
                List.of(new ReportModel.Series("risk", withIntervals.stream().map(MetricResult::value).toList(),
                        withIntervals.stream().map(MetricResult::lower).toList(),
                        withIntervals.stream().map(MetricResult::upper).toList())), null, null, null, null);
    }

    private static ReportModel.Chart empiricalEpsilon(List<MetricResult> metrics, List<ReportModel.Candidate> candidates) {
        List<String> names = new ArrayList<>();
        List<Double> empirical = new ArrayList<>();
        List<Double> claimed = new ArrayList<>();
        for (ReportModel.Candidate candidate : candidates) {
            metrics.stream().filter(m -> m.candidate().equals(candidate.name()) && m.id().contains("empirical_epsilon")
                    && m.value() != null).findFirst().ifPresent(m -> {
                        names.add(candidate.name());
                        empirical.add(m.value());
                        claimed.add(candidate.ledger() == null ? null : candidate.ledger().totalEpsilon());
                    });
        }
        if (names.isEmpty()) {
            return null;
        }
        return new ReportModel.Chart("bar", "Empirical epsilon lower bound against claimed epsilon", "candidate",
                "epsilon", names, List.of(new ReportModel.Series("empirical lower bound", empirical, null, null),
                new ReportModel.Series("claimed", claimed, null, null)), null, null, null, null);
    }

    // ---- loose JSON values -----------------------------------------------------------------------------------

    private static List<String> strings(Object value) {
        List<String> out = new ArrayList<>();
        if (value instanceof List<?> list) {
            for (Object item : list) {
                out.add(String.valueOf(item));
            }
        }
        return out;
    }

    private static long[] longs(Object value) {
        double[] d = doubles(value);
        long[] out = new long[d.length];
        for (int i = 0; i < d.length; i++) {
            out[i] = Math.round(d[i]);
        }
        return out;
    }

    private static double[] doubles(Object value) {
        if (!(value instanceof List<?> list)) {
            return new double[0];
        }
        double[] out = new double[list.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = list.get(i) instanceof Number n ? n.doubleValue() : Double.NaN;
        }
        return out;
    }

    private static List<Double> boxed(double[] values) {
        List<Double> out = new ArrayList<>(values.length);
        for (double v : values) {
            out.add(Double.isNaN(v) ? null : v);
        }
        return out;
    }

    private static List<List<Double>> matrix(Object value) {
        List<List<Double>> out = new ArrayList<>();
        if (value instanceof List<?> rows) {
            for (Object row : rows) {
                out.add(boxed(doubles(row)));
            }
        }
        return out;
    }
}
