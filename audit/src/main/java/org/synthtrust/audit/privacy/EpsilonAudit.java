package org.synthtrust.audit.privacy;

import org.apache.commons.math3.distribution.BinomialDistribution;
import org.synthtrust.core.privacy.audit.EmpiricalEpsilon;

/**
 * Statistics that turn attack outcomes on repeated synthesizer runs into a lower bound on the epsilon the
 * synthesizer actually provides. The runs themselves belong to the study pipeline; this class only scores.
 *
 * <ul>
 *   <li>{@link #thresholdAudit}: many runs on D and on D plus a canary, scored by an attack; the threshold is
 *       chosen on separate runs and Clopper-Pearson bounds on FPR and FNR at 95 % confidence give the bound
 *       (Jagielski, Ullman, Oprea 2020, "Auditing Differentially Private Machine Learning: How Private is
 *       Private SGD?", NeurIPS). Delegates to {@link EmpiricalEpsilon} in core.</li>
 *   <li>{@link #oneRunLowerBound}: one run with m canaries, each included with probability 1/2; the auditor
 *       guesses membership of r of them and gets v right (Steinke, Nasr, Jagielski 2023, "Privacy Auditing
 *       with One (1) Training Run", NeurIPS, Theorem 5.2 and its appendix algorithm).</li>
 * </ul>
 * With n runs per world even a perfect attack cannot certify more than about ln(n / 3.7) at 95 %, so a
 * small number of runs can only contradict a small claimed epsilon.
 */
public final class EpsilonAudit {
    /** Upper end of the bisection for epsilon; no audit with fewer than 10^20 trials certifies more. */
    private static final double MAX_EPSILON = 50;

    private EpsilonAudit() {
    }

    /**
     * Returns the Jagielski-Ullman-Oprea bound from attack scores (higher = "canary present").
     *
     * @param selectionWithout scores of runs without the canary, used only to choose the threshold
     * @param selectionWith    scores of runs with the canary, used only to choose the threshold
     * @param evaluationWithout fresh scores without the canary, counted for FPR
     * @param evaluationWith    fresh scores with the canary, counted for FNR
     * @param alpha             the bound is valid with confidence 1 - alpha (0.05 for 95 %)
     */
    public static EmpiricalEpsilon.Result thresholdAudit(double[] selectionWithout, double[] selectionWith,
                                                         double[] evaluationWithout, double[] evaluationWith,
                                                         double delta, double alpha) {
        return EmpiricalEpsilon.thresholdAudit(selectionWithout, selectionWith, evaluationWithout, evaluationWith,
                delta, alpha);
    }

    /**
     * Returns the p-value of v or more correct guesses out of r under (epsilon, delta)-DP with m canaries:
     * P[Binomial(r, q) >= v] with q = e^epsilon / (1 + e^epsilon), plus 2 m delta times the largest
     * i^-1 P[v - i <= Binomial(r, q) < v] over i = 1..v.
     */
    public static double oneRunPValue(int canaries, int guesses, int correct, double epsilon, double delta) {
        double q = 1.0 / (1.0 + Math.exp(-epsilon));
        BinomialDistribution binomial = new BinomialDistribution(null, guesses, q);
        double tail = correct == 0 ? 1.0 : 1.0 - binomial.cumulativeProbability(correct - 1);
        double ratio = 0;
        double mass = 0;
        for (int i = 1; i <= correct; i++) {
            mass += binomial.probability(correct - i);
            ratio = Math.max(ratio, mass / i);
        }
        return Math.min(1.0, tail + ratio * delta * 2 * canaries);
    }

    /**
     * Returns the largest epsilon whose p-value stays below {@code beta} (0.05 for 95 % confidence), by
     * bisection; 0 when even epsilon = 0 is not rejected.
     *
     * @throws IllegalArgumentException unless 0 <= correct <= guesses <= canaries, delta in [0, 1], beta in (0, 1)
     */
    public static double oneRunLowerBound(int canaries, int guesses, int correct, double delta, double beta) {
        if (correct < 0 || correct > guesses || guesses > canaries) {
            throw new IllegalArgumentException("one-run audit needs 0 <= correct <= guesses <= canaries; got "
                    + correct + ", " + guesses + ", " + canaries);
        }
        if (!(delta >= 0 && delta <= 1) || !(beta > 0 && beta < 1)) {
            throw new IllegalArgumentException("one-run audit needs delta in [0, 1] and beta in (0, 1); got delta = "
                    + delta + ", beta = " + beta);
        }
        if (oneRunPValue(canaries, guesses, correct, 0, delta) >= beta) {
            return 0;
        }
        double low = 0;
        double high = MAX_EPSILON;
        if (oneRunPValue(canaries, guesses, correct, high, delta) < beta) {
            return high;
        }
        for (int step = 0; step < 60; step++) {
            double middle = (low + high) / 2;
            if (oneRunPValue(canaries, guesses, correct, middle, delta) < beta) {
                low = middle;
            } else {
                high = middle;
            }
        }
        return low;
    }

    /**
     * Turns canary scores of one run into the one-run audit's guesses: the {@code positiveGuesses} highest
     * scores are guessed "included", the {@code negativeGuesses} lowest "excluded", the rest abstain. Returns
     * {guesses, correct}.
     */
    public static int[] guessFromScores(double[] scores, boolean[] included, int positiveGuesses, int negativeGuesses) {
        if (scores.length != included.length || positiveGuesses + negativeGuesses > scores.length) {
            throw new IllegalArgumentException("need one inclusion flag per score and at most " + scores.length
                    + " guesses; got " + included.length + " flags and " + (positiveGuesses + negativeGuesses));
        }
        Integer[] order = new Integer[scores.length];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        java.util.Arrays.sort(order, (a, b) -> Double.compare(scores[b], scores[a]));
        int correct = 0;
        for (int k = 0; k < positiveGuesses; k++) {
            correct += included[order[k]] ? 1 : 0;
        }
        for (int k = 0; k < negativeGuesses; k++) {
            correct += included[order[order.length - 1 - k]] ? 0 : 1;
        }
        return new int[] {positiveGuesses + negativeGuesses, correct};
    }
}
