package org.synthtrust.core.privacy;

import java.util.Locale;
import org.synthtrust.core.InvalidInputException;

/**
 * A validated (epsilon, delta) differential-privacy target.
 *
 * <p>Neighbouring relation: two tables are neighbours when one is the other with one row added or removed
 * (unbounded DP). Every sensitivity in this package is stated for that relation, so a count has L1 and L2
 * sensitivity 1. Settings that depend on the row count must use a noisy total charged to the ledger (see
 * {@link PrivacyLedger#noisyTotal}) or a user-set value, never the true count.
 *
 * <p>Valid values: epsilon finite and greater than 0, delta in [0, 1). Delta must also lie far below 1/n for a
 * table of n rows ({@link #checkDeltaForRows}); with delta close to 1/n a mechanism may publish a whole row.
 */
public final class PrivacyBudget {

    /** Epsilon above which the guarantee is too weak to mean much; callers warn the user. */
    public static final double WEAK_EPSILON = 10.0;

    private final double epsilon;
    private final double delta;

    private PrivacyBudget(double epsilon, double delta) {
        this.epsilon = epsilon;
        this.delta = delta;
    }

    /**
     * Validates and creates a budget.
     *
     * @throws InvalidInputException when epsilon is not finite and greater than 0, or delta is not in [0, 1)
     */
    public static PrivacyBudget of(double epsilon, double delta) {
        requireValidEpsilon("epsilon", epsilon);
        if (Double.isNaN(delta) || delta < 0 || delta >= 1) {
            throw new InvalidInputException("delta must be at least 0 and less than 1; got " + format(delta)
                    + ". Use 0 for pure epsilon-DP or a small value such as 1e-6.");
        }
        return new PrivacyBudget(epsilon, delta);
    }

    /**
     * Parses a budget from setting text, as given on the command line or in a configuration file.
     *
     * @throws InvalidInputException when a value is not a number or is out of range
     */
    public static PrivacyBudget parse(String epsilonText, String deltaText) {
        return of(parseNumber("epsilon", epsilonText, "a number greater than 0"),
                parseNumber("delta", deltaText, "a number in [0, 1)"));
    }

    private static double parseNumber(String name, String text, String range) {
        if (text == null || text.isBlank()) {
            throw new InvalidInputException(name + " is missing; set it to " + range + ".");
        }
        try {
            return Double.parseDouble(text.trim());
        } catch (NumberFormatException e) {
            throw new InvalidInputException(name + " must be " + range + "; got '" + text + "'.", e);
        }
    }

    static void requireValidEpsilon(String name, double value) {
        if (Double.isNaN(value) || value <= 0 || Double.isInfinite(value)) {
            throw new InvalidInputException(name + " must be greater than 0; got " + format(value)
                    + ". Set a finite value such as 1.0 (smaller means more privacy and more noise).");
        }
    }

    public double epsilon() {
        return epsilon;
    }

    public double delta() {
        return delta;
    }

    /**
     * Rejects a delta that is not far below 1/n for a table of {@code rows} rows, unless the user explicitly
     * allowed a large delta ({@code --allow-large-delta} on the command line, a confirmation in the GUI).
     *
     * <p>NOTE: {@code rows} is the true row count, so the caller must not publish the outcome beyond the
     * accept/reject decision taken before any training starts.
     *
     * @throws InvalidInputException when delta is at least 1/rows and large deltas are not allowed
     */
    public void checkDeltaForRows(long rows, boolean allowLargeDelta) {
        if (rows <= 0 || allowLargeDelta) {
            return;
        }
        double inverseRows = 1.0 / rows;
        if (delta >= inverseRows) {
            throw new InvalidInputException("delta = " + format(delta) + " is too large for a table of " + rows
                    + " rows: delta should be far below 1/n = " + format(inverseRows)
                    + ". Lower delta (for example to " + format(suggestedDelta(rows))
                    + ") or allow it explicitly with --allow-large-delta.");
        }
    }

    private static double suggestedDelta(long rows) {
        // A common choice is delta of order 1/n^1.5, rounded down to a power of ten.
        double target = Math.pow(rows, -1.5);
        return Math.pow(10, Math.floor(Math.log10(target)));
    }

    /**
     * Rejects delta = 0 for a method whose guarantee is approximate DP (zCDP- or RDP-based methods).
     *
     * @param methodName the name shown to the user, e.g. "AIM"
     */
    public void requirePositiveDelta(String methodName) {
        if (delta <= 0) {
            throw new InvalidInputException(methodName + " needs delta > 0; got delta = " + format(delta)
                    + ". Its guarantee is (epsilon, delta)-DP: set a small delta such as 1e-6,"
                    + " or choose a pure epsilon-DP method such as PrivBayes.");
        }
    }

    /** Returns true when epsilon exceeds {@value #WEAK_EPSILON}, a level that gives no meaningful protection. */
    public boolean isWeak() {
        return epsilon > WEAK_EPSILON;
    }

    /**
     * Splits this budget into a pure epsilon-DP pre-processing share (e.g. DP bounds estimation) and the
     * training share, composed by basic composition: a pure (e1, 0) step followed by an (e2, delta) step is
     * (e1 + e2, delta)-DP. The ledger may compose tighter, never looser. Call this before touching any data.
     *
     * @throws InvalidInputException when the pre-processing epsilon is invalid or leaves nothing for training
     */
    public BudgetSplit splitForPreprocessing(double preprocessingEpsilon) {
        requireValidEpsilon("preprocessing epsilon", preprocessingEpsilon);
        double remaining = epsilon - preprocessingEpsilon;
        if (remaining <= 0) {
            throw new InvalidInputException("after " + formatDecimal(preprocessingEpsilon) + " for preprocessing, "
                    + format(remaining) + " remains for training out of epsilon = " + formatDecimal(epsilon)
                    + ". Lower the preprocessing epsilon below " + formatDecimal(epsilon) + " or raise epsilon.");
        }
        PrivacyBudget preprocessing = new PrivacyBudget(preprocessingEpsilon, 0.0);
        PrivacyBudget training = new PrivacyBudget(remaining, delta);
        String warning = null;
        if (remaining < BudgetSplit.SMALL_TRAINING_SHARE * epsilon) {
            warning = BudgetSplit.describeSmallRemainder(this, preprocessingEpsilon, remaining);
        }
        return new BudgetSplit(this, preprocessing, training, warning);
    }

    /** Formats like {@link #format} but keeps one decimal on whole numbers ("1.0"), as epsilons are usually written. */
    static String formatDecimal(double value) {
        String text = format(value);
        return text.matches("-?\\d+") ? text + ".0" : text;
    }

    /** Formats a number for messages: whole numbers without decimals, others with up to 6 significant digits. */
    static String format(double value) {
        if (value == Math.rint(value) && Math.abs(value) < 1e15) {
            return String.valueOf((long) value);
        }
        if (Double.isNaN(value) || Double.isInfinite(value)) {
            return String.valueOf(value);
        }
        String text = String.format(Locale.ROOT, "%.6g", value);
        if (text.contains("e")) {
            return text.replaceAll("\\.?0+e", "e");
        }
        return text.contains(".") ? text.replaceAll("0+$", "").replaceAll("\\.$", "") : text;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof PrivacyBudget that
                && Double.compare(epsilon, that.epsilon) == 0 && Double.compare(delta, that.delta) == 0;
    }

    @Override
    public int hashCode() {
        return Double.hashCode(epsilon) * 31 + Double.hashCode(delta);
    }

    @Override
    public String toString() {
        return "(epsilon = " + format(epsilon) + ", delta = " + format(delta) + ")";
    }
}
