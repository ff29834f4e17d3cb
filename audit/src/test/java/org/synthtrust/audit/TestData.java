package org.synthtrust.audit;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.synthtrust.core.table.CategoricalColumn;
import org.synthtrust.core.table.Column;
import org.synthtrust.core.table.ColumnType;
import org.synthtrust.core.table.IntegerColumn;
import org.synthtrust.core.table.RealColumn;
import org.synthtrust.core.table.Table;

/**
 * Minimal CSV loader for test inputs: a header row, empty cells as missing, and each column typed as given
 * (integer, real or categorical; unlisted columns are categorical). The product reads files through core.io.
 */
public final class TestData {
    private TestData() {
    }

    public static Table csv(Path file, Map<String, ColumnType> types) throws IOException {
        List<String> header;
        List<String[]> rows = new ArrayList<>();
        try (Reader reader = Files.newBufferedReader(file);
             CSVParser parser = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get().parse(reader)) {
            header = parser.getHeaderNames();
            for (CSVRecord record : parser) {
                String[] values = new String[header.size()];
                for (int i = 0; i < values.length; i++) {
                    String value = record.get(i);
                    values[i] = value.isEmpty() ? null : value;
                }
                rows.add(values);
            }
        }
        List<Column> columns = new ArrayList<>();
        for (int c = 0; c < header.size(); c++) {
            String name = header.get(c);
            ColumnType type = types.getOrDefault(name, ColumnType.CATEGORICAL);
            String[] values = new String[rows.size()];
            for (int r = 0; r < values.length; r++) {
                values[r] = rows.get(r)[c];
            }
            columns.add(column(name, type, values));
        }
        return new Table(columns);
    }

    private static Column column(String name, ColumnType type, String[] values) {
        BitSet missing = new BitSet();
        switch (type) {
            case INTEGER -> {
                long[] raw = new long[values.length];
                for (int i = 0; i < values.length; i++) {
                    if (values[i] == null) {
                        missing.set(i);
                    } else {
                        raw[i] = Long.parseLong(values[i].trim());
                    }
                }
                return new IntegerColumn(name, raw, missing);
            }
            case REAL -> {
                double[] raw = new double[values.length];
                for (int i = 0; i < values.length; i++) {
                    if (values[i] == null) {
                        missing.set(i);
                    } else {
                        raw[i] = Double.parseDouble(values[i].trim());
                    }
                }
                return new RealColumn(name, raw, missing);
            }
            default -> {
                return CategoricalColumn.ofValues(name, values);
            }
        }
    }
}
