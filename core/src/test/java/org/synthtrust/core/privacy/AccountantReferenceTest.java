package org.synthtrust.core.privacy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Accountants against reference values: zCDP rho for (epsilon, delta) from the MST/AIM reference conversion
 * (private-pgm cdp2adp) and subsampled-Gaussian epsilon from the RDP accountant of Opacus 1.x with the improved
 * conversion over orders 1.1 to 10.9 and 12 to 63.
 */
class AccountantReferenceTest {

    @ParameterizedTest
    @CsvSource({"1, 1e-9, 0.014973", "0.3, 1e-9, 0.001477", "3, 1e-9, 0.120582", "1, 1e-5, 0.030557"})
    void zcdpRhoMatchesReference(double epsilon, double delta, double expectedRho) {
        double rho = Zcdp.rhoForBudget(epsilon, delta);

        assertEquals(expectedRho, rho, 5e-7, "rho for (" + epsilon + ", " + delta + ")");
        assertEquals(epsilon, Zcdp.epsilonFor(rho, delta), 1e-9 * epsilon, "epsilon back from rho");
        assertTrue(Zcdp.deltaFor(rho, epsilon) <= delta, "planned rho stays within delta");
    }

    @ParameterizedTest
    @CsvSource({"0.01, 1.1, 10000, 5.632", "0.004266666666666667, 1.1, 14062, 2.597", "0.01, 1.0, 1000, 2.101"})
    void subsampledGaussianMatchesReference(double q, double sigma, long steps, double expectedEpsilon) {
        double epsilon = RdpAccountant.epsilon(q, sigma, steps, 1e-5);

        assertEquals(expectedEpsilon, epsilon, 1e-3, "epsilon for q=" + q + " sigma=" + sigma + " T=" + steps);
    }

    @ParameterizedTest
    @CsvSource({"1.0, 1e-5, 0.01, 1000", "3.0, 1e-6, 0.004, 5000"})
    void noiseMultiplierMeetsTarget(double epsilon, double delta, double q, long steps) {
        double sigma = RdpAccountant.noiseMultiplierFor(epsilon, delta, q, steps);

        assertTrue(RdpAccountant.epsilon(q, sigma, steps, delta) <= epsilon, "sigma meets the target");
        assertTrue(RdpAccountant.epsilon(q, sigma * 0.999, steps, delta) > epsilon, "sigma is the smallest");
    }
}
