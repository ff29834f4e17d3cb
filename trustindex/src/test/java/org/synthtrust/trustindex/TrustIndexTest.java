package org.synthtrust.trustindex;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.synthtrust.trustindex.Results.ok;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.synthtrust.audit.MetricStatus;
import org.synthtrust.trustindex.Ranking.CandidateScore;

/**
 * Hand-computed trust indexes on three candidates A, B and C with fixed audit results. Every expected value
 * below is written out from the score rules: fidelity = geometric mean of (1 - TVD) and (1 - 2 |AUC - 0.5|),
 * utility = (AUC_TSTR - 0.5) / (AUC_TRTR - 0.5), privacy = geometric mean of (1 - 2 max(0, AUC - 0.5)) and
 * 1 / (1 + epsilon). No fairness metric is given, so that pillar is left out and the weights renormalise over
 * the other three.
 */
class TrustIndexTest {
    private static final double TOLERANCE = 1e-12;

    static List<CandidateResults> pool() {
        return List.of(
                candidate("A", 1.0, 0.1, 0.6, 0.8, 0.6),
                candidate("B", 1.0, 0.2, 0.5, 0.7, 0.5),
                candidate("C", 3.0, 0.4, 0.8, 0.9, 0.55));
    }

    static CandidateResults candidate(String name, double epsilon, double tvd, double detectionAuc,
                                      double tstrAuc, double miaAuc) {
        return CandidateResults.of(name, epsilon, List.of(
                ok(name, "fidelity.marginal1.tvd_mean", tvd),
                ok(name, "fidelity.detection.auc", detectionAuc),
                ok(name, "utility.trtr.auc", 0.9),
                ok(name, "utility.tstr.auc", tstrAuc),
                ok(name, "privacy.mia.distance.auc", miaAuc),
                ok(name, "privacy.claimed.epsilon", epsilon)));
    }

    private static TrustSettings settings(Normalisation normalisation, Aggregation aggregation) {
        return TrustSettings.defaults().withNormalisation(normalisation).withAggregation(aggregation);
    }

    @Test
    void absoluteGeometricHandComputed() {
        Ranking ranking = TrustIndex.rank(pool(), settings(Normalisation.ABSOLUTE, Aggregation.GEOMETRIC));

        double fidelityA = Math.sqrt(0.9 * 0.8);
        double utilityA = 0.3 / 0.4;
        double privacyA = Math.sqrt(0.8 * 0.5);
        double fidelityB = Math.sqrt(0.8 * 1.0);
        double utilityB = 0.2 / 0.4;
        double privacyB = Math.sqrt(1.0 * 0.5);
        double fidelityC = Math.sqrt(0.6 * 0.4);
        double utilityC = 1.0;
        double privacyC = Math.sqrt(0.9 * 0.25);

        CandidateScore a = ranking.candidate("A");
        assertThat(a.pillars().get("fidelity").score()).isCloseTo(fidelityA, within(TOLERANCE));
        assertThat(a.pillars().get("utility").score()).isCloseTo(utilityA, within(TOLERANCE));
        assertThat(a.pillars().get("privacy").score()).isCloseTo(privacyA, within(TOLERANCE));
        assertThat(a.pillars()).doesNotContainKey("fairness");
        assertThat(a.pillars().get("privacy").weight()).isCloseTo(1.0 / 3, within(TOLERANCE));

        assertThat(a.index()).isCloseTo(Math.cbrt(fidelityA * utilityA * privacyA), within(TOLERANCE));
        assertThat(ranking.candidate("B").index())
                .isCloseTo(Math.cbrt(fidelityB * utilityB * privacyB), within(TOLERANCE));
        assertThat(ranking.candidate("C").index())
                .isCloseTo(Math.cbrt(fidelityC * utilityC * privacyC), within(TOLERANCE));

        // A = 0.7383, B = 0.6813, C = 0.6148
        assertThat(ranking.candidates()).extracting(CandidateScore::name).containsExactly("A", "B", "C");
        assertThat(ranking.candidates()).extracting(CandidateScore::rank).containsExactly(1, 2, 3);
        assertThat(a.notes()).anyMatch(note -> note.contains("pillar fairness has no applicable metric"));
    }

    @Test
    void absoluteArithmeticHandComputed() {
        Ranking ranking = TrustIndex.rank(pool(), settings(Normalisation.ABSOLUTE, Aggregation.ARITHMETIC));

        double indexA = (Math.sqrt(0.72) + 0.75 + Math.sqrt(0.4)) / 3;
        double indexB = (Math.sqrt(0.8) + 0.5 + Math.sqrt(0.5)) / 3;
        double indexC = (Math.sqrt(0.24) + 1.0 + Math.sqrt(0.225)) / 3;
        assertThat(ranking.candidate("A").index()).isCloseTo(indexA, within(TOLERANCE));
        assertThat(ranking.candidate("B").index()).isCloseTo(indexB, within(TOLERANCE));
        assertThat(ranking.candidate("C").index()).isCloseTo(indexC, within(TOLERANCE));
        // A = 0.7437, B = 0.6999, C = 0.6547
        assertThat(ranking.candidates()).extracting(CandidateScore::name).containsExactly("A", "B", "C");
    }

    /**
     * Relative scores, oriented by the absolute score, are mid-rank CDFs over N = 3: worst 1/6, middle 1/2,
     * best 5/6. A and B tie on 1/(1 + epsilon), sharing ranks 2 and 3: (2.5 - 0.5) / 3 = 2/3.
     */
    @Test
    void relativeGeometricHandComputed() {
        Ranking ranking = TrustIndex.rank(pool(), settings(Normalisation.RELATIVE, Aggregation.GEOMETRIC));
        double low = 1.0 / 6;
        double mid = 0.5;
        double high = 5.0 / 6;
        double tie = 2.0 / 3;

        double fidelityA = Math.sqrt(high * mid);
        double utilityA = mid;
        double privacyA = Math.sqrt(low * tie);
        double fidelityB = Math.sqrt(mid * high);
        double utilityB = low;
        double privacyB = Math.sqrt(high * tie);
        double fidelityC = Math.sqrt(low * low);
        double utilityC = high;
        double privacyC = Math.sqrt(mid * low);

        CandidateScore b = ranking.candidate("B");
        assertThat(b.pillars().get("privacy").score()).isCloseTo(privacyB, within(TOLERANCE));
        assertThat(ranking.candidate("A").index())
                .isCloseTo(Math.cbrt(fidelityA * utilityA * privacyA), within(TOLERANCE));
        assertThat(b.index()).isCloseTo(Math.cbrt(fidelityB * utilityB * privacyB), within(TOLERANCE));
        assertThat(ranking.candidate("C").index())
                .isCloseTo(Math.cbrt(fidelityC * utilityC * privacyC), within(TOLERANCE));
        // A = 0.4756, B = 0.4312, C = 0.3423: B's weak utility (1/6) weighs more under the geometric mean
        assertThat(ranking.candidates()).extracting(CandidateScore::name).containsExactly("A", "B", "C");
        assertThat(ranking.notes()).anyMatch(note -> note.contains("relative to this pool"));
    }

    @Test
    void relativeArithmeticHandComputed() {
        Ranking ranking = TrustIndex.rank(pool(), settings(Normalisation.RELATIVE, Aggregation.ARITHMETIC));
        double low = 1.0 / 6;
        double mid = 0.5;
        double high = 5.0 / 6;
        double tie = 2.0 / 3;

        double indexA = (Math.sqrt(high * mid) + mid + Math.sqrt(low * tie)) / 3;
        double indexB = (Math.sqrt(mid * high) + low + Math.sqrt(high * tie)) / 3;
        double indexC = (low + high + Math.sqrt(mid * low)) / 3;
        assertThat(ranking.candidate("A").index()).isCloseTo(indexA, within(TOLERANCE));
        assertThat(ranking.candidate("B").index()).isCloseTo(indexB, within(TOLERANCE));
        assertThat(ranking.candidate("C").index()).isCloseTo(indexC, within(TOLERANCE));
        // A = 0.4929, B = 0.5192, C = 0.4296: the arithmetic mean lets B's strong pillars compensate
        assertThat(ranking.candidates()).extracting(CandidateScore::name).containsExactly("B", "A", "C");
    }

    @Test
    void privacyFirstWeightsHandComputed() {
        TrustSettings settings = TrustSettings.defaults()
                .withWeights("privacy-first", WeightProfile.PRIVACY_FIRST.weights());
        Ranking ranking = TrustIndex.rank(pool(), settings);

        double indexB = Math.pow(Math.sqrt(0.8) * 0.5 * Math.pow(Math.sqrt(0.5), 3), 1.0 / 5);
        assertThat(ranking.candidate("B").index()).isCloseTo(indexB, within(TOLERANCE));
        assertThat(ranking.candidate("B").pillars().get("privacy").weight()).isCloseTo(0.6, within(TOLERANCE));
        // A = 0.6940, B = 0.6915, C = 0.5542
        assertThat(ranking.candidates()).extracting(CandidateScore::name).containsExactly("A", "B", "C");
    }

    @Test
    void epsilonConstraintDisqualifies() {
        TrustSettings settings = TrustSettings.defaults().withConstraints(List.of("epsilon<=2"), true);
        Ranking ranking = TrustIndex.rank(pool(), settings);

        CandidateScore c = ranking.candidate("C");
        assertThat(c.disqualified()).isTrue();
        assertThat(c.rank()).isNull();
        assertThat(c.disqualificationReasons()).singleElement().asString().contains("epsilon<=2");
        assertThat(ranking.candidates().get(2).name()).isEqualTo("C");
        assertThat(ranking.allDisqualified()).isFalse();
        assertThat(ranking.constraints()).containsExactly(
                "privacy.exact_match.rate<=privacy.exact_match.holdout_rate",
                "privacy.epsilon_audit.lower_bound<=epsilon", "epsilon<=2");
    }

    @Test
    void everyCandidateDisqualified() {
        TrustSettings settings = TrustSettings.defaults().withConstraints(List.of("epsilon<0.5"), false);
        Ranking ranking = TrustIndex.rank(pool(), settings);
        assertThat(ranking.allDisqualified()).isTrue();
        assertThat(ranking.candidates()).extracting(CandidateScore::rank).containsOnlyNulls();
    }

    @Test
    void failedMetricScoresZero() {
        CandidateResults broken = CandidateResults.of("D", 1.0, List.of(
                ok("D", "fidelity.marginal1.tvd_mean", 0.1),
                ok("D", "utility.trtr.auc", 0.9),
                Results.status("D", "utility.tstr.auc", MetricStatus.FAILED, "synthetic target has one class"),
                ok("D", "privacy.claimed.epsilon", 1.0)));
        Ranking ranking = TrustIndex.rank(List.of(broken), TrustSettings.defaults());

        CandidateScore d = ranking.candidate("D");
        assertThat(d.pillars().get("utility").score()).isZero();
        assertThat(d.index()).isZero();
        assertThat(d.metrics()).filteredOn(m -> m.id().equals("utility.tstr.auc"))
                .singleElement().satisfies(m -> assertThat(m.status()).isEqualTo("failed"));
    }

    @Test
    void notApplicableLeftOutWithNote() {
        CandidateResults partial = CandidateResults.of("E", 1.0, List.of(
                ok("E", "fidelity.marginal1.tvd_mean", 0.2),
                Results.status("E", "fidelity.detection.auc", MetricStatus.NOT_APPLICABLE, "constant columns"),
                ok("E", "utility.trtr.r2", -0.1),
                ok("E", "utility.tstr.r2", 0.3),
                ok("E", "privacy.claimed.epsilon", 1.0)));
        Ranking ranking = TrustIndex.rank(List.of(partial), TrustSettings.defaults());

        CandidateScore e = ranking.candidate("E");
        assertThat(e.pillars().get("fidelity").score()).isCloseTo(0.8, within(TOLERANCE));
        assertThat(e.pillars()).doesNotContainKey("utility");
        assertThat(e.index()).isCloseTo(Math.sqrt(0.8 * 0.5), within(TOLERANCE));
        assertThat(e.metrics()).filteredOn(m -> m.id().equals("fidelity.detection.auc"))
                .singleElement().satisfies(m -> assertThat(m.note()).contains("constant columns"));
        assertThat(e.metrics()).filteredOn(m -> m.id().equals("utility.tstr.r2"))
                .singleElement().satisfies(m -> assertThat(m.note()).contains("R2 -0.1 <= 0"));
        assertThat(e.notes()).anyMatch(note -> note.contains("pillar utility has no applicable metric"));
    }

    @Test
    void repeatsGiveMeanAndRobustness() {
        CandidateResults repeated = new CandidateResults("R", 1.0, List.of(
                List.of(ok("R", "fidelity.marginal1.tvd_mean", 0.1), ok("R", "privacy.claimed.epsilon", 1.0)),
                List.of(ok("R", "fidelity.marginal1.tvd_mean", 0.3), ok("R", "privacy.claimed.epsilon", 1.0))),
                null);
        Ranking ranking = TrustIndex.rank(List.of(repeated), TrustSettings.defaults());

        CandidateScore r = ranking.candidate("R");
        assertThat(r.pillars().get("fidelity").score()).isCloseTo(0.8, within(TOLERANCE));
        assertThat(r.pillars().get("fidelity").repeatMin()).isCloseTo(0.7, within(TOLERANCE));
        assertThat(r.pillars().get("fidelity").repeatMax()).isCloseTo(0.9, within(TOLERANCE));
        // robustness = 1 - mean(range): fidelity range 0.2, privacy range 0
        assertThat(r.pillars().get("robustness").score()).isCloseTo(0.9, within(TOLERANCE));
        assertThat(r.index()).isCloseTo(Math.cbrt(0.8 * 0.5 * 0.9), within(TOLERANCE));
    }

    @Test
    void fitErrorIsDisqualified() {
        List<CandidateResults> candidates = new java.util.ArrayList<>(pool());
        candidates.add(CandidateResults.failed("F", 1.0, "out of memory"));
        Ranking ranking = TrustIndex.rank(candidates, TrustSettings.defaults());
        CandidateScore f = ranking.candidate("F");
        assertThat(f.disqualified()).isTrue();
        assertThat(f.disqualificationReasons()).containsExactly("failed: out of memory");
    }

    @Test
    void metricWeightsShiftPillar() {
        TrustSettings settings = new TrustSettings(null, null, null, null,
                Map.of("fidelity.detection.auc", 3.0), null, true, null, null);
        Ranking ranking = TrustIndex.rank(pool(), settings);
        double expected = Math.pow(0.9 * Math.pow(0.8, 3), 0.25);
        assertThat(ranking.candidate("A").pillars().get("fidelity").score()).isCloseTo(expected,
                within(TOLERANCE));
    }
}
