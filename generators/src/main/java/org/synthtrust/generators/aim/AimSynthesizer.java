package org.synthtrust.generators.aim;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
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
import org.synthtrust.generators.pgm.Cliques;
import org.synthtrust.generators.pgm.GraphicalModel;
import org.synthtrust.generators.pgm.JunctionTree;
import org.synthtrust.generators.pgm.MarginalCounter;
import org.synthtrust.generators.pgm.MarginalFit;
import org.synthtrust.generators.pgm.Measurement;
import org.synthtrust.generators.pgm.MirrorDescent;

/**
 * AIM from McKenna, Mullins, Sheldon and Miklau (2022), "AIM: An Adaptive and Iterative Mechanism for
 * Differentially Private Synthetic Data".
 * <ul>
 *   <li>Workload: all attribute sets of the chosen degree (2, or 3) with at most {@code max_cells} cells,
 *       weight 1. Candidates are their downward closure, each weighted by w_c = sum over workload sets W of
 *       |c intersect W|.</li>
 *   <li>Budget: T = 16 d rounds are planned. All 1-way marginals are measured first with
 *       sigma = sqrt(T / (2 * 0.9 rho)); each round then spends 0.9 of rho / T on a measurement and 0.1 on
 *       an exponential-mechanism selection with epsilon = sqrt(8 * 0.1 rho / T).</li>
 *   <li>Round: only candidates whose junction tree (model cliques plus the candidate) fits in
 *       max_model_size * (rho used / rho) MiB, or that lie inside a model clique, compete. The quality score
 *       is q_c = w_c (||x_c - x_hat_c||_1 - sqrt(2 / pi) sigma n_c), whose second term is the expected L1
 *       norm of the noise on n_c cells, with sensitivity max w_c. The winner is measured and the model
 *       re-estimated from a warm start.</li>
 *   <li>Annealing: when the model's estimate of the winner moved by at most sqrt(2 / pi) sigma n_c in L1, sigma
 *       halves and epsilon doubles. When less than two rounds' cost remains, the last round spends all of it.</li>
 * </ul>
 * Estimation and sampling use the engine of McKenna, Sheldon and Miklau (2019), "Graphical-model based
 * estimation and inference for differential privacy". Deviation from the paper: the re-estimation between
 * rounds runs {@code round_iterations} mirror-descent iterations (the reference runs 1000) from a warm start,
 * and the final estimation runs {@code iterations}; that keeps the whole fit within seconds.
 *
 * <p>Second deviation: besides the paper's model-size cap, a candidate competes only while the junction tree's
 * largest clique stays within {@code max_clique_cells} (default {@value #DEFAULT_MAX_CLIQUE_CELLS}). With small
 * per-column domains the 80 MiB model size alone lets a clique grow to several hundred thousand cells (729,000
 * on the mixed-type Adult sample), and every round then costs seconds of belief propagation. A round in which
 * the cap excludes a candidate is logged and counted in the model's provenance.
 */
public final class AimSynthesizer implements Synthesizer {
    public static final String ID = "aim";

    private static final Logger LOG = LoggerFactory.getLogger(AimSynthesizer.class);

    /** Share of each round's rho spent on the measurement; the rest pays for the selection. */
    static final double MEASUREMENT_SHARE = 0.9;
    /** Rounds planned per attribute, T = 16 d. */
    static final int ROUNDS_PER_ATTRIBUTE = 16;
    static final double BYTES_PER_MIB = 1024.0 * 1024.0;
    /**
     * Default cap on the largest clique. Belief propagation costs time linear in the cliques' cells on every
     * mirror-descent iteration, so one clique of several hundred thousand cells (which the 80 MiB model size
     * allows on the mixed-type Adult sample) makes each round take seconds.
     */
    static final int DEFAULT_MAX_CLIQUE_CELLS = 100_000;

    private static final List<ParameterDescriptor> PARAMETERS = DpBoundsOption.appendTo(List.of(
            ParameterDescriptor.ofInt("degree", 2, 2, 3, "size of the workload's attribute sets (2 or 3)"),
            ParameterDescriptor.ofInt("max_cells", 10_000, 1, 100_000_000,
                    "largest marginal (in cells) in the workload and among the candidates"),
            ParameterDescriptor.ofDouble("max_model_size", 80, 0.01, 100_000,
                    "cap on the junction tree's size in MiB of double-precision cells"),
            ParameterDescriptor.ofInt("max_clique_cells", DEFAULT_MAX_CLIQUE_CELLS, 1, 100_000_000,
                    "cap on the cells of the junction tree's largest clique; bounds the time of each round"),
            ParameterDescriptor.ofInt("round_iterations", 100, 1, 100_000,
                    "mirror-descent iterations after each measurement (warm start)"),
            ParameterDescriptor.ofInt("iterations", 1000, 1, 1_000_000,
                    "mirror-descent iterations of the final estimation")));

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String description() {
        return "AIM (McKenna, Mullins, Sheldon, Miklau 2022): adaptive, workload-aware selection of marginals with "
                + "budget annealing and graphical-model estimation.";
    }

    @Override
    public List<ParameterDescriptor> parameters() {
        return PARAMETERS;
    }

    /** A candidate marginal with its workload weight and true counts (private, never released). */
    private record Candidate(int[] attributes, double weight, long[] counts, int cells) { }

    @Override
    public FittedModel fit(Table train, Schema schema, PrivacyLedger ledger, Map<String, String> params,
            ProgressListener progress, CancellationToken cancel) {
        Parameters parameters = Parameters.resolve(ID, PARAMETERS, params);
        MarginalFit fit = MarginalFit.start(ID, train, schema, ledger, parameters);
        Domain domain = fit.domain();
        int columns = domain.attributeCount();
        double rho = ledger.remainingRho();
        double maxModelMiB = parameters.getDouble("max_model_size");
        long maxCliqueCells = parameters.getInt("max_clique_cells");
        int roundIterations = parameters.getInt("round_iterations");

        List<Candidate> candidates = candidates(fit, parameters.getInt("degree"), parameters.getInt("max_cells"));
        int rounds = ROUNDS_PER_ATTRIBUTE * columns;
        double sigma = Math.sqrt(rounds / (2 * MEASUREMENT_SHARE * rho));
        double epsilon = Math.sqrt(8 * (1 - MEASUREMENT_SHARE) * rho / rounds);

        // All 1-way marginals first, each at the round's sigma.
        List<Measurement> measurements = new ArrayList<>();
        for (int attribute = 0; attribute < columns; attribute++) {
            cancel.throwIfCancelled();
            int[] single = {attribute};
            long[] counts = MarginalCounter.count(fit.codes(), domain, single);
            measurements.add(MarginalFit.measure(ledger, fit.codes(), domain, single, counts, sigma));
        }
        MirrorDescent.Result estimate = MirrorDescent.estimate(domain, measurements, roundIterations, null, cancel);
        GraphicalModel model = estimate.model();

        boolean finalRound = false;
        int round = 0;
        int cappedRounds = 0;
        int cliqueCappedRounds = 0;
        while (!finalRound) {
            cancel.throwIfCancelled();
            round++;
            long roundStart = System.nanoTime();
            double remaining = ledger.remainingRho();
            double roundCost = 1 / (2 * sigma * sigma) + epsilon * epsilon / 8;
            if (remaining < 2 * roundCost) {
                // Spend everything that is left: 0.9 on the measurement, 0.1 on the selection.
                sigma = Math.sqrt(1 / (2 * MEASUREMENT_SHARE * remaining));
                epsilon = Math.sqrt(8 * (1 - MEASUREMENT_SHARE) * remaining);
                finalRound = true;
                roundCost = remaining;
            }
            double used = rho - remaining + roundCost;
            double sizeLimitMiB = maxModelMiB * used / rho;

            List<int[]> modelCliques = cliquesOf(measurements);
            Eligibility eligibility = eligible(candidates, modelCliques, model.tree(), domain, sizeLimitMiB,
                    maxCliqueCells);
            List<Candidate> eligible = eligibility.candidates();
            if (eligibility.excludedBySize() > 0) {
                cappedRounds++;
            }
            if (eligibility.excludedByClique() > 0) {
                if (cliqueCappedRounds == 0) {
                    LOG.info("AIM round {}: the cap max_clique_cells = {} excluded {} candidates; raise it for a "
                            + "larger model at a higher cost per round", round, maxCliqueCells,
                            eligibility.excludedByClique());
                }
                cliqueCappedRounds++;
            }
            double[] scores = new double[eligible.size()];
            double sensitivity = 0;
            for (Candidate candidate : eligible) {
                sensitivity = Math.max(sensitivity, candidate.weight());
            }
            model.marginals();
            final double noiseL1PerCell = Math.sqrt(2 / Math.PI) * sigma;
            final GraphicalModel current = model;
            double[][][] pairs = new double[columns][][];
            IntStream.range(0, columns - 1).parallel().forEach(a -> pairs[a] = current.pairMarginals(a));
            IntStream.range(0, eligible.size()).parallel().forEach(i -> {
                Candidate candidate = eligible.get(i);
                int[] attributes = candidate.attributes();
                double[] answer = attributes.length == 2 ? pairs[attributes[0]][attributes[1]]
                        : current.project(attributes);
                double distance = 0;
                for (int cell = 0; cell < answer.length; cell++) {
                    distance += Math.abs(candidate.counts()[cell] - answer[cell]);
                }
                scores[i] = candidate.weight() * (distance - noiseL1PerCell * candidate.cells());
            });
            long scored = System.nanoTime();
            int choice = ledger.exponentialMechanism("AIM round " + round + " selection", scores, epsilon,
                    sensitivity);
            Candidate chosen = eligible.get(choice);

            double[] before = model.project(chosen.attributes());
            measurements.add(MarginalFit.measure(ledger, fit.codes(), domain, chosen.attributes(), chosen.counts(),
                    sigma));
            estimate = MirrorDescent.estimate(domain, measurements, roundIterations, model, estimate.step(), cancel);
            model = estimate.model();
            double[] after = model.project(chosen.attributes());
            double moved = 0;
            for (int cell = 0; cell < after.length; cell++) {
                moved += Math.abs(after[cell] - before[cell]);
            }
            if (!finalRound && moved <= noiseL1PerCell * chosen.cells()) {
                sigma /= 2;
                epsilon *= 2;
                LOG.debug("AIM round {}: annealing to sigma {} and epsilon {}", round, sigma, epsilon);
            }
            LOG.debug("AIM round {}: scoring {} ms", round, (scored - roundStart) / 1_000_000);
            LOG.debug("AIM round {}: chose {} ({} cells), model {} cells, largest clique {}, {} ms", round,
                    Arrays.toString(chosen.attributes()), chosen.cells(), model.tree().totalCells(),
                    model.tree().maxCliqueCells(),
                    (System.nanoTime() - roundStart) / 1_000_000);
            progress.progress("select and measure marginals", Math.min(1.0, (rho - ledger.remainingRho()) / rho));
        }
        LOG.debug("AIM finished after {} rounds with {} measurements", round, measurements.size());

        model = MirrorDescent.estimate(domain, measurements, parameters.getInt("iterations"), model, estimate.step(),
                cancel).model();
        progress.progress("estimate", 1.0);
        long maxCells = model.tree().maxCliqueCells();
        if (cliqueCappedRounds > 0) {
            fit.addNotice("The cap of " + maxCliqueCells + " cells on the largest model clique (max_clique_cells) "
                    + "excluded candidates in " + cliqueCappedRounds + " of " + round + " rounds.");
        }
        if (cappedRounds > 0) {
            fit.addNotice("The model-size cap of " + maxModelMiB + " MiB (scaled by the budget used) excluded "
                    + "candidates in " + cappedRounds + " of " + round + " rounds.");
        }
        fit.addNotice("AIM measured " + (measurements.size() - columns) + " marginals in " + round
                + " rounds; the largest model clique has " + maxCells + " cells.");
        return fit.finish(model, null);
    }

    private static List<Candidate> candidates(MarginalFit fit, int degree, int maxCells) {
        Domain domain = fit.domain();
        int columns = domain.attributeCount();
        List<int[]> workload = new ArrayList<>();
        collectSubsets(columns, Math.min(degree, columns), 0, new int[0], workload);
        workload.removeIf(set -> domain.cells(set) > maxCells);
        if (workload.isEmpty()) {
            // With one column, or every set too large, the workload falls back to the 1-way marginals.
            for (int attribute = 0; attribute < columns; attribute++) {
                workload.add(new int[] {attribute});
            }
        }

        List<int[]> sets = new ArrayList<>();
        for (int size = 1; size <= Math.min(degree, columns); size++) {
            collectSubsets(columns, size, 0, new int[0], sets);
        }
        List<int[]> closure = new ArrayList<>();
        for (int[] set : sets) {
            boolean inWorkload = workload.stream().anyMatch(w -> Cliques.isSubset(set, w));
            if (inWorkload && domain.cells(set) <= maxCells) {
                closure.add(set);
            }
        }
        long[][] counts = MarginalCounter.countAll(fit.codes(), domain, closure);
        List<Candidate> result = new ArrayList<>();
        for (int i = 0; i < closure.size(); i++) {
            int[] set = closure.get(i);
            double weight = 0;
            for (int[] w : workload) {
                weight += Cliques.intersection(set, w).length;
            }
            result.add(new Candidate(set, weight, counts[i], counts[i].length));
        }
        return result;
    }

    private static void collectSubsets(int columns, int size, int from, int[] prefix, List<int[]> out) {
        if (prefix.length == size) {
            out.add(prefix);
            return;
        }
        for (int attribute = from; attribute < columns; attribute++) {
            int[] next = Arrays.copyOf(prefix, prefix.length + 1);
            next[prefix.length] = attribute;
            collectSubsets(columns, size, attribute + 1, next, out);
        }
    }

    private static List<int[]> cliquesOf(List<Measurement> measurements) {
        List<int[]> cliques = new ArrayList<>();
        for (Measurement measurement : measurements) {
            cliques.add(measurement.attributes());
        }
        return cliques;
    }

    /** Candidates that may compete in a round, and how many each cap excluded. */
    private record Eligibility(List<Candidate> candidates, int excludedBySize, int excludedByClique) { }

    private static Eligibility eligible(List<Candidate> candidates, List<int[]> modelCliques, JunctionTree tree,
            Domain domain, double sizeLimitMiB, long maxCliqueCells) {
        List<Candidate> result = new ArrayList<>();
        int bySize = 0;
        int byClique = 0;
        for (Candidate candidate : candidates) {
            if (tree.cliqueContaining(candidate.attributes()) >= 0) {
                result.add(candidate);
                continue;
            }
            List<int[]> extended = new ArrayList<>(modelCliques);
            extended.add(candidate.attributes());
            JunctionTree.Size size = JunctionTree.sizeOf(domain, extended);
            if (size.totalCells() * 8 / BYTES_PER_MIB > sizeLimitMiB) {
                bySize++;
            } else if (size.maxCliqueCells() > maxCliqueCells) {
                byClique++;
            } else {
                result.add(candidate);
            }
        }
        if (result.isEmpty()) {
            // Candidates inside the model always qualify, and every 1-way marginal is inside it.
            throw new IllegalStateException("no AIM candidate fits the model");
        }
        return new Eligibility(result, bySize, byClique);
    }
}
