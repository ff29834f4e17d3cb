package org.synthtrust.generators.privbayes;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.synthtrust.core.InvalidInputException;
import org.synthtrust.core.io.CsvReader;
import org.synthtrust.core.privacy.DpRandom;
import org.synthtrust.core.privacy.LedgerEntry;
import org.synthtrust.core.privacy.PrivacyBudget;
import org.synthtrust.core.privacy.PrivacyLedger;
import org.synthtrust.core.progress.CancellationToken;
import org.synthtrust.core.progress.ProgressListener;
import org.synthtrust.core.schema.Schema;
import org.synthtrust.core.schema.SchemaIO;
import org.synthtrust.core.table.Table;
import org.synthtrust.generators.FittedModel;
import org.synthtrust.generators.Models;
import org.synthtrust.generators.Synthesizers;

class PrivBayesSynthesizerTest {
    private static final String PLANTED_ID = "ZQXIDENT7731";
    private static final String PLANTED_NOTE = "QQSECRETNOTE5519";
    private static final Path CASES = Path.of("/work/shared/cases/inputs");

    /**
     * Writes 2,000 rows where b copies a (flipped to a random value 5% of the time) and d copies c likewise,
     * the two pairs independent, plus an identifier and an ignored text column with one planted value each.
     */
    static Fixture plantedTable(Path directory) throws IOException {
        SplittableRandom random = new SplittableRandom(11);
        StringBuilder csv = new StringBuilder("id,a,b,c,d,note\n");
        for (int row = 0; row < 2000; row++) {
            int a = random.nextInt(4);
            int b = random.nextDouble() < 0.95 ? a : random.nextInt(4);
            int c = random.nextInt(3);
            int d = random.nextDouble() < 0.95 ? c : random.nextInt(3);
            String id = row == 17 ? PLANTED_ID : "r" + row;
            String note = row == 17 ? PLANTED_NOTE : "n";
            csv.append(id).append(",a").append(a).append(",b").append(b).append(",c").append(c).append(",d")
                    .append(d).append(',').append(note).append('\n');
        }
        Path data = directory.resolve("planted.csv");
        Files.writeString(data, csv);
        String schemaJson = "{\"columns\": {"
                + "\"id\": {\"type\": \"text\", \"roles\": [\"identifier\"]},"
                + "\"a\": {\"type\": \"categorical\", \"categories\": [\"a0\", \"a1\", \"a2\", \"a3\"]},"
                + "\"b\": {\"type\": \"categorical\", \"categories\": [\"b0\", \"b1\", \"b2\", \"b3\"]},"
                + "\"c\": {\"type\": \"categorical\", \"categories\": [\"c0\", \"c1\", \"c2\"]},"
                + "\"d\": {\"type\": \"categorical\", \"categories\": [\"d0\", \"d1\", \"d2\"]},"
                + "\"note\": {\"type\": \"text\", \"roles\": [\"ignore\"]}}}";
        Path schemaFile = directory.resolve("planted.schema.json");
        Files.writeString(schemaFile, schemaJson);
        Schema schema = SchemaIO.read(schemaFile);
        return new Fixture(CsvReader.readTable(data, schema), schema);
    }

    record Fixture(Table table, Schema schema) { }

    private static BayesianNetworkModel fit(Fixture fixture, PrivacyLedger ledger, Map<String, String> params) {
        return (BayesianNetworkModel) Synthesizers.byId("privbayes").fit(fixture.table(), fixture.schema(), ledger,
                params, ProgressListener.NONE, CancellationToken.NONE);
    }

    private static boolean linked(BayesianNetworkModel model, int x, int y) {
        int[][] parents = model.parents();
        return java.util.Arrays.stream(parents[x]).anyMatch(p -> p == y)
                || java.util.Arrays.stream(parents[y]).anyMatch(p -> p == x);
    }

    @Test
    void recoversPlantedDependencies(@TempDir Path directory) throws IOException {
        Fixture fixture = plantedTable(directory);
        for (long seed = 1; seed <= 5; seed++) {
            PrivacyLedger ledger = new PrivacyLedger(PrivacyBudget.of(1e6, 0), DpRandom.seededForTesting(seed));
            BayesianNetworkModel model = fit(fixture, ledger, Map.of("degree", "1"));
            // Domain order: a, b, c, d (the identifier and the ignored column are not modelled).
            assertTrue(linked(model, 0, 1), "a and b must be linked for seed " + seed);
            assertTrue(linked(model, 2, 3), "c and d must be linked for seed " + seed);
        }
    }

    @Test
    void pureLedgerSpendsBudget(@TempDir Path directory) throws IOException {
        Fixture fixture = plantedTable(directory);
        PrivacyLedger ledger = new PrivacyLedger(PrivacyBudget.of(0.8, 0), DpRandom.seededForTesting(3));
        fit(fixture, ledger, Map.of());
        double sum = ledger.entries().stream().mapToDouble(LedgerEntry::cost).sum();
        assertTrue(ledger.entries().stream().allMatch(e -> e.costType().equals(LedgerEntry.PURE_EPSILON)));
        assertEquals(0.8, sum, 1e-9);
        assertEquals(0.8, ledger.totalEpsilon(), 1e-9);
        assertEquals("pure_epsilon", ledger.accounting());
        // count, d - 1 = 3 selections, d = 4 conditionals
        assertEquals(8, ledger.entries().size());
    }

    @Test
    void gaussianLedgerSpendsBudget(@TempDir Path directory) throws IOException {
        Fixture fixture = plantedTable(directory);
        PrivacyLedger ledger = new PrivacyLedger(PrivacyBudget.of(1.0, 1e-6), DpRandom.seededForTesting(4));
        fit(fixture, ledger, Map.of("noise", "gaussian"));
        assertEquals(ledger.budgetRho(), ledger.spentRho(), 1e-9 * ledger.budgetRho());
        assertEquals(1.0, ledger.totalEpsilon(), 1e-6);
        assertEquals("zcdp", ledger.accounting());
    }

    @Test
    void plantedValuesNeverReleased(@TempDir Path directory) throws IOException {
        Fixture fixture = plantedTable(directory);
        PrivacyLedger ledger = new PrivacyLedger(PrivacyBudget.of(1e6, 0), DpRandom.seededForTesting(5));
        FittedModel model = fit(fixture, ledger, Map.of());
        Path file = directory.resolve("model.json");
        model.save(file);
        String saved = Files.readString(file);
        assertFalse(saved.contains(PLANTED_ID));
        assertFalse(saved.contains(PLANTED_NOTE));
        Table synthetic = model.sample(5000, new SplittableRandom(1));
        assertFalse(synthetic.findColumn("note").isPresent());
        for (var column : synthetic.columns()) {
            for (int row = 0; row < synthetic.rowCount(); row++) {
                String value = column.format(row);
                assertFalse(PLANTED_ID.equals(value) || PLANTED_NOTE.equals(value));
            }
        }
    }

    @Test
    void savedModelResamples(@TempDir Path directory) throws IOException {
        Fixture fixture = plantedTable(directory);
        PrivacyLedger ledger = new PrivacyLedger(PrivacyBudget.of(2, 0), DpRandom.seededForTesting(6));
        BayesianNetworkModel model = fit(fixture, ledger, Map.of());
        Path file = directory.resolve("model.json");
        model.save(file);
        BayesianNetworkModel loaded = (BayesianNetworkModel) Models.load(file);
        assertEquals("privbayes", loaded.method());
        assertEquals(model.defaultRows(), loaded.defaultRows());
        assertArrayEquals(model.order(), loaded.order());
        Table first = model.sample(300, new SplittableRandom(9));
        Table second = loaded.sample(300, new SplittableRandom(9));
        assertEquals(java.util.List.of("id", "a", "b", "c", "d"), second.columnNames());
        for (int column = 1; column < first.columnCount(); column++) {
            for (int row = 0; row < 300; row++) {
                assertEquals(first.column(column).format(row), second.column(column).format(row));
            }
        }
    }

    @Test
    void zeroEpsilonRejected() {
        InvalidInputException error = assertThrows(InvalidInputException.class, () -> PrivacyBudget.of(0, 0));
        assertTrue(error.getMessage().contains("epsilon must be greater than 0; got 0"), error.getMessage());
    }

    @Test
    void zeroDeltaAcceptedForLaplace(@TempDir Path directory) throws IOException {
        Path schemaFile = directory.resolve("base-small.schema.json");
        Files.writeString(schemaFile, "{\"columns\": {"
                + "\"region\": {\"type\": \"categorical\", \"categories\": [\"north\", \"south\", \"east\"]},"
                + "\"age_band\": {\"type\": \"categorical\", "
                + "\"categories\": [\"18-29\", \"30-44\", \"45-64\", \"65+\"]},"
                + "\"plan\": {\"type\": \"categorical\", \"categories\": [\"basic\", \"plus\", \"premium\"]},"
                + "\"hours_per_week\": {\"type\": \"real\", \"bounds\": [0, 60], \"bins\": {\"count\": 12}}}}");
        Schema schema = SchemaIO.read(schemaFile);
        Table table = CsvReader.readTable(CASES.resolve("base-small.csv"), schema);
        Fixture fixture = new Fixture(table, schema);
        PrivacyLedger ledger = new PrivacyLedger(PrivacyBudget.of(1.0, 0), DpRandom.seededForTesting(7));
        FittedModel model = fit(fixture, ledger, Map.of("degree", "2"));
        assertEquals(4, model.sample(10, new SplittableRandom(2)).columnCount());
        assertEquals(1.0, ledger.totalEpsilon(), 1e-9);
        PrivacyLedger zcdp = new PrivacyLedger(PrivacyBudget.of(1.0, 0), DpRandom.seededForTesting(7));
        InvalidInputException error = assertThrows(InvalidInputException.class,
                () -> fit(fixture, zcdp, Map.of("noise", "gaussian")));
        assertTrue(error.getMessage().contains("delta > 0"), error.getMessage());
    }
}
