package org.synthtrust.core.io;

/**
 * Parses numbers in one {@link NumberSyntax} without boxing: each parse method returns whether the text is a
 * number and leaves the value in {@link #longValue()} or {@link #doubleValue()}. Not thread-safe; use one
 * instance per column and thread.
 */
public final class NumberParser {
    private final NumberSyntax syntax;
    private long longValue;
    private double doubleValue;

    public NumberParser(NumberSyntax syntax) {
        this.syntax = syntax;
    }

    public NumberSyntax syntax() {
        return syntax;
    }

    public long longValue() {
        return longValue;
    }

    public double doubleValue() {
        return doubleValue;
    }

    /** Parses a whole number that fits a long; a fraction, even {@code 3.0}, makes it not an integer. */
    public boolean parseLong(String text) {
        if (syntax.isPlain() && parsePlainLong(text)) {
            return true;
        }
        if (!mayBeNumber(text)) {
            return false;
        }
        String plain = syntax.toPlain(text);
        return plain != null && parsePlainLong(plain);
    }

    /** Parses a finite real number; integers count as reals. */
    public boolean parseDouble(String text) {
        if (syntax.isPlain() && parsePlainLong(text)) {
            doubleValue = longValue;
            return true;
        }
        if (!mayBeNumber(text)) {
            return false;
        }
        // Text made only of digits, sign, point and exponent goes to the JDK parser unchanged, because that
        // saves the copy toPlain makes. Anything else, such as surrounding spaces, takes the general path.
        String plain = syntax.isPlain() && hasOnlyPlainNumberChars(text) ? text : syntax.toPlain(text);
        if (plain == null) {
            return false;
        }
        try {
            double value = Double.parseDouble(plain);
            if (!Double.isFinite(value)) {
                return false;
            }
            doubleValue = value;
            return true;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    private static boolean hasOnlyPlainNumberChars(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (!((c >= '0' && c <= '9') || c == '.' || c == '-' || c == '+' || c == 'e' || c == 'E')) {
                return false;
            }
        }
        return true;
    }

    /** Cheap pre-check that rejects most words before any allocation. */
    private static boolean mayBeNumber(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c != ' ') {
                return (c >= '0' && c <= '9') || c == '-' || c == '+' || c == '.' || c == ',';
            }
        }
        return false;
    }

    private boolean parsePlainLong(String text) {
        int length = text.length();
        if (length == 0 || length > 20) {
            return false;
        }
        int position = 0;
        boolean negative = false;
        char first = text.charAt(0);
        if (first == '-' || first == '+') {
            negative = first == '-';
            position = 1;
            if (length == 1) {
                return false;
            }
        }
        // Accumulate negatively so that Long.MIN_VALUE parses without overflow.
        long value = 0;
        for (; position < length; position++) {
            char c = text.charAt(position);
            if (c < '0' || c > '9') {
                return false;
            }
            int digit = c - '0';
            if (value < (Long.MIN_VALUE + digit) / 10) {
                return false;
            }
            value = value * 10 - digit;
        }
        if (!negative) {
            if (value == Long.MIN_VALUE) {
                return false;
            }
            value = -value;
        }
        longValue = value;
        return true;
    }
}
