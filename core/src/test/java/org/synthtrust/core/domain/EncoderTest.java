package org.synthtrust.core.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.BitSet;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.synthtrust.core.InvalidInputException;
import org.synthtrust.core.schema.Schema;
import org.synthtrust.core.schema.SchemaIO;
import org.synthtrust.core.table.CategoricalColumn;
import org.synthtrust.core.table.IntegerColumn;
import org.synthtrust.core.table.RealColumn;
import org.synthtrust.core.table.Table;
import org.synthtrust.core.table.TextColumn;

class EncoderTest {
    private static Schema schema(String json) {
        return SchemaIO.parse(json, "test schema", false);
    }

    private static Table table() {
        BitSet missingAge = new BitSet();
        missingAge.set(2);
        return new Table(List.of(
                new TextColumn("id", new String[] {"a1", "a2", "a3", "a4"}),
                new IntegerColumn("age", new long[] {17, 44, 0, 300}, missingAge),
                new CategoricalColumn("city", new int[] {0, 1, CategoricalColumn.MISSING, 0}, List.of("Oslo", "Tromsø")),
                new RealColumn("income", new double[] {-5, 10.5, 99.9, 1e7}, null),
                new TextColumn("note", new String[] {"x", "y", "z", "w"})));
    }

    private static final String SCHEMA = "{\"columns\": {"
            + "\"id\": {\"type\": \"text\", \"roles\": [\"identifier\"]},"
            + "\"age\": {\"type\": \"integer\", \"nullable\": true, \"bounds\": [17, 90], \"bins\": {\"width\": 10}},"
            + "\"city\": {\"type\": \"categorical\", \"nullable\": true, \"categories\": [\"Oslo\", \"Tromsø\", \"Bergen\"]},"
            + "\"income\": {\"type\": \"real\", \"bounds\": [0, 100], \"bins\": {\"count\": 4}},"
            + "\"note\": {\"type\": \"text\", \"roles\": [\"ignore\"]}}}";

    @Test
    void domainFollowsSchema() {
        Encoder encoder = Encoder.fromSchema(schema(SCHEMA), table());
        Domain domain = encoder.domain();
        assertEquals(List.of("age", "city", "income"), domain.names());
        assertEquals(8 + 1, domain.size(0), "74 values in width-10 bins plus missing");
        assertEquals(3 + 1, domain.size(1), "declared categories plus missing");
        assertEquals(4, domain.size(2));
    }

    @Test
    void valuesClippedAndMissingCoded() {
        Encoder encoder = Encoder.fromSchema(schema(SCHEMA), table());
        Encoder.Encoded encoded = encoder.encodeWithReport(table());
        int[][] codes = encoded.codes();
        assertEquals(0, codes[0][0]);
        assertEquals(2, codes[0][1], "44 is in [37, 47)");
        assertEquals(8, codes[0][2], "missing age has its own code");
        assertEquals(7, codes[0][3], "300 is clipped into the last bin");
        assertEquals(3, codes[1][2], "missing city has its own code");
        assertEquals(0, codes[2][0], "-5 is clipped into the first bin");
        assertEquals(3, codes[2][3], "1e7 is clipped into the last bin");
        assertEquals(1, encoded.clippedCounts().get("age"));
        assertEquals(2, encoded.clippedCounts().get("income"));
    }

    @Test
    void decodeRespectsBoundsAndRegeneratesIds() {
        Encoder encoder = Encoder.fromSchema(schema(SCHEMA), table());
        int rows = 2000;
        int[][] codes = new int[3][rows];
        SplittableRandom random = new SplittableRandom(4);
        for (int row = 0; row < rows; row++) {
            codes[0][row] = random.nextInt(9);
            codes[1][row] = random.nextInt(4);
            codes[2][row] = random.nextInt(4);
        }
        Table decoded = encoder.decode(codes, random);
        assertEquals(List.of("id", "age", "city", "income"), decoded.columnNames());
        java.util.Set<String> ids = new java.util.HashSet<>();
        for (int row = 0; row < rows; row++) {
            ids.add(decoded.column("id").format(row));
            if (codes[0][row] == 8) {
                assertTrue(decoded.column("age").isMissing(row));
            } else {
                double age = decoded.column("age").numericValue(row);
                assertTrue(age >= 17, "age " + age);
                assertTrue(age <= 90, "age " + age);
                assertEquals(codes[0][row], (int) ((age - 17) / 10), "age " + age + " stays in its bin");
            }
            double income = decoded.column("income").numericValue(row);
            assertTrue(income >= 0, "income " + income);
            assertTrue(income <= 100, "income " + income);
        }
        assertEquals(rows, ids.size(), "fresh identifiers are unique");
        assertTrue(ids.stream().noneMatch(id -> List.of("a1", "a2", "a3", "a4").contains(id)), "no input id is reused");
    }

    @Test
    void numericWithoutBoundsRejected() {
        Schema schema = schema("{\"columns\": {\"salary\": {\"type\": \"real\"}}}");
        Table table = new Table(List.of(new RealColumn("salary", new double[] {1, 412000}, null)));
        InvalidInputException error = assertThrows(InvalidInputException.class, () -> Encoder.fromSchema(schema, table));
        assertTrue(error.getMessage().contains("'salary'"), error.getMessage());
        assertTrue(error.getMessage().contains("\"bounds\""), error.getMessage());
        assertTrue(error.getMessage().contains("privacy ledger"), error.getMessage());
    }

    @Test
    void undeclaredCategoryRejectedWithoutOther() {
        Schema schema = schema("{\"columns\": {\"city\": {\"type\": \"categorical\", \"categories\": [\"Oslo\"]}}}");
        Table table = new Table(List.of(CategoricalColumn.ofValues("city", new String[] {"Oslo", "Bergen"})));
        Encoder encoder = Encoder.fromSchema(schema, table);
        InvalidInputException error = assertThrows(InvalidInputException.class, () -> encoder.encode(table));
        assertTrue(error.getMessage().contains("row 2 of column 'city'"), error.getMessage());
    }

    @Test
    void inferredCategoriesMarkedUncovered() {
        Schema schema = schema("{\"columns\": {\"city\": {\"type\": \"categorical\"}}}");
        Table table = new Table(List.of(CategoricalColumn.ofValues("city", new String[] {"Oslo", "Bergen"})));
        Encoder encoder = Encoder.fromSchema(schema, table);
        assertEquals(List.of("city"), encoder.uncoveredColumns());
        assertEquals(2, encoder.domain().size(0));
    }

    @Test
    void integerIdsShareNoneWithInput() {
        // Real tables often number their rows 1..n, so fresh ids must not be 1..n as well.
        long[] realIds = new long[40];
        long[] ages = new long[40];
        for (int row = 0; row < realIds.length; row++) {
            realIds[row] = row + 1L;
            ages[row] = 20 + row;
        }
        Table real = new Table(List.of(new IntegerColumn("record_id", realIds, null),
                new IntegerColumn("age", ages, null)));
        Encoder encoder = Encoder.fromSchema(schema("{\"columns\": {"
                + "\"record_id\": {\"type\": \"integer\", \"roles\": [\"identifier\"]},"
                + "\"age\": {\"type\": \"integer\", \"bounds\": [0, 100], \"bins\": {\"width\": 10}}}}"), real);

        Table decoded = encoder.decode(encoder.encode(real), new SplittableRandom(9));

        java.util.Set<Long> fresh = new java.util.HashSet<>();
        for (int row = 0; row < decoded.rowCount(); row++) {
            fresh.add(Long.parseLong(decoded.column("record_id").format(row)));
        }
        assertEquals(40, fresh.size(), "fresh identifiers are unique");
        assertTrue(fresh.stream().allMatch(id -> id > 40), "no input id 1..40 is reused");
    }
}
