package org.synthtrust.core.privacy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.synthtrust.core.InvalidInputException;

class PrivacyLedgerTest {

    private static final PrivacyBudget BUDGET = PrivacyBudget.of(1.0, 1e-6);

    @Test
    void planForWholeBudgetIsAccepted() {
        PrivacyLedger ledger = new PrivacyLedger(BUDGET, DpRandom.seededForTesting(1));
        double sigma = Math.sqrt(1 / (2 * ledger.budgetRho()));

        ledger.gaussianCounts("marginal(a)", new long[] {5, 7}, sigma, 1.0);

        assertEquals(1.0, ledger.totalEpsilon(), 1e-9);
        assertEquals(0.0, ledger.remainingRho(), 1e-15);
    }

    @Test
    void overspendReleasesNothing() {
        DpRandom random = DpRandom.seededForTesting(42);
        DpRandom twin = DpRandom.seededForTesting(42);
        PrivacyLedger ledger = new PrivacyLedger(BUDGET, random);
        double sigma = Math.sqrt(1 / (2 * ledger.budgetRho() * 0.6));
        ledger.gaussianCounts("marginal(a)", new long[] {3}, sigma, 1.0);
        twin.discreteGaussian(sigma);

        BudgetExceededException error = assertThrows(BudgetExceededException.class,
                () -> ledger.gaussianCounts("marginal(b)", new long[] {4}, sigma, 1.0));

        assertEquals(1, ledger.entries().size(), "no entry for the rejected charge");
        assertTrue(error.getMessage().contains("Nothing was released"), error.getMessage());
        assertTrue(error.getMessage().contains("marginal(b)"), error.getMessage());
        assertEquals(twin.discreteGaussian(sigma), random.discreteGaussian(sigma),
                "no noise was drawn for the rejected charge");
    }

    @Test
    void zcdpEntriesSumToTotal() {
        PrivacyLedger ledger = new PrivacyLedger(BUDGET, DpRandom.seededForTesting(3));
        ledger.gaussianCounts("marginal(a)", new long[] {1, 2, 3}, 20, 1.0);
        ledger.exponentialMechanism("select clique", new double[] {1, 2, 3}, 0.05, 1.0);
        ledger.laplaceCounts("marginal(b)", new long[] {4}, 50, 1.0);

        double rho = 0;
        for (LedgerEntry entry : ledger.entries()) {
            rho += entry.costType().equals(LedgerEntry.PURE_EPSILON) ? entry.cost() * entry.cost() / 2 : entry.cost();
        }
        assertEquals("zcdp", ledger.accounting());
        assertEquals(rho, ledger.spentRho(), 1e-15);
        assertEquals(Zcdp.epsilonFor(rho, BUDGET.delta()), ledger.totalEpsilon(), 1e-12);
        assertEquals(ledger.totalEpsilon(), ledger.entries().get(2).runningEpsilon(), 0.0);
        assertEquals(Zcdp.rhoForBudget(1.0, 1e-6) - rho, ledger.remainingRho(), 1e-12);
    }

    @Test
    void pureEntriesAddEpsilon() {
        PrivacyLedger ledger = new PrivacyLedger(PrivacyBudget.of(1.0, 0), DpRandom.seededForTesting(4));
        ledger.laplaceCounts("marginal(a)", new long[] {1, 2}, 4, 1.0);
        ledger.exponentialMechanismPure("select parent", new double[] {0, 1}, 0.5, 1.0);

        assertEquals("pure_epsilon", ledger.accounting());
        assertEquals(0.75, ledger.totalEpsilon(), 1e-15);
        assertEquals(0.0, ledger.totalDelta());
        assertThrows(BudgetExceededException.class,
                () -> ledger.laplaceCounts("marginal(b)", new long[] {1}, 3.9, 1.0));
    }

    @Test
    void zeroDeltaRejectsZcdpCharge() {
        PrivacyLedger ledger = new PrivacyLedger(PrivacyBudget.of(1.0, 0), DpRandom.seededForTesting(5));

        InvalidInputException error = assertThrows(InvalidInputException.class,
                () -> ledger.gaussianCounts("marginal(a)", new long[] {1}, 10, 1.0));

        assertTrue(error.getMessage().contains("needs delta > 0; got delta = 0"), error.getMessage());
        assertTrue(ledger.entries().isEmpty());
    }

    @Test
    void pureStepThenTrainingComposesBasic() {
        PrivacyLedger ledger = new PrivacyLedger(BUDGET, DpRandom.seededForTesting(6));
        ledger.exponentialMechanismPure("bounds(salary)", new double[] {0, 1, 2}, 0.3, 1.0);

        double rho = ledger.remainingRho();
        ledger.gaussianCounts("marginal(a)", new long[] {1}, Math.sqrt(1 / (2 * rho)), 1.0);

        assertEquals(Zcdp.rhoForBudget(0.7, 1e-6), rho, 1e-12, "the pure share is subtracted from epsilon");
        assertEquals(1.0, ledger.totalEpsilon(), 1e-9);
    }

    @Test
    void subsampledGaussianUsesRdp() {
        PrivacyLedger ledger = new PrivacyLedger(BUDGET, DpRandom.seededForTesting(7));
        ledger.exponentialMechanismPure("bounds(salary)", new double[] {0, 1}, 0.2, 1.0);
        double sigma = ledger.noiseMultiplierFor(0.01, 2000);

        ledger.chargeSubsampledGaussian("generator training", 0.01, sigma, 2000);

        assertEquals("rdp", ledger.accounting());
        assertTrue(ledger.totalEpsilon() <= 1.0 * (1 + 1e-9), "total " + ledger.totalEpsilon());
        assertTrue(ledger.totalEpsilon() > 0.99, "the plan uses the budget: " + ledger.totalEpsilon());
        assertThrows(BudgetExceededException.class,
                () -> ledger.chargeSubsampledGaussian("more training", 0.01, sigma, 10));
        assertTrue(ledger.snapshot().notes().contains(PrivacyLedger.GAUSSIAN_NOTE));
    }

    @Test
    void rdpCompositionMatchesAccountant() {
        PrivacyLedger ledger = new PrivacyLedger(PrivacyBudget.of(10.0, 1e-5), DpRandom.seededForTesting(8));

        ledger.chargeSubsampledGaussian("generator training", 0.01, 1.0, 1000);

        // The ledger's order grid contains the default grid, so it is at least as tight as the reference.
        assertTrue(ledger.totalEpsilon() <= RdpAccountant.epsilon(0.01, 1.0, 1000, 1e-5) + 1e-12);
        assertEquals(2.101, ledger.totalEpsilon(), 2e-3);
    }

    @Test
    void remainingRhoAfterRdpFitsExactly() {
        PrivacyLedger ledger = new PrivacyLedger(BUDGET, DpRandom.seededForTesting(10));
        ledger.chargeSubsampledGaussian("generator training", 0.01, 2.0, 500);
        double rho = ledger.remainingRho();
        double sigma = Math.sqrt(1 / (2 * rho));

        assertThrows(BudgetExceededException.class,
                () -> ledger.gaussianCounts("marginal(b)", new long[] {1}, sigma * 0.999, 1.0));
        ledger.gaussianCounts("marginal(a)", new long[] {1}, sigma, 1.0);

        assertTrue(rho > 0, "room left after training: " + rho);
        assertEquals(1.0, ledger.totalEpsilon(), 1e-6);
        assertEquals(2, ledger.entries().size());
    }

    @Test
    void invalidScoresChargeNothing() {
        PrivacyLedger ledger = new PrivacyLedger(BUDGET, DpRandom.seededForTesting(11));

        assertThrows(IllegalArgumentException.class,
                () -> ledger.exponentialMechanism("select", new double[] {1, Double.NaN}, 0.1, 1.0));
        assertThrows(IllegalArgumentException.class, () -> ledger.exponentialMechanism("select",
                new double[] {Double.NEGATIVE_INFINITY}, 0.1, 1.0));

        assertTrue(ledger.entries().isEmpty());
        assertEquals(0.0, ledger.totalEpsilon());
    }

    @Test
    void snapshotJsonRoundTrip() throws Exception {
        PrivacyLedger ledger = new PrivacyLedger(BUDGET, DpRandom.seededForTesting(9));
        ledger.gaussianCounts("marginal(a, b)", new long[] {1, 2}, 12.5, 1.0);
        ledger.exponentialMechanism("select clique", new double[] {1, 2}, 0.1, 1.0);
        LedgerSnapshot snapshot = ledger.snapshot();

        String json = snapshot.toJson();
        JsonNode tree = new ObjectMapper().readTree(json);

        assertEquals(snapshot, LedgerSnapshot.fromJson(json));
        for (String field : new String[] {"budget", "entries", "total_epsilon", "delta", "test_mode", "accounting"}) {
            assertTrue(tree.has(field), "JSON lacks " + field + ": " + json);
        }
        assertTrue(tree.get("test_mode").asBoolean());
        assertEquals(DpRandom.NOT_PRIVATE_LABEL, tree.get("privacy").asText());
        assertEquals("zcdp_rho", tree.get("entries").get(0).get("cost_type").asText());
        assertEquals(12.5, tree.get("entries").get(0).get("noise_scale").asDouble());
    }

    @Test
    void secureLedgerIsPrivate() {
        PrivacyLedger ledger = new PrivacyLedger(BUDGET, DpRandom.secure());

        assertFalse(ledger.isTestMode());
        assertFalse(ledger.snapshot().testMode());
        assertEquals(DpRandom.PRIVATE_LABEL, ledger.snapshot().privacy());
    }
}
