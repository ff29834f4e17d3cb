package org.synthtrust.audit.privacy;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.synthtrust.core.table.Table;

/**
 * Attribute inference through the synthetic table: the attacker has a target's quasi-identifiers, finds
 * the nearest synthetic row on those columns ({@link MixedDistance} restricted to them, a 1-nearest-neighbour
 * model trained on the synthetic data) and guesses its secret. This is the inference attack of Giomi et al.
 * (2023, "A Unified Framework for Quantifying Privacy Risk in Synthetic Data", PETS). Accuracy on training
 * members is compared with accuracy on holdout records of the same count: the gap is the part of the
 * success that membership explains, and the normalised risk (member rate - holdout rate) / (1 - holdout
 * rate) is Anonymeter's inference risk. A guess is correct when it equals the secret (categories,
 * missing equals missing) or, for a numeric secret, lies within {@link #NUMERIC_TOLERANCE} of it relative to
 * the true value.
 */
public final class AttributeInference {
    /** Relative error a numeric guess may have and still count as correct (the Anonymeter default 0.05). */
    public static final double NUMERIC_TOLERANCE = 0.05;

    private AttributeInference() {
    }

    /** Outcome for one secret column. */
    public record Outcome(String secret, int targets, PrivacyStatistics.Interval memberAccuracy,
                          double holdoutAccuracy, double majorityBaseline, double gap,
                          PrivacyStatistics.Interval risk) {
    }

    /**
     * Runs the attack for one secret column.
     *
     * @param auxiliary the quasi-identifier columns the attacker has; must not contain the secret
     * @param maxTargets targets per group (training and holdout), chosen at random
     */
    public static Outcome run(Table train, Table holdout, Table synthetic, List<String> auxiliary, String secret,
                              int maxTargets, long seed) {
        List<String> all = new ArrayList<>(auxiliary);
        all.add(secret);
        boolean[] numeric = ColumnValues.numericKinds(train, all);
        int secretIndex = all.size() - 1;

        MixedDistance distance = MixedDistance.fit(train, auxiliary, DistanceScaling.IQR);
        EncodedRows syntheticRows = distance.encode(synthetic, "synthetic");
        SplittableRandom random = new SplittableRandom(seed);
        int targets = Math.min(maxTargets, Math.min(train.rowCount(), holdout.rowCount()));
        Table members = train.selectRows(PrivacyStatistics.sampleIndexes(train.rowCount(), targets, random));
        Table controls = holdout.selectRows(PrivacyStatistics.sampleIndexes(holdout.rowCount(), targets, random));

        ColumnValues syntheticValues = new ColumnValues(synthetic, all, numeric, "synthetic");
        ColumnValues memberValues = new ColumnValues(members, all, numeric, "training");
        ColumnValues controlValues = new ColumnValues(controls, all, numeric, "holdout");
        int[] memberGuesses = NearestNeighbourSearch.search(distance.encode(members, "training"), syntheticRows, false)
                .nearestIndex();
        int[] controlGuesses = NearestNeighbourSearch.search(distance.encode(controls, "holdout"), syntheticRows, false)
                .nearestIndex();
        int memberCorrect = countCorrect(memberValues, memberGuesses, syntheticValues, secretIndex);
        int controlCorrect = countCorrect(controlValues, controlGuesses, syntheticValues, secretIndex);

        int majorityRow = majorityRow(syntheticValues, secretIndex);
        int[] majorityGuesses = new int[targets];
        java.util.Arrays.fill(majorityGuesses, majorityRow);
        double baseline = countCorrect(memberValues, majorityGuesses, syntheticValues, secretIndex) / (double) targets;

        PrivacyStatistics.Interval memberAccuracy =
                PrivacyStatistics.wilson(memberCorrect, targets, PrivacyStatistics.Z95);
        double holdoutAccuracy = controlCorrect / (double) targets;
        return new Outcome(secret, targets, memberAccuracy, holdoutAccuracy, baseline,
                memberAccuracy.value() - holdoutAccuracy,
                PrivacyStatistics.normalisedRisk(memberAccuracy, holdoutAccuracy));
    }

    private static int countCorrect(ColumnValues targets, int[] guesses, ColumnValues synthetic, int secret) {
        int correct = 0;
        for (int row = 0; row < targets.rows; row++) {
            int guess = guesses[row];
            if (guess < 0) {
                continue;
            }
            if (targets.numeric[secret] && !targets.isMissing(secret, row) && !synthetic.isMissing(secret, guess)) {
                double truth = targets.numbers[secret][row];
                double guessed = synthetic.numbers[secret][guess];
                correct += Math.abs(guessed - truth) <= NUMERIC_TOLERANCE * Math.abs(truth) ? 1 : 0;
            } else {
                correct += targets.sameValue(secret, row, synthetic, guess) ? 1 : 0;
            }
        }
        return correct;
    }

    /** Returns a synthetic row holding the most frequent secret value (ties to the first seen). */
    private static int majorityRow(ColumnValues synthetic, int secret) {
        Map<Object, int[]> counts = new HashMap<>();
        Map<Object, Integer> firstRow = new HashMap<>();
        int best = 0;
        int bestRow = 0;
        for (int row = 0; row < synthetic.rows; row++) {
            Object value = synthetic.numeric[secret] ? (Object) synthetic.numbers[secret][row]
                    : synthetic.texts[secret][row];
            int[] count = counts.computeIfAbsent(value, key -> new int[1]);
            firstRow.putIfAbsent(value, row);
            count[0]++;
            if (count[0] > best) {
                best = count[0];
                bestRow = firstRow.get(value);
            }
        }
        return bestRow;
    }
}
