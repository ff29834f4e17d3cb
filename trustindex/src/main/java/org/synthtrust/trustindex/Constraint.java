package org.synthtrust.trustindex;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.synthtrust.core.InvalidInputException;

/**
 * A hard constraint that disqualifies a candidate whatever its trust index, such as {@code epsilon<=1},
 * {@code privacy.mia.distance.auc<=0.6} or {@code privacy.epsilon_audit.lower_bound<=epsilon}. Each side is a
 * number, {@code epsilon} (the candidate's claimed epsilon) or a metric id; the operators are
 * {@code <=, <, >=, >}.
 *
 * <p>When the right side is {@code privacy.exact_match.holdout_rate}, it is replaced by the one-sided 99 %
 * Wilson upper confidence bound of that rate, because the holdout rate is itself estimated from a sample and
 * an honest model of a small domain would otherwise be disqualified by chance about half the time.
 *
 * <p>A side that cannot be evaluated (a metric that was not computed, or {@code epsilon} for a candidate that
 * claims none) leaves a default constraint unchecked, and disqualifies under an analyst's constraint because
 * the analyst asked for a guarantee that cannot be shown.
 */
public record Constraint(String expression, String left, Operator operator, String right, boolean isDefault) {

    /** Comparison operators, longest spelling first so {@code <=} is not read as {@code <}. */
    public enum Operator {
        LESS_OR_EQUAL("<="),
        GREATER_OR_EQUAL(">="),
        LESS("<"),
        GREATER(">");

        private final String symbol;

        Operator(String symbol) {
            this.symbol = symbol;
        }

        @JsonValue
        public String symbol() {
            return symbol;
        }

        boolean holds(double left, double right) {
            return switch (this) {
                case LESS_OR_EQUAL -> left <= right;
                case GREATER_OR_EQUAL -> left >= right;
                case LESS -> left < right;
                case GREATER -> left > right;
            };
        }
    }

    public static final String EPSILON = "epsilon";

    /** The constraints that apply unless a study sets {@code default_constraints: false}. */
    public static final List<String> DEFAULTS = List.of(
            ScoreRules.EXACT_MATCH_RATE + "<=" + ScoreRules.EXACT_MATCH_HOLDOUT_RATE,
            ScoreRules.EPSILON_AUDIT_LOWER_BOUND + "<=" + EPSILON);

    /** z such that P(Z > z) = 0.01 for a standard normal Z: the one-sided 99 % margin. */
    static final double Z_99_ONE_SIDED = 2.3263478740408408;

    private static final Pattern FORM = Pattern.compile("^\\s*([^<>=\\s]+)\\s*(<=|>=|<|>)\\s*([^<>=\\s]+)\\s*$");
    private static final Pattern METRIC_ID = Pattern.compile("^[a-z0-9_]+(\\.[a-z0-9_]+)+$");

    /** Parses an expression; {@code setting} names where it came from for the error message. */
    public static Constraint parse(String expression, boolean isDefault, String setting) {
        if (expression == null) {
            throw new InvalidInputException(setting + ": a constraint is empty; write for example epsilon<=1");
        }
        Matcher matcher = FORM.matcher(expression);
        if (!matcher.matches()) {
            throw new InvalidInputException(setting + ": constraint '" + expression + "' is invalid; write "
                    + "LEFT OP RIGHT with OP one of <=, <, >=, > (for example privacy.mia.distance.auc<=0.6)");
        }
        String left = checkOperand(matcher.group(1), expression, setting);
        String right = checkOperand(matcher.group(3), expression, setting);
        Operator operator = null;
        for (Operator candidate : Operator.values()) {
            if (candidate.symbol.equals(matcher.group(2))) {
                operator = candidate;
            }
        }
        return new Constraint(expression.trim(), left, operator, right, isDefault);
    }

    private static String checkOperand(String operand, String expression, String setting) {
        if (isNumber(operand) || operand.equals(EPSILON) || METRIC_ID.matcher(operand).matches()) {
            return operand;
        }
        throw new InvalidInputException(setting + ": '" + operand + "' in constraint '" + expression
                + "' is neither a number, epsilon nor a metric id such as privacy.mia.distance.auc");
    }

    static boolean isNumber(String operand) {
        try {
            return Double.isFinite(Double.parseDouble(operand));
        } catch (NumberFormatException e) {
            return false;
        }
    }

    /** Values a constraint reads for one candidate. */
    public interface Operands {
        /** The candidate's claimed epsilon, or null. */
        Double epsilon();

        /** The metric's value (mean over repeats), or null when it was not computed. */
        Double metric(String id);

        /** The number of holdout rows behind the exact-match holdout rate, or null when unknown. */
        Integer holdoutRows();
    }

    /** Outcome of one constraint on one candidate. */
    public record Check(String expression, boolean isDefault, Outcome outcome, Double left, Double right,
                        String detail) {
    }

    /** Whether a constraint held. */
    public enum Outcome {
        PASSED, VIOLATED, NOT_CHECKED;

        @JsonValue
        public String id() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** Evaluates the constraint for one candidate. */
    public Check evaluate(Operands operands) {
        Double leftValue = value(left, operands);
        Double rightValue = value(right, operands);
        String detail = null;
        if (leftValue == null || rightValue == null) {
            String missing = leftValue == null ? left : right;
            String why = missing.equals(EPSILON) ? "the candidate claims no epsilon"
                    : "metric " + missing + " was not computed";
            if (isDefault) {
                return new Check(expression, true, Outcome.NOT_CHECKED, leftValue, rightValue, why);
            }
            return new Check(expression, false, Outcome.VIOLATED, leftValue, rightValue, "cannot be checked: "
                    + why);
        }
        if (right.equals(ScoreRules.EXACT_MATCH_HOLDOUT_RATE)) {
            Integer rows = operands.holdoutRows();
            if (rows != null && rows > 0) {
                double bound = wilsonUpper(rightValue, rows, Z_99_ONE_SIDED);
                detail = String.format(Locale.ROOT, "holdout rate %.4g widened to its 99%% upper bound %.4g "
                        + "(Wilson, %d holdout rows)", rightValue, bound, rows);
                rightValue = bound;
            } else {
                detail = "holdout row count unknown, so the holdout rate is compared without a margin";
            }
        }
        boolean holds = operator.holds(leftValue, rightValue);
        return new Check(expression, isDefault, holds ? Outcome.PASSED : Outcome.VIOLATED, leftValue,
                rightValue, detail);
    }

    private static Double value(String operand, Operands operands) {
        if (isNumber(operand)) {
            return Double.parseDouble(operand);
        }
        if (operand.equals(EPSILON)) {
            return operands.epsilon();
        }
        return operands.metric(operand);
    }

    /** Returns the one-sided Wilson score upper bound of a binomial proportion observed over {@code trials}. */
    static double wilsonUpper(double proportion, int trials, double z) {
        double z2 = z * z;
        double centre = proportion + z2 / (2.0 * trials);
        double spread = z * Math.sqrt(proportion * (1 - proportion) / trials + z2 / (4.0 * trials * trials));
        return Math.min(1, (centre + spread) / (1 + z2 / trials));
    }
}
