package org.synthtrust.trustindex;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.synthtrust.trustindex.Results.ok;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.synthtrust.audit.Direction;
import org.synthtrust.audit.MetricResult;
import org.synthtrust.audit.MetricStatus;
import org.synthtrust.audit.Pillar;

class ScoreRulesTest {
    private static final double TOLERANCE = 1e-12;

    private static Double score(String id, double value, Map<String, Double> others) {
        return ScoreRules.ruleFor(ok("x", id, value)).score(value, others).score();
    }

    @Test
    void attackAucRules() {
        assertThat(score("privacy.mia.distance.auc", 0.7, Map.of())).isCloseTo(0.6, within(TOLERANCE));
        assertThat(score("privacy.mia.distance.auc", 0.3, Map.of())).isCloseTo(1.0, within(TOLERANCE));
        assertThat(score("fidelity.detection.auc", 0.3, Map.of())).isCloseTo(0.6, within(TOLERANCE));
        assertThat(score("fidelity.detection.auc", 0.95, Map.of())).isCloseTo(0.1, within(TOLERANCE));
    }

    @Test
    void utilityRatiosClipped() {
        assertThat(score("utility.tstr.auc", 0.95, Map.of("utility.trtr.auc", 0.9))).isEqualTo(1.0);
        assertThat(score("utility.tstr.auc", 0.45, Map.of("utility.trtr.auc", 0.9))).isEqualTo(0.0);
        assertThat(score("utility.tstr.auc", 0.7, Map.of("utility.trtr.auc", 0.5))).isNull();
        assertThat(score("utility.tstr.r2", 0.3, Map.of("utility.trtr.r2", 0.6))).isCloseTo(0.5, within(TOLERANCE));
        assertThat(score("utility.tstr.rmse", 4.0, Map.of("utility.trtr.rmse", 3.0)))
                .isCloseTo(0.75, within(TOLERANCE));
    }

    @Test
    void privacyReferenceRules() {
        assertThat(score("privacy.claimed.epsilon", 3.0, Map.of())).isCloseTo(0.25, within(TOLERANCE));
        assertThat(score("privacy.exact_match.rate", 0.6, Map.of("privacy.exact_match.holdout_rate", 0.2)))
                .isCloseTo(0.5, within(TOLERANCE));
        assertThat(score("privacy.exact_match.rate", 0.1, Map.of("privacy.exact_match.holdout_rate", 0.2)))
                .isEqualTo(1.0);
        assertThat(score("privacy.dcr.median", 0.1, Map.of("privacy.dcr.holdout_median", 0.4)))
                .isCloseTo(0.25, within(TOLERANCE));
        assertThat(score("fidelity.kmarginal.score", 870, Map.of())).isCloseTo(0.87, within(TOLERANCE));
        assertThat(score("privacy.exact_match.holdout_rate", 0.2, Map.of())).isNull();
    }

    /** Two secrets: (0.9 - 0.8) / 0.2 = 0.5 and no gain for the second, so the worst secret gives 0.5. */
    @Test
    void reconstructionUsesHoldoutControl() {
        MetricResult result = Results.withBreakdown("x", "privacy.reconstruction.accuracy", 0.9, Map.of(
                "income", 0.9, "income|holdout_accuracy", 0.8, "income|majority_baseline", 0.75,
                "sex", 0.6, "sex|holdout_accuracy", 0.7));
        ScoreRules.Rule rule = ScoreRules.ruleFor(result);
        assertThat(rule.score(0.9, Map.of(), result.breakdown()).score()).isCloseTo(0.5, within(1e-9));
        assertThat(rule.score(0.9, Map.of(), Map.of()).score()).isNull();
    }

    private static ScoreRules.Outcome fairness(String id, double tstr, Double trtr) {
        Map<String, Double> breakdown = new java.util.LinkedHashMap<>();
        breakdown.put("sex:tstr", tstr);
        breakdown.put("sex:trtr", trtr);
        MetricResult result = Results.withBreakdown("x", id, tstr, breakdown);
        return ScoreRules.ruleFor(result).score(tstr, Map.of(), result.breakdown());
    }

    /** Equal gaps add no bias and score 1, a gap 0.2 above TRTR scores 0.8, and a smaller TSTR gap scores 1. */
    @Test
    void fairnessGapAddedOverReal() {
        for (String id : new String[] {"fairness.demographic_parity.difference",
                "fairness.equalized_odds.difference"}) {
            assertThat(fairness(id, 0.3, 0.3).score()).isCloseTo(1.0, within(TOLERANCE));
            assertThat(fairness(id, 0.5, 0.3).score()).isCloseTo(0.8, within(TOLERANCE));
            assertThat(fairness(id, 0.1, 0.3).score()).isEqualTo(1.0);
            assertThat(fairness(id, 0.1, 0.3).note()).isNull();
        }
    }

    /** Disparate impact is higher-is-fairer, so the added disparity is ratio_TRTR - ratio_TSTR. */
    @Test
    void disparateImpactAddedOverReal() {
        String id = "fairness.disparate_impact.ratio";
        assertThat(fairness(id, 0.6, 0.6).score()).isCloseTo(1.0, within(TOLERANCE));
        assertThat(fairness(id, 0.4, 0.6).score()).isCloseTo(0.8, within(TOLERANCE));
        assertThat(fairness(id, 0.9, 0.6).score()).isEqualTo(1.0);
    }

    /** The worst column decides: race adds 0.3 (0.4 - 0.1), sex adds none, so 1 - 0.3 = 0.7. */
    @Test
    void fairnessWorstColumnDecides() {
        MetricResult result = Results.withBreakdown("x", "fairness.demographic_parity.difference", 0.4, Map.of(
                "sex:tstr", 0.2, "sex:trtr", 0.35, "race:tstr", 0.4, "race:trtr", 0.1));
        assertThat(ScoreRules.ruleFor(result).score(0.4, Map.of(), result.breakdown()).score())
                .isCloseTo(0.7, within(TOLERANCE));
    }

    /** Without a TRTR value the old rule applies (1 - 0.3, or the ratio itself) with a note. */
    @Test
    void fairnessWithoutReferenceFallsBack() {
        ScoreRules.Outcome gap = fairness("fairness.demographic_parity.difference", 0.3, null);
        assertThat(gap.score()).isCloseTo(0.7, within(TOLERANCE));
        assertThat(gap.note()).contains("no TRTR reference");
        ScoreRules.Outcome impact = fairness("fairness.disparate_impact.ratio", 0.6, null);
        assertThat(impact.score()).isCloseTo(0.6, within(TOLERANCE));
        assertThat(impact.note()).contains("no TRTR reference");
        assertThat(score("fairness.equalized_odds.difference", 0.25, Map.of())).isCloseTo(0.75, within(TOLERANCE));
    }

    @Test
    void unknownMetricFallsBack() {
        MetricResult lower = new MetricResult("privacy.new_attack.risk", "x", Pillar.PRIVACY,
                Direction.LOWER_IS_BETTER, 0.3, null, null, MetricStatus.OK, null, null, null);
        assertThat(ScoreRules.ruleFor(lower).score(0.3, Map.of()).score()).isCloseTo(0.7, within(TOLERANCE));
        MetricResult neutral = new MetricResult("privacy.new_attack.count", "x", Pillar.PRIVACY,
                Direction.NEUTRAL, 3.0, null, null, MetricStatus.OK, null, null, null);
        assertThat(ScoreRules.ruleFor(neutral).kind()).isEqualTo(ScoreRules.Kind.REFERENCE);
    }

    /** The rule table in docs/trust-index.md must be the one the code applies. */
    @Test
    void docsTableMatchesCode() throws Exception {
        Path docs = Path.of("..", "docs", "trust-index.md");
        assertThat(Files.readString(docs)).contains(ScoreRules.markdownTable().strip());
    }
}
