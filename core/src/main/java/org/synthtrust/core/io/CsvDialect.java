package org.synthtrust.core.io;

/**
 * The written form of a CSV file: delimiter, quote character, line ending, byte order mark and decimal
 * separator of real numbers. The reader reports the dialect it found so the writer can use the same one.
 *
 * @param delimiter        one of {@code , ; \t |}
 * @param quote            quote character; quotes inside a quoted field are doubled
 * @param recordSeparator  {@code "\n"} or {@code "\r\n"}
 * @param byteOrderMark    whether the file starts with a UTF-8 byte order mark
 * @param decimalSeparator '.' or ',' for real numbers
 * @param missingMarker    text written for a missing value, the first missing marker the file was read with
 */
public record CsvDialect(char delimiter, char quote, String recordSeparator, boolean byteOrderMark,
                         char decimalSeparator, String missingMarker) {

    /** Comma-separated, double quotes, {@code \n} line ends, no BOM, dot decimal, missing as empty field. */
    public static final CsvDialect DEFAULT = new CsvDialect(',', '"', "\n", false, '.', "");

    public CsvDialect {
        if (delimiter == quote || delimiter == '\n' || delimiter == '\r') {
            throw new IllegalArgumentException("delimiter '" + delimiter + "' cannot be the quote or a line break");
        }
        if (!"\n".equals(recordSeparator) && !"\r\n".equals(recordSeparator)) {
            throw new IllegalArgumentException("record separator must be \\n or \\r\\n");
        }
        if (decimalSeparator != '.' && decimalSeparator != ',') {
            throw new IllegalArgumentException("decimal separator must be '.' or ','");
        }
        if (missingMarker == null) {
            missingMarker = "";
        }
    }

    public CsvDialect withDelimiter(char newDelimiter) {
        return new CsvDialect(newDelimiter, quote, recordSeparator, byteOrderMark, decimalSeparator, missingMarker);
    }

    public CsvDialect withDecimalSeparator(char separator) {
        return new CsvDialect(delimiter, quote, recordSeparator, byteOrderMark, separator, missingMarker);
    }

    public CsvDialect withMissingMarker(String marker) {
        return new CsvDialect(delimiter, quote, recordSeparator, byteOrderMark, decimalSeparator, marker);
    }

    /** Names the delimiter for messages: "','", "';'", "tab" or "'|'". */
    public String delimiterName() {
        return delimiter == '\t' ? "tab" : "'" + delimiter + "'";
    }
}
