package org.synthtrust.trustindex;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.synthtrust.audit.Direction;
import org.synthtrust.audit.MetricResult;
import org.synthtrust.audit.MetricStatus;
import org.synthtrust.audit.Pillar;
import org.synthtrust.trustindex.Ranking.CandidateScore;
import org.synthtrust.trustindex.Ranking.MetricScore;
import org.synthtrust.trustindex.Ranking.PillarScore;

/**
 * The trust index of Belgodere et al. (2023), "Auditing and Generating Synthetic Data with Controllable Trust
 * Trade-offs": metric scores in [0, 1], pillar scores as weighted geometric means of their metric scores, and
 * the index as a weighted geometric (or arithmetic) mean of the pillar scores under the analyst's weights.
 *
 * <p>Deliberate extensions: an absolute normalisation next to the paper's relative one, hard constraints that
 * disqualify a candidate whatever its index, a robustness pillar from repeated private runs, a Pareto front and
 * a Dirichlet weight sensitivity. Ranking reads audit results only, so re-ranking never recomputes the audit.
 *
 * <p>Status handling: {@code not_applicable} and {@code error} results are left out with a note; {@code failed}
 * results score 0, which zeroes their pillar under the geometric mean. A pillar with no scored metric is left
 * out and the remaining pillar weights are renormalised, with a note on the candidate.
 */
public final class TrustIndex {

    /**
     * Lowest score a computed metric contributes to a pillar's geometric mean. One metric at its worst value
     * (a maximum TVD of 1 on a tiny table, say) would otherwise zero the whole pillar and hide every other
     * metric. A failed metric still contributes exactly 0, because the candidate is defective for that purpose.
     */
    public static final double SCORE_FLOOR = 0.01;

    private static final String SCORED = "scored";
    private static final String FAILED = "failed";
    private static final String LEFT_OUT = "left_out";
    private static final String REFERENCE = "reference";

    private TrustIndex() {
    }

    /** Per-metric summary of one candidate before normalisation. */
    private static final class MetricSummary {
        final String id;
        final TrustPillar pillar;
        final ScoreRules.Kind kind;
        /** Absolute score per repeat, NaN where the repeat gave none. */
        final double[] absoluteByRepeat;
        /** Whether the metric failed in each repeat. */
        final boolean[] failedByRepeat;
        Double meanValue;
        Double meanAbsolute;
        /** Mean raw value oriented so higher is better, for relative-only metrics. */
        Double meanOriented;
        boolean allFailed;
        final List<String> notes = new ArrayList<>();
        Double finalScore;
        String status;

        MetricSummary(String id, TrustPillar pillar, ScoreRules.Kind kind, int repeats) {
            this.id = id;
            this.pillar = pillar;
            this.kind = kind;
            this.absoluteByRepeat = new double[repeats];
            this.failedByRepeat = new boolean[repeats];
            java.util.Arrays.fill(absoluteByRepeat, Double.NaN);
        }

        /** Key by which relative normalisation orders candidates, or null when outside the pool. */
        Double relativeKey() {
            if (allFailed) {
                return null;
            }
            return kind == ScoreRules.Kind.RELATIVE_ONLY ? meanOriented : meanAbsolute;
        }
    }

    /** Scores, constrains and ranks the candidates; the audit results are only read. */
    public static Ranking rank(List<CandidateResults> candidates, TrustSettings settings) {
        List<Constraint> constraints = settings.parsedConstraints();
        Map<String, List<MetricSummary>> summaries = new LinkedHashMap<>();
        Set<String> names = new LinkedHashSet<>();
        for (CandidateResults candidate : candidates) {
            if (!names.add(candidate.name())) {
                throw new org.synthtrust.core.InvalidInputException("candidate name '" + candidate.name()
                        + "' appears twice; give every candidate a unique name");
            }
            if (candidate.error() == null && !candidate.repeats().isEmpty()) {
                summaries.put(candidate.name(), summarise(candidate));
            }
        }

        normalise(summaries, settings.normalisation());

        List<CandidateScore> scored = new ArrayList<>();
        for (CandidateResults candidate : candidates) {
            List<MetricSummary> metrics = summaries.get(candidate.name());
            scored.add(metrics == null ? failedCandidate(candidate, settings)
                    : scoreCandidate(candidate, metrics, settings, constraints));
        }

        List<CandidateScore> ordered = order(scored);
        List<String> front = ParetoFront.front(ordered, settings.weights());
        Map<String, WeightSensitivity.Result> sensitivity = WeightSensitivity.analyse(ordered, settings);
        List<CandidateScore> finished = new ArrayList<>();
        for (CandidateScore candidate : ordered) {
            WeightSensitivity.Result result = sensitivity.get(candidate.name());
            finished.add(new CandidateScore(candidate.name(), candidate.rank(), candidate.index(),
                    candidate.epsilon(), candidate.repeats(), candidate.disqualified(),
                    candidate.disqualificationReasons(), front.contains(candidate.name()),
                    result == null ? null : result.probabilityFirst(),
                    result == null ? null : result.rankLow(), result == null ? null : result.rankHigh(),
                    candidate.pillars(), candidate.metrics(), candidate.constraints(), candidate.notes(),
                    candidate.error()));
        }

        boolean allDisqualified = !finished.isEmpty() && finished.stream().allMatch(CandidateScore::disqualified);
        List<String> applied = constraints.stream().map(Constraint::expression).toList();
        return new Ranking(settings.normalisation(), settings.aggregation(), settings.profile(),
                settings.weightsById(), applied, settings.defaultConstraints(), settings.sensitivity(), finished,
                front, allDisqualified, rankingNotes(settings));
    }

    private static List<String> rankingNotes(TrustSettings settings) {
        List<String> notes = new ArrayList<>();
        if (settings.normalisation() == Normalisation.RELATIVE) {
            notes.add("Scores are relative to this pool of candidates (mid-rank empirical CDF); adding or "
                    + "removing a candidate changes them.");
        } else {
            notes.add("Scores use the absolute per-metric rules, so they do not depend on the other candidates.");
        }
        notes.add("Pillar scores are weighted geometric means of metric scores; the index is a weighted "
                + settings.aggregation().id() + " mean of pillar scores.");
        return notes;
    }

    private static List<MetricSummary> summarise(CandidateResults candidate) {
        int repeats = candidate.repeats().size();
        List<Map<String, MetricResult>> byRepeat = new ArrayList<>();
        List<Map<String, Double>> okValues = new ArrayList<>();
        Map<String, MetricResult> firstById = new LinkedHashMap<>();
        for (List<MetricResult> results : candidate.repeats()) {
            Map<String, MetricResult> byId = new LinkedHashMap<>();
            Map<String, Double> values = new LinkedHashMap<>();
            for (MetricResult result : results) {
                if (byId.putIfAbsent(result.id(), result) == null && result.isOk()) {
                    values.put(result.id(), result.value());
                }
                firstById.putIfAbsent(result.id(), result);
            }
            byRepeat.add(byId);
            okValues.add(values);
        }

        List<MetricSummary> summaries = new ArrayList<>();
        for (MetricResult first : firstById.values()) {
            ScoreRules.Rule rule = ScoreRules.ruleFor(first);
            MetricSummary summary = new MetricSummary(first.id(), pillarOf(first), rule.kind(), repeats);
            double valueSum = 0;
            int valueCount = 0;
            int failedCount = 0;
            int scoredCount = 0;
            for (int r = 0; r < repeats; r++) {
                MetricResult result = byRepeat.get(r).get(first.id());
                if (result == null) {
                    continue;
                }
                String where = repeats > 1 ? " (repeat " + (r + 1) + ")" : "";
                switch (result.status()) {
                    case OK -> {
                        valueSum += result.value();
                        valueCount++;
                        if (rule.kind() == ScoreRules.Kind.SCORED) {
                            ScoreRules.Outcome outcome = rule.score(result.value(), okValues.get(r),
                                    result.breakdown());
                            if (outcome.score() != null) {
                                summary.absoluteByRepeat[r] = outcome.score();
                                scoredCount++;
                                if (outcome.note() != null) {
                                    addNote(summary, outcome.note() + where);
                                }
                            } else {
                                addNote(summary, "not applicable" + where + ": " + outcome.note());
                            }
                        }
                    }
                    case FAILED -> {
                        summary.absoluteByRepeat[r] = 0;
                        summary.failedByRepeat[r] = true;
                        failedCount++;
                        scoredCount++;
                        addNote(summary, "failed" + where + ", scored 0: " + result.reason());
                    }
                    case NOT_APPLICABLE -> addNote(summary, "not applicable" + where + ": " + result.reason());
                    case ERROR -> addNote(summary, "error" + where + ", left out: " + result.reason());
                }
            }
            if (valueCount > 0) {
                summary.meanValue = valueSum / valueCount;
                if (rule.kind() == ScoreRules.Kind.RELATIVE_ONLY) {
                    boolean lower = rule.direction() == Direction.LOWER_IS_BETTER;
                    summary.meanOriented = lower ? -summary.meanValue : summary.meanValue;
                }
            }
            if (scoredCount > 0) {
                double sum = 0;
                for (double score : summary.absoluteByRepeat) {
                    if (!Double.isNaN(score)) {
                        sum += score;
                    }
                }
                summary.meanAbsolute = sum / scoredCount;
                summary.allFailed = failedCount == scoredCount;
            }
            summaries.add(summary);
        }
        return summaries;
    }

    private static void addNote(MetricSummary summary, String note) {
        if (!summary.notes.contains(note)) {
            summary.notes.add(note);
        }
    }

    private static TrustPillar pillarOf(MetricResult result) {
        if (result.pillar() != null) {
            return TrustPillar.of(result.pillar());
        }
        String prefix = result.id().substring(0, Math.max(0, result.id().indexOf('.')));
        return TrustPillar.of(Pillar.valueOf(prefix.toUpperCase(Locale.ROOT)));
    }

    /** Sets each summary's final score and status under the chosen normalisation. */
    private static void normalise(Map<String, List<MetricSummary>> summaries, Normalisation normalisation) {
        Map<String, List<Double>> pools = new LinkedHashMap<>();
        if (normalisation == Normalisation.RELATIVE) {
            for (List<MetricSummary> metrics : summaries.values()) {
                for (MetricSummary summary : metrics) {
                    Double key = summary.relativeKey();
                    if (key != null && summary.kind != ScoreRules.Kind.REFERENCE) {
                        pools.computeIfAbsent(summary.id, id -> new ArrayList<>()).add(key);
                    }
                }
            }
        }
        for (List<MetricSummary> metrics : summaries.values()) {
            for (MetricSummary summary : metrics) {
                if (summary.kind == ScoreRules.Kind.REFERENCE) {
                    summary.status = REFERENCE;
                } else if (summary.allFailed) {
                    summary.finalScore = 0.0;
                    summary.status = FAILED;
                } else if (normalisation == Normalisation.RELATIVE && summary.relativeKey() != null) {
                    summary.finalScore = midRankCdf(summary.relativeKey(), pools.get(summary.id));
                    summary.status = SCORED;
                } else if (normalisation == Normalisation.ABSOLUTE && summary.meanAbsolute != null) {
                    summary.finalScore = summary.meanAbsolute;
                    summary.status = SCORED;
                } else {
                    if (summary.kind == ScoreRules.Kind.RELATIVE_ONLY && summary.meanValue != null) {
                        addNote(summary, "no absolute scale, scored only under relative normalisation");
                    }
                    summary.status = LEFT_OUT;
                }
            }
        }
    }

    /**
     * Returns the mid-rank empirical CDF {@code (rank - 0.5) / N} of {@code value} within {@code pool}, where
     * tied values share the mean of their ranks and rank 1 is the worst.
     */
    static double midRankCdf(double value, List<Double> pool) {
        int below = 0;
        int equal = 0;
        for (double other : pool) {
            if (other < value) {
                below++;
            } else if (other == value) {
                equal++;
            }
        }
        double rank = below + (equal + 1) / 2.0;
        return (rank - 0.5) / pool.size();
    }

    private static CandidateScore failedCandidate(CandidateResults candidate, TrustSettings settings) {
        String reason = candidate.error() != null ? "failed: " + candidate.error() : "no audit results";
        return new CandidateScore(candidate.name(), null, null, candidate.epsilon(), candidate.repeats().size(),
                true, List.of(reason), false, null, null, null, Map.of(), List.of(), List.of(), List.of(),
                candidate.error());
    }

    private static CandidateScore scoreCandidate(CandidateResults candidate, List<MetricSummary> metrics,
                                                 TrustSettings settings, List<Constraint> constraints) {
        List<String> notes = new ArrayList<>();
        Map<TrustPillar, Double> pillarScores = new EnumMap<>(TrustPillar.class);
        Map<TrustPillar, Integer> pillarCounts = new EnumMap<>(TrustPillar.class);
        Map<TrustPillar, double[]> repeatScores = new EnumMap<>(TrustPillar.class);
        int repeats = candidate.repeats().size();

        for (Pillar auditPillar : Pillar.values()) {
            TrustPillar pillar = TrustPillar.of(auditPillar);
            List<Double> scores = new ArrayList<>();
            List<Double> weights = new ArrayList<>();
            List<MetricSummary> members = new ArrayList<>();
            for (MetricSummary summary : metrics) {
                double weight = settings.metricWeights().getOrDefault(summary.id, 1.0);
                if (summary.pillar == pillar && summary.finalScore != null && weight > 0) {
                    scores.add(FAILED.equals(summary.status) ? 0.0 : Math.max(SCORE_FLOOR, summary.finalScore));
                    weights.add(weight);
                    members.add(summary);
                }
            }
            if (scores.isEmpty()) {
                if (settings.weights().get(pillar) > 0) {
                    notes.add("pillar " + pillar.id() + " has no applicable metric; it is left out and the "
                            + "other pillar weights are renormalised");
                }
                continue;
            }
            pillarScores.put(pillar, Aggregation.GEOMETRIC.combine(toArray(scores), toArray(weights)));
            pillarCounts.put(pillar, scores.size());
            repeatScores.put(pillar, pillarByRepeat(members, weights, repeats));
        }

        Double robustness = robustness(repeatScores, repeats);
        if (robustness != null) {
            pillarScores.put(TrustPillar.ROBUSTNESS, robustness);
            pillarCounts.put(TrustPillar.ROBUSTNESS, repeatScores.size());
        } else if (settings.weights().get(TrustPillar.ROBUSTNESS) > 0) {
            notes.add("pillar robustness needs at least 2 repeats; it is left out and the other pillar weights "
                    + "are renormalised");
        }

        Double index = index(pillarScores, settings.weights(), settings.aggregation());
        Map<String, PillarScore> pillars = pillarBreakdown(pillarScores, pillarCounts, repeatScores, settings);

        List<MetricScore> metricScores = new ArrayList<>();
        for (MetricSummary summary : metrics) {
            double min = Double.NaN;
            double max = Double.NaN;
            for (double score : summary.absoluteByRepeat) {
                if (!Double.isNaN(score)) {
                    min = Double.isNaN(min) ? score : Math.min(min, score);
                    max = Double.isNaN(max) ? score : Math.max(max, score);
                }
            }
            metricScores.add(new MetricScore(summary.id, summary.pillar, summary.meanValue, summary.finalScore,
                    Double.isNaN(min) ? null : min, Double.isNaN(max) ? null : max, summary.status,
                    summary.notes.isEmpty() ? null : String.join("; ", summary.notes)));
        }

        List<Constraint.Check> checks = new ArrayList<>();
        List<String> reasons = new ArrayList<>();
        Constraint.Operands operands = operands(candidate, metrics, settings);
        for (Constraint constraint : constraints) {
            Constraint.Check check = constraint.evaluate(operands);
            checks.add(check);
            if (check.outcome() == Constraint.Outcome.VIOLATED) {
                reasons.add(describeViolation(check));
            }
        }
        if (index == null) {
            reasons.add("no pillar with a positive weight could be scored");
        }
        return new CandidateScore(candidate.name(), null, index, candidate.epsilon(), repeats, !reasons.isEmpty(),
                reasons, false, null, null, null, pillars, metricScores, checks, notes, null);
    }

    private static String describeViolation(Constraint.Check check) {
        StringBuilder text = new StringBuilder("violates " + check.expression());
        if (check.left() != null && check.right() != null) {
            text.append(String.format(Locale.ROOT, " (%.4g vs %.4g)", check.left(), check.right()));
        }
        if (check.detail() != null) {
            text.append(": ").append(check.detail());
        }
        return text.toString();
    }

    private static Constraint.Operands operands(CandidateResults candidate, List<MetricSummary> metrics,
                                                TrustSettings settings) {
        Map<String, Double> values = new LinkedHashMap<>();
        for (MetricSummary summary : metrics) {
            if (summary.meanValue != null) {
                values.put(summary.id, summary.meanValue);
            }
        }
        Integer rows = settings.holdoutRows() != null ? settings.holdoutRows() : holdoutRowsFromResults(candidate);
        return new Constraint.Operands() {
            @Override
            public Double epsilon() {
                return candidate.epsilon();
            }

            @Override
            public Double metric(String id) {
                return values.get(id);
            }

            @Override
            public Integer holdoutRows() {
                return rows;
            }
        };
    }

    /** Reads the holdout row count the exact-match metric may record in its breakdown. */
    private static Integer holdoutRowsFromResults(CandidateResults candidate) {
        for (List<MetricResult> results : candidate.repeats()) {
            for (MetricResult result : results) {
                if (result.id().equals(ScoreRules.EXACT_MATCH_HOLDOUT_RATE) && result.breakdown() != null) {
                    for (String key : List.of("holdout_rows", "rows", "n")) {
                        Double rows = result.breakdown().get(key);
                        if (rows != null && rows > 0) {
                            return (int) Math.round(rows);
                        }
                    }
                }
            }
        }
        return null;
    }

    /** Returns the pillar score of each repeat from its absolute metric scores, NaN where none was scored. */
    private static double[] pillarByRepeat(List<MetricSummary> members, List<Double> weights, int repeats) {
        double[] byRepeat = new double[repeats];
        for (int r = 0; r < repeats; r++) {
            List<Double> scores = new ArrayList<>();
            List<Double> used = new ArrayList<>();
            for (int m = 0; m < members.size(); m++) {
                double score = members.get(m).absoluteByRepeat[r];
                if (!Double.isNaN(score)) {
                    scores.add(members.get(m).failedByRepeat[r] ? 0.0 : Math.max(SCORE_FLOOR, score));
                    used.add(weights.get(m));
                }
            }
            byRepeat[r] = scores.isEmpty() ? Double.NaN : Aggregation.GEOMETRIC.combine(toArray(scores),
                    toArray(used));
        }
        return byRepeat;
    }

    /**
     * Returns the robustness score: 1 minus the mean, over the audit pillars, of the range (highest minus
     * lowest) of the pillar score across repeats, so identical repeats score 1. Null with fewer than 2 repeats.
     */
    static Double robustness(Map<TrustPillar, double[]> repeatScores, int repeats) {
        if (repeats < 2) {
            return null;
        }
        double rangeSum = 0;
        int pillars = 0;
        for (double[] scores : repeatScores.values()) {
            double min = Double.POSITIVE_INFINITY;
            double max = Double.NEGATIVE_INFINITY;
            int defined = 0;
            for (double score : scores) {
                if (!Double.isNaN(score)) {
                    min = Math.min(min, score);
                    max = Math.max(max, score);
                    defined++;
                }
            }
            if (defined >= 2) {
                rangeSum += max - min;
                pillars++;
            }
        }
        return pillars == 0 ? null : ScoreRules.clip(1 - rangeSum / pillars);
    }

    /** Combines the pillar scores with the weights renormalised over the pillars present; null if none. */
    static Double index(Map<TrustPillar, Double> pillarScores, Map<TrustPillar, Double> weights,
                        Aggregation aggregation) {
        List<Double> scores = new ArrayList<>();
        List<Double> used = new ArrayList<>();
        for (Map.Entry<TrustPillar, Double> entry : pillarScores.entrySet()) {
            double weight = weights.getOrDefault(entry.getKey(), 0.0);
            if (weight > 0) {
                scores.add(entry.getValue());
                used.add(weight);
            }
        }
        if (scores.isEmpty()) {
            return null;
        }
        return aggregation.combine(toArray(scores), toArray(used));
    }

    private static Map<String, PillarScore> pillarBreakdown(Map<TrustPillar, Double> pillarScores,
                                                            Map<TrustPillar, Integer> counts,
                                                            Map<TrustPillar, double[]> repeatScores,
                                                            TrustSettings settings) {
        double weightSum = 0;
        for (TrustPillar pillar : pillarScores.keySet()) {
            weightSum += settings.weights().get(pillar);
        }
        Map<String, PillarScore> pillars = new LinkedHashMap<>();
        for (Map.Entry<TrustPillar, Double> entry : pillarScores.entrySet()) {
            TrustPillar pillar = entry.getKey();
            Double min = null;
            Double max = null;
            double[] byRepeat = repeatScores.get(pillar);
            if (byRepeat != null && byRepeat.length > 1) {
                for (double score : byRepeat) {
                    if (!Double.isNaN(score)) {
                        min = min == null ? score : Math.min(min, score);
                        max = max == null ? score : Math.max(max, score);
                    }
                }
            }
            double weight = weightSum > 0 ? settings.weights().get(pillar) / weightSum : 0;
            pillars.put(pillar.id(), new PillarScore(pillar, entry.getValue(), weight, counts.get(pillar), min,
                    max));
        }
        return pillars;
    }

    /** Orders qualified candidates by index (ties by name) and gives them ranks; disqualified ones follow. */
    private static List<CandidateScore> order(List<CandidateScore> scored) {
        Comparator<CandidateScore> byIndex = Comparator.comparing((CandidateScore c) -> c.index() == null
                ? Double.NEGATIVE_INFINITY : c.index()).reversed().thenComparing(CandidateScore::name);
        List<CandidateScore> qualified = new ArrayList<>(scored.stream().filter(c -> !c.disqualified()).toList());
        List<CandidateScore> disqualified = new ArrayList<>(scored.stream().filter(CandidateScore::disqualified)
                .toList());
        qualified.sort(byIndex);
        disqualified.sort(byIndex);
        List<CandidateScore> ordered = new ArrayList<>();
        int rank = 1;
        for (CandidateScore c : qualified) {
            ordered.add(new CandidateScore(c.name(), rank++, c.index(), c.epsilon(), c.repeats(), false,
                    c.disqualificationReasons(), false, null, null, null, c.pillars(), c.metrics(),
                    c.constraints(), c.notes(), c.error()));
        }
        ordered.addAll(disqualified);
        return ordered;
    }

    static double[] toArray(List<Double> values) {
        double[] array = new double[values.size()];
        for (int i = 0; i < array.length; i++) {
            array[i] = values.get(i);
        }
        return array;
    }
}
