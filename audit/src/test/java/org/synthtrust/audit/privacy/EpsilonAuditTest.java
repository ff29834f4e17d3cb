package org.synthtrust.audit.privacy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.synthtrust.core.privacy.audit.EmpiricalEpsilon;

class EpsilonAuditTest {

    @Test
    void oneRunBoundMatchesScipy() {
        // Reference values of this test computed with scipy.stats.binom, beta = 0.05 (95 % confidence).
        assertThat(EpsilonAudit.oneRunLowerBound(1000, 1000, 1000, 1e-5, 0.05)).isCloseTo(5.78, within(0.01));
        assertThat(EpsilonAudit.oneRunLowerBound(1000, 1000, 700, 1e-5, 0.05)).isCloseTo(0.73, within(0.01));
    }

    @Test
    void chanceGuessesCertifyNothing() {
        assertThat(EpsilonAudit.oneRunLowerBound(1000, 1000, 500, 0, 0.05)).isZero();
        assertThat(EpsilonAudit.oneRunPValue(100, 100, 0, 1.0, 0)).isEqualTo(1.0);
    }

    @Test
    void guessesCountBothEnds() {
        double[] scores = {0.9, 0.1, 0.8, 0.2, 0.5};
        boolean[] included = {true, false, false, false, true};
        int[] outcome = EpsilonAudit.guessFromScores(scores, included, 2, 2);
        assertThat(outcome[0]).isEqualTo(4);
        // Top two (0.9 included, 0.8 not) give 1; bottom two (0.1, 0.2 both excluded) give 2.
        assertThat(outcome[1]).isEqualTo(3);
    }

    @Test
    void thresholdAuditSeparatesWorlds() {
        SplittableRandom random = new SplittableRandom(3);
        double[][] worlds = new double[4][200];
        for (int w = 0; w < 4; w++) {
            for (int i = 0; i < 200; i++) {
                worlds[w][i] = random.nextGaussian() + (w % 2 == 1 ? 6 : 0);
            }
        }
        EmpiricalEpsilon.Result separated = EpsilonAudit.thresholdAudit(worlds[0], worlds[1], worlds[2], worlds[3],
                0, 0.05);
        // A perfect test on 200 runs per world certifies about ln(200 / 3.7) = 3.99 at most.
        assertThat(separated.epsilonLowerBound()).isBetween(3.0, Math.log(200 / 3.7) + 0.05);
        EmpiricalEpsilon.Result overlapping = EpsilonAudit.thresholdAudit(worlds[0], worlds[2], worlds[0], worlds[2],
                0, 0.05);
        assertThat(overlapping.epsilonLowerBound()).isLessThan(0.5);
    }
}
