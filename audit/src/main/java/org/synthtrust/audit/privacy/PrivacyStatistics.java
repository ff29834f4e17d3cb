package org.synthtrust.audit.privacy;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.apache.commons.math3.distribution.NormalDistribution;

/**
 * Statistics shared by the privacy attacks: quantiles, Wilson score intervals, the normalised risk of
 * Anonymeter, and ROC analysis of membership scores with bootstrap intervals.
 */
public final class PrivacyStatistics {
    /** Two-sided 95 % normal quantile. */
    public static final double Z95 = new NormalDistribution().inverseCumulativeProbability(0.975);

    private PrivacyStatistics() {
    }

    /** Returns the median (mean of the two middle values for an even count); NaN for no values. */
    public static double median(double[] values) {
        return quantile(values, 0.5);
    }

    /** Returns a quantile by linear interpolation between order statistics (R type 7); NaN for no values. */
    public static double quantile(double[] values, double probability) {
        if (values.length == 0) {
            return Double.NaN;
        }
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return MixedDistance.quantileSorted(sorted, probability);
    }

    /** A proportion with a confidence interval, all in [0, 1]. */
    public record Interval(double value, double lower, double upper) {
    }

    /**
     * Returns the Wilson score interval (Wilson 1927, "Probable inference, the law of succession, and
     * statistical inference") of {@code successes} out of {@code trials}, at the normal quantile {@code z}. It
     * stays inside [0, 1] and is defined at 0 and at {@code trials} successes.
     *
     * @throws IllegalArgumentException when trials is not positive or successes is outside [0, trials]
     */
    public static Interval wilson(long successes, long trials, double z) {
        return wilson((double) successes, trials, z);
    }

    /**
     * Returns the Wilson score interval for a count that may include halves (ties counted as one half).
     *
     * @throws IllegalArgumentException when trials is not positive or successes is outside [0, trials]
     */
    public static Interval wilson(double successes, long trials, double z) {
        if (trials <= 0 || !(successes >= 0) || successes > trials) {
            throw new IllegalArgumentException("Wilson interval needs 0 <= successes <= trials and trials > 0; got "
                    + successes + " of " + trials);
        }
        double n = trials;
        double p = successes / n;
        double z2 = z * z;
        double centre = (p + z2 / (2 * n)) / (1 + z2 / n);
        double half = z * Math.sqrt(p * (1 - p) / n + z2 / (4 * n * n)) / (1 + z2 / n);
        // At 0 or at all successes the exact bound is 0 or 1; the formula only reaches it up to rounding.
        double lower = successes == 0 ? 0.0 : clamp(Math.min(p, centre - half));
        double upper = successes == trials ? 1.0 : clamp(Math.max(p, centre + half));
        return new Interval(p, lower, upper);
    }

    /**
     * Returns the normalised privacy risk of Giomi et al. (2023, "A Unified Framework for Quantifying Privacy
     * Risk in Synthetic Data", PETS): (attack rate - control rate) / (1 - control rate), clipped to [0, 1].
     * The interval maps the Wilson interval of the attack rate through the same formula. When the control
     * rate is 1 the baseline already succeeds on every record; the risk is then 0 by this convention.
     */
    public static Interval normalisedRisk(Interval attack, double controlRate) {
        if (controlRate >= 1) {
            return new Interval(0, 0, 0);
        }
        double denominator = 1 - controlRate;
        return new Interval(clamp((attack.value() - controlRate) / denominator),
                clamp((attack.lower() - controlRate) / denominator),
                clamp((attack.upper() - controlRate) / denominator));
    }

    public static double clamp(double value) {
        if (value <= 0) {
            return 0.0; // "<=" also maps -0.0 to 0.0
        }
        return Math.min(value, 1.0);
    }

    /**
     * Returns the area under the ROC curve of scores where members should score higher: the Mann-Whitney
     * probability that a random member outscores a random non-member, ties counted as one half.
     */
    public static double auc(double[] memberScores, double[] nonMemberScores) {
        int m = memberScores.length;
        int n = nonMemberScores.length;
        if (m == 0 || n == 0) {
            throw new IllegalArgumentException("AUC needs members and non-members; got " + m + " and " + n);
        }
        double[] all = new double[m + n];
        System.arraycopy(memberScores, 0, all, 0, m);
        System.arraycopy(nonMemberScores, 0, all, m, n);
        Integer[] order = new Integer[m + n];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        Arrays.sort(order, (a, b) -> Double.compare(all[a], all[b]));
        double memberRankSum = 0;
        int i = 0;
        while (i < order.length) {
            int j = i;
            while (j + 1 < order.length && all[order[j + 1]] == all[order[i]]) {
                j++;
            }
            double averageRank = (i + j) / 2.0 + 1;
            for (int k = i; k <= j; k++) {
                if (order[k] < m) {
                    memberRankSum += averageRank;
                }
            }
            i = j + 1;
        }
        return (memberRankSum - m * (m + 1) / 2.0) / ((double) m * n);
    }

    /** ROC analysis of a membership attack: AUC with its bootstrap interval, low-FPR operating points, curve. */
    public record RocSummary(double auc, double aucLower, double aucUpper, double tprAtFpr1Percent,
                             double tprAtFprTenthPercent, double[] fpr, double[] tpr) {
        /** Returns the chart fields: the ROC curve thinned to at most about 200 points. */
        public Map<String, Object> chart() {
            Map<String, Object> chart = new LinkedHashMap<>();
            List<Double> x = new ArrayList<>();
            List<Double> y = new ArrayList<>();
            int step = Math.max(1, fpr.length / 200);
            for (int i = 0; i < fpr.length; i += step) {
                x.add(fpr[i]);
                y.add(tpr[i]);
            }
            if ((fpr.length - 1) % step != 0) {
                x.add(fpr[fpr.length - 1]);
                y.add(tpr[tpr.length - 1]);
            }
            chart.put("roc_fpr", x);
            chart.put("roc_tpr", y);
            return chart;
        }
    }

    /**
     * Computes the ROC curve, the AUC with a percentile bootstrap 95 % interval (members and non-members
     * resampled separately), and the largest TPR whose FPR is at most 1 % and 0.1 %. With fewer than 1,000
     * non-members an FPR of 0.1 % means zero false positives.
     */
    public static RocSummary roc(double[] memberScores, double[] nonMemberScores, int bootstrapRounds, long seed) {
        double auc = auc(memberScores, nonMemberScores);
        double[][] curve = rocCurve(memberScores, nonMemberScores);
        SplittableRandom random = new SplittableRandom(seed);
        double[] replicates = new double[bootstrapRounds];
        double[] members = new double[memberScores.length];
        double[] nonMembers = new double[nonMemberScores.length];
        for (int round = 0; round < bootstrapRounds; round++) {
            for (int i = 0; i < members.length; i++) {
                members[i] = memberScores[random.nextInt(members.length)];
            }
            for (int i = 0; i < nonMembers.length; i++) {
                nonMembers[i] = nonMemberScores[random.nextInt(nonMembers.length)];
            }
            replicates[round] = auc(members, nonMembers);
        }
        double lower = bootstrapRounds > 0 ? quantile(replicates, 0.025) : auc;
        double upper = bootstrapRounds > 0 ? quantile(replicates, 0.975) : auc;
        return new RocSummary(auc, Math.min(lower, auc), Math.max(upper, auc), tprAtFpr(curve, 0.01),
                tprAtFpr(curve, 0.001), curve[0], curve[1]);
    }

    /** Returns {fpr, tpr} at every distinct threshold, from (0, 0) to (1, 1); a member scores high. */
    static double[][] rocCurve(double[] memberScores, double[] nonMemberScores) {
        int m = memberScores.length;
        int n = nonMemberScores.length;
        double[] all = new double[m + n];
        System.arraycopy(memberScores, 0, all, 0, m);
        System.arraycopy(nonMemberScores, 0, all, m, n);
        Integer[] order = new Integer[m + n];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        Arrays.sort(order, (a, b) -> Double.compare(all[b], all[a]));

        List<double[]> points = new ArrayList<>();
        points.add(new double[] {0, 0});
        int truePositives = 0;
        int falsePositives = 0;
        int i = 0;
        while (i < order.length) {
            int j = i;
            while (j < order.length && all[order[j]] == all[order[i]]) {
                if (order[j] < m) {
                    truePositives++;
                } else {
                    falsePositives++;
                }
                j++;
            }
            points.add(new double[] {falsePositives / (double) n, truePositives / (double) m});
            i = j;
        }

        double[] fpr = new double[points.size()];
        double[] tpr = new double[points.size()];
        for (int k = 0; k < points.size(); k++) {
            fpr[k] = points.get(k)[0];
            tpr[k] = points.get(k)[1];
        }
        return new double[][] {fpr, tpr};
    }

    private static double tprAtFpr(double[][] curve, double maxFpr) {
        double best = 0;
        for (int k = 0; k < curve[0].length; k++) {
            if (curve[0][k] <= maxFpr) {
                best = Math.max(best, curve[1][k]);
            }
        }
        return best;
    }

    /** Returns {@code count} distinct indexes from [0, size) in random order (all of them when count >= size). */
    static int[] sampleIndexes(int size, int count, SplittableRandom random) {
        int[] indexes = new int[size];
        for (int i = 0; i < size; i++) {
            indexes[i] = i;
        }
        int take = Math.min(size, count);
        for (int i = 0; i < take; i++) {
            int j = i + random.nextInt(size - i);
            int swap = indexes[i];
            indexes[i] = indexes[j];
            indexes[j] = swap;
        }
        return Arrays.copyOf(indexes, take);
    }
}
