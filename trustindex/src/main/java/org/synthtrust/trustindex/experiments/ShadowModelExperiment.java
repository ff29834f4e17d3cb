package org.synthtrust.trustindex.experiments;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.random.RandomGenerator;
import java.util.stream.IntStream;
import org.synthtrust.audit.Direction;
import org.synthtrust.audit.MetricResult;
import org.synthtrust.audit.MetricResults;
import org.synthtrust.audit.MetricSpec;
import org.synthtrust.audit.Pillar;
import org.synthtrust.audit.privacy.MixedDistance;
import org.synthtrust.audit.privacy.PrivacyStatistics;
import org.synthtrust.audit.privacy.ShadowModelAttack;
import org.synthtrust.core.InvalidInputException;
import org.synthtrust.core.progress.CancellationToken;
import org.synthtrust.core.progress.ProgressListener;
import org.synthtrust.core.table.Table;

/**
 * Shadow-model membership inference against chosen target records, in the style of TAPAS (Stadler, Oprisanu,
 * Troncoso 2022, "Synthetic Data - Anonymisation Groundhog Day", USENIX Security). For each target the
 * synthesizer is re-run on random subsets of the training table without the target, half of them with the
 * target added. {@link ShadowModelAttack} turns each synthetic output into features about the target and trains
 * a logistic regression on the first half of the runs; the second half gives the ROC curve. The result is the
 * mean AUC over the targets, with the TPR at 1 % FPR and per-target AUCs in the breakdown.
 */
public final class ShadowModelExperiment {
    public static final String ID = "privacy.mia.shadow.auc";
    public static final MetricSpec SPEC = new MetricSpec(ID, Pillar.PRIVACY, Direction.LOWER_IS_BETTER, 0, 1,
            "AUC of a shadow-model membership attack on re-runs with and without outlying target records");
    /** Minimum runs per world and target in each half (training the classifier, evaluating it). */
    static final int MIN_RUNS_PER_HALF = 2;

    /**
     * Settings of the experiment.
     *
     * @param targets        number of most outlying training rows used as targets when {@code targetRows} is empty
     * @param targetRows     0-based training rows chosen by the user, or empty for the most outlying ones
     * @param runs           runs per target, half without and half with it
     * @param subsetFraction share of the other training rows in each shadow training table
     * @param sampleRows     rows sampled per run, 0 for the model's noisy count (what a release would hold)
     * @param maxSeconds     wall-time budget for all runs, in seconds
     * @param threads        parallel runs
     */
    public record Settings(int targets, List<Integer> targetRows, int runs, double subsetFraction, int sampleRows,
                           double maxSeconds, int threads) {

        public Settings {
            targetRows = List.copyOf(targetRows);
            if (targetRows.isEmpty() && targets < 1) {
                throw new InvalidInputException("shadow_model.targets: " + targets + " is invalid; use at least 1");
            }
            if (runs < 4 * MIN_RUNS_PER_HALF) {
                throw new InvalidInputException("shadow_model.runs: " + runs + " is too few; use at least "
                        + 4 * MIN_RUNS_PER_HALF + " runs per target, and 40 or more for a useful AUC");
            }
            if (!(subsetFraction > 0 && subsetFraction <= 1)) {
                throw new InvalidInputException("shadow_model.subset_fraction: " + subsetFraction
                        + " is invalid; use a share in (0, 1] such as 0.5");
            }
            if (sampleRows < 0 || threads < 1 || !(maxSeconds > 0)) {
                throw new InvalidInputException("shadow_model: rows must be at least 0, threads at least 1 and "
                        + "max_seconds positive; got rows " + sampleRows + ", threads " + threads + ", max_seconds "
                        + maxSeconds);
            }
        }

        /** Returns the defaults: 5 outlying targets, 40 runs each on half of the other rows, 10 minutes. */
        public static Settings defaults() {
            return new Settings(5, List.of(), 40, 0.5, 0, 600, Runtime.getRuntime().availableProcessors());
        }

        public Settings withTargets(int value) {
            return new Settings(value, targetRows, runs, subsetFraction, sampleRows, maxSeconds, threads);
        }

        public Settings withTargetRows(List<Integer> value) {
            return new Settings(targets, value, runs, subsetFraction, sampleRows, maxSeconds, threads);
        }

        public Settings withRuns(int value) {
            return new Settings(targets, targetRows, value, subsetFraction, sampleRows, maxSeconds, threads);
        }

        public Settings withMaxSeconds(double value) {
            return new Settings(targets, targetRows, runs, subsetFraction, sampleRows, value, threads);
        }

        public Settings withThreads(int value) {
            return new Settings(targets, targetRows, runs, subsetFraction, sampleRows, maxSeconds, value);
        }
    }

    /**
     * Outcome of the experiment.
     *
     * @param result      the metric result for the candidate
     * @param targetAucs  AUC per scored target, in target order
     */
    public record Report(MetricResult result, List<Double> targetAucs) {
    }

    private final SynthesizerRun run;
    private final Settings settings;

    /** Prepares the attack; {@code settings.sampleRows()}, when positive, replaces the run's row count. */
    public ShadowModelExperiment(SynthesizerRun run, Settings settings) {
        this.run = settings.sampleRows() > 0 ? run.withRows(settings.sampleRows()) : run;
        this.settings = settings;
    }

    /** Runs the attack against the synthesizer on {@code train}; {@code candidate} names the result. */
    public Report run(Table train, String candidate, ProgressListener progress, CancellationToken cancel) {
        ProgressListener listener = progress == null ? ProgressListener.NONE : progress;
        CancellationToken token = cancel == null ? CancellationToken.NONE : cancel;
        List<String> columns = MixedDistance.auditedColumns(train, run.schema());
        int[] targets = targets(train, columns);

        List<ShadowModelAttack> attacks = new ArrayList<>();
        for (int target : targets) {
            attacks.add(new ShadowModelAttack(Canaries.without(train, target), train.selectRows(new int[] {target}),
                    columns));
        }
        int subsetRows = Math.max(1, (int) Math.round(settings.subsetFraction() * (train.rowCount() - 1)));

        // Index i belongs to target i % T and is that target's run i / T; even runs leave the target out. A run
        // cut by the time budget therefore stays balanced across targets and worlds.
        int count = targets.length * settings.runs();
        RunPool.Outcome<double[]> outcome = RunPool.run(count, index -> {
            int t = index % targets.length;
            int number = index / targets.length;
            int[] rows = subset(train.rowCount(), targets[t], subsetRows, number % 2 == 1, index);
            Table shadow = train.selectRows(rows);
            Table synthetic = run.run(shadow, 2 + t, index, token);
            return attacks.get(t).features(synthetic);
        }, settings.threads(), settings.maxSeconds(), "shadow-model attack: runs with and without the targets",
                listener, token);

        return report(candidate, targets, outcome);
    }

    private Report report(String candidate, int[] targets, RunPool.Outcome<double[]> outcome) {
        List<Double> aucs = new ArrayList<>();
        double tprSum = 0;
        Map<String, Double> breakdown = new LinkedHashMap<>();
        int minimumRuns = Integer.MAX_VALUE;
        for (int t = 0; t < targets.length; t++) {
            List<double[]> without = new ArrayList<>();
            List<double[]> with = new ArrayList<>();
            for (int number = 0; number < settings.runs(); number++) {
                double[] features = outcome.results().get(number * targets.length + t);
                if (features != null) {
                    (number % 2 == 0 ? without : with).add(features);
                }
            }
            int perWorld = Math.min(without.size(), with.size());
            minimumRuns = Math.min(minimumRuns, perWorld);
            int half = perWorld / 2;
            if (half < MIN_RUNS_PER_HALF) {
                continue;
            }
            PrivacyStatistics.RocSummary roc = ShadowModelAttack.score(
                    with.subList(0, half).toArray(double[][]::new), without.subList(0, half).toArray(double[][]::new),
                    with.subList(half, perWorld).toArray(double[][]::new),
                    without.subList(half, perWorld).toArray(double[][]::new), run.seed() == null ? t : run.seed() + t);
            aucs.add(roc.auc());
            tprSum += roc.tprAtFpr1Percent();
            breakdown.put("target_" + (t + 1) + "_auc", roc.auc());
        }
        if (aucs.isEmpty()) {
            String reason = String.format(Locale.ROOT, "too few runs finished within max_seconds = %.0f (%d per "
                    + "world for the slowest target, %d needed); raise max_seconds or lower targets",
                    settings.maxSeconds(), minimumRuns, 2 * MIN_RUNS_PER_HALF);
            return new Report(MetricResults.notApplicable(SPEC, candidate, reason), List.of());
        }
        double mean = aucs.stream().mapToDouble(Double::doubleValue).average().orElseThrow();
        double max = aucs.stream().mapToDouble(Double::doubleValue).max().orElseThrow();
        breakdown.put("tpr_at_fpr_1_percent", tprSum / aucs.size());
        breakdown.put("auc_max", max);
        breakdown.put("targets", (double) aucs.size());
        breakdown.put("runs_per_target", (double) minimumRuns * 2);

        StringBuilder reason = new StringBuilder(String.format(Locale.ROOT, "Mean AUC %.3f (max %.3f) over %d "
                + "outlying targets, each with %d runs on %.0f %% subsets of the other training rows; half of the "
                + "runs trained the classifier.", mean, max, aucs.size(), minimumRuns * 2,
                100 * settings.subsetFraction()));
        if (outcome.timedOut()) {
            reason.append(String.format(Locale.ROOT, " The time budget of %.0f s stopped the runs early.",
                    settings.maxSeconds()));
        }
        if (run.isTestMode()) {
            reason.append(" Seeded test mode: the runs are not private.");
        }
        MetricResult result = MetricResults.ok(SPEC, candidate, mean, reason.toString(), breakdown, null);
        return new Report(result, List.copyOf(aucs));
    }

    private int[] targets(Table train, List<String> columns) {
        if (settings.targetRows().isEmpty()) {
            return Canaries.mostOutlying(train, columns, settings.targets());
        }
        for (int row : settings.targetRows()) {
            if (row < 0 || row >= train.rowCount()) {
                throw new InvalidInputException("shadow_model.target_rows: " + row + " is not a training row; use 0 "
                        + "to " + (train.rowCount() - 1));
            }
        }
        return settings.targetRows().stream().mapToInt(Integer::intValue).distinct().toArray();
    }

    /**
     * Draws {@code size} training rows other than {@code target} without replacement, adds the target when
     * {@code withTarget}, and returns the row indexes sorted.
     */
    private int[] subset(int rows, int target, int size, boolean withTarget, int index) {
        RandomGenerator random = run.seed() == null ? new SecureRandom()
                : new SplittableRandom(run.seed() * 31 + index);
        int[] order = IntStream.range(0, rows).filter(row -> row != target).toArray();
        int take = Math.min(size, order.length);
        for (int i = 0; i < take; i++) {
            int j = i + random.nextInt(order.length - i);
            int swap = order[i];
            order[i] = order[j];
            order[j] = swap;
        }
        int[] chosen = Arrays.copyOf(order, take + (withTarget ? 1 : 0));
        if (withTarget) {
            chosen[take] = target;
        }
        Arrays.sort(chosen);
        return chosen;
    }
}
