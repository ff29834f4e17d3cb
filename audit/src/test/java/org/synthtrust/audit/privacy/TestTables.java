package org.synthtrust.audit.privacy;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.Set;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.synthtrust.core.io.CsvReader;
import org.synthtrust.core.table.CategoricalColumn;
import org.synthtrust.core.table.Column;
import org.synthtrust.core.table.IntegerColumn;
import org.synthtrust.core.table.RealColumn;
import org.synthtrust.core.table.Table;

/**
 * Reads the shared test CSVs into tables for the privacy tests. Whole files go through {@link CsvReader}.
 * The first rows of a large file are read here instead: a column whose present values all parse as integers
 * becomes an integer column, as numbers a real column, anything else (or a name in {@code categorical}) a
 * categorical column. Empty cells and {@code ?} are missing.
 */
final class TestTables {
    static final Path CASES = Path.of("/work/shared/cases/inputs");
    static final Path REFERENCE = Path.of("/work/shared/fixtures/reference-metrics");
    static final Path ADULT = Path.of("/work/shared/datasets/adult");

    private TestTables() {
    }

    /** Reads a whole file with the project's CSV reader and its type inference (no schema). */
    static Table read(Path file) {
        return CsvReader.readTable(file, null);
    }

    static Table read(Path file, Set<String> categorical, int maxRows) {
        List<String> header;
        List<List<String>> cells = new ArrayList<>();
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8);
             CSVParser parser = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get().parse(reader)) {
            header = parser.getHeaderNames();
            for (CSVRecord record : parser) {
                if (cells.size() >= maxRows) {
                    break;
                }
                List<String> row = new ArrayList<>();
                for (int i = 0; i < header.size(); i++) {
                    String value = record.get(i);
                    row.add(value.isEmpty() || value.equals("?") ? null : value);
                }
                cells.add(row);
            }
        } catch (IOException e) {
            throw new IllegalStateException("failed to read test file " + file, e);
        }
        List<Column> columns = new ArrayList<>();
        for (int c = 0; c < header.size(); c++) {
            String name = header.get(c);
            String[] raw = new String[cells.size()];
            for (int r = 0; r < raw.length; r++) {
                raw[r] = cells.get(r).get(c);
            }
            columns.add(categorical.contains(name) ? CategoricalColumn.ofValues(name, raw) : typed(name, raw));
        }
        return new Table(columns);
    }

    private static Column typed(String name, String[] raw) {
        BitSet missing = new BitSet();
        long[] longs = new long[raw.length];
        boolean integers = true;
        for (int r = 0; r < raw.length && integers; r++) {
            if (raw[r] == null) {
                missing.set(r);
                continue;
            }
            try {
                longs[r] = Long.parseLong(raw[r]);
            } catch (NumberFormatException e) {
                integers = false;
            }
        }
        if (integers) {
            return new IntegerColumn(name, longs, missing);
        }
        double[] doubles = new double[raw.length];
        for (int r = 0; r < raw.length; r++) {
            if (raw[r] == null) {
                continue;
            }
            try {
                doubles[r] = Double.parseDouble(raw[r]);
            } catch (NumberFormatException e) {
                return CategoricalColumn.ofValues(name, raw);
            }
        }
        return new RealColumn(name, doubles, missing);
    }
}
