package org.synthtrust.generators;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
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
import org.synthtrust.core.table.Column;
import org.synthtrust.core.table.Table;

/**
 * The dp_bounds opt-in on a salary column without declared bounds and one outlier of 412,000. With the opt-in
 * every Encoder-based method estimates bounds under DP, charged first and within the budget, and neither the
 * saved model nor the synthetic table contains the outlier. Without it the fit is rejected.
 */
class DpBoundsOptionTest {
    private static final Path CASES = Path.of("/work/shared/cases/inputs");
    private static final double OUTLIER = 412000;

    @TempDir
    Path folder;

    private static Schema c29Schema() {
        return SchemaIO.parse("{\"columns\": {\"dept\": {\"type\": \"categorical\", \"categories\": [\"ops\", "
                + "\"sales\", \"it\"]}, \"salary\": {\"type\": \"real\"}}}", "C29 schema", false);
    }

    private static FittedModel fit(String method, PrivacyLedger ledger, Map<String, String> params) {
        Schema schema = c29Schema();
        Table table = CsvReader.readTable(CASES.resolve("C29.csv"), schema);
        return Synthesizers.byId(method).fit(table, schema, ledger, params, ProgressListener.NONE,
                CancellationToken.NONE);
    }

    private static Map<String, String> optIn(String method) {
        return method.equals("dpgan") ? Map.of("dp_bounds", "true", "batch_size", "8", "steps", "20")
                : Map.of("dp_bounds", "true");
    }

    @ParameterizedTest
    @ValueSource(strings = {"independent", "mst", "aim", "privbayes", "dpgan"})
    void optInEstimatesBoundsPrivately(String method) throws Exception {
        PrivacyLedger ledger = new PrivacyLedger(PrivacyBudget.of(1.0, 1e-6), DpRandom.seededForTesting(29));
        FittedModel model = fit(method, ledger, optIn(method));

        List<LedgerEntry> entries = ledger.entries();
        assertTrue(entries.size() > 1, entries.toString());
        assertTrue(entries.get(0).query().startsWith("preprocessing:"), entries.get(0).query());
        assertTrue(entries.get(0).query().contains("'salary'"), entries.get(0).query());
        assertEquals(0.05, entries.get(0).cost(), 1e-12, "5 % of epsilon = 1");
        assertEquals("pure_epsilon", entries.get(0).costType());
        for (int i = 1; i < entries.size(); i++) {
            assertFalse(entries.get(i).query().startsWith("preprocessing:"), "bounds come before other lines");
        }
        assertTrue(ledger.totalEpsilon() <= 1.0 + 1e-9, "composed total " + ledger.totalEpsilon());

        Path saved = folder.resolve(method + ".json");
        model.save(saved);
        JsonNode json = Models.MAPPER.readTree(saved.toFile());
        List<JsonNode> edges = json.findValues("edges");
        assertFalse(edges.isEmpty(), "the saved model must carry the bin edges");
        for (JsonNode list : edges) {
            for (JsonNode edge : list) {
                assertTrue(edge.asDouble() != OUTLIER, "bin edge equals the outlier");
            }
        }
        assertTrue(json.toString().contains("estimated under differential privacy"), "provenance notice");

        Table synthetic = model.sample(2000, new SplittableRandom(5));
        Column salary = synthetic.column("salary");
        for (int row = 0; row < synthetic.rowCount(); row++) {
            assertTrue(salary.numericValue(row) != OUTLIER, "synthetic salary equals the outlier");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"independent", "mst", "aim", "privbayes", "dpgan"})
    void withoutOptInRejected(String method) {
        PrivacyLedger ledger = new PrivacyLedger(PrivacyBudget.of(1.0, 1e-6), DpRandom.seededForTesting(29));
        InvalidInputException error = assertThrows(InvalidInputException.class,
                () -> fit(method, ledger, method.equals("dpgan") ? Map.of("batch_size", "8") : Map.of()));
        assertTrue(error.getMessage().contains("declare lower and upper bounds for numeric column 'salary'")
                && error.getMessage().contains("\"bounds\"") && error.getMessage().contains("dp_bounds=true"),
                error.getMessage());
        assertTrue(ledger.entries().isEmpty(), "nothing may be charged before the rejection");
    }

    /**
     * Three columns of about 30,000 rows without bounds share 0.05 of epsilon, so each histogram has noise of
     * scale 60 and a threshold of about 460 rows. Age has 11,460 rows in [16, 32), 1,544 in [64, 128) and none
     * outside. Hours per week has 1,086 rows in [8, 16), 204 in [4, 8) and 1,080 in [64, 128), so the bin [4, 8)
     * passes the threshold with probability about 0.007 and its 295 rows below 8 are clipped.
     */
    @org.junit.jupiter.api.Test
    void adultBoundsArePowersOfTwo() throws Exception {
        com.fasterxml.jackson.databind.node.ObjectNode json = (com.fasterxml.jackson.databind.node.ObjectNode)
                Models.MAPPER.readTree(TestTables.repositoryRoot().resolve("sample-data/adult/schema.json").toFile());
        for (String column : List.of("age", "capital-gain", "hours-per-week")) {
            ((com.fasterxml.jackson.databind.node.ObjectNode) json.get("columns").get(column))
                    .remove(List.of("bounds", "bins"));
        }
        Schema schema = SchemaIO.parse(json.toString(), "adult without bounds", false);
        Table table = TestTables.sample("adult", "adult_train.csv");
        for (long seed = 1; seed <= 3; seed++) {
            PrivacyLedger ledger = new PrivacyLedger(PrivacyBudget.of(1.0, 1e-6), DpRandom.seededForTesting(seed));
            Parameters parameters = Parameters.resolve("independent", DpBoundsOption.PARAMETERS,
                    Map.of("dp_bounds", "true"));
            org.synthtrust.core.domain.Encoder encoder = DpBoundsOption.encoder("independent", schema, table,
                    ledger, parameters).encoder();
            Map<String, org.synthtrust.core.domain.ColumnCoding> codings = new java.util.HashMap<>();
            for (org.synthtrust.core.domain.ColumnCoding coding : encoder.columns()) {
                codings.put(coding.name(), coding);
            }
            assertEquals(16.0, codings.get("age").lower());
            assertEquals(128.0, codings.get("age").upper());
            assertEquals(8.0, codings.get("hours-per-week").lower());
            assertEquals(128.0, codings.get("hours-per-week").upper());
            assertEquals(3, ledger.entries().size());
        }
    }
}
