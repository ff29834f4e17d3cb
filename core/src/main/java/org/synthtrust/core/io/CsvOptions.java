package org.synthtrust.core.io;

import java.util.List;

/**
 * Settings for reading a CSV file. A null field means "detect or take from the schema".
 *
 * @param delimiter                 forced delimiter, or null to detect one among {@code , ; \t |}
 * @param missingMarkers            values read as missing, or null for the schema's markers (default
 *                                  {@code "", NA, N/A, null, ?})
 * @param decimalSeparator          declared decimal separator ('.' or ','), or null to accept the plain form
 *                                  and, during inference, an unambiguous decimal comma
 * @param groupingSeparator         declared thousands grouping separator, or null for none (and, during
 *                                  inference, an unambiguous grouping)
 * @param allowUndeclaredCategories when true, a value outside a declared categorical domain is added to the
 *                                  dictionary with a warning instead of being rejected (for auditing
 *                                  synthetic tables that invent categories)
 */
public record CsvOptions(Character delimiter, List<String> missingMarkers, Character decimalSeparator,
                         Character groupingSeparator, boolean allowUndeclaredCategories) {

    public CsvOptions {
        missingMarkers = missingMarkers == null ? null : List.copyOf(missingMarkers);
        if (delimiter != null && "\"\r\n".indexOf(delimiter) >= 0) {
            throw new org.synthtrust.core.InvalidInputException("delimiter " + printable(delimiter)
                    + " is not allowed; use one of ',' ';' '|' or tab");
        }
        if (decimalSeparator != null && decimalSeparator != '.' && decimalSeparator != ',') {
            throw new org.synthtrust.core.InvalidInputException("decimal separator '" + decimalSeparator
                    + "' is not allowed; use '.' or ','");
        }
        if (groupingSeparator != null && groupingSeparator.equals(decimalSeparator == null ? '.' : decimalSeparator)) {
            throw new org.synthtrust.core.InvalidInputException("grouping separator '" + groupingSeparator
                    + "' equals the decimal separator; use different characters");
        }
    }

    /** Detects the delimiter, takes missing markers from the schema, plain numbers. */
    public static CsvOptions defaults() {
        return new CsvOptions(null, null, null, null, false);
    }

    public CsvOptions withDelimiter(Character value) {
        return new CsvOptions(value, missingMarkers, decimalSeparator, groupingSeparator, allowUndeclaredCategories);
    }

    public CsvOptions withMissingMarkers(List<String> value) {
        return new CsvOptions(delimiter, value, decimalSeparator, groupingSeparator, allowUndeclaredCategories);
    }

    public CsvOptions withNumberSyntax(Character decimal, Character grouping) {
        return new CsvOptions(delimiter, missingMarkers, decimal, grouping, allowUndeclaredCategories);
    }

    public CsvOptions withAllowUndeclaredCategories(boolean value) {
        return new CsvOptions(delimiter, missingMarkers, decimalSeparator, groupingSeparator, value);
    }

    /** Returns the declared number syntax, or null when none was declared. */
    public NumberSyntax declaredNumberSyntax() {
        if (decimalSeparator == null && groupingSeparator == null) {
            return null;
        }
        char decimal = decimalSeparator == null ? '.' : decimalSeparator;
        char grouping = groupingSeparator == null ? NumberSyntax.NO_GROUPING : groupingSeparator;
        return new NumberSyntax(decimal, grouping);
    }

    private static String printable(char c) {
        return c == '\n' ? "\\n" : c == '\r' ? "\\r" : "'" + c + "'";
    }
}
