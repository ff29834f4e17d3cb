package org.synthtrust.trustindex.experiments;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.security.SecureRandom;
import java.util.random.RandomGenerator;
import org.synthtrust.audit.Direction;
import org.synthtrust.audit.MetricResult;
import org.synthtrust.audit.MetricResults;
import org.synthtrust.audit.MetricSpec;
import org.synthtrust.audit.Pillar;
import org.synthtrust.audit.privacy.EpsilonAudit;
import org.synthtrust.audit.privacy.MixedDistance;
import org.synthtrust.audit.privacy.ShadowModelAttack;
import org.synthtrust.core.InvalidInputException;
import org.synthtrust.core.privacy.audit.EmpiricalEpsilon;
import org.synthtrust.core.progress.CancellationToken;
import org.synthtrust.core.progress.ProgressListener;
import org.synthtrust.core.table.Table;

/**
 * Empirical lower bound on a synthesizer's epsilon from repeated runs on neighbouring training tables, after
 * Jagielski, Ullman and Oprea (2020), "Auditing Differentially Private Machine Learning: How Private is
 * Private SGD?". The synthesizer runs {@code runs} times on D and {@code runs} times on D plus one canary
 * record. Each output is scored by every {@link AttackStatistic}; the statistic and its threshold are chosen on
 * a share of the runs ({@code selection_fraction}) and the remaining runs give Clopper-Pearson bounds on the
 * false positive and false negative rates, hence a lower bound on epsilon at 95 % confidence.
 *
 * <p>Optionally it also runs the one-run audit of Steinke, Nasr and Jagielski (2023), "Privacy Auditing with
 * One (1) Training Run": one fit on D plus each of m canaries with probability 1/2, guessing the inclusion of
 * the canaries with the highest and lowest scores.
 *
 * <p>With n evaluation runs per world even a perfect attack cannot certify more than about ln(n / 3.7), so only
 * a small claimed epsilon can be contradicted with a few hundred runs. The result reports that ceiling.
 */
public final class EpsilonAuditExperiment {
    public static final String ID = "privacy.epsilon_audit.lower_bound";
    /** Upper end of the bound's range, the bisection limit of {@link EpsilonAudit}. */
    static final double MAX_BOUND = 50;
    public static final MetricSpec SPEC = new MetricSpec(ID, Pillar.PRIVACY, Direction.LOWER_IS_BETTER, 0,
            MAX_BOUND, "empirical lower bound on epsilon at 95 % confidence from re-runs on neighbouring tables");
    /** Minimum evaluation runs per world for a reported bound. */
    static final int MIN_EVALUATION_RUNS = 5;
    /** Share of the one-run audit's canaries guessed "included" (and the same share guessed "excluded"). */
    static final double ONE_RUN_GUESS_SHARE = 0.2;

    /** Canary choice. */
    public enum CanaryChoice {
        /** The most outlying training row; D is the training table without it. */
        OUTLIER,
        /** The most outlying row with every categorical column set to its rarest level; D is the training table. */
        CRAFTED,
        /** The training row given by {@link Settings#canaryRow}; D is the training table without it. */
        ROW
    }

    /**
     * Settings of one audit.
     *
     * @param runs              runs per world (with and without the canary), at least 2 * {@link #MIN_EVALUATION_RUNS}
     * @param selectionFraction share of each world's runs used only to choose the statistic and threshold
     * @param sampleRows        rows sampled per run for scoring, 0 for the model's noisy count. More rows reduce
     *                          the sampling noise on top of the mechanism's noise.
     * @param canary            how the canary is chosen
     * @param canaryRow         0-based training row for {@link CanaryChoice#ROW}, else ignored
     * @param oneRunCanaries    canaries of the one-run audit, 0 to skip it
     * @param maxSeconds        wall-time budget for all runs, in seconds
     * @param threads           parallel runs, at most the number of cores is useful
     * @param alpha             the bound holds with confidence 1 - alpha
     */
    public record Settings(int runs, double selectionFraction, int sampleRows, CanaryChoice canary, int canaryRow,
                           int oneRunCanaries, double maxSeconds, int threads, double alpha) {

        public Settings {
            if (runs < 2 * MIN_EVALUATION_RUNS) {
                throw new InvalidInputException("epsilon_audit.runs: " + runs + " is too few; use at least "
                        + 2 * MIN_EVALUATION_RUNS + " runs per world, and hundreds for a useful bound");
            }
            if (!(selectionFraction > 0 && selectionFraction < 1)) {
                throw new InvalidInputException("epsilon_audit.selection_fraction: " + selectionFraction
                        + " is invalid; use a share in (0, 1) such as 0.3");
            }
            if (sampleRows < 0 || oneRunCanaries < 0 || threads < 1 || !(maxSeconds > 0)) {
                throw new InvalidInputException("epsilon_audit: rows and one_run_canaries must be at least 0, "
                        + "threads at least 1 and max_seconds positive; got rows " + sampleRows
                        + ", one_run_canaries " + oneRunCanaries + ", threads " + threads + ", max_seconds "
                        + maxSeconds);
            }
            if (!(alpha > 0 && alpha < 1)) {
                throw new InvalidInputException("epsilon_audit: alpha " + alpha + " is invalid; use 0.05 for 95 %");
            }
        }

        /**
         * Returns the defaults: 200 runs per world, 30 % for selection, the crafted canary, 10 minutes. The crafted
         * canary is the default because its cells are empty or nearly so in D, where a marginal method's noisy
         * counts are clipped at 0; its presence then shows more clearly than an outlying training row's.
         */
        public static Settings defaults() {
            return new Settings(200, 0.3, 0, CanaryChoice.CRAFTED, 0, 0, 600,
                    Runtime.getRuntime().availableProcessors(), 0.05);
        }

        public Settings withRuns(int value) {
            return new Settings(value, selectionFraction, sampleRows, canary, canaryRow, oneRunCanaries, maxSeconds,
                    threads, alpha);
        }

        public Settings withCanary(CanaryChoice value, int row) {
            return new Settings(runs, selectionFraction, sampleRows, value, row, oneRunCanaries, maxSeconds,
                    threads, alpha);
        }

        public Settings withSampleRows(int value) {
            return new Settings(runs, selectionFraction, value, canary, canaryRow, oneRunCanaries, maxSeconds,
                    threads, alpha);
        }

        public Settings withOneRunCanaries(int value) {
            return new Settings(runs, selectionFraction, sampleRows, canary, canaryRow, value, maxSeconds, threads,
                    alpha);
        }

        public Settings withMaxSeconds(double value) {
            return new Settings(runs, selectionFraction, sampleRows, canary, canaryRow, oneRunCanaries, value,
                    threads, alpha);
        }

        public Settings withThreads(int value) {
            return new Settings(runs, selectionFraction, sampleRows, canary, canaryRow, oneRunCanaries, maxSeconds,
                    value, alpha);
        }
    }

    /**
     * Outcome of an audit.
     *
     * @param result         the metric result for the candidate
     * @param bound          the threshold audit's result, or null when too few runs finished
     * @param statistic      the statistic chosen on the selection runs, or null
     * @param runsPerWorld   runs per world that finished (the smaller of the two worlds)
     * @param oneRunBound    the one-run audit's bound, or NaN when skipped
     */
    public record Report(MetricResult result, EmpiricalEpsilon.Result bound, AttackStatistic statistic,
                         int runsPerWorld, double oneRunBound) {
    }

    private final SynthesizerRun run;
    private final Settings settings;

    /** Prepares an audit; {@code settings.sampleRows()}, when positive, replaces the run's row count. */
    public EpsilonAuditExperiment(SynthesizerRun run, Settings settings) {
        this.run = settings.sampleRows() > 0 ? run.withRows(settings.sampleRows()) : run;
        this.settings = settings;
    }

    /** Runs the audit for the synthesizer on {@code train}; {@code candidate} names the result. */
    public Report run(Table train, String candidate, ProgressListener progress, CancellationToken cancel) {
        ProgressListener listener = progress == null ? ProgressListener.NONE : progress;
        CancellationToken token = cancel == null ? CancellationToken.NONE : cancel;
        List<String> columns = MixedDistance.auditedColumns(train, run.schema());

        Table without;
        Table with;
        Table canary;
        if (settings.canary() == CanaryChoice.CRAFTED) {
            int base = Canaries.mostOutlying(train, columns, 1)[0];
            without = train;
            with = Canaries.withCrafted(train, base, Canaries.rareCodes(train));
            canary = with.selectRows(new int[] {train.rowCount()});
        } else {
            int row = settings.canary() == CanaryChoice.ROW ? settings.canaryRow()
                    : Canaries.mostOutlying(train, columns, 1)[0];
            if (row < 0 || row >= train.rowCount()) {
                throw new InvalidInputException("epsilon_audit.canary_row: " + row + " is not a training row; use "
                        + "0 to " + (train.rowCount() - 1));
            }
            without = Canaries.without(train, row);
            with = train;
            canary = train.selectRows(new int[] {row});
        }
        ShadowModelAttack attack = new ShadowModelAttack(without, canary, columns);

        // Even indexes run without the canary and odd ones with it, so a run cut by the time budget stays balanced.
        RunPool.Outcome<double[]> outcome = RunPool.run(2 * settings.runs(), index -> {
            Table synthetic = run.run(index % 2 == 0 ? without : with, 0, index, token);
            double[] features = attack.features(synthetic);
            double[] statistics = new double[AttackStatistic.values().length];
            for (AttackStatistic statistic : AttackStatistic.values()) {
                statistics[statistic.ordinal()] = statistic.of(features, columns.size());
            }
            return statistics;
        }, settings.threads(), settings.maxSeconds(), "epsilon audit: runs on D and D plus the canary", listener,
                token);

        List<double[]> scoresWithout = new ArrayList<>();
        List<double[]> scoresWith = new ArrayList<>();
        for (int index = 0; index < outcome.results().size(); index++) {
            double[] scores = outcome.results().get(index);
            if (scores != null) {
                (index % 2 == 0 ? scoresWithout : scoresWith).add(scores);
            }
        }
        int perWorld = Math.min(scoresWithout.size(), scoresWith.size());
        int selection = Math.max(1, (int) Math.round(perWorld * settings.selectionFraction()));
        double oneRun = settings.oneRunCanaries() > 0 ? oneRunAudit(train, columns, token) : Double.NaN;
        if (perWorld - selection < MIN_EVALUATION_RUNS) {
            String reason = String.format(Locale.ROOT, "only %d runs per world finished within max_seconds = %.0f; "
                    + "the audit needs at least %d; raise max_seconds or use a faster synthesizer", perWorld,
                    settings.maxSeconds(), selection + MIN_EVALUATION_RUNS);
            return new Report(MetricResults.notApplicable(SPEC, candidate, reason), null, null, perWorld, oneRun);
        }

        AttackStatistic best = null;
        double bestBound = -1;
        for (AttackStatistic statistic : AttackStatistic.values()) {
            double[] selectWithout = column(scoresWithout, 0, selection, statistic);
            double[] selectWith = column(scoresWith, 0, selection, statistic);
            double bound = EpsilonAudit.thresholdAudit(selectWithout, selectWith, selectWithout, selectWith,
                    run.delta(), settings.alpha()).epsilonLowerBound();
            if (bound > bestBound) {
                bestBound = bound;
                best = statistic;
            }
        }
        EmpiricalEpsilon.Result bound = EpsilonAudit.thresholdAudit(
                column(scoresWithout, 0, selection, best), column(scoresWith, 0, selection, best),
                column(scoresWithout, selection, perWorld, best), column(scoresWith, selection, perWorld, best),
                run.delta(), settings.alpha());
        int evaluation = perWorld - selection;
        double ceiling = EmpiricalEpsilon.lowerBound(0, evaluation, 0, evaluation, run.delta(), settings.alpha())
                .epsilonLowerBound();

        Map<String, Double> breakdown = new LinkedHashMap<>();
        breakdown.put("claimed_epsilon", run.epsilon());
        breakdown.put("runs_per_world", (double) perWorld);
        breakdown.put("selection_runs_per_world", (double) selection);
        breakdown.put("false_positive_rate_upper", bound.falsePositiveRateUpper());
        breakdown.put("false_negative_rate_upper", bound.falseNegativeRateUpper());
        breakdown.put("max_certifiable", ceiling);
        if (!Double.isNaN(oneRun)) {
            breakdown.put("one_run_lower_bound", oneRun);
        }
        String reason = reason(bound.epsilonLowerBound(), best, perWorld, selection, ceiling, oneRun,
                outcome.timedOut());
        MetricResult result = MetricResults.ok(SPEC, candidate, Math.min(MAX_BOUND, bound.epsilonLowerBound()),
                reason, breakdown, null);
        return new Report(result, bound, best, perWorld, oneRun);
    }

    private String reason(double bound, AttackStatistic statistic, int perWorld, int selection, double ceiling,
                          double oneRun, boolean timedOut) {
        StringBuilder text = new StringBuilder();
        if (bound > run.epsilon()) {
            text.append(String.format(Locale.ROOT, "RED FLAG: the empirical lower bound %.3f exceeds the claimed "
                    + "epsilon %s, so the synthesizer does not provide the privacy it claims. ", bound,
                    run.epsilon()));
        }
        text.append(String.format(Locale.ROOT, "Lower bound %.3f at 95 %% confidence (claimed epsilon %s) from %d "
                + "runs per world with and without the canary; the %s statistic and its threshold were chosen on "
                + "%d of them. With these runs no attack can certify more than %.3f.", bound, run.epsilon(), perWorld,
                statistic.id(), selection, ceiling));
        if (!Double.isNaN(oneRun)) {
            text.append(String.format(Locale.ROOT, " The one-run audit with %d canaries gives %.3f%s.",
                    settings.oneRunCanaries(), oneRun, oneRun > run.epsilon() ? ", also above the claim, which "
                            + "contradicts it on its own (this bound is not the metric value)" : ""));
        }
        if (timedOut) {
            text.append(String.format(Locale.ROOT, " The time budget of %.0f s stopped the runs early.",
                    settings.maxSeconds()));
        }
        if (run.isTestMode()) {
            text.append(" Seeded test mode: the runs are not private.");
        }
        return text.toString();
    }

    /**
     * Runs the one-run audit: the m most outlying rows are the canaries, each joins D (the training table without
     * them) with probability 1/2, and one fit follows. A canary's score is {@link #excessRecords}, so canaries
     * with common values are not favoured.
     */
    private double oneRunAudit(Table train, List<String> columns, CancellationToken cancel) {
        int canaries = Math.min(settings.oneRunCanaries(), train.rowCount() / 2);
        if (canaries < 2) {
            return Double.NaN;
        }
        int[] rows = Canaries.mostOutlying(train, columns, canaries);
        Table base = Canaries.without(train, rows);
        RandomGenerator coin = run.seed() == null ? new SecureRandom() : new SplittableRandom(run.seed() - 1);
        boolean[] included = new boolean[canaries];
        List<Integer> inputRows = new ArrayList<>();
        boolean[] isCanary = new boolean[train.rowCount()];
        for (int i = 0; i < canaries; i++) {
            included[i] = coin.nextBoolean();
            isCanary[rows[i]] = true;
        }
        for (int row = 0; row < train.rowCount(); row++) {
            if (!isCanary[row]) {
                inputRows.add(row);
            }
        }
        for (int i = 0; i < canaries; i++) {
            if (included[i]) {
                inputRows.add(rows[i]);
            }
        }
        Table input = train.selectRows(inputRows.stream().mapToInt(Integer::intValue).sorted().toArray());
        Table synthetic = run.run(input, 1, 0, cancel);

        double[] scores = new double[canaries];
        for (int i = 0; i < canaries; i++) {
            cancel.throwIfCancelled();
            ShadowModelAttack attack = new ShadowModelAttack(base, train.selectRows(new int[] {rows[i]}), columns);
            scores[i] = excessRecords(attack.features(synthetic), attack.features(base), columns.size(),
                    base.rowCount());
        }
        int guesses = Math.max(1, (int) Math.floor(ONE_RUN_GUESS_SHARE * canaries));
        int[] outcome = EpsilonAudit.guessFromScores(scores, included, guesses, guesses);
        return EpsilonAudit.oneRunLowerBound(canaries, outcome[0], outcome[1], run.delta(), settings.alpha());
    }

    /**
     * Returns how many records' worth of mass the synthetic table puts on a canary beyond D: the excess share of
     * exact copies plus the mean excess share over its 1-way marginal cells, both times the rows of D.
     */
    static double excessRecords(double[] synthetic, double[] base, int columns, int baseRows) {
        double copies = synthetic[1] - base[1];
        double marginals = (AttackStatistic.MARGINALS.of(synthetic, columns) - AttackStatistic.MARGINALS.of(base,
                columns)) / columns;
        return baseRows * (copies + marginals);
    }

    private static double[] column(List<double[]> rows, int from, int to, AttackStatistic statistic) {
        double[] values = new double[to - from];
        for (int i = from; i < to; i++) {
            values[i - from] = rows.get(i)[statistic.ordinal()];
        }
        return values;
    }

    @Override
    public String toString() {
        return "epsilon audit of " + run.synthesizer().id() + " with " + settings;
    }
}
