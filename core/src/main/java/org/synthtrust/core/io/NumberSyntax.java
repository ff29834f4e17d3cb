package org.synthtrust.core.io;

/**
 * Decimal and thousands-grouping separators of the numbers in a column. {@link #PLAIN} is the programming
 * form ({@code -1234.5}, exponent allowed, no grouping). A grouping separator counts only when every group
 * after the first has exactly three digits, so {@code 1,234,567} is grouped but {@code 12,34} is not.
 *
 * @param decimalSeparator  '.' or ','
 * @param groupingSeparator '.', ',', ' ' or {@code 0} for none; never equal to the decimal separator
 */
public record NumberSyntax(char decimalSeparator, char groupingSeparator) {
    public static final char NO_GROUPING = 0;

    /** Dot decimal, no grouping: what Java, R and Python write. */
    public static final NumberSyntax PLAIN = new NumberSyntax('.', NO_GROUPING);
    /** Comma decimal with dot grouping, as in German or Brazilian spreadsheets ({@code 1.234,5}). */
    public static final NumberSyntax COMMA_DECIMAL = new NumberSyntax(',', '.');
    /** Dot decimal with comma grouping, as in English spreadsheets ({@code 1,234.5}). */
    public static final NumberSyntax COMMA_GROUPING = new NumberSyntax('.', ',');

    public NumberSyntax {
        if (decimalSeparator != '.' && decimalSeparator != ',') {
            throw new IllegalArgumentException("decimal separator must be '.' or ',', got '" + decimalSeparator + "'");
        }
        if (groupingSeparator == decimalSeparator) {
            throw new IllegalArgumentException("grouping and decimal separator are both '" + decimalSeparator + "'");
        }
    }

    public boolean isPlain() {
        return decimalSeparator == '.' && groupingSeparator == NO_GROUPING;
    }

    /**
     * Rewrites a number in this syntax into the plain form, or returns null when the text is not a number in
     * this syntax. Surrounding spaces are ignored. The result may still fail {@link Double#parseDouble} for
     * malformed exponents, which callers handle.
     */
    public String toPlain(String text) {
        int start = 0;
        int end = text.length();
        while (start < end && text.charAt(start) == ' ') {
            start++;
        }
        while (end > start && text.charAt(end - 1) == ' ') {
            end--;
        }
        if (start == end) {
            return null;
        }
        StringBuilder plain = new StringBuilder(end - start);
        int position = start;
        char first = text.charAt(position);
        if (first == '-' || first == '+') {
            plain.append(first);
            position++;
        }
        int integerDigits = 0;
        int groupDigits = 0;
        boolean grouped = false;
        while (position < end) {
            char c = text.charAt(position);
            if (c >= '0' && c <= '9') {
                plain.append(c);
                integerDigits++;
                groupDigits++;
            } else if (groupingSeparator != NO_GROUPING && c == groupingSeparator) {
                // The first group may have 1-3 digits, every later group exactly 3.
                if ((!grouped && (groupDigits < 1 || groupDigits > 3)) || (grouped && groupDigits != 3)) {
                    return null;
                }
                grouped = true;
                groupDigits = 0;
            } else {
                break;
            }
            position++;
        }
        if (grouped && groupDigits != 3) {
            return null;
        }
        int fractionDigits = 0;
        if (position < end && text.charAt(position) == decimalSeparator) {
            plain.append('.');
            position++;
            while (position < end && text.charAt(position) >= '0' && text.charAt(position) <= '9') {
                plain.append(text.charAt(position));
                position++;
                fractionDigits++;
            }
        }
        if (integerDigits + fractionDigits == 0) {
            return null;
        }
        if (position < end && (text.charAt(position) == 'e' || text.charAt(position) == 'E')) {
            plain.append('e');
            position++;
            if (position < end && (text.charAt(position) == '-' || text.charAt(position) == '+')) {
                plain.append(text.charAt(position));
                position++;
            }
            int exponentDigits = 0;
            while (position < end && text.charAt(position) >= '0' && text.charAt(position) <= '9') {
                plain.append(text.charAt(position));
                position++;
                exponentDigits++;
            }
            if (exponentDigits == 0) {
                return null;
            }
        }
        return position == end ? plain.toString() : null;
    }

    /** Returns a short description for messages, such as "decimal ',' and grouping '.'". */
    public String describe() {
        return "decimal '" + decimalSeparator + "'"
                + (groupingSeparator == NO_GROUPING ? " and no grouping" : " and grouping '" + groupingSeparator + "'");
    }
}
