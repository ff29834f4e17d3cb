package org.synthtrust.core.privacy.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.synthtrust.core.privacy.DpRandom;
import org.synthtrust.core.privacy.Zcdp;

/**
 * The Clopper-Pearson epsilon lower bound on a toy mechanism: a count released with discrete Gaussian noise,
 * run on neighbouring inputs (count 10 without the target row, 11 with it).
 */
class EmpiricalEpsilonTest {

    private static final double CLAIMED_EPSILON = 0.5;
    private static final double DELTA = 1e-5;
    private static final int SELECTION_TRIALS = 500;
    private static final int EVALUATION_TRIALS = 1000;

    @Test
    void correctCountMechanismIsNotFlagged() {
        double sigma = sigmaForClaim();

        EmpiricalEpsilon.Result result = audit(sigma, 11);

        assertTrue(result.epsilonLowerBound() <= CLAIMED_EPSILON,
                "correct mechanism flagged: lower bound " + result.epsilonLowerBound());
    }

    @Test
    void brokenCountMechanismIsFlagged() {
        double sigma = sigmaForClaim() / 10;

        EmpiricalEpsilon.Result result = audit(sigma, 12);

        assertTrue(result.epsilonLowerBound() > CLAIMED_EPSILON,
                "noise scale / 10 not flagged: lower bound " + result.epsilonLowerBound());
    }

    @Test
    void perfectAttackBoundMatchesTable() {
        // A perfect attack on 1000 trials per input at alpha = 0.05, delta = 0: ln((1 - p) / p) with
        // p = 1 - 0.025^(1/1000), which is 5.60.
        EmpiricalEpsilon.Result result = EmpiricalEpsilon.lowerBound(0, 1000, 0, 1000, 0, 0.05);

        assertEquals(5.60, result.epsilonLowerBound(), 0.005);
    }

    @Test
    void clopperPearsonBracketsProportion() {
        double upper = EmpiricalEpsilon.clopperPearsonUpper(14, 1000, 0.975);
        double lower = EmpiricalEpsilon.clopperPearsonLower(14, 1000, 0.975);

        assertTrue(upper > 0.014, "upper " + upper);
        assertTrue(upper < 0.03, "upper " + upper);
        assertTrue(lower < 0.014, "lower " + lower);
        assertTrue(lower > 0.005, "lower " + lower);
    }

    private static double sigmaForClaim() {
        double rho = Zcdp.rhoForBudget(CLAIMED_EPSILON, DELTA);
        return Math.sqrt(1 / (2 * rho));
    }

    private static EmpiricalEpsilon.Result audit(double sigma, long seed) {
        DpRandom random = DpRandom.seededForTesting(seed);
        double[] selectionWithout = run(random, sigma, 10, SELECTION_TRIALS);
        double[] selectionWith = run(random, sigma, 11, SELECTION_TRIALS);
        double[] evaluationWithout = run(random, sigma, 10, EVALUATION_TRIALS);
        double[] evaluationWith = run(random, sigma, 11, EVALUATION_TRIALS);
        return EmpiricalEpsilon.thresholdAudit(selectionWithout, selectionWith, evaluationWithout, evaluationWith,
                DELTA, 0.05);
    }

    /**
     * Runs the toy mechanism. It draws its noise directly, as a buggy mechanism that bypasses the ledger would
     * (the ledger itself would reject the broken variant's true cost).
     */
    private static double[] run(DpRandom random, double sigma, long count, int trials) {
        double[] outputs = new double[trials];
        for (int trial = 0; trial < trials; trial++) {
            outputs[trial] = count + random.discreteGaussian(sigma);
        }
        return outputs;
    }
}
