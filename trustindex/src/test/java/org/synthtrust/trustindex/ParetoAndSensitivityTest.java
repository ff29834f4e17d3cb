package org.synthtrust.trustindex;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.synthtrust.trustindex.Results.ok;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.synthtrust.trustindex.Ranking.CandidateScore;

/**
 * Pareto front and Dirichlet weight sensitivity on constructed two-pillar candidates whose answers follow from
 * the definitions. Each candidate has one fidelity metric (score 1 - TVD) and one privacy metric (score
 * 1 / (1 + epsilon)), so its pillar scores are chosen directly.
 */
class ParetoAndSensitivityTest {

    /** Builds a candidate with the given fidelity and privacy pillar scores. */
    static CandidateResults twoPillar(String name, double fidelity, double privacy) {
        double epsilon = 1 / privacy - 1;
        return CandidateResults.of(name, epsilon, List.of(
                ok(name, "fidelity.marginal1.tvd_mean", 1 - fidelity),
                ok(name, "privacy.claimed.epsilon", epsilon)));
    }

    static Map<TrustPillar, Double> weights(double privacy, double fidelity) {
        Map<TrustPillar, Double> weights = new EnumMap<>(TrustPillar.class);
        weights.put(TrustPillar.PRIVACY, privacy);
        weights.put(TrustPillar.FIDELITY, fidelity);
        return weights;
    }

    @Test
    void paretoFrontMarksNonDominated() {
        List<CandidateResults> pool = List.of(
                twoPillar("X", 0.5, 0.9),
                twoPillar("Y", 0.9, 0.5),
                twoPillar("Z", 0.4, 0.4),
                twoPillar("W", 0.5, 0.9),
                twoPillar("V", 0.5, 0.8));
        Ranking ranking = TrustIndex.rank(pool, TrustSettings.defaults());

        // Z is dominated by all, V by X and W; X and W tie, so neither dominates the other.
        assertThat(ranking.paretoFront()).containsExactlyInAnyOrder("X", "Y", "W");
        assertThat(ranking.candidate("Z").paretoOptimal()).isFalse();
        assertThat(ranking.candidate("V").paretoOptimal()).isFalse();
        assertThat(ranking.candidate("X").paretoOptimal()).isTrue();
    }

    @Test
    void dominantCandidateAlwaysFirst() {
        List<CandidateResults> pool = List.of(twoPillar("best", 0.9, 0.9), twoPillar("worse", 0.8, 0.7),
                twoPillar("worst", 0.3, 0.2));
        Ranking ranking = TrustIndex.rank(pool, TrustSettings.defaults()
                .withSensitivity(new SensitivitySettings(500, 2, 1)));

        CandidateScore best = ranking.candidate("best");
        assertThat(best.probabilityFirst()).isEqualTo(1.0);
        assertThat(best.rankLow()).isEqualTo(1);
        assertThat(best.rankHigh()).isEqualTo(1);
        assertThat(ranking.candidate("worst").rankLow()).isEqualTo(3);
        assertThat(ranking.candidate("worst").probabilityFirst()).isEqualTo(0.0);
    }

    /**
     * X = (fidelity 0.5, privacy 0.9) and Y = (0.9, 0.5) are mirror images, so X wins exactly when the privacy
     * share w of the weights exceeds 1/2, under either aggregation. With weights privacy 3, fidelity 1 and
     * concentration 4, w ~ Beta(3, 1) and P(w > 1/2) = 1 - 0.5^3 = 0.875. With 4000 draws the standard error
     * is sqrt(0.875 * 0.125 / 4000) = 0.0052; the tolerance is 4 standard errors.
     */
    @Test
    void dirichletMatchesBetaProbability() {
        List<CandidateResults> pool = List.of(twoPillar("X", 0.5, 0.9), twoPillar("Y", 0.9, 0.5));
        TrustSettings settings = TrustSettings.defaults().withWeights("custom", weights(3, 1))
                .withAggregation(Aggregation.ARITHMETIC)
                .withSensitivity(new SensitivitySettings(4000, 4, 7));
        Ranking ranking = TrustIndex.rank(pool, settings);

        assertThat(ranking.candidates().get(0).name()).isEqualTo("X");
        assertThat(ranking.candidate("X").probabilityFirst()).isCloseTo(0.875, within(4 * 0.0052));
        assertThat(ranking.candidate("Y").probabilityFirst()).isCloseTo(0.125, within(4 * 0.0052));
        assertThat(ranking.candidate("X").rankHigh()).isEqualTo(2);
        assertThat(ranking.candidate("X").rankLow()).isEqualTo(1);
    }

    /** Equal weights on mirror images: each candidate ranks first in half of the draws. */
    @Test
    void symmetricCaseSplitsEvenly() {
        List<CandidateResults> pool = List.of(twoPillar("X", 0.5, 0.9), twoPillar("Y", 0.9, 0.5));
        TrustSettings settings = TrustSettings.defaults().withWeights("custom", weights(1, 1))
                .withSensitivity(new SensitivitySettings(4000, 20, 3));
        Ranking ranking = TrustIndex.rank(pool, settings);

        // standard error sqrt(0.25 / 4000) = 0.0079
        assertThat(ranking.candidate("X").probabilityFirst()).isCloseTo(0.5, within(4 * 0.0079));
    }

    @Test
    void highConcentrationKeepsRanking() {
        List<CandidateResults> pool = List.of(twoPillar("X", 0.5, 0.9), twoPillar("Y", 0.9, 0.5));
        TrustSettings settings = TrustSettings.defaults().withWeights("custom", weights(3, 1))
                .withSensitivity(new SensitivitySettings(1000, 1e6, 5));
        Ranking ranking = TrustIndex.rank(pool, settings);
        assertThat(ranking.candidate("X").probabilityFirst()).isEqualTo(1.0);
    }

    @Test
    void sameSeedSameResult() {
        List<CandidateResults> pool = List.of(twoPillar("X", 0.5, 0.9), twoPillar("Y", 0.9, 0.5));
        TrustSettings settings = TrustSettings.defaults().withWeights("custom", weights(3, 1))
                .withSensitivity(new SensitivitySettings(300, 4, 11));
        double first = TrustIndex.rank(pool, settings).candidate("X").probabilityFirst();
        double second = TrustIndex.rank(pool, settings).candidate("X").probabilityFirst();
        assertThat(second).isEqualTo(first);
    }
}
