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
        assertTrue(entries.size() > 2, entries.toString());
        for (int i = 0; i < 2; i++) {
            assertTrue(entries.get(i).query().startsWith("preprocessing:")
                    && entries.get(i).query().contains("'salary'"), entries.get(i).query());
            assertEquals(0.05, entries.get(i).cost(), 1e-12, "half of 10 % of epsilon = 1 per bound");
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
     * With one unbounded column of about 30,000 rows and 0.05 of epsilon per bound, a candidate in the tail scores
     * -0.02 n, about 15 nats below the best, against ln(600) = 6.4 for the grid size, so the bounds land near
     * the 2nd and 98th percentiles of age (17 and about 70).
     */
    @org.junit.jupiter.api.Test
    void adultAgeBoundsNearPercentiles() throws Exception {
        com.fasterxml.jackson.databind.node.ObjectNode json = (com.fasterxml.jackson.databind.node.ObjectNode)
                Models.MAPPER.readTree(TestTables.repositoryRoot().resolve("sample-data/adult/schema.json").toFile());
        ((com.fasterxml.jackson.databind.node.ObjectNode) json.get("columns").get("age"))
                .remove(List.of("bounds", "bins"));
        Schema schema = SchemaIO.parse(json.toString(), "adult without age bounds", false);
        Table table = TestTables.sample("adult", "adult_train.csv");
        for (long seed = 1; seed <= 3; seed++) {
            PrivacyLedger ledger = new PrivacyLedger(PrivacyBudget.of(1.0, 1e-6), DpRandom.seededForTesting(seed));
            Parameters parameters = Parameters.resolve("independent", DpBoundsOption.PARAMETERS,
                    Map.of("dp_bounds", "true"));
            org.synthtrust.core.domain.ColumnCoding age = DpBoundsOption.encoder("independent", schema, table, ledger,
                    parameters).encoder().columns().get(0);
            String bounds = "age bounds [" + age.lower() + ", " + age.upper() + "]";
            assertTrue(age.lower() >= 10, bounds);
            assertTrue(age.lower() <= 25, bounds);
            assertTrue(age.upper() >= 55, bounds);
            assertTrue(age.upper() <= 95, bounds);
            assertEquals(2, ledger.entries().size());
        }
    }
}
