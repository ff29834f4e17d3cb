package org.synthtrust.core.privacy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class DpBoundsTest {

    @Test
    void outlierSalaryNeverBecomesBound() throws IOException {
        double[] salaries = salaries();
        double[] grid = DpBounds.geometricGrid(1_000, 10_000_000, 400);

        for (long seed = 0; seed < 20; seed++) {
            PrivacyLedger ledger = new PrivacyLedger(PrivacyBudget.of(1.0, 1e-6), DpRandom.seededForTesting(seed));
            DpBounds.Bounds bounds = DpBounds.estimate(ledger, "salary", salaries, grid, 0.5, 0.05, 0.95);

            assertNotEquals(412_000.0, bounds.lower());
            assertNotEquals(412_000.0, bounds.upper());
            assertTrue(bounds.lower() < bounds.upper(), "ordered bounds " + bounds);
            assertEquals(2, ledger.entries().size());
            assertEquals(0.5, ledger.totalEpsilon(), 1e-12, "two pure lines of 0.25 each");
            assertTrue(ledger.entries().get(0).query().startsWith("preprocessing: lower bound of 'salary'"));
        }
    }

    @Test
    void largeSampleBoundsNearQuantiles() {
        // 10,000 values evenly spread over [0, 1000), so each grid step of 10 moves the count by 100 rows. With
        // epsilon 0.5 per quantile a candidate one step off has weight exp(-25) relative to the best one.
        double[] values = new double[10_000];
        for (int i = 0; i < values.length; i++) {
            values[i] = i / 10.0;
        }
        double[] grid = DpBounds.linearGrid(-10_000, 10_000, 2001);
        PrivacyLedger ledger = new PrivacyLedger(PrivacyBudget.of(1.0, 0), DpRandom.seededForTesting(3));

        DpBounds.Bounds bounds = DpBounds.estimate(ledger, "x", values, grid, 1.0, 0.01, 0.99);

        assertEquals(10, bounds.lower(), 20);
        assertEquals(990, bounds.upper(), 20);
        assertEquals("pure_epsilon", ledger.accounting());
    }

    @Test
    void unaffordableBoundsReleaseNothing() throws IOException {
        PrivacyLedger ledger = new PrivacyLedger(PrivacyBudget.of(0.4, 1e-6), DpRandom.seededForTesting(1));

        assertThrows(BudgetExceededException.class, () -> DpBounds.estimate(ledger, "salary", salaries(),
                DpBounds.linearGrid(0, 500_000, 101), 1.0, 0.05, 0.95));
        assertTrue(ledger.entries().isEmpty());
    }

    private static double[] salaries() throws IOException {
        try (InputStream in = DpBoundsTest.class.getResourceAsStream("cases/C29.csv")) {
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            double[] values = text.lines().skip(1).filter(line -> !line.isBlank())
                    .mapToDouble(line -> Double.parseDouble(line.split(",")[1])).toArray();
            assertTrue(Arrays.stream(values).anyMatch(value -> value == 412_000), "fixture has the outlier");
            return values;
        }
    }
}
