package org.synthtrust.core.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.synthtrust.core.privacy.DpRandom;
import org.synthtrust.core.privacy.PrivacyBudget;
import org.synthtrust.core.privacy.PrivacyLedger;

class LogScaleBoundsTest {
    @Test
    void binEdgesContainTheirValues() {
        double[] values = {-3e13, -1000, -1.5, -0.01, -0.001, 0, 0.001, 0.0078125, 1, 1.999, 2, 17, 90, 412000,
            1.7e12};
        for (double value : values) {
            int bin = LogScaleBounds.binOf(value);
            assertTrue(LogScaleBounds.lowerEdge(bin) <= value, value + " below bin " + bin);
            assertTrue(value < LogScaleBounds.upperEdge(bin), value + " above bin " + bin);
        }
        for (int bin = 1; bin < LogScaleBounds.BINS; bin++) {
            assertEquals(LogScaleBounds.upperEdge(bin - 1), LogScaleBounds.lowerEdge(bin), "bins must tile, bin " + bin);
        }
    }

    /** 10,000 rows in [16, 32) and [64, 128) at epsilon 1: noise of scale 1 against a threshold of about 8. */
    @Test
    void boundsAreOuterEdgesOfFullBins() {
        double[] values = new double[20_000];
        Arrays.fill(values, 0, 10_000, 20.0);
        Arrays.fill(values, 10_000, 20_000, 100.0);
        values[0] = 412000;
        PrivacyLedger ledger = new PrivacyLedger(PrivacyBudget.of(1.0, 0.0), DpRandom.seededForTesting(3));
        double[] bounds = LogScaleBounds.estimate(ledger, "x", values, 1.0);
        assertEquals(16.0, bounds[0]);
        assertEquals(128.0, bounds[1]);
        assertEquals(1, ledger.entries().size());
        assertEquals(1.0, ledger.totalEpsilon(), 1e-12);
    }
}
