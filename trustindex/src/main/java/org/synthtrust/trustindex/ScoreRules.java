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
 * place the rules live; {@code docs/trust-index.md} lists the same table and {@link #markdownTable()} prints it.
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
        /**
         * Scores {@code value} given the candidate's other OK values keyed by metric id and the result's own
         * breakdown (per-column or per-secret values).
         */
        Outcome apply(double value, Map<String, Double> candidateValues, Map<String, Double> breakdown);
    }

    /** One row of the rule table. */
    public record Rule(String metricId, Kind kind, String formula, Direction direction, Formula function) {
        public Outcome score(double value, Map<String, Double> candidateValues) {
            return score(value, candidateValues, Map.of());
        }

        /** Scores a value; {@code breakdown} is the result's breakdown, which a few rules read. */
        public Outcome score(double value, Map<String, Double> candidateValues, Map<String, Double> breakdown) {
            if (kind != Kind.SCORED) {
                return Outcome.leftOut(kind == Kind.REFERENCE
                        ? "reference value, not scored"
                        : "no absolute scale, scored only under relative normalisation");
            }
            return function.apply(value, candidateValues, breakdown == null ? Map.of() : breakdown);
        }
    }

    public static final String CLAIMED_EPSILON = "privacy.claimed.epsilon";
    public static final String EXACT_MATCH_RATE = "privacy.exact_match.rate";
    public static final String EXACT_MATCH_HOLDOUT_RATE = "privacy.exact_match.holdout_rate";
    public static final String EPSILON_AUDIT_LOWER_BOUND = "privacy.epsilon_audit.lower_bound";
    public static final String DCR_HOLDOUT_MEDIAN = "privacy.dcr.holdout_median";
    public static final String TSTR_AUC = "utility.tstr.auc";
    private static final String TRTR_AUC = "utility.trtr.auc";
    public static final String TSTR_R2 = "utility.tstr.r2";
    private static final String TRTR_R2 = "utility.trtr.r2";

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
        add("fidelity.column_pair.association_difference", Kind.SCORED, "1 - value / 2 (the value lies in [0, 2])",
                Direction.LOWER_IS_BETTER, (v, others, breakdown) -> Outcome.of(1 - v / 2));
        add("fidelity.kmarginal.score", Kind.SCORED, "value / 1000 (the NIST score lies in [0, 1000])",
                Direction.HIGHER_IS_BETTER, (v, others, breakdown) -> Outcome.of(v / 1000));
        add("fidelity.detection.auc", Kind.SCORED, "1 - 2 |AUC - 0.5|", Direction.NEUTRAL,
                (v, others, breakdown) -> Outcome.of(1 - 2 * Math.abs(v - 0.5)));
        reference("fidelity.detection.score", "repeats the fidelity.detection.auc score");
        reference("fidelity.detection.pmse", "measures the same detection classifier as fidelity.detection.auc");

        add(TSTR_AUC, Kind.SCORED, "(AUC_TSTR - 0.5) / (AUC_TRTR - 0.5), clipped to [0, 1]; "
                + "not applicable when AUC_TRTR <= 0.5", Direction.HIGHER_IS_BETTER, ScoreRules::tstrAuc);
        add(TSTR_R2, Kind.SCORED, "R2_TSTR / R2_TRTR, clipped to [0, 1]; not applicable when R2_TRTR <= 0",
                Direction.HIGHER_IS_BETTER, ScoreRules::tstrR2);
        ratio("utility.tstr.accuracy", "utility.trtr.accuracy", "accuracy_TSTR / accuracy_TRTR");
        ratio("utility.tstr.f1_macro", "utility.trtr.f1_macro", "F1_TSTR / F1_TRTR");
        add("utility.tstr.rmse", Kind.SCORED, "RMSE_TRTR / RMSE_TSTR, clipped to [0, 1]",
                Direction.LOWER_IS_BETTER, (v, others, breakdown) -> {
                    Double trtr = others.get("utility.trtr.rmse");
                    if (trtr == null) {
                        return Outcome.leftOut("utility.trtr.rmse is missing, so the TSTR RMSE has no reference");
                    }
                    return v <= 0 ? Outcome.of(1) : Outcome.of(trtr / v);
                });
        for (String measure : new String[] {"auc", "r2", "accuracy", "f1_macro", "rmse"}) {
            reference("utility.trtr." + measure, "reference for utility.tstr." + measure);
            reference("utility.ratio." + measure, "repeats the utility.tstr." + measure + " score");
        }
        add("utility.feature_importance.rank_agreement", Kind.SCORED, "max(0, Spearman correlation)",
                Direction.HIGHER_IS_BETTER, (v, others, breakdown) -> Outcome.of(Math.max(0, v)));

        addedGap("fairness.demographic_parity.difference", "parity");
        addedGap("fairness.equalized_odds.difference", "odds");
        oneMinus("fairness.representation.max_gap");
        oneMinus("fairness.outcome_rate.max_gap");
        add("fairness.disparate_impact.ratio", Kind.SCORED, "1 - max over protected columns of max(0, ratio_TRTR "
                + "- ratio_TSTR), from the breakdown: the disparity the synthetic data adds to that of the model "
                + "trained on real data; value when no column has a TRTR reference",
                Direction.HIGHER_IS_BETTER, ScoreRules::addedImpact);

        add("privacy.dcr.median", Kind.SCORED, "min(1, DCR median / holdout DCR median): 1 when synthetic rows "
                + "lie as far from the training rows as fresh rows do; 1 when the holdout median is 0",
                Direction.HIGHER_IS_BETTER, ScoreRules::dcrMedian);
        reference(DCR_HOLDOUT_MEDIAN, "reference for privacy.dcr.median");
        reference("privacy.dcr.median_range", "repeats privacy.dcr.median on another scale");
        add("privacy.dcr.closer_to_train_share", Kind.SCORED, "1 - 2 max(0, share - 0.5)",
                Direction.LOWER_IS_BETTER, (v, others, breakdown) -> Outcome.of(1 - 2 * Math.max(0, v - 0.5)));
        reference("privacy.dcr.overfitting_protection", "repeats privacy.dcr.closer_to_train_share");
        reference("privacy.dcr.overfitting_protection_reference", "SDMetrics form of the same protection score");
        identity("privacy.nndr.median");
        add(EXACT_MATCH_RATE, Kind.SCORED, "1 - max(0, rate - holdout_rate) / (1 - holdout_rate); "
                + "1 - rate when the holdout rate is missing", Direction.LOWER_IS_BETTER, ScoreRules::exactMatch);
        reference(EXACT_MATCH_HOLDOUT_RATE, "reference for privacy.exact_match.rate");
        oneMinus("privacy.exact_match.unique_record_rate");
        identity("privacy.new_row.share");
        add(CLAIMED_EPSILON, Kind.SCORED, "1 / (1 + epsilon); a candidate without a differential privacy "
                + "claim has this metric failed and scores 0", Direction.LOWER_IS_BETTER,
                (v, others, breakdown) -> Outcome.of(1 / (1 + v)));
        membership("privacy.mia.distance.auc");
        membership("privacy.mia.density.auc");
        membership("privacy.mia.shadow.auc");
        reference("privacy.attribute_inference.accuracy", "raw accuracy without a baseline; "
                + "privacy.inference.risk scores the same attack against its holdout baseline");
        oneMinus("privacy.inference.risk");
        reference("privacy.cap.score", "raw CAP; privacy.cap.normalised scores it against its baseline");
        oneMinus("privacy.cap.normalised");
        add("privacy.reconstruction.accuracy", Kind.SCORED, "min over secrets of 1 - max(0, member accuracy - "
                + "holdout accuracy) / (1 - holdout accuracy), from the breakdown; left out without the holdout "
                + "control", Direction.LOWER_IS_BETTER, ScoreRules::reconstruction);
        oneMinus("privacy.singling_out.risk");
        oneMinus("privacy.singling_out.univariate_risk");
        oneMinus("privacy.linkability.risk");
        reference(EPSILON_AUDIT_LOWER_BOUND, "checked by the constraint lower_bound <= epsilon");
    }

    private ScoreRules() {
    }

    private static void add(String id, Kind kind, String formula, Direction direction, Formula function) {
        RULES.put(id, new Rule(id, kind, formula, direction, function));
    }

    private static void identity(String id) {
        add(id, Kind.SCORED, "value", Direction.HIGHER_IS_BETTER, (v, others, breakdown) -> Outcome.of(v));
    }

    private static void oneMinus(String id) {
        add(id, Kind.SCORED, "1 - value", Direction.LOWER_IS_BETTER, (v, others, breakdown) -> Outcome.of(1 - v));
    }

    private static void reference(String id, String formula) {
        add(id, Kind.REFERENCE, formula, Direction.NEUTRAL, null);
    }

    private static void ratio(String tstrId, String trtrId, String formula) {
        add(tstrId, Kind.SCORED, formula + ", clipped to [0, 1]; not applicable when the TRTR value is 0",
                Direction.HIGHER_IS_BETTER, (v, others, breakdown) -> {
                    Double trtr = others.get(trtrId);
                    if (trtr == null || trtr <= 0) {
                        return Outcome.leftOut(trtrId + " is missing or 0, so " + tstrId + " has no reference");
                    }
                    return Outcome.of(v / trtr);
                });
    }

    /**
     * Adds the rule that scores a TSTR subgroup gap by how much it exceeds the TRTR gap of the same protected
     * column. The model trained on the real table may already have a large gap, which the synthesizer did not add.
     */
    private static void addedGap(String id, String name) {
        add(id, Kind.SCORED, "1 - max over protected columns of max(0, " + name + " gap_TSTR - " + name
                + " gap_TRTR), from the breakdown: the gap the synthetic data adds to that of the model trained on "
                + "real data; 1 - value when no column has a TRTR reference", Direction.LOWER_IS_BETTER,
                (v, others, breakdown) -> excess(v, breakdown, false));
    }

    private static Outcome addedImpact(double ratio, Map<String, Double> others, Map<String, Double> breakdown) {
        return excess(ratio, breakdown, true);
    }

    /**
     * Worst excess over the protected columns of the TSTR measure over the TRTR measure, read from the
     * breakdown keys {@code COLUMN:tstr} and {@code COLUMN:trtr}. For a gap the excess is
     * {@code tstr - trtr}; for the disparate impact ratio, where higher is fairer, it is {@code trtr - tstr}.
     * A column without a TRTR value (the TRTR model failed) is scored by its TSTR value alone, as the old rule
     * did, and the outcome carries a note naming that column.
     */
    private static Outcome excess(double value, Map<String, Double> breakdown, boolean higherIsFairer) {
        String tstrSuffix = ":tstr";
        double worst = 0;
        int referenced = 0;
        List<String> unreferenced = new ArrayList<>();
        for (Map.Entry<String, Double> entry : breakdown.entrySet()) {
            if (!entry.getKey().endsWith(tstrSuffix) || entry.getValue() == null) {
                continue;
            }
            String column = entry.getKey().substring(0, entry.getKey().length() - tstrSuffix.length());
            double tstr = entry.getValue();
            Double trtr = breakdown.get(column + ":trtr");
            double added;
            if (trtr == null) {
                unreferenced.add(column);
                added = higherIsFairer ? 1 - tstr : tstr;
            } else {
                referenced++;
                added = higherIsFairer ? trtr - tstr : tstr - trtr;
            }
            worst = Math.max(worst, added);
        }
        if (referenced == 0) {
            double old = higherIsFairer ? value : 1 - value;
            return new Outcome(clip(old), "no TRTR reference in the breakdown, so the TSTR value is scored "
                    + "without the real-data reference (" + (higherIsFairer ? "value" : "1 - value") + ")");
        }
        String note = unreferenced.isEmpty() ? null : "no TRTR reference for " + String.join(", ", unreferenced)
                + ", so " + (unreferenced.size() == 1 ? "that column is" : "those columns are")
                + " scored by the TSTR value alone";
        return new Outcome(clip(1 - worst), note);
    }

    private static Outcome dcrMedian(double median, Map<String, Double> others, Map<String, Double> breakdown) {
        Double holdout = others.get(DCR_HOLDOUT_MEDIAN);
        if (holdout == null) {
            return Outcome.leftOut(DCR_HOLDOUT_MEDIAN + " is missing, so the DCR median has no reference");
        }
        return holdout <= 0 ? Outcome.of(1) : Outcome.of(median / holdout);
    }

    /**
     * Scores the linear reconstruction attack against its holdout control: accuracy on training records that
     * is no higher than on holdout records reveals nothing about membership in the training table.
     */
    private static Outcome reconstruction(double worst, Map<String, Double> others, Map<String, Double> breakdown) {
        String suffix = "|holdout_accuracy";
        double score = Double.NaN;
        for (Map.Entry<String, Double> entry : breakdown.entrySet()) {
            if (!entry.getKey().endsWith(suffix)) {
                continue;
            }
            Double member = breakdown.get(entry.getKey().substring(0, entry.getKey().length() - suffix.length()));
            double holdout = entry.getValue();
            if (member == null) {
                continue;
            }
            double secretScore = holdout >= 1 ? 1 : 1 - Math.max(0, member - holdout) / (1 - holdout);
            score = Double.isNaN(score) ? secretScore : Math.min(score, secretScore);
        }
        if (Double.isNaN(score)) {
            return Outcome.leftOut("the breakdown has no holdout control, so the reconstruction accuracy has no "
                    + "baseline");
        }
        return Outcome.of(score);
    }

    private static void membership(String id) {
        add(id, Kind.SCORED, "1 - 2 max(0, AUC - 0.5)", Direction.LOWER_IS_BETTER,
                (v, others, breakdown) -> Outcome.of(1 - 2 * Math.max(0, v - 0.5)));
    }

    private static Outcome tstrAuc(double tstr, Map<String, Double> others, Map<String, Double> breakdown) {
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

    private static Outcome tstrR2(double tstr, Map<String, Double> others, Map<String, Double> breakdown) {
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

    private static Outcome exactMatch(double rate, Map<String, Double> others, Map<String, Double> breakdown) {
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
                    direction, (v, others, breakdown) -> Outcome.of(v));
            case LOWER_IS_BETTER -> new Rule(result.id(), Kind.SCORED, "1 - value clipped to [0, 1] (fallback)",
                    direction, (v, others, breakdown) -> Outcome.of(1 - v));
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
