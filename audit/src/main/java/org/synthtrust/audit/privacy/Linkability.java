package org.synthtrust.audit.privacy;

import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.IntStream;
import org.synthtrust.core.table.Table;

/**
 * Linkability attack of Giomi et al. (2023, "A Unified Framework for Quantifying Privacy Risk in Synthetic
 * Data", PETS; Anonymeter). The attacker has two disjoint sets of columns of the same target, as if from
 * two data sources, and links them through the synthetic table: the link succeeds when a synthetic row is
 * among the nearest to the target on the first set and also among the nearest on the second. Holdout
 * records give the control rate.
 *
 * <p>Deviation from Anonymeter: instead of the single nearest row, every row tied at the minimum distance
 * counts as nearest. A copied record whose columns are shared by many others (two low-cardinality columns)
 * is then still linked, and the control run gets the same generosity.
 */
public final class Linkability {
    private Linkability() {
    }

    /** Attack and control rates and the normalised risk. */
    public record Outcome(int targets, PrivacyStatistics.Interval attackRate, PrivacyStatistics.Interval controlRate,
                          PrivacyStatistics.Interval risk) {
    }

    /**
     * Runs the attack on up to {@code maxTargets} training and as many holdout rows.
     *
     * @throws IllegalArgumentException when a column set is empty or the two overlap
     */
    public static Outcome run(Table train, Table holdout, Table synthetic, List<String> first, List<String> second,
                              int maxTargets, long seed) {
        if (first.isEmpty() || second.isEmpty()) {
            throw new IllegalArgumentException("linkability needs two non-empty column sets; got " + first + " and "
                    + second);
        }
        for (String column : first) {
            if (second.contains(column)) {
                throw new IllegalArgumentException("linkability column sets must be disjoint; '" + column
                        + "' is in both");
            }
        }
        MixedDistance firstDistance = MixedDistance.fit(train, first, DistanceScaling.IQR);
        MixedDistance secondDistance = MixedDistance.fit(train, second, DistanceScaling.IQR);
        SplittableRandom random = new SplittableRandom(seed);
        int targets = Math.min(maxTargets, Math.min(train.rowCount(), holdout.rowCount()));
        Table members = train.selectRows(PrivacyStatistics.sampleIndexes(train.rowCount(), targets, random));
        Table controls = holdout.selectRows(PrivacyStatistics.sampleIndexes(holdout.rowCount(), targets, random));

        EncodedRows syntheticFirst = firstDistance.encode(synthetic, "synthetic");
        EncodedRows syntheticSecond = secondDistance.encode(synthetic, "synthetic");
        int attack = countLinked(firstDistance.encode(members, "training"), secondDistance.encode(members, "training"),
                syntheticFirst, syntheticSecond);
        int control = countLinked(firstDistance.encode(controls, "holdout"), secondDistance.encode(controls, "holdout"),
                syntheticFirst, syntheticSecond);
        PrivacyStatistics.Interval attackRate = PrivacyStatistics.wilson(attack, targets, PrivacyStatistics.Z95);
        PrivacyStatistics.Interval controlRate = PrivacyStatistics.wilson(control, targets, PrivacyStatistics.Z95);
        return new Outcome(targets, attackRate, controlRate,
                PrivacyStatistics.normalisedRisk(attackRate, controlRate.value()));
    }

    private static int countLinked(EncodedRows targetsFirst, EncodedRows targetsSecond, EncodedRows syntheticFirst,
                                   EncodedRows syntheticSecond) {
        int synthetic = syntheticFirst.rows();
        return (int) IntStream.range(0, targetsFirst.rows()).parallel().filter(target -> {
            double[] firstDistances = new double[synthetic];
            double[] secondDistances = new double[synthetic];
            double firstMinimum = Double.POSITIVE_INFINITY;
            double secondMinimum = Double.POSITIVE_INFINITY;
            for (int row = 0; row < synthetic; row++) {
                firstDistances[row] = targetsFirst.distanceSum(target, syntheticFirst, row, Double.POSITIVE_INFINITY);
                secondDistances[row] = targetsSecond.distanceSum(target, syntheticSecond, row, Double.POSITIVE_INFINITY);
                firstMinimum = Math.min(firstMinimum, firstDistances[row]);
                secondMinimum = Math.min(secondMinimum, secondDistances[row]);
            }
            for (int row = 0; row < synthetic; row++) {
                if (firstDistances[row] == firstMinimum && secondDistances[row] == secondMinimum) {
                    return true;
                }
            }
            return false;
        }).count();
    }
}
