package org.synthtrust.trustindex;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;
import static org.synthtrust.trustindex.Results.ok;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.synthtrust.core.InvalidInputException;
import org.synthtrust.trustindex.Ranking.CandidateScore;

class ConstraintTest {

    @Test
    void parsesThreeOperandKinds() {
        Constraint metricVsNumber = Constraint.parse("privacy.mia.distance.auc<=0.6", false, "constraints[0]");
        assertThat(metricVsNumber.left()).isEqualTo("privacy.mia.distance.auc");
        assertThat(metricVsNumber.operator()).isEqualTo(Constraint.Operator.LESS_OR_EQUAL);
        assertThat(metricVsNumber.right()).isEqualTo("0.6");

        Constraint epsilon = Constraint.parse(" epsilon < 1 ", false, "constraints[1]");
        assertThat(epsilon.operator()).isEqualTo(Constraint.Operator.LESS);
        Constraint metrics = Constraint.parse("privacy.epsilon_audit.lower_bound<=epsilon", true, "defaults");
        assertThat(metrics.right()).isEqualTo("epsilon");
    }

    @Test
    void rejectsMalformedExpressions() {
        assertThatThrownBy(() -> Constraint.parse("epsilon=1", false, "constraints[2]"))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("constraints[2]")
                .hasMessageContaining("epsilon=1");
        assertThatThrownBy(() -> Constraint.parse("Epsilon<=1", false, "constraints[0]"))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("'Epsilon'");
    }

    /** Wilson upper bound for p = 0.1, n = 100, z = 2.3263: (0.1 + z^2/200 + z sqrt(0.0009 + z^2/40000)) / (1 + z^2/100). */
    @Test
    void wilsonUpperBoundHandComputed() {
        double z = Constraint.Z_99_ONE_SIDED;
        double expected = (0.1 + z * z / 200 + z * Math.sqrt(0.0009 + z * z / 40000)) / (1 + z * z / 100);
        assertThat(Constraint.wilsonUpper(0.1, 100, z)).isCloseTo(expected, within(1e-15));
        assertThat(expected).isCloseTo(0.19155, within(1e-5));
    }

    /**
     * A holdout rate of 0.10 over 100 holdout rows has a 99 % upper bound of 0.1915: a synthetic exact-match
     * rate of 0.15 passes the default constraint and 1.0 (a copy of the training data) violates it.
     */
    @Test
    void exactMatchDefaultUsesMargin() {
        List<CandidateResults> pool = List.of(
                exactMatch("honest", 0.15, 0.10),
                exactMatch("copy", 1.0, 0.10));
        Ranking ranking = TrustIndex.rank(pool, TrustSettings.defaults().withHoldoutRows(100));

        assertThat(ranking.candidate("honest").disqualified()).isFalse();
        CandidateScore copy = ranking.candidate("copy");
        assertThat(copy.disqualified()).isTrue();
        assertThat(copy.disqualificationReasons()).singleElement().asString()
                .contains("privacy.exact_match.rate<=privacy.exact_match.holdout_rate");
    }

    @Test
    void holdoutRowsReadFromBreakdown() {
        CandidateResults honest = CandidateResults.of("honest", 1.0, List.of(
                ok("honest", "privacy.exact_match.rate", 0.15),
                Results.withBreakdown("honest", "privacy.exact_match.holdout_rate", 0.10,
                        Map.of("holdout_rows", 100.0))));
        Ranking ranking = TrustIndex.rank(List.of(honest), TrustSettings.defaults());
        assertThat(ranking.candidate("honest").disqualified()).isFalse();
        assertThat(ranking.candidate("honest").constraints().get(0).right())
                .isCloseTo(Constraint.wilsonUpper(0.1, 100, Constraint.Z_99_ONE_SIDED), within(1e-15));
    }

    @Test
    void defaultsCanBeSwitchedOff() {
        List<CandidateResults> pool = List.of(exactMatch("copy", 1.0, 0.10));
        Ranking ranking = TrustIndex.rank(pool, TrustSettings.defaults().withConstraints(List.of(), false));
        assertThat(ranking.candidate("copy").disqualified()).isFalse();
    }

    @Test
    void epsilonAuditAboveClaimDisqualifies() {
        CandidateResults leaky = CandidateResults.of("leaky", 1.0, List.of(
                ok("leaky", "privacy.claimed.epsilon", 1.0),
                ok("leaky", "privacy.epsilon_audit.lower_bound", 2.5)));
        CandidateResults sound = CandidateResults.of("sound", 1.0, List.of(
                ok("sound", "privacy.claimed.epsilon", 1.0),
                ok("sound", "privacy.epsilon_audit.lower_bound", 0.4)));
        Ranking ranking = TrustIndex.rank(List.of(leaky, sound), TrustSettings.defaults());
        assertThat(ranking.candidate("leaky").disqualified()).isTrue();
        assertThat(ranking.candidate("sound").disqualified()).isFalse();
    }

    @Test
    void missingMetricSkipsDefaultOnly() {
        CandidateResults bare = CandidateResults.of("bare", null, List.of(ok("bare", "fidelity.marginal1.tvd_mean",
                0.1)));
        Ranking defaults = TrustIndex.rank(List.of(bare), TrustSettings.defaults());
        assertThat(defaults.candidate("bare").disqualified()).isFalse();
        assertThat(defaults.candidate("bare").constraints())
                .extracting(Constraint.Check::outcome).containsOnly(Constraint.Outcome.NOT_CHECKED);

        Ranking analyst = TrustIndex.rank(List.of(bare), TrustSettings.defaults()
                .withConstraints(List.of("privacy.mia.distance.auc<=0.6"), true));
        assertThat(analyst.candidate("bare").disqualified()).isTrue();
        assertThat(analyst.candidate("bare").disqualificationReasons()).singleElement().asString()
                .contains("was not computed");
    }

    private static CandidateResults exactMatch(String name, double rate, double holdoutRate) {
        return CandidateResults.of(name, 1.0, List.of(
                ok(name, "fidelity.marginal1.tvd_mean", 0.1),
                ok(name, "privacy.exact_match.rate", rate),
                ok(name, "privacy.exact_match.holdout_rate", holdoutRate)));
    }
}
