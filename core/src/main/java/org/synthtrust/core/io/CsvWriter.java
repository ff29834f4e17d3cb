package org.synthtrust.core.io;

import java.nio.file.Path;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.QuoteMode;
import org.synthtrust.core.table.Column;
import org.synthtrust.core.table.ColumnType;
import org.synthtrust.core.table.Table;

/**
 * Writes a {@link Table} as CSV in a given dialect (use the dialect a file was read with to keep its form),
 * atomically through a temporary file. Missing values are written as the dialect's missing marker (an empty
 * field by default). Fields are quoted only when they contain the delimiter, a quote or a line break, and
 * quotes inside are doubled.
 *
 * <p>With {@code spreadsheetSafe}, a text or categorical value (or column name) that starts with {@code =},
 * {@code +}, {@code -} or {@code @} followed by anything other than a number gets a leading apostrophe, so a
 * spreadsheet opening the file shows it as text instead of evaluating it as a formula. Numbers such as
 * {@code -5} are left alone. This changes the written values, so use it only for files meant for
 * spreadsheets, not for files that will be read back as data.
 */
public final class CsvWriter {
    private CsvWriter() {
    }

    /** Writes {@code table} to {@code file} in {@code dialect}; see the class description. */
    public static void write(Table table, Path file, CsvDialect dialect, boolean spreadsheetSafe) {
        CsvDialect form = dialect == null ? CsvDialect.DEFAULT : dialect;
        CSVFormat format = CSVFormat.RFC4180.builder()
                .setDelimiter(form.delimiter())
                .setQuote(form.quote())
                .setRecordSeparator(form.recordSeparator())
                .setQuoteMode(QuoteMode.MINIMAL)
                .get();
        AtomicFiles.writeText(file, form.byteOrderMark(), writer -> {
            CSVPrinter printer = new CSVPrinter(writer, format);
            int columns = table.columnCount();
            for (int i = 0; i < columns; i++) {
                String name = table.column(i).name();
                printer.print(spreadsheetSafe ? neutralise(name) : name);
            }
            printer.println();
            boolean[] textual = new boolean[columns];
            boolean[] real = new boolean[columns];
            for (int i = 0; i < columns; i++) {
                ColumnType type = table.column(i).type();
                textual[i] = type == ColumnType.TEXT || type == ColumnType.CATEGORICAL;
                real[i] = type == ColumnType.REAL;
            }
            boolean decimalComma = form.decimalSeparator() == ',';
            for (int row = 0; row < table.rowCount(); row++) {
                for (int i = 0; i < columns; i++) {
                    Column column = table.column(i);
                    String value = column.isMissing(row) ? form.missingMarker() : column.format(row);
                    if (column.isMissing(row)) {
                        printer.print(value);
                        continue;
                    }
                    if (real[i] && decimalComma) {
                        value = value.replace('.', ',');
                    } else if (textual[i] && spreadsheetSafe) {
                        value = neutralise(value);
                    }
                    printer.print(value);
                }
                printer.println();
            }
            printer.flush();
        });
    }

    /** Writes with the default dialect (comma, {@code \n}, no BOM), not spreadsheet-safe. */
    public static void write(Table table, Path file) {
        write(table, file, CsvDialect.DEFAULT, false);
    }

    /**
     * Prefixes an apostrophe to a value that a spreadsheet would evaluate as a formula: one that starts with
     * {@code =}, {@code +}, {@code -} or {@code @} and is not a plain number.
     */
    public static String neutralise(String value) {
        if (value.length() < 2) {
            return value;
        }
        char first = value.charAt(0);
        if (first != '=' && first != '+' && first != '-' && first != '@') {
            return value;
        }
        if ((first == '+' || first == '-') && new NumberParser(NumberSyntax.PLAIN).parseDouble(value)) {
            return value;
        }
        return "'" + value;
    }
}
