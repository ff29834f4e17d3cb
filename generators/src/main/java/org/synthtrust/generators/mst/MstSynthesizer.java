package org.synthtrust.generators.mst;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.synthtrust.core.domain.Domain;
import org.synthtrust.core.privacy.PrivacyLedger;
import org.synthtrust.core.progress.CancellationToken;
import org.synthtrust.core.progress.ProgressListener;
import org.synthtrust.core.schema.Schema;
import org.synthtrust.core.table.Table;
import org.synthtrust.generators.DpBoundsOption;
import org.synthtrust.generators.FittedModel;
import org.synthtrust.generators.ParameterDescriptor;
import org.synthtrust.generators.Parameters;
import org.synthtrust.generators.Synthesizer;
import org.synthtrust.generators.pgm.GraphicalModel;
import org.synthtrust.generators.pgm.MarginalCounter;
import org.synthtrust.generators.pgm.MarginalFit;
import org.synthtrust.generators.pgm.Measurement;
import org.synthtrust.generators.pgm.MirrorDescent;

/**
 * MST from McKenna, Miklau and Sheldon (2021), "Winning the NIST Contest: A scalable and general approach to
 * differentially private synthetic data". The zCDP budget rho is split in three equal parts:
 * <ol>
 *   <li>all 1-way marginals, each with discrete Gaussian noise of standard deviation sigma * sqrt(d);</li>
 *   <li>a maximum spanning tree over attribute pairs, chosen in d - 1 Kruskal rounds, each an exponential
 *       mechanism with epsilon = sqrt(8 (rho / 3) / (d - 1)) over the pairs that join two components, scored
 *       by the L1 distance between the pair's true counts and the independent model of the 1-way
 *       measurements (sensitivity 1);</li>
 *   <li>the d - 1 selected 2-way marginals with noise sigma * sqrt(d - 1);</li>
 * </ol>
 * where sigma = sqrt(3 / (2 rho)). Before selection, values whose noisy 1-way count is below 3 sigma sqrt(d)
 * merge into one code (the compress-domain step); the merged code's measurement is the sum of the merged
 * noisy counts with its larger variance. Graphical-model estimation and sampling follow McKenna, Sheldon and
 * Miklau (2019), "Graphical-model based estimation and inference for differential privacy"; a sampled merged
 * code becomes a uniformly random value among the merged ones.
 */
public final class MstSynthesizer implements Synthesizer {
    public static final String ID = "mst";

    /** Values with a noisy count below this many noise standard deviations merge into one code. */
    static final double COMPRESS_THRESHOLD_SIGMAS = 3.0;

    private static final List<ParameterDescriptor> PARAMETERS = DpBoundsOption.appendTo(List.of(
            ParameterDescriptor.ofInt("iterations", 1000, 1, 1_000_000,
                    "mirror-descent iterations of the final estimation"),
            ParameterDescriptor.ofBoolean("compress", true,
                    "merge values with a noisy count below 3 noise standard deviations into one code")));

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String description() {
        return "MST (McKenna, Miklau, Sheldon 2021): noisy 1-way marginals, a private maximum spanning tree of "
                + "2-way marginals, graphical-model estimation.";
    }

    @Override
    public List<ParameterDescriptor> parameters() {
        return PARAMETERS;
    }

    @Override
    public FittedModel fit(Table train, Schema schema, PrivacyLedger ledger, Map<String, String> params,
            ProgressListener progress, CancellationToken cancel) {
        Parameters parameters = Parameters.resolve(ID, PARAMETERS, params);
        MarginalFit fit = MarginalFit.start(ID, train, schema, ledger, parameters);
        Domain domain = fit.domain();
        int columns = domain.attributeCount();
        double rho = ledger.remainingRho();
        // With one column there is no pair to select or measure, so the 1-way step gets the whole budget.
        double oneWayRho = columns == 1 ? rho : rho / 3;

        // Step 1: 1-way marginals on the full domain.
        List<int[]> singles = new ArrayList<>();
        for (int attribute = 0; attribute < columns; attribute++) {
            singles.add(new int[] {attribute});
        }
        long[][] oneWayCounts = MarginalCounter.countAll(fit.codes(), domain, singles);
        double oneWaySigma = Math.sqrt(columns / (2 * oneWayRho));
        double[][] oneWayNoisy = new double[columns][];
        for (int attribute = 0; attribute < columns; attribute++) {
            cancel.throwIfCancelled();
            double share = attribute == columns - 1 && columns == 1 ? ledger.remainingRho() : oneWayRho / columns;
            double sigma = Math.sqrt(1.0 / (2 * share));
            oneWayNoisy[attribute] = MarginalFit.measure(ledger, fit.codes(), domain, singles.get(attribute),
                    oneWayCounts[attribute], sigma).values();
        }
        progress.progress("measure 1-way marginals", 1.0);

        // Compress the domain and re-express the 1-way measurements on it.
        Compression compression = parameters.getBoolean("compress")
                ? Compression.of(domain, oneWayNoisy, COMPRESS_THRESHOLD_SIGMAS * oneWaySigma)
                : Compression.identity(domain);
        Domain compressed = compression.compressedDomain();
        int[][] data = compression.apply(fit.codes());
        List<Measurement> measurements = new ArrayList<>();
        for (int attribute = 0; attribute < columns; attribute++) {
            measurements.add(compression.measurement(attribute, oneWayNoisy[attribute], oneWaySigma));
        }

        if (columns > 1) {
            List<int[]> tree = selectTree(fit, compressed, data, measurements, cancel);
            progress.progress("select 2-way marginals", 1.0);
            List<int[]> pairs = tree;
            long[][] pairCounts = MarginalCounter.countAll(data, compressed, pairs);
            for (int i = 0; i < pairs.size(); i++) {
                cancel.throwIfCancelled();
                double share = ledger.remainingRho() / (pairs.size() - i);
                double sigma = Math.sqrt(1.0 / (2 * share));
                measurements.add(MarginalFit.measure(ledger, data, compressed, pairs.get(i), pairCounts[i], sigma));
            }
            progress.progress("measure 2-way marginals", 1.0);
        }

        GraphicalModel model = MirrorDescent.estimate(compressed, measurements, parameters.getInt("iterations"), null,
                cancel).model();
        progress.progress("estimate", 1.0);
        return fit.finish(model, compression.hasMerges() ? compression.maps() : null);
    }

    /**
     * Chooses d - 1 pairs forming a spanning tree, one exponential mechanism per Kruskal round. Scores use the
     * independent model of the noisy 1-way measurements, whose pair marginal is the outer product of the two
     * estimated 1-way marginals divided by the total.
     */
    private static List<int[]> selectTree(MarginalFit fit, Domain domain, int[][] data, List<Measurement> oneWay,
            CancellationToken cancel) {
        int columns = domain.attributeCount();
        PrivacyLedger ledger = fit.ledger();
        GraphicalModel independent = MirrorDescent.estimate(domain, oneWay, 200, null, cancel).model();
        double total = independent.total();
        double[][] estimated = new double[columns][];
        for (int attribute = 0; attribute < columns; attribute++) {
            estimated[attribute] = independent.project(new int[] {attribute});
        }

        List<int[]> pairs = new ArrayList<>();
        for (int a = 0; a < columns; a++) {
            for (int b = a + 1; b < columns; b++) {
                pairs.add(new int[] {a, b});
            }
        }
        long[][] counts = MarginalCounter.countAll(data, domain, pairs);
        double[] scores = new double[pairs.size()];
        IntStream.range(0, pairs.size()).parallel().forEach(i -> {
            int[] pair = pairs.get(i);
            double[] first = estimated[pair[0]];
            double[] second = estimated[pair[1]];
            double distance = 0;
            int cell = 0;
            for (double x : first) {
                for (double y : second) {
                    distance += Math.abs(counts[i][cell++] - x * y / total);
                }
            }
            scores[i] = distance;
        });

        int[] component = new int[columns];
        Arrays.setAll(component, i -> i);
        List<int[]> selected = new ArrayList<>();
        double selectionRho = ledger.remainingRho() / 2;
        double perRound = selectionRho / (columns - 1);
        for (int round = 0; round < columns - 1; round++) {
            cancel.throwIfCancelled();
            List<Integer> candidates = new ArrayList<>();
            for (int i = 0; i < pairs.size(); i++) {
                if (find(component, pairs.get(i)[0]) != find(component, pairs.get(i)[1])) {
                    candidates.add(i);
                }
            }
            double[] candidateScores = new double[candidates.size()];
            for (int i = 0; i < candidates.size(); i++) {
                candidateScores[i] = scores[candidates.get(i)];
            }
            // The exponential mechanism is charged epsilon^2 / 8 of rho, so this epsilon spends perRound.
            double epsilon = Math.sqrt(8 * perRound);
            int choice = ledger.exponentialMechanism("MST spanning-tree edge, round " + (round + 1),
                    candidateScores, epsilon, 1.0);
            int[] pair = pairs.get(candidates.get(choice));
            component[find(component, pair[0])] = find(component, pair[1]);
            selected.add(pair);
        }
        return selected;
    }

    private static int find(int[] component, int node) {
        while (component[node] != node) {
            component[node] = component[component[node]];
            node = component[node];
        }
        return node;
    }
}
