package org.synthtrust.report;

import java.util.List;
import java.util.Map;
import org.synthtrust.audit.MetricResult;

/**
 * Everything an audit report shows, already passed through disclosure control. The PDF, HTML and JSON
 * renderers only format this model, so the three outputs carry the same numbers. Field names in JSON are the
 * snake_case forms of the component names (see docs/report-json.md).
 *
 * @param formatVersion version of the JSON layout, raised on any incompatible change
 * @param cover         title page facts and the plain-language verdict
 * @param disclosure    the small-cell threshold k applied to every count, group and bin
 * @param data          summary of the private input table (coarsened)
 * @param candidates    each synthetic candidate with its full privacy ledger
 * @param trust         trust index ranking, weights, Pareto front and weight sensitivity
 * @param pillars       one section per audit pillar, in the order fidelity, utility, fairness, privacy
 * @param methods       metric explanations, limits of the guarantee and reproducibility facts
 */
public record ReportModel(
        String formatVersion,
        Cover cover,
        Disclosure disclosure,
        DataSummary data,
        List<Candidate> candidates,
        TrustSection trust,
        List<PillarSection> pillars,
        Methods methods) {

    public static final String FORMAT_VERSION = "1";

    public ReportModel {
        candidates = List.copyOf(candidates);
        pillars = List.copyOf(pillars);
    }

    /** Title page: the study, the input file by name only (its hash stays in study.json), and the verdict. */
    public record Cover(String studyName, String studyId, String date, String inputFile, String version,
                        String dpNotice, String recommended, String verdict) { }

    /** Small-cell threshold: counts below k are shown as "&lt; k" and left out of per-group rates. */
    public record Disclosure(int k, String rule) { }

    /**
     * Coarse facts about the private table.
     *
     * @param rowsRounded row count rounded to the nearest hundred, or null when the study did not record it
     */
    public record DataSummary(Long rowsRounded, int columnCount, List<ColumnSummary> columns) { }

    /**
     * One column of the private table.
     *
     * @param missing       missing-value count as displayed: a number, "0" or "&lt; k"
     * @param domainSource  "declared" (public, from the schema) or "inferred" (read from the data, not covered
     *                      by the DP guarantee)
     */
    public record ColumnSummary(String name, String type, List<String> roles, String missing, String domainSource,
                                String domain) { }

    /**
     * One synthetic candidate and the full privacy ledger of the run that produced it. {@code epsilon},
     * {@code delta} and {@code ledger} are null for a table audited without a provenance file.
     */
    public record Candidate(String name, String method, Map<String, String> parameters, Double epsilon,
                            Double delta, boolean testMode, Ledger ledger) { }

    /** Ledger of one candidate; the entries' costs compose to {@code totalEpsilon} at {@code delta}. */
    public record Ledger(String accounting, double delta, double totalEpsilon, List<LedgerRow> entries) { }

    /** One charged release: mechanism, query, its sensitivity and noise scale, and its cost. */
    public record LedgerRow(String mechanism, String query, double sensitivity, double noiseScale,
                            String costType, double cost, double runningEpsilon) { }

    /**
     * Trust index results.
     *
     * @param normalisation       how raw metric values become scores in [0, 1]
     * @param probabilityFirst    share of sampled weight vectors under which each candidate ranks first
     * @param sensitivityMethod   how the weight vectors were sampled
     */
    public record TrustSection(Map<String, Double> weights, String normalisation, List<RankingRow> ranking,
                               List<String> paretoFront, Map<String, Double> probabilityFirst,
                               String sensitivityMethod, List<Chart> charts) { }

    /** One ranked candidate; disqualified candidates carry a reason and no rank. */
    public record RankingRow(Integer rank, String candidate, Double trustIndex, Map<String, Double> pillarScores,
                             boolean disqualified, String reason) { }

    /**
     * One pillar: its metrics for every candidate, their scores and its charts.
     *
     * @param scores normalised score in [0, 1] of each metric, keyed {@code candidate|metric_id}
     */
    public record PillarSection(String pillar, String summary, List<MetricResult> metrics,
                                Map<String, Double> scores, List<WideTable> tables, List<Chart> charts) { }

    /** A table that may be wider than a page (for example per-column scores over 120 columns). */
    public record WideTable(String title, List<String> header, List<List<String>> rows) { }

    /**
     * Chart data, independent of the drawing library; {@link Charts} turns it into a JFreeChart and
     * {@link HtmlRenderer} into SVG.
     *
     * @param kind       bar, hbar, interval, line, heatmap, radar or scatter
     * @param categories category labels for bar, hbar, interval and radar charts
     * @param series     values per category, one list per series (null values are not drawn)
     * @param lines      x/y series for line and scatter charts
     * @param matrix     heatmap cells, rows then columns; labels are {@code categories} on both axes
     * @param xMax       upper end of the x axis, or null for automatic (the ROC low-FPR zoom sets it)
     * @param note       a line printed under the chart (for example how many bins were suppressed)
     */
    public record Chart(String kind, String title, String xLabel, String yLabel, List<String> categories,
                        List<Series> series, List<Line> lines, List<List<Double>> matrix, Double xMax,
                        String note) { }

    /** Values of one series per category, with optional interval ends. */
    public record Series(String name, List<Double> values, List<Double> lower, List<Double> upper) { }

    /** An x/y polyline or point set. */
    public record Line(String name, List<Double> x, List<Double> y) { }

    /** Methods, guarantees and reproducibility. */
    public record Methods(List<MetricNote> metricNotes, List<String> guarantees, List<String> limitations,
                          Map<String, String> reproducibility) { }

    /** Two-line explanation of one metric. */
    public record MetricNote(String id, String text) { }
}
