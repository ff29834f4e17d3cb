package org.synthtrust.audit.privacy;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import org.synthtrust.core.table.Table;

/**
 * Singling-out attack of Giomi, Boenisch, Wehmeyer and Tasnádi (2023, "A Unified Framework for Quantifying
 * Privacy Risk in Synthetic Data", PETS; the Anonymeter tool). The attacker writes predicates that match
 * exactly one synthetic row and bets that each also matches exactly one training row. The same predicates
 * run on the holdout give the control rate, the success an attacker would have without the training rows.
 *
 * <p>Predicates refer to columns by their index in the audited column list and compare parsed values; no
 * column name or value is ever spliced into a query string. Training and holdout are cut to the same number
 * of rows (the smaller table's) because a predicate singles out more easily in a smaller table, which
 * would bias the control rate.
 */
public final class SinglingOut {
    /** Default number of predicates per attack, the Anonymeter default order of magnitude. */
    public static final int DEFAULT_QUERIES = 500;
    /** Columns combined in one multivariate predicate. */
    public static final int DEFAULT_PREDICATE_COLUMNS = 3;

    private SinglingOut() {
    }

    /** Comparison in one predicate term. */
    public enum Operator { EQUALS, AT_MOST, AT_LEAST, IS_MISSING }

    /** One term: column index, operator and the synthetic value it compares with. */
    public record Term(int column, Operator operator, double number, String text) {
        boolean matches(ColumnValues table, int row) {
            if (operator == Operator.IS_MISSING) {
                return table.isMissing(column, row);
            }
            if (table.isMissing(column, row)) {
                return false;
            }
            if (table.numeric[column]) {
                double value = table.numbers[column][row];
                return switch (operator) {
                    case EQUALS -> value == number;
                    case AT_MOST -> value <= number;
                    case AT_LEAST -> value >= number;
                    case IS_MISSING -> false;
                };
            }
            return text.equals(table.texts[column][row]);
        }
    }

    /** A conjunction of terms. */
    public record Predicate(List<Term> terms) {
        boolean matches(ColumnValues table, int row) {
            for (Term term : terms) {
                if (!term.matches(table, row)) {
                    return false;
                }
            }
            return true;
        }

        /** True when exactly one row of the table matches. */
        boolean singlesOut(ColumnValues table) {
            int matches = 0;
            for (int row = 0; row < table.rows && matches < 2; row++) {
                if (matches(table, row)) {
                    matches++;
                }
            }
            return matches == 1;
        }
    }

    /**
     * Outcome of one attack. {@code predicates} hold synthetic values and stay in memory: they are never
     * written to results, because a successful predicate describes a real record too.
     */
    public record Outcome(List<Predicate> predicates, List<Boolean> attackSuccess, int attackSuccesses,
                          int controlSuccesses, PrivacyStatistics.Interval attackRate,
                          PrivacyStatistics.Interval controlRate, PrivacyStatistics.Interval risk) {
    }

    /**
     * Builds univariate predicates: {@code column == value} for every value that occurs once in a synthetic
     * column, and for numeric columns {@code column <= minimum} and {@code column >= maximum} when those
     * extremes occur once. At most {@code maxQueries} of them, chosen at random, are evaluated.
     *
     * @throws IllegalStateException when no predicate singles out a synthetic row
     */
    public static Outcome univariate(Table train, Table holdout, Table synthetic, List<String> columns,
                                     int maxQueries, long seed) {
        boolean[] numeric = ColumnValues.numericKinds(train, columns);
        ColumnValues syntheticValues = new ColumnValues(synthetic, columns, numeric, "synthetic");
        List<Predicate> candidates = new ArrayList<>();
        for (int c = 0; c < columns.size(); c++) {
            Map<Object, Integer> counts = new HashMap<>();
            double minimum = Double.POSITIVE_INFINITY;
            double maximum = Double.NEGATIVE_INFINITY;
            for (int row = 0; row < syntheticValues.rows; row++) {
                if (syntheticValues.isMissing(c, row)) {
                    continue;
                }
                Object value = numeric[c] ? (Object) syntheticValues.numbers[c][row] : syntheticValues.texts[c][row];
                counts.merge(value, 1, Integer::sum);
                if (numeric[c]) {
                    minimum = Math.min(minimum, syntheticValues.numbers[c][row]);
                    maximum = Math.max(maximum, syntheticValues.numbers[c][row]);
                }
            }
            for (Map.Entry<Object, Integer> entry : counts.entrySet()) {
                if (entry.getValue() != 1) {
                    continue;
                }
                candidates.add(numeric[c]
                        ? new Predicate(List.of(new Term(c, Operator.EQUALS, (Double) entry.getKey(), null)))
                        : new Predicate(List.of(new Term(c, Operator.EQUALS, Double.NaN, (String) entry.getKey()))));
                if (numeric[c] && (Double) entry.getKey() == minimum) {
                    candidates.add(new Predicate(List.of(new Term(c, Operator.AT_MOST, minimum, null))));
                }
                if (numeric[c] && (Double) entry.getKey() == maximum) {
                    candidates.add(new Predicate(List.of(new Term(c, Operator.AT_LEAST, maximum, null))));
                }
            }
        }
        // Candidates come from hash maps; sort by a stable description so the seeded choice is reproducible.
        candidates.sort((a, b) -> describe(a).compareTo(describe(b)));
        SplittableRandom random = new SplittableRandom(seed);
        List<Predicate> chosen = new ArrayList<>();
        for (int index : PrivacyStatistics.sampleIndexes(candidates.size(), maxQueries, random)) {
            chosen.add(candidates.get(index));
        }
        return evaluate(chosen, train, holdout, columns, numeric, random);
    }

    /**
     * Builds multivariate predicates from random synthetic rows: a random set of {@code predicateColumns}
     * columns, each with {@code ==} for a category, a randomly chosen {@code <=} or {@code >=} for a number,
     * and a missing test for a missing cell; a predicate is kept when it matches exactly one synthetic row.
     * Up to 10 x {@code maxQueries} rows are tried.
     *
     * @throws IllegalStateException when no predicate singles out a synthetic row
     */
    public static Outcome multivariate(Table train, Table holdout, Table synthetic, List<String> columns,
                                       int predicateColumns, int maxQueries, long seed) {
        boolean[] numeric = ColumnValues.numericKinds(train, columns);
        ColumnValues syntheticValues = new ColumnValues(synthetic, columns, numeric, "synthetic");
        SplittableRandom random = new SplittableRandom(seed);
        Set<Predicate> chosen = new LinkedHashSet<>();
        int width = Math.min(predicateColumns, columns.size());
        for (int attempt = 0; attempt < 10 * maxQueries && chosen.size() < maxQueries
                && syntheticValues.rows > 0; attempt++) {
            int row = random.nextInt(syntheticValues.rows);
            List<Term> terms = new ArrayList<>();
            for (int c : PrivacyStatistics.sampleIndexes(columns.size(), width, random)) {
                if (syntheticValues.isMissing(c, row)) {
                    terms.add(new Term(c, Operator.IS_MISSING, Double.NaN, null));
                } else if (numeric[c]) {
                    Operator operator = random.nextBoolean() ? Operator.AT_MOST : Operator.AT_LEAST;
                    terms.add(new Term(c, operator, syntheticValues.numbers[c][row], null));
                } else {
                    terms.add(new Term(c, Operator.EQUALS, Double.NaN, syntheticValues.texts[c][row]));
                }
            }
            Predicate predicate = new Predicate(List.copyOf(terms));
            if (predicate.singlesOut(syntheticValues)) {
                chosen.add(predicate);
            }
        }
        return evaluate(new ArrayList<>(chosen), train, holdout, columns, numeric, random);
    }

    private static Outcome evaluate(List<Predicate> predicates, Table train, Table holdout, List<String> columns,
                                    boolean[] numeric, SplittableRandom random) {
        if (predicates.isEmpty()) {
            throw new IllegalStateException("no predicate singles out a synthetic row, so the singling-out attack ran "
                    + "no query; this says nothing about the risk");
        }
        int rows = Math.min(train.rowCount(), holdout.rowCount());
        Table trainSubset = train.rowCount() == rows ? train
                : train.selectRows(PrivacyStatistics.sampleIndexes(train.rowCount(), rows, random));
        Table holdoutSubset = holdout.rowCount() == rows ? holdout
                : holdout.selectRows(PrivacyStatistics.sampleIndexes(holdout.rowCount(), rows, random));
        ColumnValues trainValues = new ColumnValues(trainSubset, columns, numeric, "training");
        ColumnValues holdoutValues = new ColumnValues(holdoutSubset, columns, numeric, "holdout");
        List<Boolean> attackSuccess = new ArrayList<>();
        int attack = 0;
        int control = 0;
        for (Predicate predicate : predicates) {
            boolean success = predicate.singlesOut(trainValues);
            attackSuccess.add(success);
            attack += success ? 1 : 0;
            control += predicate.singlesOut(holdoutValues) ? 1 : 0;
        }
        PrivacyStatistics.Interval attackRate = PrivacyStatistics.wilson(attack, predicates.size(), PrivacyStatistics.Z95);
        PrivacyStatistics.Interval controlRate =
                PrivacyStatistics.wilson(control, predicates.size(), PrivacyStatistics.Z95);
        return new Outcome(List.copyOf(predicates), List.copyOf(attackSuccess), attack, control, attackRate,
                controlRate, PrivacyStatistics.normalisedRisk(attackRate, controlRate.value()));
    }

    private static String describe(Predicate predicate) {
        StringBuilder text = new StringBuilder();
        for (Term term : predicate.terms()) {
            text.append(term.column()).append(term.operator()).append(term.number()).append(term.text()).append(';');
        }
        return text.toString();
    }
}
