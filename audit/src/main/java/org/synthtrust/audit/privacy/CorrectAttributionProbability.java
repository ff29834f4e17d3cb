package org.synthtrust.audit.privacy;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.synthtrust.core.table.Table;

/**
 * Correct attribution probability (CAP) of Taub, Elliot, Pampaka and Smith (2018, "Differential correct
 * attribution probability for synthetic data: an exploration", PSD). For each real record, the synthetic
 * rows that equal it on every key column (the quasi-identifiers) vote for the target (sensitive) value. The
 * record's CAP is the share of votes for its true value. The score is the mean over records with at least
 * one matching synthetic row.
 *
 * <p>The baseline is the CAP of an attacker who only knows the real marginal of the target, sum over values
 * of p(v)^2. The normalised score (CAP - baseline) / (1 - baseline) is not computable when the target has one
 * value, since then 1 - baseline is 0 and any guess is right.
 */
public final class CorrectAttributionProbability {
    private CorrectAttributionProbability() {
    }

    /**
     * Result: {@code score} and {@code normalised} are NaN when not computable, with the reason set.
     *
     * @param matchedRecords records that at least one synthetic row matches on the key
     */
    public record Outcome(double score, double baseline, double normalised, int matchedRecords, int records,
                          String scoreReason, String normalisedReason) {
    }

    /** Computes CAP for the records of {@code real} against the synthetic table. */
    public static Outcome compute(Table real, Table synthetic, List<String> keys, String target) {
        List<String> all = new ArrayList<>(keys);
        all.add(target);
        boolean[] numeric = ColumnValues.numericKinds(real, all);
        ColumnValues realValues = new ColumnValues(real, all, numeric, "real");
        ColumnValues syntheticValues = new ColumnValues(synthetic, all, numeric, "synthetic");
        int targetIndex = keys.size();

        Map<List<Object>, Map<Object, Integer>> votes = new HashMap<>();
        for (int row = 0; row < syntheticValues.rows; row++) {
            votes.computeIfAbsent(key(syntheticValues, row, keys.size()), k -> new HashMap<>())
                    .merge(cell(syntheticValues, targetIndex, row), 1, Integer::sum);
        }

        Map<Object, Integer> marginal = new HashMap<>();
        for (int row = 0; row < realValues.rows; row++) {
            marginal.merge(cell(realValues, targetIndex, row), 1, Integer::sum);
        }
        double baseline = 0;
        for (int count : marginal.values()) {
            double p = count / (double) realValues.rows;
            baseline += p * p;
        }

        double sum = 0;
        int matched = 0;
        for (int row = 0; row < realValues.rows; row++) {
            Map<Object, Integer> recordVotes = votes.get(key(realValues, row, keys.size()));
            if (recordVotes == null) {
                continue;
            }
            int total = 0;
            for (int count : recordVotes.values()) {
                total += count;
            }
            sum += recordVotes.getOrDefault(cell(realValues, targetIndex, row), 0) / (double) total;
            matched++;
        }

        String scoreReason = matched == 0 ? "not computable: no synthetic record matches a real key" : null;
        double score = matched == 0 ? Double.NaN : sum / matched;
        String normalisedReason = null;
        double normalised = Double.NaN;
        if (marginal.size() <= 1) {
            normalisedReason = "not computable: the baseline is 0 because '" + target + "' has one value";
        } else if (matched == 0) {
            normalisedReason = scoreReason;
        } else {
            normalised = PrivacyStatistics.clamp((score - baseline) / (1 - baseline));
        }
        return new Outcome(score, baseline, normalised, matched, realValues.rows, scoreReason, normalisedReason);
    }

    private static List<Object> key(ColumnValues values, int row, int keyColumns) {
        List<Object> key = new ArrayList<>(keyColumns);
        for (int c = 0; c < keyColumns; c++) {
            key.add(cell(values, c, row));
        }
        return key;
    }

    /** Returns a hashable cell value; a missing cell maps to a marker distinct from every value. */
    private static Object cell(ColumnValues values, int column, int row) {
        if (values.isMissing(column, row)) {
            return MissingCell.INSTANCE;
        }
        return values.numeric[column] ? (Object) values.numbers[column][row] : values.texts[column][row];
    }

    private enum MissingCell { INSTANCE }
}
