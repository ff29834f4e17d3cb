package org.synthtrust.core.io;

import java.util.Locale;

/**
 * The spellings read as booleans: true/false, yes/no, y/n and t/f in any letter case. Digits 1/0 are not
 * among them because they are integers first. A column keeps the spelling it was read with.
 */
public final class BooleanSpellings {
    public static final int TRUE = 1;
    public static final int FALSE = 0;
    public static final int NEITHER = -1;

    private static final String[][] PAIRS = {{"true", "false"}, {"yes", "no"}, {"y", "n"}, {"t", "f"}};

    private BooleanSpellings() {
    }

    /** Returns {@link #TRUE}, {@link #FALSE} or {@link #NEITHER} for a value. */
    public static int classify(String value) {
        if (value.length() > 5) {
            return NEITHER;
        }
        String lower = value.toLowerCase(Locale.ROOT);
        for (String[] pair : PAIRS) {
            if (pair[0].equals(lower)) {
                return TRUE;
            }
            if (pair[1].equals(lower)) {
                return FALSE;
            }
        }
        return NEITHER;
    }

    /**
     * Returns the partner spelling in the same letter case, for a column that only ever shows one side:
     * {@code Yes} gives {@code No}, {@code TRUE} gives {@code FALSE}.
     */
    public static String partner(String spelling) {
        String lower = spelling.toLowerCase(Locale.ROOT);
        for (String[] pair : PAIRS) {
            String other = pair[0].equals(lower) ? pair[1] : pair[1].equals(lower) ? pair[0] : null;
            if (other == null) {
                continue;
            }
            if (spelling.equals(spelling.toUpperCase(Locale.ROOT)) && spelling.length() > 1) {
                return other.toUpperCase(Locale.ROOT);
            }
            if (Character.isUpperCase(spelling.charAt(0))) {
                return Character.toUpperCase(other.charAt(0)) + other.substring(1);
            }
            return other;
        }
        throw new IllegalArgumentException("'" + spelling + "' is not a boolean spelling");
    }
}
