package org.synthtrust.core.privacy.audit;

import java.util.Arrays;
import org.apache.commons.math3.distribution.BetaDistribution;

/**
 * Empirical lower bounds on epsilon from a distinguishing test between neighbouring inputs, after Jagielski,
 * Ullman and Oprea (2020), "Auditing Differentially Private Machine Learning: How Private is Private SGD?".
 *
 * <p>Under (epsilon, delta)-DP every test with false positive rate FPR and false negative rate FNR satisfies
 * FPR + e^epsilon FNR &gt;= 1 - delta and FNR + e^epsilon FPR &gt;= 1 - delta. With Clopper-Pearson upper bounds
 * FPR+ and FNR+, each at confidence 1 - alpha/2,
 * <pre>epsilon_LB = max(ln((1 - delta - FPR+) / FNR+), ln((1 - delta - FNR+) / FPR+))</pre>
 * is a lower bound on the true epsilon with confidence at least 1 - alpha. A claim "epsilon-DP" is contradicted
 * when epsilon_LB exceeds the claimed epsilon. The decision threshold must be chosen on trials other than the
 * ones counted here; {@link #thresholdAudit} does that.
 */
public final class EmpiricalEpsilon {

    private EmpiricalEpsilon() {
    }

    /**
     * Result of an audit.
     *
     * @param epsilonLowerBound the lower bound, at least 0
     * @param falsePositiveRateUpper Clopper-Pearson upper bound on FPR
     * @param falseNegativeRateUpper Clopper-Pearson upper bound on FNR
     * @param threshold the decision threshold used (scores at or above it are called "member"), NaN if none
     */
    public record Result(double epsilonLowerBound, double falsePositiveRateUpper, double falseNegativeRateUpper,
                         double threshold) {
    }

    /** Returns the Clopper-Pearson upper bound on a binomial proportion: Beta^-1(confidence; k + 1, n - k). */
    public static double clopperPearsonUpper(long successes, long trials, double confidence) {
        requireCounts(successes, trials);
        if (successes == trials) {
            return 1.0;
        }
        return new BetaDistribution(successes + 1, trials - successes).inverseCumulativeProbability(confidence);
    }

    /** Returns the Clopper-Pearson lower bound on a binomial proportion: Beta^-1(1 - confidence; k, n - k + 1). */
    public static double clopperPearsonLower(long successes, long trials, double confidence) {
        requireCounts(successes, trials);
        if (successes == 0) {
            return 0.0;
        }
        return new BetaDistribution(successes, trials - successes + 1).inverseCumulativeProbability(1 - confidence);
    }

    /**
     * Returns the epsilon lower bound from counted errors of one test.
     *
     * @param falsePositives trials on the input without the target row that the test called "member"
     * @param negatives trials on the input without the target row
     * @param falseNegatives trials on the input with the target row that the test called "non-member"
     * @param positives trials on the input with the target row
     * @param alpha the bound is valid with confidence 1 - alpha, e.g. 0.05
     */
    public static Result lowerBound(long falsePositives, long negatives, long falseNegatives, long positives,
                                    double delta, double alpha) {
        if (!(alpha > 0 && alpha < 1) || !(delta >= 0 && delta < 1)) {
            throw new IllegalArgumentException("need alpha in (0, 1) and delta in [0, 1); got alpha = " + alpha
                    + ", delta = " + delta);
        }
        double fprUpper = clopperPearsonUpper(falsePositives, negatives, 1 - alpha / 2);
        double fnrUpper = clopperPearsonUpper(falseNegatives, positives, 1 - alpha / 2);
        double first = Math.log((1 - delta - fprUpper) / fnrUpper);
        double second = Math.log((1 - delta - fnrUpper) / fprUpper);
        double bound = Math.max(first, second);
        return new Result(Double.isNaN(bound) ? 0.0 : Math.max(0.0, bound), fprUpper, fnrUpper, Double.NaN);
    }

    /**
     * Chooses the threshold on one set of trials (the one with the largest bound there) and returns the bound it
     * gives on a second, independent set, so the choice does not bias the bound.
     *
     * @param selectionWithout scores on the input without the target row, for choosing the threshold
     * @param selectionWith scores on the input with the target row, for choosing the threshold
     * @param evaluationWithout fresh scores without the target row
     * @param evaluationWith fresh scores with the target row
     */
    public static Result thresholdAudit(double[] selectionWithout, double[] selectionWith,
                                        double[] evaluationWithout, double[] evaluationWith,
                                        double delta, double alpha) {
        double[] candidates = Arrays.stream(concat(selectionWithout, selectionWith)).distinct().sorted().toArray();
        double bestThreshold = Double.NaN;
        double bestBound = -1;
        for (double threshold : candidates) {
            double bound = boundAt(threshold, selectionWithout, selectionWith, delta, alpha).epsilonLowerBound();
            if (bound > bestBound) {
                bestBound = bound;
                bestThreshold = threshold;
            }
        }
        if (Double.isNaN(bestThreshold)) {
            return new Result(0.0, 1.0, 1.0, Double.NaN);
        }
        return boundAt(bestThreshold, evaluationWithout, evaluationWith, delta, alpha);
    }

    private static Result boundAt(double threshold, double[] without, double[] with, double delta, double alpha) {
        long falsePositives = Arrays.stream(without).filter(score -> score >= threshold).count();
        long falseNegatives = Arrays.stream(with).filter(score -> score < threshold).count();
        Result result = lowerBound(falsePositives, without.length, falseNegatives, with.length, delta, alpha);
        return new Result(result.epsilonLowerBound(), result.falsePositiveRateUpper(),
                result.falseNegativeRateUpper(), threshold);
    }

    private static double[] concat(double[] first, double[] second) {
        double[] all = Arrays.copyOf(first, first.length + second.length);
        System.arraycopy(second, 0, all, first.length, second.length);
        return all;
    }

    private static void requireCounts(long successes, long trials) {
        if (trials <= 0 || successes < 0 || successes > trials) {
            throw new IllegalArgumentException("need 0 <= successes <= trials and trials > 0; got " + successes
                    + " of " + trials);
        }
    }
}
