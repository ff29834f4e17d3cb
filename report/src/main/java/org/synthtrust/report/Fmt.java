package org.synthtrust.report;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;

/** Number formats shared by the PDF and HTML renderers, so both show the same digits as tests expect. */
public final class Fmt {
    private Fmt() { }

    /**
     * Formats a value with at most 6 significant digits and no trailing zeros. Values below 1e-4 use an
     * exponent (1e-6), and null becomes an en dash.
     */
    public static String num(Double value) {
        if (value == null) {
            return "\u2013";
        }
        if (value.isNaN() || value.isInfinite()) {
            return value.toString();
        }
        if (value == 0.0) {
            return "0";
        }
        BigDecimal rounded = new BigDecimal(value).round(new MathContext(6, RoundingMode.HALF_EVEN)).stripTrailingZeros();
        if (Math.abs(value) < 1e-4) {
            return rounded.toString().replace("E", "e");
        }
        return rounded.toPlainString();
    }

    /** Formats a value in [0, 1] with 3 decimals, as used for scores and shares. */
    public static String score(Double value) {
        return value == null ? "\u2013" : String.format(java.util.Locale.ROOT, "%.3f", value);
    }

    /** Formats a value in [0, 1] as a percentage with one decimal. */
    public static String percent(Double value) {
        return value == null ? "\u2013" : String.format(java.util.Locale.ROOT, "%.1f%%", 100 * value);
    }

    /** Formats a count with thousands separators. */
    public static String count(long value) {
        return String.format(java.util.Locale.ROOT, "%,d", value);
    }
}
