package org.synthtrust.core.privacy;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.synthtrust.core.InvalidInputException;

/**
 * Budget validation on the configuration files in test resources: epsilon of zero, negative epsilon and invalid
 * deltas, and a pre-processing split that leaves little or nothing for training. Their JSON keys map to the
 * budget API as epsilon, delta (0 when absent) and preprocessor_epsilon. The method decides whether delta must be
 * positive, as the synthesizers will.
 */
class BudgetCasesTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** Display name and whether the method's guarantee needs delta > 0 (zCDP or RDP accounting). */
    private static final Map<String, Boolean> NEEDS_DELTA = Map.of("mst", true, "aim", true, "dpgan", true,
            "privbayes", false, "independent", true);
    private static final Map<String, String> DISPLAY_NAMES = Map.of("mst", "MST", "aim", "AIM", "dpgan", "DP-GAN",
            "privbayes", "PrivBayes", "independent", "Independent");

    @Test
    void zeroEpsilonRejected() throws IOException {
        JsonNode config = load("C25.json");

        InvalidInputException error = assertThrows(InvalidInputException.class, () -> validate(config));

        assertTrue(error.getMessage().startsWith("epsilon must be greater than 0; got 0"), error.getMessage());
    }

    @Test
    void negativeEpsilonRejected() throws IOException {
        InvalidInputException error = assertThrows(InvalidInputException.class,
                () -> validate(variant("C26.json", "negative-epsilon")));

        assertTrue(error.getMessage().startsWith("epsilon must be greater than 0; got -1"), error.getMessage());
    }

    @Test
    void zeroDeltaAcceptedForPureDp() throws IOException {
        PrivacyBudget budget = validate(variant("C26.json", "zero-delta-pure-dp"));

        assertEquals(0.0, budget.delta());
    }

    @Test
    void zeroDeltaRejectedForAim() throws IOException {
        InvalidInputException error = assertThrows(InvalidInputException.class,
                () -> validate(variant("C26.json", "zero-delta-needs-delta")));

        assertTrue(error.getMessage().startsWith("AIM needs delta > 0; got delta = 0"), error.getMessage());
    }

    @ParameterizedTest
    @ValueSource(strings = {"negative-delta", "delta-above-one"})
    void deltaOutOfRangeRejected(String name) throws IOException {
        JsonNode config = variant("C26.json", name);

        InvalidInputException error = assertThrows(InvalidInputException.class, () -> validate(config));

        assertTrue(error.getMessage().startsWith("delta must be at least 0 and less than 1; got "),
                error.getMessage());
        assertTrue(error.getMessage().contains(PrivacyBudget.format(config.get("delta").asDouble())),
                error.getMessage());
    }

    @Test
    void largeDeltaRejectedUnlessAllowed() throws IOException {
        JsonNode config = variant("C26.json", "delta-not-small");
        PrivacyBudget budget = validate(config);
        long rows = rowCount(config.get("input").asText());

        InvalidInputException error = assertThrows(InvalidInputException.class,
                () -> budget.checkDeltaForRows(rows, false));

        assertEquals(40, rows);
        assertTrue(error.getMessage().contains("delta should be far below 1/n = 0.025"), error.getMessage());
        assertTrue(error.getMessage().contains("--allow-large-delta"), error.getMessage());
        assertDoesNotThrow(() -> budget.checkDeltaForRows(rows, true));
    }

    @Test
    void splitLeavingNothingRejected() throws IOException {
        JsonNode config = variant("C28.json", "nothing-left");
        PrivacyBudget budget = validate(config);

        InvalidInputException error = assertThrows(InvalidInputException.class,
                () -> budget.splitForPreprocessing(config.get("preprocessor_epsilon").asDouble()));

        assertTrue(error.getMessage().startsWith("after 1.0 for preprocessing, 0 remains for training"),
                error.getMessage());
    }

    @Test
    void splitExceedingTotalRejected() throws IOException {
        JsonNode config = variant("C28.json", "preprocessing-exceeds-total");
        PrivacyBudget budget = validate(config);

        InvalidInputException error = assertThrows(InvalidInputException.class,
                () -> budget.splitForPreprocessing(config.get("preprocessor_epsilon").asDouble()));

        assertTrue(error.getMessage().startsWith("after 1.0 for preprocessing, -0.5 remains for training"),
                error.getMessage());
    }

    @Test
    void tinyRemainderWarnsWithComposedNumbers() throws IOException {
        JsonNode config = variant("C28.json", "tiny-remainder");
        PrivacyBudget budget = validate(config);
        double preprocessingEpsilon = config.get("preprocessor_epsilon").asDouble();

        BudgetSplit split = budget.splitForPreprocessing(preprocessingEpsilon);

        assertTrue(split.hasWarning());
        assertEquals(0.05, split.training().epsilon(), 1e-12);
        assertEquals(0.0, split.preprocessing().delta());
        assertEquals(budget.delta(), split.training().delta());
        String warning = split.warning();
        assertTrue(warning.contains("only 0.05 remains for training"), warning);
        assertTrue(warning.contains("rho = 0.5"), warning);
        assertTrue(warning.contains("1.0 + 0.05 = 1.05"), warning);
        // The zCDP route alone would cost far more than the budget for the pure step.
        assertTrue(Zcdp.epsilonFor(0.5, budget.delta()) > budget.epsilon());
    }

    @Test
    void tinyRemainderLedgerStaysWithinTotal() throws IOException {
        JsonNode config = variant("C28.json", "tiny-remainder");
        PrivacyBudget budget = validate(config);
        BudgetSplit split = budget.splitForPreprocessing(config.get("preprocessor_epsilon").asDouble());
        PrivacyLedger ledger = new PrivacyLedger(budget, DpRandom.seededForTesting(28));

        ledger.exponentialMechanismPure("bounds(hours_per_week)", new double[] {0, -1, -2},
                split.preprocessing().epsilon(), 1.0);
        double sigma = ledger.noiseMultiplierFor(0.1, 100);
        ledger.chargeSubsampledGaussian("generator training", 0.1, sigma, 100);

        assertEquals(2, ledger.entries().size());
        assertEquals(1.0, ledger.entries().get(0).cost());
        assertTrue(ledger.totalEpsilon() <= budget.epsilon() * (1 + 1e-9), "total " + ledger.totalEpsilon());
        assertTrue(ledger.entries().get(1).cost() <= budget.epsilon() - 1.0 + 1e-6,
                "the training line fits in the training share: " + ledger.entries().get(1).cost());
    }

    @Test
    void nonNumericEpsilonRejected() {
        InvalidInputException error = assertThrows(InvalidInputException.class,
                () -> PrivacyBudget.parse("one", "1e-6"));

        assertTrue(error.getMessage().startsWith("epsilon must be a number greater than 0; got 'one'"),
                error.getMessage());
    }

    @ParameterizedTest
    @ValueSource(doubles = {Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY})
    void nonFiniteEpsilonRejected(double epsilon) {
        InvalidInputException error = assertThrows(InvalidInputException.class,
                () -> PrivacyBudget.of(epsilon, 1e-6));

        assertTrue(error.getMessage().startsWith("epsilon must be greater than 0; got " + epsilon),
                error.getMessage());
    }

    @Test
    void weakEpsilonFlagged() {
        assertTrue(PrivacyBudget.of(10.5, 1e-6).isWeak());
        assertFalse(PrivacyBudget.of(10, 1e-6).isWeak());
    }

    /** Applies the checks a synthesizer makes before it reads any data. */
    private static PrivacyBudget validate(JsonNode config) {
        PrivacyBudget budget = PrivacyBudget.of(config.get("epsilon").asDouble(),
                config.has("delta") ? config.get("delta").asDouble() : 0.0);
        String method = config.get("method").asText();
        if (NEEDS_DELTA.get(method)) {
            budget.requirePositiveDelta(DISPLAY_NAMES.get(method));
        }
        return budget;
    }

    private static JsonNode load(String name) throws IOException {
        try (InputStream in = BudgetCasesTest.class.getResourceAsStream("cases/" + name)) {
            assertNotNull(in, "missing test resource cases/" + name);
            return JSON.readTree(in);
        }
    }

    private static JsonNode variant(String file, String name) throws IOException {
        JsonNode root = load(file);
        for (JsonNode variant : root.get("variants")) {
            if (variant.get("name").asText().equals(name)) {
                return variant.deepCopy().<com.fasterxml.jackson.databind.node.ObjectNode>require()
                        .put("input", root.get("input").asText());
            }
        }
        throw new AssertionError("variant " + name + " not in " + file);
    }

    private static long rowCount(String csv) throws IOException {
        try (InputStream in = BudgetCasesTest.class.getResourceAsStream("cases/" + csv)) {
            assertNotNull(in, "missing test resource cases/" + csv);
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            return text.lines().filter(line -> !line.isBlank()).count() - 1;
        }
    }
}
