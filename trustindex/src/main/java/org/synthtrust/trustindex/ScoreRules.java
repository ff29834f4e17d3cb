package org.synthtrust.trustindex;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.synthtrust.audit.Direction;
import org.synthtrust.audit.MetricResult;

/**
 * Per-metric rules that turn an audit value into a score in [0, 1], higher is better. This table is the single
 * place the rules live; {@code docs/trust-index.md} lists the same table and {@link #table()} prints it.
 *
 * <p>The attack rules follow Belgodere et al. (2023), "Auditing and Generating Synthetic Data with
 * Controllable Trust Trade-offs": an attack AUC of 0.5 is a coin toss and scores 1. A membership attack only
 * hurts above 0.5 ({@code 1 - 2 max(0, AUC - 0.5)}), while a detection classifier that is reliably wrong also
 * distinguishes the tables ({@code 1 - 2 |AUC - 0.5|}).
 *
 * <p>A metric without an entry falls back on its direction: a higher-is-better value is clipped to [0, 1], a
 * lower-is-better value scores {@code 1 - value} clipped, and a neutral value is left out with a note.
 */
public final class ScoreRules {

    /** Role of a rule in the two normalisations. */
    public enum Kind {
        /** The absolute rule gives the score; relative normalisation ranks candidates by that score. */
        SCORED,
        /** A reference value used by other rules or by constraints, never scored itself. */
        REFERENCE,
        /** No absolute scale exists: left out under absolute normalisation, ranked by direction under relative. */
        RELATIVE_ONLY
    }

    /** Score of one value, or no score with the reason it was left out. */
    public record Outcome(Double score, String note) {
        static Outcome of(double score) {
            return new Outcome(clip(score), null);
        }

        static Outcome leftOut(String note) {
            return new Outcome(null, note);
        }
    }

    @FunctionalInterface
    interface Formula {
        /** Scores {@code value} given the candidate's other OK values keyed by metric id. */
        Outcome apply(double value, Map<String, Double> candidateValues);
    }

    /** One row of the rule table. */
    public record Rule(String metricId, Kind kind, String formula, Direction direction, Formula function) {
        public Outcome score(double value, Map<String, Double> candidateValues) {
            if (kind != Kind.SCORED) {
                return Outcome.leftOut(kind == Kind.REFERENCE
                        ? "reference value, not scored"
                        : "no absolute scale, scored only under relative normalisation");
            }
            return function.apply(value, candidateValues);
        }
    }

    public static final String CLAIMED_EPSILON = "privacy.claimed.epsilon";
    public static final String EXACT_MATCH_RATE = "privacy.exact_match.rate";
    public static final String EXACT_MATCH_HOLDOUT_RATE = "privacy.exact_match.holdout_rate";
    public static final String EPSILON_AUDIT_LOWER_BOUND = "privacy.epsilon_audit.lower_bound";
    public static final String TSTR_AUC = "utility.tstr.auc";
    public static final String TRTR_AUC = "utility.trtr.auc";
    public static final String TSTR_R2 = "utility.tstr.r2";
    public static final String TRTR_R2 = "utility.trtr.r2";

    private static final Map<String, Rule> RULES = new LinkedHashMap<>();

    static {
        for (int order = 1; order <= 3; order++) {
            oneMinus("fidelity.marginal" + order + ".tvd_mean");
            oneMinus("fidelity.marginal" + order + ".tvd_max");
        }
        identity("fidelity.column_shape.ks_complement");
        identity("fidelity.column_shape.tv_complement");
        identity("fidelity.column_pair.correlation_similarity");
        identity("fidelity.column_pair.contingency_similarity");
        identity("fidelity.kmarginal.score");
        add("fidelity.detection.auc", Kind.SCORED, "1 - 2 |AUC - 0.5|", Direction.NEUTRAL,
                (v, others) -> Outcome.of(1 - 2 * Math.abs(v - 0.5)));

        add(TSTR_AUC, Kind.SCORED, "(AUC_TSTR - 0.5) / (AUC_TRTR - 0.5), clipped to [0, 1]; "
                + "not applicable when AUC_TRTR <= 0.5", Direction.HIGHER_IS_BETTER, ScoreRules::tstrAuc);
        add(TRTR_AUC, Kind.REFERENCE, "reference for utility.tstr.auc", Direction.HIGHER_IS_BETTER, null);
        add(TSTR_R2, Kind.SCORED, "R2_TSTR / R2_TRTR, clipped to [0, 1]; not applicable when R2_TRTR <= 0",
                Direction.HIGHER_IS_BETTER, ScoreRules::tstrR2);
        add(TRTR_R2, Kind.REFERENCE, "reference for utility.tstr.r2", Direction.HIGHER_IS_BETTER, null);

        oneMinus("fairness.demographic_parity.difference");
        oneMinus("fairness.equalized_odds.difference");

        add("privacy.dcr.median", Kind.RELATIVE_ONLY, "no absolute scale (a distance in the encoded space); "
                + "relative: larger is better", Direction.HIGHER_IS_BETTER, null);
        add("privacy.dcr.closer_to_train_share", Kind.SCORED, "1 - 2 max(0, share - 0.5)",
                Direction.LOWER_IS_BETTER, (v, others) -> Outcome.of(1 - 2 * Math.max(0, v - 0.5)));
        add(EXACT_MATCH_RATE, Kind.SCORED, "1 - max(0, rate - holdout_rate) / (1 - holdout_rate); "
                + "1 - rate when the holdout rate is missing", Direction.LOWER_IS_BETTER, ScoreRules::exactMatch);
        add(EXACT_MATCH_HOLDOUT_RATE, Kind.REFERENCE, "reference for privacy.exact_match.rate",
                Direction.NEUTRAL, null);
        identity("privacy.new_row.share");
        add(CLAIMED_EPSILON, Kind.SCORED, "1 / (1 + epsilon); a candidate without a differential privacy "
                + "claim has this metric failed and scores 0", Direction.LOWER_IS_BETTER,
                (v, others) -> Outcome.of(1 / (1 + v)));
        membership("privacy.mia.distance.auc");
        membership("privacy.mia.density.auc");
        membership("privacy.mia.shadow.auc");
        oneMinus("privacy.attribute_inference.accuracy");
        oneMinus("privacy.singling_out.risk");
        oneMinus("privacy.linkability.risk");
        oneMinus("privacy.attribute_inference.risk");
        add(EPSILON_AUDIT_LOWER_BOUND, Kind.REFERENCE, "checked by the constraint lower_bound <= epsilon",
                Direction.LOWER_IS_BETTER, null);
    }

    private ScoreRules() {
    }

    private static void add(String id, Kind kind, String formula, Direction direction, Formula function) {
        RULES.put(id, new Rule(id, kind, formula, direction, function));
    }

    private static void identity(String id) {
        add(id, Kind.SCORED, "value", Direction.HIGHER_IS_BETTER, (v, others) -> Outcome.of(v));
    }

    private static void oneMinus(String id) {
        add(id, Kind.SCORED, "1 - value", Direction.LOWER_IS_BETTER, (v, others) -> Outcome.of(1 - v));
    }

    private static void membership(String id) {
        add(id, Kind.SCORED, "1 - 2 max(0, AUC - 0.5)", Direction.LOWER_IS_BETTER,
                (v, others) -> Outcome.of(1 - 2 * Math.max(0, v - 0.5)));
    }

    private static Outcome tstrAuc(double tstr, Map<String, Double> others) {
        Double trtr = others.get(TRTR_AUC);
        if (trtr == null) {
            return Outcome.leftOut("utility.trtr.auc is missing, so the TSTR AUC has no reference");
        }
        if (trtr <= 0.5) {
            return Outcome.leftOut("the model trained on real data has AUC " + trtr + " <= 0.5, "
                    + "so the TSTR ratio is undefined");
        }
        return Outcome.of((tstr - 0.5) / (trtr - 0.5));
    }

    private static Outcome tstrR2(double tstr, Map<String, Double> others) {
        Double trtr = others.get(TRTR_R2);
        if (trtr == null) {
            return Outcome.leftOut("utility.trtr.r2 is missing, so the TSTR R2 has no reference");
        }
        if (trtr <= 0) {
            return Outcome.leftOut("the model trained on real data has R2 " + trtr + " <= 0, "
                    + "so the TSTR ratio is undefined");
        }
        return Outcome.of(tstr / trtr);
    }

    private static Outcome exactMatch(double rate, Map<String, Double> others) {
        Double holdout = others.get(EXACT_MATCH_HOLDOUT_RATE);
        if (holdout == null) {
            return Outcome.of(1 - rate);
        }
        if (holdout >= 1) {
            return Outcome.of(1);
        }
        return Outcome.of(1 - Math.max(0, rate - holdout) / (1 - holdout));
    }

    static double clip(double score) {
        return Math.max(0, Math.min(1, score));
    }

    /** Returns the rule for a metric id, or a fallback rule built from the result's direction. */
    public static Rule ruleFor(MetricResult result) {
        Rule rule = RULES.get(result.id());
        if (rule != null) {
            return rule;
        }
        Direction direction = result.direction() == null ? Direction.NEUTRAL : result.direction();
        return switch (direction) {
            case HIGHER_IS_BETTER -> new Rule(result.id(), Kind.SCORED, "value clipped to [0, 1] (fallback)",
                    direction, (v, others) -> Outcome.of(v));
            case LOWER_IS_BETTER -> new Rule(result.id(), Kind.SCORED, "1 - value clipped to [0, 1] (fallback)",
                    direction, (v, others) -> Outcome.of(1 - v));
            case NEUTRAL -> new Rule(result.id(), Kind.REFERENCE, "neutral metric without a rule, not scored",
                    direction, null);
        };
    }

    /** Returns the documented rules in table order. */
    public static List<Rule> table() {
        return Collections.unmodifiableList(new ArrayList<>(RULES.values()));
    }

    /** Formats the rule table as Markdown, the form {@code docs/trust-index.md} shows. */
    public static String markdownTable() {
        StringBuilder text = new StringBuilder("| metric id | kind | score |\n|---|---|---|\n");
        for (Rule rule : RULES.values()) {
            text.append("| `").append(rule.metricId()).append("` | ")
                    .append(rule.kind().name().toLowerCase(java.util.Locale.ROOT)).append(" | ")
                    .append(rule.formula().replace("|", "\\|")).append(" |\n");
        }
        return text.toString();
    }
}
