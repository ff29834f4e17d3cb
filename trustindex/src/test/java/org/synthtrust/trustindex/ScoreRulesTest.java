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
