package org.synthtrust.core.io;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.synthtrust.core.InvalidInputException;

/**
 * Streams the records of a CSV file as string arrays, one per data row, after checking the header. Header
 * names are NFC-normalised and must be non-empty and unique. An empty trailing header field (a trailing
 * delimiter) is dropped with a warning. Every record must have the header's field count. Blank lines are skipped in
 * files with more than one column. Line numbers are physical, 1-based lines, so a record whose quoted field
 * spans lines is reported at the line where it starts.
 */
final class CsvRecordStream implements Closeable {
    private final Path file;
    private final CsvDialect dialect;
    private final CSVParser parser;
    private final Iterator<CSVRecord> records;
    private final List<String> names;
    private final boolean trailingEmptyHeader;
    private final List<String> warnings = new ArrayList<>();
    private final String[] values;
    private long lastEndLine;
    private long recordLine;
    private long skippedBlankLines;

    CsvRecordStream(Path file, CsvDialect dialect) {
        this.file = file;
        this.dialect = dialect;
        this.parser = open(file, dialect);
        this.records = parser.iterator();
        try {
            CSVRecord header = nextRaw();
            if (header == null) {
                throw new InvalidInputException(file + " is empty; a CSV file needs a header line with the column names");
            }
            List<String> headerNames = new ArrayList<>(header.size());
            for (int i = 0; i < header.size(); i++) {
                headerNames.add(Normalizer.normalize(header.get(i), Normalizer.Form.NFC));
            }
            boolean trailing = headerNames.size() > 1 && headerNames.get(headerNames.size() - 1).isEmpty();
            if (trailing) {
                headerNames.remove(headerNames.size() - 1);
                warnings.add(file + " line " + recordLine + ": the header ends with an empty field (a trailing "
                        + dialect.delimiterName() + "); that unnamed column was dropped");
            }
            this.trailingEmptyHeader = trailing;
            checkNames(headerNames);
            this.names = List.copyOf(headerNames);
            this.values = new String[names.size()];
        } catch (RuntimeException e) {
            close();
            throw e;
        }
    }

    private static CSVParser open(Path file, CsvDialect dialect) {
        CSVFormat format = CSVFormat.RFC4180.builder()
                .setDelimiter(dialect.delimiter())
                .setQuote(dialect.quote())
                .setRecordSeparator(dialect.recordSeparator())
                .setIgnoreEmptyLines(false)
                .setIgnoreSurroundingSpaces(false)
                .setTrim(false)
                .get();
        InputStream in = null;
        try {
            in = Files.newInputStream(file);
            if (dialect.byteOrderMark()) {
                // The BOM is three bytes, EF BB BF; the sniffer has already seen them.
                in.skipNBytes(3);
            }
            CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT);
            Reader reader = new InputStreamReader(in, decoder);
            return CSVParser.builder().setReader(reader).setFormat(format).get();
        } catch (IOException e) {
            if (in != null) {
                try {
                    in.close();
                } catch (IOException ignored) {
                    // Reported through the original failure below.
                }
            }
            throw new InvalidInputException("cannot read " + file + ": " + e.getMessage()
                    + "; check the path and the file permissions", e);
        }
    }

    private void checkNames(List<String> headerNames) {
        Map<String, Integer> positions = new HashMap<>();
        for (int i = 0; i < headerNames.size(); i++) {
            String name = headerNames.get(i);
            if (name.isEmpty()) {
                throw new InvalidInputException(file + " line " + recordLine + ", column " + (i + 1)
                        + ": the header field is empty; give every column a name");
            }
            Integer previous = positions.putIfAbsent(name, i + 1);
            if (previous != null) {
                throw new InvalidInputException(file + " line " + recordLine + ": duplicate column name '" + name
                        + "' at columns " + previous + " and " + (i + 1) + "; rename one of them so every name is unique");
            }
        }
    }

    List<String> names() {
        return names;
    }

    List<String> warnings() {
        return warnings;
    }

    Path file() {
        return file;
    }

    /** Returns the 1-based physical line where the current record starts. */
    long line() {
        return recordLine;
    }

    long skippedBlankLines() {
        return skippedBlankLines;
    }

    /**
     * Returns the next data record's values (a reused array, valid until the next call), or null at the end.
     */
    String[] next() {
        while (true) {
            CSVRecord record = nextRaw();
            if (record == null) {
                return null;
            }
            int size = record.size();
            if (size == 1 && names.size() > 1 && record.get(0).isEmpty()) {
                skippedBlankLines++;
                continue;
            }
            boolean trailingEmpty = trailingEmptyHeader && size == names.size() + 1 && record.get(size - 1).isEmpty();
            if (size != names.size() && !trailingEmpty) {
                throw new InvalidInputException(file + " line " + recordLine + " has " + size + " fields, but the header"
                        + " (line 1) has " + names.size() + (trailingEmptyHeader ? " named fields" : "")
                        + "; check that line for a missing or extra " + dialect.delimiterName()
                        + " or an unclosed quote, or quote values that contain the delimiter");
            }
            for (int i = 0; i < values.length; i++) {
                values[i] = record.get(i);
            }
            return values;
        }
    }

    private CSVRecord nextRaw() {
        try {
            if (!records.hasNext()) {
                return null;
            }
            CSVRecord record = records.next();
            recordLine = lastEndLine + 1;
            lastEndLine = parser.getCurrentLineNumber();
            return record;
        } catch (UncheckedIOException | IllegalStateException e) {
            throw translate(e);
        }
    }

    private InvalidInputException translate(RuntimeException e) {
        long line = lastEndLine + 1;
        Throwable cause = e.getCause() != null ? e.getCause() : e;
        while (cause.getCause() != null && !(cause instanceof CharacterCodingException)) {
            cause = cause.getCause();
        }
        if (cause instanceof CharacterCodingException) {
            return new InvalidInputException(file + " line " + line + " (or the line after it) is not valid UTF-8 text;"
                    + " save the file with UTF-8 encoding", e);
        }
        return new InvalidInputException(file + " from line " + line + ": the CSV structure is invalid ("
                + cause.getMessage() + "); check for an unclosed quote or text after a closing quote, and double "
                + "every quote inside a quoted field", e);
    }

    @Override
    public void close() {
        try {
            parser.close();
        } catch (IOException e) {
            // Nothing was written, so a failure to release a read handle loses no data.
        }
    }
}
