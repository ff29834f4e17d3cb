package org.synthtrust.generators.privbayes;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.IntStream;
import org.synthtrust.core.InvalidInputException;
import org.synthtrust.core.domain.Domain;
import org.synthtrust.core.domain.Encoder;
import org.synthtrust.core.privacy.LedgerEntry;
import org.synthtrust.core.privacy.PrivacyLedger;
import org.synthtrust.core.progress.CancellationToken;
import org.synthtrust.core.progress.ProgressListener;
import org.synthtrust.core.schema.Schema;
import org.synthtrust.core.table.Table;
import org.synthtrust.generators.DpBoundsOption;
import org.synthtrust.generators.FittedModel;
import org.synthtrust.generators.ModelProvenance;
import org.synthtrust.generators.Models;
import org.synthtrust.generators.ParameterDescriptor;
import org.synthtrust.generators.Parameters;
import org.synthtrust.generators.Synthesizer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * PrivBayes from Zhang, Cormode, Procopiuc, Srivastava and Xiao (2017), "PrivBayes: Private Data Release via
 * Bayesian Networks" (ACM TODS 42(4)), in its general-domain form.
 *
 * <ol>
 *   <li>A noisy record count n^ (a share {@code total_share} of the budget) gives the public quantities the
 *       paper derives from n: a lower bound n_low = n^ - t, where t is the noise's 1 - 1e-9 tail quantile, for
 *       the score sensitivity, and n^ for the usefulness rule. The true n is never used.</li>
 *   <li>Network: the first attribute is drawn uniformly at random (data-independent); then d - 1 greedy steps
 *       each select one (child, parent set) pair with the exponential mechanism, epsilon_1 / (d - 1) per step,
 *       scored by mutual information I(X; Pi) (natural log) with the sensitivity of the paper's Lemma 1 at
 *       n_low. Parent sets are the maximal subsets of the attributes already in the network with at most k
 *       members whose table (child and parents) has at most tau = n^ / (theta * b) cells, b being the noise
 *       scale of one conditional table: the paper's theta-usefulness rule for general domains. The default
 *       degree k is the largest with 2^(k+1) &lt;= tau (the binary-domain rule), at most
 *       {@value #MAX_AUTO_DEGREE}.</li>
 *   <li>Conditionals: the d joint count tables of (parents, child), each with L1 (and L2) sensitivity 1,
 *       measured with discrete Laplace noise of scale d / epsilon_2 (pure epsilon-DP) or discrete Gaussian
 *       noise spending rho_2 / d each (zCDP). Negative counts become 0 and each parent configuration is
 *       normalised; an all-zero configuration falls back to the child's distribution summed over the same
 *       noisy table.</li>
 * </ol>
 * The remaining budget after the count splits as epsilon_1 = beta * rest and epsilon_2 = (1 - beta) * rest with
 * the paper's beta = 0.3 by default (in the zCDP variant the same split applies to rho). Unlike the
 * DataSynthesizer implementation, no noisy 1-way tables are measured outside the budget, every domain comes
 * from the schema, and the count noise is on counts (not probabilities).
 *
 * <p>Caveat: the score sensitivity assumes n &gt;= n_low, which fails with probability at most 1e-9 over the
 * count noise. The pure epsilon-DP guarantee is conditional on that event.
 */
public final class PrivBayesSynthesizer implements Synthesizer {
    public static final String ID = "privbayes";

    /** Largest degree the automatic rule picks; each extra parent multiplies the enumerated parent sets. */
    static final int MAX_AUTO_DEGREE = 4;
    /** Probability that the noisy lower bound on n exceeds the true n. */
    static final double LOWER_BOUND_FAILURE = 1e-9;
    /** Minimum row count, because below it every count is far under the noise at any useful budget. */
    static final int MIN_ROWS = 10;

    private static final Logger LOG = LoggerFactory.getLogger(PrivBayesSynthesizer.class);

    private static final List<ParameterDescriptor> PARAMETERS = DpBoundsOption.appendTo(List.of(
            ParameterDescriptor.ofInt("degree", 0, 0, 8,
                    "largest number of parents per attribute; 0 picks it from epsilon and the noisy count"),
            ParameterDescriptor.ofDouble("beta", 0.3, 0.01, 0.99,
                    "share of the budget after the count spent on learning the network"),
            ParameterDescriptor.ofDouble("theta", 4.0, 0.1, 1000.0,
                    "usefulness: a conditional table may have at most (noisy count) / (theta * noise scale) cells"),
            ParameterDescriptor.ofChoice("noise", "laplace", List.of("laplace", "gaussian"),
                    "laplace: pure epsilon-DP with discrete Laplace noise (delta 0 allowed); gaussian: zCDP "
                            + "with discrete Gaussian noise (needs delta > 0)"),
            ParameterDescriptor.ofDouble("total_share", 0.02, 0.001, 0.5,
                    "share of the budget spent on the noisy record count")));

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String description() {
        return "PrivBayes (Zhang, Cormode, Procopiuc, Srivastava, Xiao 2017): a private Bayesian network with "
                + "noisy conditional tables, pure epsilon-DP (discrete Laplace) or zCDP (discrete Gaussian).";
    }

    @Override
    public List<ParameterDescriptor> parameters() {
        return PARAMETERS;
    }

    @Override
    public FittedModel fit(Table train, Schema schema, PrivacyLedger ledger, Map<String, String> params,
            ProgressListener progress, CancellationToken cancel) {
        Parameters parameters = Parameters.resolve(ID, PARAMETERS, params);
        boolean gaussian = parameters.get("noise").equals("gaussian");
        if (gaussian) {
            ledger.budget().requirePositiveDelta("PrivBayes with noise=gaussian (zCDP)");
        }
        if (train.rowCount() < MIN_ROWS) {
            throw new InvalidInputException(ID + " needs at least " + MIN_ROWS + " rows; the training table has "
                    + train.rowCount());
        }
        DpBoundsOption.Result coded = DpBoundsOption.encoder(ID, schema, train, ledger, parameters);
        Encoder encoder = coded.encoder();
        Encoder.Encoded encoded = encoder.encodeWithReport(train);
        if (!encoded.clippedCounts().isEmpty()) {
            LOG.info("{}: values outside the declared domain were clipped or mapped to 'other': {}", ID,
                    encoded.clippedCounts());
        }
        int[][] codes = encoded.codes();
        Domain domain = encoder.domain();
        int d = domain.attributeCount();
        Budget budget = gaussian ? new GaussianBudget(ledger) : new LaplaceBudget(ledger);

        // Step 1: noisy count, its lower bound for the sensitivity, and the usefulness cap.
        double totalShare = parameters.getDouble("total_share");
        double[] counted = budget.noisyTotal(train.rowCount(), totalShare);
        double noisyTotal = Math.max(1, counted[0]);
        double lowerBound = Math.max(3, counted[0] - counted[1]);
        double beta = parameters.getDouble("beta");
        budget.split(beta, d);
        double tau = noisyTotal / (parameters.getDouble("theta") * budget.conditionalScale(d));
        int degree = parameters.getInt("degree");
        if (degree == 0) {
            degree = 0;
            while (degree < MAX_AUTO_DEGREE && degree < d - 1 && Math.pow(2, degree + 2) <= tau) {
                degree++;
            }
        }
        LOG.info("{}: degree {}, table cap {} cells, noisy count {}", ID, degree, Math.round(tau),
                Math.round(noisyTotal));
        progress.progress("noisy count", 1.0);

        // Step 2: greedy network.
        int[] order = new int[d];
        int[][] parents = new int[d][];
        boolean[] inNetwork = new boolean[d];
        order[0] = ledger.random().generator().nextInt(d);
        parents[order[0]] = new int[0];
        inNetwork[order[0]] = true;
        // NOTE: Lemma 1 bounds the change of I when one record is replaced in a table of n rows, and it has not
        // been re-derived for add/remove-one neighbours here. Evaluating it at n_low - 1, where both tables of
        // an add/remove pair have at least that many rows, keeps the bound on the conservative side.
        double sensitivity = mutualInformationSensitivity(lowerBound - 1);
        Map<String, Double> cache = new ConcurrentHashMap<>();
        for (int step = 1; step < d; step++) {
            cancel.throwIfCancelled();
            List<Integer> chosen = new ArrayList<>();
            for (int i = 0; i < step; i++) {
                chosen.add(order[i]);
            }
            List<int[]> pairs = new ArrayList<>(); // {child, parents...}
            for (int child = 0; child < d; child++) {
                if (inNetwork[child]) {
                    continue;
                }
                for (int[] parentSet : maximalParentSets(domain, chosen, child, degree, tau)) {
                    int[] pair = new int[parentSet.length + 1];
                    pair[0] = child;
                    System.arraycopy(parentSet, 0, pair, 1, parentSet.length);
                    pairs.add(pair);
                }
            }
            double[] scores = new double[pairs.size()];
            IntStream.range(0, pairs.size()).parallel().forEach(i -> scores[i] = cache.computeIfAbsent(
                    Arrays.toString(pairs.get(i)), key -> mutualInformation(codes, domain, pairs.get(i))));
            int choice = budget.select("PrivBayes network step " + step + " of " + (d - 1) + " ("
                    + pairs.size() + " candidate parent sets)", scores, sensitivity, d - 1);
            int[] pair = pairs.get(choice);
            order[step] = pair[0];
            parents[pair[0]] = Arrays.copyOfRange(pair, 1, pair.length);
            inNetwork[pair[0]] = true;
            progress.progress("learn network", step / (double) (d - 1));
        }

        // Step 3: noisy conditionals.
        double[][] conditionals = new double[d][];
        for (int i = 0; i < d; i++) {
            cancel.throwIfCancelled();
            int child = order[i];
            long[] counts = jointCounts(codes, domain, parents[child], child);
            String query = "PrivBayes conditional of " + domain.name(child) + " given "
                    + describe(domain, parents[child]);
            long[] noisy = budget.measure(query, counts, d - i);
            conditionals[child] = normalise(noisy, domain.size(child));
            progress.progress("measure conditionals", (i + 1.0) / d);
        }

        List<String> notices = new ArrayList<>();
        if (coded.notice() != null) {
            notices.add(coded.notice());
        }
        if (!encoder.uncoveredColumns().isEmpty()) {
            notices.add("The domains of columns " + encoder.uncoveredColumns() + " were read from the data, so the "
                    + "differential privacy guarantee does not cover which values they contain.");
        }
        if (ledger.isTestMode()) {
            notices.add("Seeded test mode: the noise is reproducible and the output is not differentially private.");
        }
        notices.add("The score sensitivity uses a noisy lower bound on the record count that fails with probability "
                + "at most " + LOWER_BOUND_FAILURE + ".");
        Map<String, String> resolved = new HashMap<>(parameters.asMap());
        resolved.put("degree_used", Integer.toString(degree));
        JsonNode ledgerJson = Models.MAPPER.valueToTree(ledger.snapshot());
        ModelProvenance provenance = new ModelProvenance(ID, Map.copyOf(resolved), ledger.budget().epsilon(),
                ledger.budget().delta(), ledgerJson, !ledger.isTestMode(), encoder.uncoveredColumns(),
                List.copyOf(notices), schema, ModelProvenance.currentVersion());
        return new BayesianNetworkModel(ID, encoder, order, parents, conditionals, noisyTotal, provenance);
    }

    /**
     * Sensitivity of mutual information under add/remove-one at n rows (Lemma 1 of Zhang et al. 2017, non-binary case,
     * which also bounds the binary case): (2/n) ln((n+1)/2) + ((n-1)/n) ln((n+1)/(n-1)).
     */
    static double mutualInformationSensitivity(double n) {
        return 2 / n * Math.log((n + 1) / 2) + (n - 1) / n * Math.log((n + 1) / (n - 1));
    }

    /**
     * Returns the maximal subsets of {@code chosen} with at most {@code degree} members whose joint table with
     * the child has at most {@code tau} cells; the empty set when no parent fits.
     */
    static List<int[]> maximalParentSets(Domain domain, List<Integer> chosen, int child, int degree, double tau) {
        List<int[]> result = new ArrayList<>();
        double limit = tau / domain.size(child);
        int[] sorted = chosen.stream().mapToInt(Integer::intValue).sorted().toArray();
        enumerate(domain, sorted, 0, new ArrayList<>(), 1, degree, limit, result);
        if (result.isEmpty()) {
            result.add(new int[0]);
        }
        return result;
    }

    private static void enumerate(Domain domain, int[] candidates, int from, List<Integer> current, double cells,
            int degree, double limit, List<int[]> result) {
        boolean extended = false;
        if (current.size() < degree) {
            for (int i = from; i < candidates.length; i++) {
                double next = cells * domain.size(candidates[i]);
                if (next <= limit) {
                    current.add(candidates[i]);
                    enumerate(domain, candidates, i + 1, current, next, degree, limit, result);
                    current.remove(current.size() - 1);
                    extended = true;
                }
            }
        }
        if (extended || current.isEmpty()) {
            return;
        }
        // Maximal: no attribute outside the set (before or after the cursor) can be added.
        if (current.size() < degree) {
            for (int candidate : candidates) {
                if (!current.contains(candidate) && cells * domain.size(candidate) <= limit) {
                    return;
                }
            }
        }
        result.add(current.stream().mapToInt(Integer::intValue).toArray());
    }

    /**
     * Computes the mutual information (nats) between {@code pair[0]} and the joint of {@code pair[1..]} on the
     * exact codes.
     */
    static double mutualInformation(int[][] codes, Domain domain, int[] pair) {
        int child = pair[0];
        int[] parentSet = Arrays.copyOfRange(pair, 1, pair.length);
        if (parentSet.length == 0) {
            return 0;
        }
        long[] counts = jointCounts(codes, domain, parentSet, child);
        int childSize = domain.size(child);
        int configurations = counts.length / childSize;
        double[] childTotals = new double[childSize];
        double[] parentTotals = new double[configurations];
        double n = 0;
        for (int c = 0; c < configurations; c++) {
            for (int x = 0; x < childSize; x++) {
                long count = counts[c * childSize + x];
                childTotals[x] += count;
                parentTotals[c] += count;
                n += count;
            }
        }
        double information = 0;
        for (int c = 0; c < configurations; c++) {
            for (int x = 0; x < childSize; x++) {
                long count = counts[c * childSize + x];
                if (count > 0) {
                    information += count / n * Math.log(count * n / (childTotals[x] * parentTotals[c]));
                }
            }
        }
        return Math.max(0, information);
    }

    /** Exact counts over (parents..., child), row-major with the child varying fastest. */
    static long[] jointCounts(int[][] codes, Domain domain, int[] parentSet, int child) {
        int childSize = domain.size(child);
        long[] counts = new long[Math.toIntExact(domain.cells(parentSet) * childSize)];
        int rows = codes[child].length;
        for (int row = 0; row < rows; row++) {
            int configuration = 0;
            for (int parent : parentSet) {
                configuration = configuration * domain.size(parent) + codes[parent][row];
            }
            counts[configuration * childSize + codes[child][row]]++;
        }
        return counts;
    }

    /** Clamps negative noisy counts to 0 and normalises each parent configuration. */
    static double[] normalise(long[] noisy, int childSize) {
        double[] table = new double[noisy.length];
        double[] fallback = new double[childSize];
        for (int cell = 0; cell < noisy.length; cell++) {
            table[cell] = Math.max(0, noisy[cell]);
            fallback[cell % childSize] += table[cell];
        }
        double fallbackTotal = Arrays.stream(fallback).sum();
        for (int x = 0; x < childSize; x++) {
            fallback[x] = fallbackTotal > 0 ? fallback[x] / fallbackTotal : 1.0 / childSize;
        }
        for (int offset = 0; offset < table.length; offset += childSize) {
            double sum = 0;
            for (int x = 0; x < childSize; x++) {
                sum += table[offset + x];
            }
            for (int x = 0; x < childSize; x++) {
                table[offset + x] = sum > 0 ? table[offset + x] / sum : fallback[x];
            }
        }
        return table;
    }

    private static String describe(Domain domain, int[] attributes) {
        if (attributes.length == 0) {
            return "no parents";
        }
        List<String> names = new ArrayList<>();
        for (int attribute : attributes) {
            names.add(domain.name(attribute));
        }
        return String.join(", ", names);
    }

    /** Budget bookkeeping of one noise family; every release goes through the ledger. */
    private interface Budget {
        /** Returns {noisy total, one-sided tail bound of its noise at {@link #LOWER_BOUND_FAILURE}}. */
        double[] noisyTotal(long trueCount, double share);

        void split(double beta, int d);

        /** Noise scale (Laplace b or Gaussian sigma) of one conditional table. */
        double conditionalScale(int d);

        int select(String query, double[] scores, double sensitivity, int steps);

        /** Measures one of the {@code remaining} conditional tables, spending an equal share of what is left. */
        long[] measure(String query, long[] counts, int remaining);
    }

    /** Pure epsilon-DP: discrete Laplace counts and the pure exponential mechanism. */
    private static final class LaplaceBudget implements Budget {
        private final PrivacyLedger ledger;
        private final double epsilon;
        private double networkEpsilon;
        private double conditionalEpsilon;

        LaplaceBudget(PrivacyLedger ledger) {
            this.ledger = ledger;
            this.epsilon = ledger.budget().epsilon() - spentPure(ledger);
        }

        @Override
        public double[] noisyTotal(long trueCount, double share) {
            double scale = 1 / (share * epsilon);
            long noisy = ledger.laplaceCounts("PrivBayes record count", new long[] {trueCount}, scale, 1.0)[0];
            return new double[] {noisy, scale * Math.log(1 / LOWER_BOUND_FAILURE)};
        }

        @Override
        public void split(double beta, int d) {
            double rest = ledger.budget().epsilon() - spentPure(ledger);
            networkEpsilon = d > 1 ? beta * rest : 0;
            conditionalEpsilon = rest - networkEpsilon;
        }

        @Override
        public double conditionalScale(int d) {
            return d / conditionalEpsilon;
        }

        @Override
        public int select(String query, double[] scores, double sensitivity, int steps) {
            return ledger.exponentialMechanismPure(query, scores, networkEpsilon / steps, sensitivity);
        }

        @Override
        public long[] measure(String query, long[] counts, int remaining) {
            double left = ledger.budget().epsilon() - spentPure(ledger);
            double share = left / remaining;
            return ledger.laplaceCounts(query, counts, 1 / share, 1.0);
        }

        private static double spentPure(PrivacyLedger ledger) {
            return ledger.entries().stream().filter(e -> e.costType().equals(LedgerEntry.PURE_EPSILON))
                    .mapToDouble(LedgerEntry::cost).sum();
        }
    }

    /** zCDP: discrete Gaussian counts and the exponential mechanism charged epsilon^2 / 8 of rho. */
    private static final class GaussianBudget implements Budget {
        private final PrivacyLedger ledger;
        private double networkRho;

        GaussianBudget(PrivacyLedger ledger) {
            this.ledger = ledger;
        }

        @Override
        public double[] noisyTotal(long trueCount, double share) {
            double sigma = Math.sqrt(1 / (2 * share * ledger.remainingRho()));
            long noisy = ledger.noisyTotal("PrivBayes record count", trueCount, sigma);
            return new double[] {noisy, sigma * Math.sqrt(2 * Math.log(1 / LOWER_BOUND_FAILURE))};
        }

        @Override
        public void split(double beta, int d) {
            networkRho = d > 1 ? beta * ledger.remainingRho() : 0;
        }

        @Override
        public double conditionalScale(int d) {
            double conditionalRho = ledger.remainingRho() - networkRho;
            return Math.sqrt(d / (2 * conditionalRho));
        }

        @Override
        public int select(String query, double[] scores, double sensitivity, int steps) {
            return ledger.exponentialMechanism(query, scores, Math.sqrt(8 * networkRho / steps), sensitivity);
        }

        @Override
        public long[] measure(String query, long[] counts, int remaining) {
            double rho = ledger.remainingRho() / remaining;
            return ledger.gaussianCounts(query, counts, Math.sqrt(1 / (2 * rho)), 1.0);
        }
    }
}
