package org.synthtrust.report;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.synthtrust.audit.Direction;
import org.synthtrust.audit.MetricResult;
import org.synthtrust.audit.MetricStatus;
import org.synthtrust.audit.Pillar;

/**
 * Hand-built report models for an Adult-like study. Counts pass through {@link SmallCells} as a study result
 * would, and two canaries are planted in the raw counts: a unique occupation value and a unique
 * quasi-identifier combination, each held by fewer than k records.
 */
final class ReportFixtures {
    static final String CANARY_VALUE = "Zyxwv-Canary-Occupation";
    static final String CANARY_COMBINATION = "Amer-Indian-Eskimo & Female & Tuvalu";
    static final String[] METHODS = {"independent", "mst", "aim", "privbayes", "dpgan"};
    static final String[] COLUMNS = {"age", "workclass", "education", "marital_status", "occupation", "relationship",
        "race", "sex", "hours_per_week", "native_country", "income"};

    private ReportFixtures() { }

    static ReportModel adult(int candidateCount, int k) {
        return adult(candidateCount, k, COLUMNS.length);
    }

    /**
     * Builds the model; with {@code wideColumns} above the Adult column count, the per-column score table gets
     * that many generated columns (to test tables wider than a page).
     */
    static ReportModel adult(int candidateCount, int k, int wideColumns) {
        Random random = new Random(20261204L);
        List<String> names = new ArrayList<>();
        for (int i = 0; i < candidateCount; i++) {
            names.add(METHODS[i % METHODS.length] + (i < METHODS.length ? "" : "-" + i));
        }
        List<ReportModel.Candidate> candidates = new ArrayList<>();
        for (int i = 0; i < names.size(); i++) {
            candidates.add(candidate(names.get(i), METHODS[i % METHODS.length], i == 2));
        }
        String recommended = names.size() > 1 ? names.get(1) : names.get(0);

        ReportModel.Cover cover = new ReportModel.Cover("Adult income release", "study-2026-12-04-adult",
                "2026-12-04", "adult.csv", "0.1.0-SNAPSHOT",
                "This report is computed from the real data and is not covered by differential privacy.",
                recommended,
                "Candidate " + recommended + " may be released under (epsilon = 1, delta = 1e-6) differential "
                        + "privacy for one row of the table. It keeps column distributions and pairwise "
                        + "correlations close to the real data, loses 2.1 points of accuracy when a classifier is "
                        + "trained on it, and showed no membership signal above chance. The main risk found is "
                        + "attribute inference on income, which is close to the baseline from public marginals.");

        ReportModel.DataSummary data = dataSummary(k);
        ReportModel.TrustSection trust = trust(names, random);
        List<ReportModel.PillarSection> pillars = List.of(
                fidelity(names, random, k, wideColumns), utility(names, random), fairness(names, random, k),
                privacy(names, random));
        return new ReportModel(ReportModel.FORMAT_VERSION, cover,
                new ReportModel.Disclosure(k, "counts below k shown as \"< k\" and left out of per-group rates"),
                data, candidates, trust, pillars, methods());
    }

    private static ReportModel.DataSummary dataSummary(int k) {
        List<ReportModel.ColumnSummary> columns = new ArrayList<>();
        columns.add(new ReportModel.ColumnSummary("record_id", "text", List.of("identifier"), "0", "declared",
                "excluded (identifier)"));
        long[] missing = {0, 1836, 0, 0, 1843, 0, 0, 0, 0, 583, 0};
        String[] types = {"integer", "categorical", "categorical", "categorical", "categorical", "categorical",
            "categorical", "categorical", "integer", "categorical", "categorical"};
        for (int i = 0; i < COLUMNS.length; i++) {
            List<String> roles = switch (COLUMNS[i]) {
                case "age", "native_country" -> List.of("quasi_identifier");
                case "sex", "race" -> List.of("quasi_identifier", "protected");
                case "income" -> List.of("target", "sensitive");
                default -> List.of();
            };
            boolean inferred = COLUMNS[i].equals("native_country");
            String domain = switch (types[i]) {
                case "integer" -> COLUMNS[i].equals("age") ? "bounds [17, 90], 15 bins" : "bounds [1, 99], 10 bins";
                default -> inferred ? "42 categories" : "declared categories";
            };
            columns.add(new ReportModel.ColumnSummary(COLUMNS[i], types[i], roles,
                    SmallCells.count(i == 6 ? 3 : missing[i], k), inferred ? "inferred" : "declared", domain));
        }
        return new ReportModel.DataSummary(SmallCells.roundToHundred(48842), columns.size(), columns);
    }

    static ReportModel.Candidate candidate(String name, String method, boolean testMode) {
        double delta = 1e-6;
        List<ReportModel.LedgerRow> rows = new ArrayList<>();
        double rho = 0;
        double budgetRho = 0.0217;
        List<String[]> plan = new ArrayList<>();
        switch (method) {
            case "independent" -> {
                for (String column : COLUMNS) {
                    plan.add(new String[] {"gaussian", "1-way marginal " + column, "zcdp_rho"});
                }
            }
            case "mst", "aim" -> {
                plan.add(new String[] {"gaussian", "noisy total", "zcdp_rho"});
                for (String column : COLUMNS) {
                    plan.add(new String[] {"gaussian", "1-way marginal " + column, "zcdp_rho"});
                }
                for (int i = 0; i < 6; i++) {
                    plan.add(new String[] {"exponential", "select 2-way marginal, round " + (i + 1), "zcdp_rho"});
                    plan.add(new String[] {"gaussian", "2-way marginal " + COLUMNS[i] + " x " + COLUMNS[i + 4], "zcdp_rho"});
                }
            }
            case "privbayes" -> {
                for (int i = 0; i < 6; i++) {
                    plan.add(new String[] {"exponential", "parent set of " + COLUMNS[i], "pure_epsilon"});
                }
                for (int i = 0; i < 6; i++) {
                    plan.add(new String[] {"laplace", "conditional " + COLUMNS[i], "pure_epsilon"});
                }
            }
            default -> plan.add(new String[] {"subsampled_gaussian", "DP-SGD, 3000 steps, q = 0.01", "rdp"});
        }
        double pure = 0;
        for (String[] step : plan) {
            double cost;
            double sigma;
            double runningEpsilon;
            if (step[2].equals("pure_epsilon")) {
                cost = 1.0 / plan.size();
                pure += cost;
                sigma = 2.0 / cost;
                runningEpsilon = pure;
            } else if (step[2].equals("rdp")) {
                cost = 1.0;
                sigma = 1.1;
                runningEpsilon = 1.0;
            } else {
                cost = budgetRho / plan.size();
                rho += cost;
                sigma = Math.sqrt(1.0 / (2 * cost));
                runningEpsilon = rho + 2 * Math.sqrt(rho * Math.log(1 / delta));
            }
            rows.add(new ReportModel.LedgerRow(step[0], step[1], step[0].equals("exponential") ? 1.0 : Math.sqrt(2),
                    sigma, step[2], cost, runningEpsilon));
        }
        double total = rows.get(rows.size() - 1).runningEpsilon();
        String accounting = plan.get(0)[2].equals("zcdp_rho") ? "zCDP, tight conversion"
                : plan.get(0)[2].equals("rdp") ? "Renyi DP of the subsampled Gaussian" : "pure epsilon, basic composition";
        Map<String, String> parameters = new LinkedHashMap<>();
        switch (method) {
            case "mst" -> parameters.put("max_cells", "10000");
            case "aim" -> {
                parameters.put("rounds", "6");
                parameters.put("max_model_size_mb", "80");
            }
            case "privbayes" -> parameters.put("degree", "2");
            case "dpgan" -> {
                parameters.put("epochs", "30");
                parameters.put("batch_size", "500");
            }
            default -> { }
        }
        return new ReportModel.Candidate(name, method, parameters, 1.0, delta, testMode,
                new ReportModel.Ledger(accounting, delta, total, rows));
    }

    private static ReportModel.TrustSection trust(List<String> names, Random random) {
        Map<String, Double> weights = new LinkedHashMap<>();
        weights.put("fidelity", 0.3);
        weights.put("utility", 0.3);
        weights.put("fairness", 0.15);
        weights.put("privacy", 0.25);
        List<ReportModel.RankingRow> ranking = new ArrayList<>();
        Map<String, Double> first = new LinkedHashMap<>();
        List<ReportModel.Chart> charts = new ArrayList<>();
        List<Double> px = new ArrayList<>();
        List<Double> py = new ArrayList<>();
        double[] base = {0.61, 0.83, 0.78, 0.70, 0.42};
        int rank = 1;
        for (int i = 0; i < names.size(); i++) {
            Map<String, Double> scores = new LinkedHashMap<>();
            double b = base[i % base.length];
            for (String pillar : weights.keySet()) {
                scores.put(pillar, round(Math.min(1, Math.max(0, b + 0.12 * (random.nextDouble() - 0.5)))));
            }
            boolean disqualified = names.get(i).startsWith("dpgan");
            double index = 0;
            for (Map.Entry<String, Double> weight : weights.entrySet()) {
                index += weight.getValue() * scores.get(weight.getKey());
            }
            ranking.add(new ReportModel.RankingRow(disqualified ? null : 0, names.get(i), round(index), scores,
                    disqualified, disqualified ? "privacy score 0.18 below the floor 0.5 (membership AUC 0.63)" : null));
            List<Double> values = new ArrayList<>(scores.values());
            charts.add(new ReportModel.Chart("radar", "Pillar scores of " + names.get(i), null, null,
                    new ArrayList<>(weights.keySet()), List.of(new ReportModel.Series(names.get(i), values, null, null)),
                    null, null, null, null));
            px.add(scores.get("privacy"));
            py.add(scores.get("utility"));
        }
        ranking.sort((a, b) -> Boolean.compare(a.disqualified(), b.disqualified()) != 0
                ? Boolean.compare(a.disqualified(), b.disqualified()) : Double.compare(b.trustIndex(), a.trustIndex()));
        List<ReportModel.RankingRow> ranked = new ArrayList<>();
        for (ReportModel.RankingRow row : ranking) {
            ranked.add(row.disqualified() ? row : new ReportModel.RankingRow(rank++, row.candidate(), row.trustIndex(),
                    row.pillarScores(), false, null));
        }
        double remaining = 1.0;
        for (int i = 0; i < ranked.size(); i++) {
            ReportModel.RankingRow row = ranked.get(i);
            double p = row.disqualified() ? 0.0 : i == ranked.size() - 1 ? remaining : round(remaining * 0.7);
            if (!row.disqualified()) {
                remaining = round(remaining - p);
            }
            first.put(row.candidate(), p);
        }
        List<String> front = new ArrayList<>();
        for (ReportModel.RankingRow row : ranked) {
            if (!row.disqualified() && front.size() < 2) {
                front.add(row.candidate());
            }
        }
        List<ReportModel.Line> scatter = new ArrayList<>();
        for (int i = 0; i < names.size(); i++) {
            scatter.add(new ReportModel.Line(names.get(i), List.of(px.get(i)), List.of(py.get(i))));
        }
        charts.add(new ReportModel.Chart("scatter", "Pareto front: privacy against utility", "privacy score",
                "utility score", null, null, scatter, null, null, "Pareto front: " + String.join(", ", front)));
        charts.add(new ReportModel.Chart("bar", "Probability of ranking first", "candidate", "probability",
                new ArrayList<>(first.keySet()), List.of(new ReportModel.Series("P(rank 1)",
                new ArrayList<>(first.values()), null, null)), null, null, null, null));
        return new ReportModel.TrustSection(weights, "min-max over each metric's declared range, direction-aware; "
                + "pillar score is the mean of its metric scores", ranked, front, first,
                "1000 weight vectors from a flat Dirichlet distribution, seed 7", charts);
    }

    private static MetricResult metric(String id, String candidate, Pillar pillar, Direction direction, Double value,
                                       Double lower, Double upper, MetricStatus status, String reason) {
        return new MetricResult(id, candidate, pillar, direction, value, lower, upper, status, reason, null, null);
    }

    private static ReportModel.PillarSection fidelity(List<String> names, Random random, int k, int wideColumns) {
        List<MetricResult> metrics = new ArrayList<>();
        Map<String, Double> scores = new LinkedHashMap<>();
        for (String name : names) {
            double ks = round(0.86 + 0.1 * random.nextDouble());
            double tv = round(0.80 + 0.15 * random.nextDouble());
            double corr = round(0.05 + 0.1 * random.nextDouble());
            add(metrics, scores, metric("fidelity.column_shape.ks_complement", name, Pillar.FIDELITY,
                    Direction.HIGHER_IS_BETTER, ks, null, null, MetricStatus.OK, null), ks);
            add(metrics, scores, metric("fidelity.column_pair.tv_complement", name, Pillar.FIDELITY,
                    Direction.HIGHER_IS_BETTER, tv, null, null, MetricStatus.OK, null), tv);
            add(metrics, scores, metric("fidelity.correlation.max_abs_difference", name, Pillar.FIDELITY,
                    Direction.LOWER_IS_BETTER, corr, null, null, MetricStatus.OK, null), round(1 - corr));
            add(metrics, scores, metric("fidelity.column_shape.missing_rate", name, Pillar.FIDELITY,
                    Direction.LOWER_IS_BETTER, null, null, null, MetricStatus.NOT_APPLICABLE,
                    "no nullable numeric column"), null);
        }
        List<String> wideNames = new ArrayList<>();
        if (wideColumns > COLUMNS.length) {
            for (int i = 1; i <= wideColumns; i++) {
                wideNames.add(String.format("col_%03d", i));
            }
        } else {
            wideNames.addAll(List.of(COLUMNS));
        }
        List<String> header = new ArrayList<>(List.of("Candidate"));
        header.addAll(wideNames);
        List<List<String>> rows = new ArrayList<>();
        List<Double> columnScores = new ArrayList<>();
        for (String name : names) {
            List<String> row = new ArrayList<>(List.of(name));
            for (int i = 0; i < wideNames.size(); i++) {
                double score = round(0.7 + 0.3 * random.nextDouble());
                row.add(Fmt.score(score));
                if (name.equals(names.get(Math.min(1, names.size() - 1))) && i < COLUMNS.length) {
                    columnScores.add(score);
                }
            }
            rows.add(row);
        }
        ReportModel.WideTable wide = new ReportModel.WideTable("Per-column shape scores", header, rows);

        List<ReportModel.Chart> charts = new ArrayList<>();
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < columnScores.size(); i++) {
            order.add(i);
        }
        order.sort((a, b) -> Double.compare(columnScores.get(a), columnScores.get(b)));
        charts.add(new ReportModel.Chart("hbar", "Per-column score, sorted ascending", "column", "score",
                order.stream().map(i -> COLUMNS[i]).toList(),
                List.of(new ReportModel.Series("score", order.stream().map(columnScores::get).toList(), null, null)),
                null, null, null, null));
        charts.add(SmallCells.distribution("Distribution of age (binned)", "age",
                List.of("17-22", "23-27", "28-32", "33-37", "38-42", "43-47", "48-52", "53-57", "58-62", "63-67",
                        "68-72", "73-77", "78-82", "83-87", "88-90"),
                new long[] {5200, 5100, 6100, 6300, 6200, 5600, 4300, 3100, 2300, 1500, 800, 300, 120, 12, 7},
                new long[] {5000, 5300, 6000, 6400, 6100, 5500, 4400, 3200, 2200, 1400, 900, 350, 150, 30, 10}, k));
        charts.add(SmallCells.distribution("Distribution of occupation", "occupation",
                List.of("Prof-specialty", "Craft-repair", "Exec-managerial", "Adm-clerical", "Sales", "Other-service",
                        "Machine-op-inspct", "Transport-moving", "Handlers-cleaners", "Farming-fishing",
                        "Tech-support", "Protective-serv", "Priv-house-serv", "Armed-Forces", CANARY_VALUE),
                new long[] {6172, 6112, 6086, 5611, 5504, 4923, 3022, 2355, 2072, 1490, 1446, 983, 242, 8, 1},
                new long[] {6000, 6300, 5900, 5700, 5400, 5100, 3000, 2300, 2100, 1500, 1400, 1000, 260, 20, 3}, k));
        List<String> corrColumns = List.of("age", "education", "occupation", "relationship", "race", "sex",
                "hours_per_week", "income");
        List<List<Double>> real = new ArrayList<>();
        List<List<Double>> synthetic = new ArrayList<>();
        List<List<Double>> difference = new ArrayList<>();
        for (int r = 0; r < corrColumns.size(); r++) {
            List<Double> realRow = new ArrayList<>();
            List<Double> synthRow = new ArrayList<>();
            List<Double> diffRow = new ArrayList<>();
            for (int c = 0; c < corrColumns.size(); c++) {
                double v = r == c ? 1.0 : round(0.5 * Math.sin(1.3 * (r + 1) * (c + 1)));
                double s = r == c ? 1.0 : round(v + 0.08 * (random.nextDouble() - 0.5));
                realRow.add(v);
                synthRow.add(s);
                diffRow.add(round(s - v));
            }
            real.add(realRow);
            synthetic.add(synthRow);
            difference.add(diffRow);
        }
        for (int c = 0; c < corrColumns.size(); c++) {
            for (int r = 0; r < c; r++) {
                real.get(r).set(c, real.get(c).get(r));
                synthetic.get(r).set(c, synthetic.get(c).get(r));
                difference.get(r).set(c, difference.get(c).get(r));
            }
        }
        charts.add(new ReportModel.Chart("heatmap", "Correlation, real", null, null, corrColumns, null, null, real,
                null, null));
        charts.add(new ReportModel.Chart("heatmap", "Correlation, synthetic", null, null, corrColumns, null, null,
                synthetic, null, null));
        charts.add(new ReportModel.Chart("heatmap", "Correlation difference (synthetic - real)", null, null,
                corrColumns, null, null, difference, null, null));
        return new ReportModel.PillarSection("fidelity", "How closely each candidate reproduces column "
                + "distributions and pairwise dependence of the real training table.", metrics, scores,
                List.of(wide), charts);
    }

    private static ReportModel.PillarSection utility(List<String> names, Random random) {
        List<MetricResult> metrics = new ArrayList<>();
        Map<String, Double> scores = new LinkedHashMap<>();
        List<ReportModel.Series> series = new ArrayList<>();
        List<String> models = List.of("logistic regression", "random forest", "gradient boosting");
        series.add(new ReportModel.Series("TRTR (real)", List.of(0.851, 0.858, 0.869), null, null));
        for (String name : names) {
            double auc = round(0.80 + 0.07 * random.nextDouble());
            double gap = round(0.869 - auc);
            add(metrics, scores, metric("utility.tstr.auc", name, Pillar.UTILITY, Direction.HIGHER_IS_BETTER, auc,
                    round(auc - 0.006), round(auc + 0.006), MetricStatus.OK, null), round(auc));
            add(metrics, scores, metric("utility.tstr.gap", name, Pillar.UTILITY, Direction.LOWER_IS_BETTER, gap,
                    null, null, MetricStatus.OK, null), round(1 - gap / 0.5));
            if (name.startsWith("dpgan")) {
                add(metrics, scores, metric("utility.tstr.f1", name, Pillar.UTILITY, Direction.HIGHER_IS_BETTER,
                        null, null, null, MetricStatus.FAILED, "synthetic target has one class"), 0.0);
            }
            series.add(new ReportModel.Series("TSTR " + name, List.of(round(auc - 0.01), round(auc - 0.004), auc),
                    null, null));
        }
        List<ReportModel.Chart> charts = List.of(new ReportModel.Chart("bar", "TSTR against TRTR, AUC on the holdout",
                "classifier", "AUC", models, series, null, null, null, null));
        return new ReportModel.PillarSection("utility", "Train on synthetic, test on real (TSTR) against train on "
                + "real, test on real (TRTR), predicting income on the holdout table.", metrics, scores, List.of(),
                charts);
    }

    private static ReportModel.PillarSection fairness(List<String> names, Random random, int k) {
        List<MetricResult> metrics = new ArrayList<>();
        Map<String, Double> scores = new LinkedHashMap<>();
        for (String name : names) {
            double dp = round(0.02 + 0.05 * random.nextDouble());
            double rep = round(0.01 + 0.03 * random.nextDouble());
            add(metrics, scores, metric("fairness.outcome_rate.max_gap_change", name, Pillar.FAIRNESS,
                    Direction.LOWER_IS_BETTER, dp, null, null, MetricStatus.OK,
                    "2 groups with fewer than " + k + " real records left out"), round(1 - dp * 4));
            add(metrics, scores, metric("fairness.representation.max_abs_difference", name, Pillar.FAIRNESS,
                    Direction.LOWER_IS_BETTER, rep, null, null, MetricStatus.OK, null), round(1 - rep * 5));
        }
        List<String> groups = List.of("White & Male", "White & Female", "Black & Male", "Black & Female",
                "Asian-Pac-Islander & Male", "Asian-Pac-Islander & Female", "Other & Female", CANARY_COMBINATION);
        long[] counts = {19174, 8768, 1569, 1555, 693, 346, 109, 2};
        double[] realRate = {0.318, 0.119, 0.188, 0.058, 0.335, 0.127, 0.091, 1.0};
        double[] synthRate = {0.305, 0.131, 0.176, 0.071, 0.301, 0.144, 0.112, 0.5};
        List<ReportModel.Chart> charts = new ArrayList<>();
        charts.add(SmallCells.groupRates("Income > 50K by race and sex", groups, counts, realRate, synthRate, k));
        double[] realShare = new double[counts.length];
        double[] synthShare = new double[counts.length];
        for (int i = 0; i < counts.length; i++) {
            realShare[i] = round(counts[i] / 32216.0);
            synthShare[i] = round(realShare[i] * (0.9 + 0.2 * random.nextDouble()));
        }
        ReportModel.Chart representation = SmallCells.groupRates("Group representation", groups, counts,
                realShare, synthShare, k);
        charts.add(new ReportModel.Chart("hbar", representation.title(), "group", "share of records",
                representation.categories(), representation.series(), null, null, null, representation.note()));
        return new ReportModel.PillarSection("fairness", "Whether the synthetic data keep the representation and "
                + "the positive-outcome rates of the groups of the protected attributes race and sex.", metrics,
                scores, List.of(), charts);
    }

    private static ReportModel.PillarSection privacy(List<String> names, Random random) {
        List<MetricResult> metrics = new ArrayList<>();
        Map<String, Double> scores = new LinkedHashMap<>();
        List<String> riskNames = List.of("attribute inference", "singling out", "linkability");
        List<Double> risk = new ArrayList<>();
        List<Double> riskLow = new ArrayList<>();
        List<Double> riskHigh = new ArrayList<>();
        List<Double> empirical = new ArrayList<>();
        List<Double> claimed = new ArrayList<>();
        for (String name : names) {
            double auc = name.startsWith("dpgan") ? 0.63 : round(0.5 + 0.02 * random.nextDouble());
            double dcr = round(0.3 + 0.4 * random.nextDouble());
            double eps = round(0.05 + 0.3 * random.nextDouble());
            add(metrics, scores, metric("privacy.membership.auc", name, Pillar.PRIVACY, Direction.LOWER_IS_BETTER,
                    auc, round(auc - 0.011), round(auc + 0.011), MetricStatus.OK, null), round(1 - 2 * (auc - 0.5)));
            add(metrics, scores, metric("privacy.dcr.share_closer_than_holdout", name, Pillar.PRIVACY,
                    Direction.LOWER_IS_BETTER, dcr, null, null, MetricStatus.OK, null), round(1 - Math.abs(dcr - 0.5)));
            add(metrics, scores, metric("privacy.empirical_epsilon.lower_bound", name, Pillar.PRIVACY,
                    Direction.NEUTRAL, eps, null, null, MetricStatus.OK, "claimed epsilon 1"), null);
            empirical.add(eps);
            claimed.add(1.0);
        }
        for (int i = 0; i < riskNames.size(); i++) {
            double r = round(0.02 + 0.06 * random.nextDouble());
            risk.add(r);
            riskLow.add(round(Math.max(0, r - 0.015)));
            riskHigh.add(round(r + 0.015));
        }
        List<ReportModel.Chart> charts = new ArrayList<>();
        List<String> bins = List.of("0-0.1", "0.1-0.2", "0.2-0.3", "0.3-0.4", "0.4-0.5", "0.5-0.6", "0.6-0.8", "0.8-1.0");
        charts.add(new ReportModel.Chart("bar", "Distance to closest record (DCR)", "distance to closest record", "share of records", bins,
                List.of(new ReportModel.Series("synthetic to train", List.of(0.04, 0.11, 0.19, 0.22, 0.18, 0.12, 0.09, 0.05), null, null),
                        new ReportModel.Series("holdout to train", List.of(0.05, 0.12, 0.18, 0.21, 0.18, 0.12, 0.09, 0.05), null, null)),
                null, null, null, null));
        List<Double> fpr = new ArrayList<>();
        List<Double> tpr = new ArrayList<>();
        List<Double> diagonal = new ArrayList<>();
        for (int i = 0; i <= 40; i++) {
            double x = Math.pow(i / 40.0, 2);
            fpr.add(round(x));
            tpr.add(round(Math.min(1, Math.pow(x, 0.96))));
            diagonal.add(round(x));
        }
        charts.add(new ReportModel.Chart("line", "Membership attack ROC", "false positive rate", "true positive rate",
                null, null, List.of(new ReportModel.Line("attack on " + names.get(Math.min(1, names.size() - 1)), fpr, tpr),
                new ReportModel.Line("chance", fpr, diagonal)), null, null, null));
        charts.add(new ReportModel.Chart("line", "Membership attack ROC, low-FPR zoom", "false positive rate",
                "true positive rate", null, null, List.of(new ReportModel.Line("attack", fpr, tpr),
                new ReportModel.Line("chance", fpr, diagonal)), null, 0.1, null));
        charts.add(new ReportModel.Chart("interval", "Attack risks with 95% intervals", "attack", "risk",
                riskNames, List.of(new ReportModel.Series("risk", risk, riskLow, riskHigh)), null, null, null, null));
        charts.add(new ReportModel.Chart("bar", "Empirical epsilon lower bound against claimed epsilon", "candidate",
                "epsilon", names, List.of(new ReportModel.Series("empirical lower bound", empirical, null, null),
                new ReportModel.Series("claimed", claimed, null, null)), null, null, null, null));
        return new ReportModel.PillarSection("privacy", "Empirical attacks on the candidates: membership "
                + "inference, distance to closest record against a holdout reference, attribute inference, singling "
                + "out and linkability, and a lower bound on the epsilon the release behaves like.", metrics, scores,
                List.of(), charts);
    }

    private static ReportModel.Methods methods() {
        List<ReportModel.MetricNote> notes = List.of(
                new ReportModel.MetricNote("fidelity.column_shape.ks_complement",
                        "One minus the Kolmogorov-Smirnov statistic per numeric column, averaged. 1 means identical distributions."),
                new ReportModel.MetricNote("utility.tstr.auc",
                        "AUC on the real holdout of a classifier trained on the synthetic table (TSTR)."),
                new ReportModel.MetricNote("privacy.membership.auc",
                        "AUC of a membership-inference attack; 0.5 is chance, higher means training rows are recognisable."));
        List<String> guarantees = List.of(
                "Differential privacy here protects one row of the table: a person with several rows is protected less, "
                        + "in proportion to the number of rows.",
                "The guarantee covers the synthetic tables and models, not this report.");
        List<String> limitations = List.of(
                "Selection of the recommended candidate by this audit uses the real data and is not covered by DP.",
                "Domains inferred from the data are not covered by DP.",
                "Seeded test-mode output is not private.");
        Map<String, String> reproducibility = new LinkedHashMap<>();
        reproducibility.put("study file", "study.json");
        reproducibility.put("seeds", "audit seed 7, sensitivity seed 7; generator noise from SecureRandom");
        reproducibility.put("versions", "SynthTrust 0.1.0-SNAPSHOT, Java 17");
        return new ReportModel.Methods(notes, guarantees, limitations, reproducibility);
    }

    private static void add(List<MetricResult> metrics, Map<String, Double> scores, MetricResult metric, Double score) {
        metrics.add(metric);
        if (score != null) {
            scores.put(ReportLayout.scoreKey(metric.candidate(), metric.id()), Math.max(0, Math.min(1, round(score))));
        }
    }

    static double round(double value) {
        return Math.round(value * 1000) / 1000.0;
    }
}
