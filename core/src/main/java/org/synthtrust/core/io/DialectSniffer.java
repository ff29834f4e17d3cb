package org.synthtrust.core.io;

import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.synthtrust.core.InvalidInputException;

/**
 * Finds the dialect of a CSV file from its first {@value #SAMPLE_BYTES} bytes: a UTF-8 byte order mark, the
 * line ending, and the delimiter among {@code , ; \t |} that splits the first records into one consistent
 * field count greater than one (a trailing delimiter on the header line is tolerated).
 */
final class DialectSniffer {
    /** Enough for the header and dozens of records of any realistic table, small enough to read instantly. */
    static final int SAMPLE_BYTES = 64 * 1024;
    /** Records compared per candidate delimiter; more adds time without changing the choice on real files. */
    private static final int SAMPLE_RECORDS = 50;
    private static final char[] CANDIDATES = {',', ';', '\t', '|'};

    private DialectSniffer() {
    }

    static CsvDialect sniff(Path file, Character forcedDelimiter) {
        byte[] sample;
        boolean complete;
        try (InputStream in = Files.newInputStream(file)) {
            sample = in.readNBytes(SAMPLE_BYTES + 1);
            complete = sample.length <= SAMPLE_BYTES;
        } catch (IOException e) {
            throw new InvalidInputException("cannot read " + file + ": " + e + "; check the path and the file "
                    + "permissions", e);
        }
        boolean bom = sample.length >= 3 && (sample[0] & 0xFF) == 0xEF && (sample[1] & 0xFF) == 0xBB
                && (sample[2] & 0xFF) == 0xBF;
        int offset = bom ? 3 : 0;
        int length = Math.min(sample.length, SAMPLE_BYTES) - offset;
        // Lenient decoding is fine here: the real read reports invalid UTF-8 with its line number.
        String text = new String(sample, offset, Math.max(0, length), StandardCharsets.UTF_8);
        String recordSeparator = text.contains("\r\n") && text.indexOf("\r\n") <= text.indexOf('\n') ? "\r\n" : "\n";
        char delimiter = forcedDelimiter != null ? forcedDelimiter : detectDelimiter(text, complete);
        return new CsvDialect(delimiter, '"', recordSeparator, bom, '.', "");
    }

    /** Estimates the number of lines of a file from the line length in its first bytes, for progress reports. */
    static long estimateLines(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            byte[] sample = in.readNBytes(SAMPLE_BYTES);
            long newlines = 0;
            for (byte b : sample) {
                if (b == '\n') {
                    newlines++;
                }
            }
            long size = Files.size(file);
            return newlines == 0 ? 1 : Math.max(1, size * newlines / Math.max(1, sample.length));
        } catch (IOException e) {
            return 1;
        }
    }

    private static char detectDelimiter(String text, boolean complete) {
        char best = ',';
        int bestScore = 0;
        for (char candidate : CANDIDATES) {
            int score = score(text, candidate, complete);
            if (score > bestScore) {
                best = candidate;
                bestScore = score;
            }
        }
        return best;
    }

    /**
     * Scores a delimiter: field count times two when every sampled record has the header's count (or one
     * fewer after a trailing header delimiter), the modal count otherwise, and 0 for a single field.
     */
    private static int score(String text, char delimiter, boolean complete) {
        List<Integer> counts = new ArrayList<>();
        CSVFormat format = CSVFormat.RFC4180.builder().setDelimiter(delimiter).setIgnoreEmptyLines(true).get();
        try (CSVParser parser = CSVParser.builder().setReader(new StringReader(text)).setFormat(format).get()) {
            for (CSVRecord record : parser) {
                counts.add(record.size());
                if (counts.size() > SAMPLE_RECORDS) {
                    break;
                }
            }
        } catch (IOException | RuntimeException e) {
            // The sample may end inside a quoted field; whatever was parsed before still counts.
        }
        if (!complete && counts.size() > 1) {
            counts.remove(counts.size() - 1);
        }
        if (counts.isEmpty()) {
            return 0;
        }
        int header = counts.get(0);
        boolean consistent = true;
        Map<Integer, Integer> frequency = new HashMap<>();
        for (int i = 1; i < counts.size(); i++) {
            int count = counts.get(i);
            frequency.merge(count, 1, Integer::sum);
            if (count != header && count != header - 1) {
                consistent = false;
            }
        }
        if (counts.size() == 1) {
            return header > 1 ? header * 2 : 0;
        }
        if (consistent && header > 1) {
            return header * 2;
        }
        int modal = 1;
        int modalFrequency = 0;
        for (Map.Entry<Integer, Integer> entry : frequency.entrySet()) {
            if (entry.getValue() > modalFrequency) {
                modal = entry.getKey();
                modalFrequency = entry.getValue();
            }
        }
        return modal > 1 ? modal : 0;
    }
}
