package org.synthtrust.core.privacy;

import static org.synthtrust.core.privacy.PrivacyBudget.format;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The only door from private data to a released statistic: every mechanism runs through this ledger. The ledger
 * charges a mechanism's cost before any noise is drawn and rejects a charge that would exceed the budget, in
 * which case nothing is released. It records one entry per invocation.
 *
 * <p>Neighbouring relation: add or remove one row. Sensitivities passed in must hold for that relation; a
 * count or a marginal has L1 and L2 sensitivity 1.
 *
 * <p>Composition uses the tightest common currency of the recorded entries:
 * <ul>
 *   <li>only pure epsilon-DP entries: epsilon adds, a guarantee at delta = 0;</li>
 *   <li>zCDP and pure entries: rho adds (a pure entry counts as rho = epsilon^2 / 2) and converts with the tight
 *       conversion of {@link Zcdp};</li>
 *   <li>any Rényi-DP entry (the subsampled Gaussian of DP-SGD): every entry becomes an RDP curve over
 *       {@link RdpAccountant#LEDGER_ORDERS} (rho gives rho alpha, pure epsilon gives min(epsilon,
 *       alpha epsilon^2 / 2)), curves add and the sum converts with the improved conversion of
 *       {@link RdpAccountant}.</li>
 * </ul>
 * In the last two cases the ledger also evaluates basic composition, pure epsilon added to the converted
 * remainder, and reports the smaller of the two valid totals. That keeps a pure pre-processing step (such as
 * DP bounds) from costing more than its epsilon. The overspend check uses the same conversions as planning
 * ({@link Zcdp#rhoForBudget}, {@link #remainingRho}, {@link #noiseMultiplierFor}) with a relative tolerance of
 * 1e-9, so a plan made for exactly the budget is accepted.
 *
 * <p>Not thread-safe: one ledger belongs to one fit.
 */
public final class PrivacyLedger {

    /** Relative tolerance of the overspend check, so rounding in a plan for exactly the budget is accepted. */
    static final double TOLERANCE = 1e-9;

    static final String GAUSSIAN_NOTE = "DP-SGD noise is a continuous Gaussian on floating-point numbers; the"
            + " accountant assumes exact real-valued noise (floating-point caveat).";

    private static final Logger LOG = LoggerFactory.getLogger(PrivacyLedger.class);

    private final PrivacyBudget budget;
    private final DpRandom random;
    private final List<LedgerEntry> entries = new ArrayList<>();
    private final List<String> notes = new ArrayList<>();
    private final Composition spent = new Composition();
    /** The budget's rho, computed once because the nested bisection is the costliest step of a charge. */
    private final double budgetRho;

    public PrivacyLedger(PrivacyBudget budget, DpRandom random) {
        this.budget = Objects.requireNonNull(budget, "budget");
        this.random = Objects.requireNonNull(random, "random");
        this.budgetRho = budget.delta() > 0 ? Zcdp.rhoForBudget(budget.epsilon(), budget.delta()) : 0.0;
        if (!random.isPrivate()) {
            notes.add("Outputs are " + DpRandom.NOT_PRIVATE_LABEL + ": generator " + random.description() + ".");
        }
    }

    public PrivacyBudget budget() {
        return budget;
    }

    public DpRandom random() {
        return random;
    }

    /** Returns true when the randomness is seeded: every output is "not private (seeded test mode)". */
    public boolean isTestMode() {
        return !random.isPrivate();
    }

    // ---- mechanisms -------------------------------------------------------------------------------------

    /**
     * Releases counts plus independent discrete Gaussian noise N_Z(0, sigma^2) per cell and charges
     * rho = l2Sensitivity^2 / (2 sigma^2) first. For integer-valued queries the discrete Gaussian has the same
     * zCDP bound as the continuous one (Canonne, Kamath and Steinke 2020, "The Discrete Gaussian for
     * Differential Privacy"), and independent cells add their Rényi divergences.
     *
     * @throws BudgetExceededException when the charge would exceed the budget; nothing is released
     */
    public long[] gaussianCounts(String query, long[] counts, double sigma, double l2Sensitivity) {
        Objects.requireNonNull(counts, "counts");
        requireNoiseScale("sigma", sigma);
        requirePositive("l2Sensitivity", l2Sensitivity);
        charge("discrete_gaussian", query, l2Sensitivity, sigma, Cost.zcdp(Zcdp.rhoForGaussian(l2Sensitivity, sigma)));

        long[] noisy = new long[counts.length];
        random.discreteGaussian(sigma, noisy);
        for (int i = 0; i < noisy.length; i++) {
            noisy[i] += counts[i];
        }
        return noisy;
    }

    /**
     * Releases counts plus independent discrete Laplace noise of scale b per cell and charges pure
     * epsilon = l1Sensitivity / b first.
     *
     * @throws BudgetExceededException when the charge would exceed the budget; nothing is released
     */
    public long[] laplaceCounts(String query, long[] counts, double scale, double l1Sensitivity) {
        Objects.requireNonNull(counts, "counts");
        requireNoiseScale("scale", scale);
        requirePositive("l1Sensitivity", l1Sensitivity);
        charge("discrete_laplace", query, l1Sensitivity, scale, Cost.pure(l1Sensitivity / scale));

        long[] noisy = new long[counts.length];
        for (int i = 0; i < noisy.length; i++) {
            noisy[i] = counts[i] + random.discreteLaplace(scale);
        }
        return noisy;
    }

    /**
     * Selects index i with probability proportional to exp(epsilon * scores[i] / (2 * sensitivity)), sampled
     * exactly, and charges rho = epsilon^2 / 8 first (bounded-range analysis of Cesar and Rogers 2021).
     *
     * @throws BudgetExceededException when the charge would exceed the budget; nothing is released
     */
    public int exponentialMechanism(String query, double[] scores, double epsilon, double sensitivity) {
        requireScores(scores);
        requirePositive("epsilon", epsilon);
        requirePositive("sensitivity", sensitivity);
        charge("exponential_mechanism", query, sensitivity, 2 * sensitivity / epsilon,
                Cost.zcdp(Zcdp.rhoForExponentialMechanism(epsilon)));
        return random.exponentialMechanism(scores, epsilon, sensitivity);
    }

    /**
     * Selects like {@link #exponentialMechanism} but charges pure epsilon, for pure-DP methods such as PrivBayes
     * and for DP quantiles.
     *
     * @throws BudgetExceededException when the charge would exceed the budget; nothing is released
     */
    public int exponentialMechanismPure(String query, double[] scores, double epsilon, double sensitivity) {
        requireScores(scores);
        requirePositive("epsilon", epsilon);
        requirePositive("sensitivity", sensitivity);
        charge("exponential_mechanism_pure", query, sensitivity, 2 * sensitivity / epsilon, Cost.pure(epsilon));
        return random.exponentialMechanism(scores, epsilon, sensitivity);
    }

    /**
     * Releases a row count plus discrete Gaussian noise (sensitivity 1), for settings that depend on the number
     * of rows. Charged like any count.
     */
    public long noisyTotal(String query, long trueCount, double sigma) {
        // A one-cell count: adding or removing a row changes it by 1.
        return gaussianCounts(query, new long[] {trueCount}, sigma, 1.0)[0];
    }

    /**
     * Charges T steps of the Poisson-subsampled Gaussian mechanism (DP-SGD) as an RDP curve, before training
     * starts. The caller draws the gradient noise with {@link DpRandom#gaussian} afterwards.
     *
     * @param samplingRate Poisson sampling rate q in (0, 1]; must come from a noisy total or a user setting
     * @param noiseMultiplier noise standard deviation divided by the L2 clipping norm
     * @throws BudgetExceededException when the charge would exceed the budget
     */
    public void chargeSubsampledGaussian(String query, double samplingRate, double noiseMultiplier, long steps) {
        if (!(samplingRate > 0 && samplingRate <= 1)) {
            throw new IllegalArgumentException("samplingRate must be in (0, 1]; got " + samplingRate);
        }
        requirePositive("noiseMultiplier", noiseMultiplier);
        if (steps < 1) {
            throw new IllegalArgumentException("steps must be at least 1; got " + steps);
        }
        budget.requirePositiveDelta("DP-SGD (subsampled Gaussian)");
        double[] curve = RdpAccountant.subsampledGaussian(samplingRate, noiseMultiplier, steps,
                RdpAccountant.LEDGER_ORDERS);
        double ownEpsilon = RdpAccountant.epsilonFor(curve, RdpAccountant.LEDGER_ORDERS, budget.delta());
        String mechanism = String.format(Locale.ROOT, "subsampled_gaussian q=%s steps=%d", format(samplingRate),
                steps);
        charge(mechanism, query, 1.0, noiseMultiplier, Cost.rdp(curve, ownEpsilon));
        if (!notes.contains(GAUSSIAN_NOTE)) {
            notes.add(GAUSSIAN_NOTE);
        }
    }

    // ---- planning ---------------------------------------------------------------------------------------

    /** Returns the largest rho whose tight conversion stays within the budget (0 when delta = 0). */
    public double budgetRho() {
        return budgetRho;
    }

    /** Returns the zCDP spent so far: zCDP entries plus epsilon^2 / 2 per pure entry (RDP entries excluded). */
    public double spentRho() {
        return spent.zcdpRho + spent.pureRho;
    }

    /**
     * Returns the largest rho a further zCDP charge may spend: the budget's rho minus the zCDP spent so far,
     * or more when basic composition with the pure entries leaves more room. With RDP entries it is found by
     * bisection against the RDP composition. Returns 0 when delta = 0.
     */
    public double remainingRho() {
        if (budget.delta() <= 0) {
            return 0.0;
        }
        if (!spent.hasRdp()) {
            double remaining = budgetRho() - spentRho();
            if (spent.pureEpsilon > 0 && spent.pureEpsilon < budget.epsilon()) {
                double afterPure = Zcdp.rhoForBudget(budget.epsilon() - spent.pureEpsilon, budget.delta());
                remaining = Math.max(remaining, afterPure - spent.zcdpRho);
            }
            return Math.max(0.0, remaining);
        }
        double low = 0;
        double high = budgetRho();
        if (!withinBudget(spent.plus(Cost.zcdp(0)))) {
            return 0.0;
        }
        for (int step = 0; step < 100 && high - low > 1e-12 * high; step++) {
            double middle = (low + high) / 2;
            if (withinBudget(spent.plus(Cost.zcdp(middle)))) {
                low = middle;
            } else {
                high = middle;
            }
        }
        return low;
    }

    /**
     * Returns the smallest noise multiplier (relative precision 1e-6, rounded up) for which
     * {@link #chargeSubsampledGaussian} with these settings would be accepted now.
     *
     * @throws BudgetExceededException when even a noise multiplier of 1e6 would not fit
     */
    public double noiseMultiplierFor(double samplingRate, long steps) {
        budget.requirePositiveDelta("DP-SGD (subsampled Gaussian)");
        try {
            return RdpAccountant.noiseMultiplierFor(sigma -> withinBudget(spent.plus(Cost.rdp(
                    RdpAccountant.subsampledGaussian(samplingRate, sigma, steps, RdpAccountant.LEDGER_ORDERS),
                    0))));
        } catch (IllegalArgumentException e) {
            throw new BudgetExceededException("no noise multiplier fits the remaining budget: "
                    + format(totalEpsilon()) + " of epsilon = " + format(budget.epsilon())
                    + " is already spent. Raise epsilon or lower the pre-processing share.");
        }
    }

    // ---- totals -----------------------------------------------------------------------------------------

    public List<LedgerEntry> entries() {
        return Collections.unmodifiableList(entries);
    }

    /** Returns the composed total epsilon at the budget's delta (0 delta for an all-pure ledger). */
    public double totalEpsilon() {
        return spent.epsilon(budget.delta());
    }

    /** Returns the delta of {@link #totalEpsilon()}: 0 when every entry is pure, else the budget's delta. */
    public double totalDelta() {
        return spent.accounting().equals("pure_epsilon") || entries.isEmpty() ? 0.0 : budget.delta();
    }

    /** Returns "none", "pure_epsilon", "zcdp" or "rdp". */
    public String accounting() {
        return spent.accounting();
    }

    public LedgerSnapshot snapshot() {
        return new LedgerSnapshot(new LedgerSnapshot.Budget(budget.epsilon(), budget.delta()), entries,
                totalEpsilon(), totalDelta(), isTestMode(), accounting(), random.privacyLabel(), notes);
    }

    // ---- charging ---------------------------------------------------------------------------------------

    private void charge(String mechanism, String query, double sensitivity, double noiseScale, Cost cost) {
        if (query == null || query.isBlank()) {
            throw new IllegalArgumentException("every ledger charge needs a query description");
        }
        if (!cost.type.equals(LedgerEntry.PURE_EPSILON)) {
            budget.requirePositiveDelta(mechanism + " (zCDP or RDP accounting)");
        }
        Composition after = spent.plus(cost);
        if (!withinBudget(after)) {
            throw new BudgetExceededException(String.format(Locale.ROOT,
                    "privacy budget exceeded: %s for '%s' (%s = %s) would bring the total to epsilon = %s at"
                            + " delta = %s, above the budget epsilon = %s. Nothing was released; %s is spent."
                            + " Raise epsilon or spend less on earlier steps.",
                    mechanism, query, cost.type, format(cost.value), format(after.epsilon(budget.delta())),
                    format(budget.delta()), format(budget.epsilon()), format(totalEpsilon())));
        }
        spent.add(cost);
        double running = totalEpsilon();
        entries.add(new LedgerEntry(mechanism, query, sensitivity, noiseScale, cost.type, cost.value, running));
        LOG.debug("Charged {} for '{}': {} = {}, total epsilon {}", mechanism, query, cost.type, cost.value, running);
    }

    /** Checks for overspending with the same conversions as planning and a relative tolerance. */
    private boolean withinBudget(Composition composition) {
        double epsilon = budget.epsilon();
        double delta = budget.delta();
        switch (composition.accounting()) {
            case "none":
                return true;
            case "pure_epsilon":
                return composition.pureEpsilon <= epsilon * (1 + TOLERANCE);
            case "zcdp": {
                double limit = budgetRho * (1 + TOLERANCE);
                if (composition.zcdpRho + composition.pureRho <= limit) {
                    return true;
                }
                return composition.pureEpsilon < epsilon && composition.zcdpRho
                        <= Zcdp.rhoForBudget(epsilon - composition.pureEpsilon, delta) * (1 + TOLERANCE);
            }
            default:
                return composition.epsilon(delta) <= epsilon * (1 + TOLERANCE);
        }
    }

    private static void requirePositive(String name, double value) {
        if (!(value > 0) || Double.isInfinite(value)) {
            throw new IllegalArgumentException(name + " must be positive and finite; got " + value);
        }
    }

    private static void requireNoiseScale(String name, double value) {
        if (!(value > 0) || value > DpRandom.MAX_NOISE_SCALE) {
            throw new IllegalArgumentException(name + " must be in (0, " + DpRandom.MAX_NOISE_SCALE + "]; got "
                    + value);
        }
    }

    /** Checks the scores before charging, so the sampler cannot fail after the budget was spent. */
    private static void requireScores(double[] scores) {
        if (scores == null || scores.length == 0) {
            throw new IllegalArgumentException("the exponential mechanism needs at least one candidate score");
        }
        boolean anyFinite = false;
        for (int i = 0; i < scores.length; i++) {
            if (Double.isNaN(scores[i]) || scores[i] == Double.POSITIVE_INFINITY) {
                throw new IllegalArgumentException("score " + i + " is " + scores[i]
                        + "; scores must be finite, or -infinity to exclude a candidate");
            }
            anyFinite |= Double.isFinite(scores[i]);
        }
        if (!anyFinite) {
            throw new IllegalArgumentException("the exponential mechanism needs at least one finite score");
        }
    }

    // ---- composition state ------------------------------------------------------------------------------

    /** A cost in one of the three currencies. */
    private static final class Cost {
        final String type;
        final double value;
        final double[] curve;

        private Cost(String type, double value, double[] curve) {
            this.type = type;
            this.value = value;
            this.curve = curve;
        }

        static Cost zcdp(double rho) {
            return new Cost(LedgerEntry.ZCDP_RHO, rho, null);
        }

        static Cost pure(double epsilon) {
            return new Cost(LedgerEntry.PURE_EPSILON, epsilon, null);
        }

        static Cost rdp(double[] curve, double ownEpsilon) {
            return new Cost(LedgerEntry.RDP, ownEpsilon, curve);
        }
    }

    /** Running sums per currency; pure entries also keep their epsilons for the RDP curve min(eps, alpha eps^2/2). */
    private static final class Composition {
        double pureEpsilon;
        double pureRho;
        double zcdpRho;
        final List<Double> pureEpsilons = new ArrayList<>();
        double[] rdpCurve;
        int count;

        boolean hasRdp() {
            return rdpCurve != null;
        }

        String accounting() {
            if (count == 0) {
                return "none";
            }
            if (hasRdp()) {
                return "rdp";
            }
            return zcdpRho > 0 ? "zcdp" : "pure_epsilon";
        }

        Composition plus(Cost cost) {
            Composition copy = new Composition();
            copy.pureEpsilon = pureEpsilon;
            copy.pureRho = pureRho;
            copy.zcdpRho = zcdpRho;
            copy.pureEpsilons.addAll(pureEpsilons);
            copy.rdpCurve = rdpCurve == null ? null : rdpCurve.clone();
            copy.count = count;
            copy.add(cost);
            return copy;
        }

        void add(Cost cost) {
            count++;
            switch (cost.type) {
                case LedgerEntry.PURE_EPSILON:
                    pureEpsilon += cost.value;
                    pureRho += Zcdp.rhoForPureEpsilon(cost.value);
                    pureEpsilons.add(cost.value);
                    break;
                case LedgerEntry.ZCDP_RHO:
                    zcdpRho += cost.value;
                    break;
                default:
                    if (rdpCurve == null) {
                        rdpCurve = new double[cost.curve.length];
                    }
                    for (int k = 0; k < rdpCurve.length; k++) {
                        rdpCurve[k] += cost.curve[k];
                    }
            }
        }

        /** Returns the smaller of the currency composition and basic composition of the pure part. */
        double epsilon(double delta) {
            switch (accounting()) {
                case "none":
                    return 0.0;
                case "pure_epsilon":
                    return pureEpsilon;
                case "zcdp": {
                    if (delta <= 0) {
                        return Double.POSITIVE_INFINITY;
                    }
                    double allAsZcdp = Zcdp.epsilonFor(zcdpRho + pureRho, delta);
                    double basic = pureEpsilon + Zcdp.epsilonFor(zcdpRho, delta);
                    return Math.min(allAsZcdp, basic);
                }
                default: {
                    double[] orders = RdpAccountant.LEDGER_ORDERS;
                    double[] withoutPure = new double[orders.length];
                    double[] all = new double[orders.length];
                    for (int k = 0; k < orders.length; k++) {
                        double alpha = orders[k];
                        withoutPure[k] = rdpCurve[k] + zcdpRho * alpha;
                        all[k] = withoutPure[k];
                        for (double epsilon : pureEpsilons) {
                            all[k] += Math.min(epsilon, alpha * epsilon * epsilon / 2);
                        }
                    }
                    double allAsRdp = RdpAccountant.epsilonFor(all, orders, delta);
                    double basic = pureEpsilon + RdpAccountant.epsilonFor(withoutPure, orders, delta);
                    return Math.min(allAsRdp, basic);
                }
            }
        }
    }

    @Override
    public String toString() {
        return "PrivacyLedger" + budget + ", spent epsilon " + format(totalEpsilon()) + " over " + entries.size()
                + " entries (" + random.privacyLabel() + ")";
    }
}
