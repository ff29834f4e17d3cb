package org.synthtrust.trustindex.study;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.synthtrust.audit.AuditContext;
import org.synthtrust.audit.AuditProvenance;
import org.synthtrust.audit.AuditResult;
import org.synthtrust.audit.AuditRunner;
import org.synthtrust.audit.Direction;
import org.synthtrust.audit.Metric;
import org.synthtrust.audit.MetricRegistry;
import org.synthtrust.audit.MetricResult;
import org.synthtrust.audit.MetricStatus;
import org.synthtrust.audit.Pillar;
import org.synthtrust.core.InvalidInputException;
import org.synthtrust.core.io.CsvOptions;
import org.synthtrust.core.io.CsvReader;
import org.synthtrust.core.io.ReadResult;
import org.synthtrust.core.progress.CancellationToken;
import org.synthtrust.core.progress.CancelledException;
import org.synthtrust.core.progress.ProgressListener;
import org.synthtrust.core.schema.Schema;
import org.synthtrust.core.schema.SchemaIO;
import org.synthtrust.core.table.Table;
import org.synthtrust.generators.ModelProvenance;
import org.synthtrust.trustindex.ScoreRules;
import org.synthtrust.trustindex.TrustSettings;
import org.synthtrust.trustindex.experiments.ExperimentsSpec;
import org.synthtrust.trustindex.experiments.StudyExperiments;
import org.synthtrust.trustindex.study.StudyPlan.CandidatePlan;
import org.synthtrust.trustindex.study.StudyRecord.CandidateRecord;

/**
 * Runs a study end to end: split the private table, fit and sample every candidate (in parallel up to the
 * number of cores), read external tables, audit every synthetic table, score and rank, and write the study
 * folder ({@link StudyFolder}).
 *
 * <p>Every repeat and every grid member is an independent private run charged its full budget on the same
 * training rows; {@code study.json} states the composed total under basic composition. A candidate that fails
 * is recorded with its error and the others go on. Released files (synthetic tables, models, their provenance)
 * carry no hash, no true row count and no other exact statistic of the private table; those facts go into
 * {@code study.json} only.
 */
public final class StudyRunner {

    private final StudyPlan plan;
    private final StudyFolder folder;
    private final StudyFolder.Mode mode;
    private final CandidateFitter fitter;

    public StudyRunner(StudyPlan plan, Path out, StudyFolder.Mode mode) {
        this(plan, out, mode, new CandidateFitter());
    }

    StudyRunner(StudyPlan plan, Path out, StudyFolder.Mode mode, CandidateFitter fitter) {
        this.plan = plan;
        this.folder = new StudyFolder(out);
        this.mode = mode;
        this.fitter = fitter;
    }

    /** Runs the study and returns its ranking; {@code ranking.json} and the other files are written. */
    public StudyRanking run(ProgressListener progress, CancellationToken cancel) {
        ProgressListener listener = progress == null ? ProgressListener.NONE : progress;
        CancellationToken token = cancel == null ? CancellationToken.NONE : cancel;
        folder.prepare(mode);
        try (StudyLog log = new StudyLog(folder.file("run.log"))) {
            log.info("study " + plan.name() + " started (" + mode.name().toLowerCase(Locale.ROOT) + ") in "
                    + folder.root());
            try {
                return runLogged(log, listener, token);
            } catch (CancelledException e) {
                log.warn("study " + plan.name() + " cancelled; run again with --resume to finish it");
                throw e;
            } catch (RuntimeException e) {
                log.error("study " + plan.name() + " failed", e);
                throw e;
            }
        }
    }

    private StudyRanking runLogged(StudyLog log, ProgressListener progress, CancellationToken cancel) {
        StudyExperiments.validate(experiments(), plan.candidates());
        Schema schema = SchemaIO.read(plan.schema());
        Split split = split(schema);
        StudyRecord.Input input = input(split);
        StudyRecord previous = mode == StudyFolder.Mode.RESUME ? StudyRanker.readRecord(folder.root()) : null;
        if (previous != null && previous.input() != null
                && !input.dataSha256().equals(previous.input().dataSha256())) {
            throw new InvalidInputException("--resume: " + plan.data() + " changed since the study in "
                    + folder.root() + " was started; use --overwrite to start again");
        }
        log.info("split: " + split.train.rowCount() + " training rows, " + split.holdout.rowCount()
                + " holdout rows");
        cancel.throwIfCancelled();

        Map<String, CandidateOutcome> outcomes = fitAll(split.train, schema, log, progress, cancel);
        cancel.throwIfCancelled();

        List<CandidateRecord> records = new ArrayList<>();
        List<AuditContext> contexts = new ArrayList<>();
        List<MetricResult> claimed = new ArrayList<>();
        for (CandidatePlan candidate : plan.candidates()) {
            CandidateOutcome outcome = outcomes.get(candidate.name());
            records.add(outcome.record(candidate));
            if (outcome.error != null) {
                continue;
            }
            for (int r = 0; r < outcome.tables.size(); r++) {
                String stem = candidate.stem(r);
                contexts.add(new AuditContext(split.train, split.holdout, outcome.tables.get(r), schema, stem,
                        plan.audit()));
                claimed.add(claimedEpsilon(stem, candidate));
            }
        }

        claimed.addAll(StudyExperiments.run(experiments(), plan.candidates(),
                name -> outcomes.get(name).error == null, split.train, schema, log::info, progress, cancel));

        StudyRecord.BudgetRecord budget = budget(records);
        log.info(budget.statement());
        StudyRecord record = new StudyRecord(plan.name(), Instant.now().toString(), ModelProvenance.currentVersion(),
                plan.studyFile() == null ? null : plan.studyFile().toString(), plan.spec(), input, records,
                trustRecord(plan.trust()), budget, null);
        StudyJson.write(record, folder.file(StudyRanker.STUDY_JSON));

        AuditResult audit = audit(contexts, claimed, input, log, progress, cancel);
        StudyRanking ranking = StudyRanker.rank(record, audit, plan.trust().withHoldoutRows(split.holdout
                .rowCount()));
        StudyRecord withSelections = new StudyRecord(record.name(), record.createdAt(), record.toolVersion(),
                record.studyFile(), record.spec(), record.input(), record.candidates(), record.trust(),
                record.budget(), ranking.selections());
        StudyJson.write(withSelections, folder.file(StudyRanker.STUDY_JSON));
        StudyJson.write(ranking, folder.file(StudyRanker.RANKING_JSON));
        for (StudyRecord.GridSelection selection : ranking.selections()) {
            log.info(selection.statement());
        }
        log.info("study " + plan.name() + " finished: " + summary(ranking));
        return ranking;
    }

    private static String summary(StudyRanking ranking) {
        if (ranking.ranking().allDisqualified()) {
            return "every candidate is disqualified";
        }
        var best = ranking.ranking().candidates().get(0);
        return String.format(Locale.ROOT, "%s ranks first with trust index %.4f", best.name(), best.index());
    }

    /** Returns the study file's {@code audit.experiments} block, or null when it has none. */
    private ExperimentsSpec experiments() {
        return plan.spec() == null || plan.spec().audit() == null ? null : plan.spec().audit().experiments();
    }

    /** Training and holdout tables. */
    public record Split(Table train, Table holdout) {
    }

    private Split split(Schema schema) {
        Table full = CsvReader.readTable(plan.data(), schema);
        if (plan.holdoutFile() != null) {
            return new Split(full, CsvReader.readTable(plan.holdoutFile(), schema));
        }
        return split(full, plan.holdoutFraction(), plan.holdoutSeed(), plan.data().toString());
    }

    /**
     * Splits {@code full} into training and holdout rows by a Fisher-Yates shuffle seeded with {@code seed}; the
     * holdout has round(fraction * rows) rows, kept between 1 and rows - 1. The workbench calls this too, so a
     * study run and a workbench project hold out the same rows for the same seed.
     *
     * @param source name of the input for error messages
     */
    public static Split split(Table full, double holdoutFraction, long seed, String source) {
        int rows = full.rowCount();
        if (rows < 2) {
            throw new InvalidInputException("data: " + source + " has fewer than 2 rows, so it cannot be "
                    + "split into training and holdout rows");
        }
        int holdoutRows = (int) Math.round(holdoutFraction * rows);
        holdoutRows = Math.max(1, Math.min(rows - 1, holdoutRows));
        int[] order = new int[rows];
        for (int i = 0; i < rows; i++) {
            order[i] = i;
        }
        // Fisher-Yates shuffle with the study's split seed: the split is not a release, so it may be seeded.
        SplittableRandom random = new SplittableRandom(seed);
        for (int i = rows - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int swap = order[i];
            order[i] = order[j];
            order[j] = swap;
        }
        int[] holdout = java.util.Arrays.copyOfRange(order, 0, holdoutRows);
        int[] train = java.util.Arrays.copyOfRange(order, holdoutRows, rows);
        java.util.Arrays.sort(holdout);
        java.util.Arrays.sort(train);
        return new Split(full.selectRows(train), full.selectRows(holdout));
    }

    private StudyRecord.Input input(Split split) {
        String holdoutHash = plan.holdoutFile() == null ? null : AuditProvenance.sha256(plan.holdoutFile());
        return new StudyRecord.Input(plan.data().toString(), AuditProvenance.sha256(plan.data()),
                plan.schema().toString(), plan.holdoutFile() == null ? null : plan.holdoutFile().toString(),
                holdoutHash, plan.holdoutFraction(), plan.holdoutSeed(), split.train.rowCount(),
                split.holdout.rowCount());
    }

    /** Synthetic tables (one per repeat), spent epsilons and errors of one candidate. */
    static final class CandidateOutcome {
        final List<Table> tables = new ArrayList<>();
        final List<Double> spent = new ArrayList<>();
        boolean isPrivate = true;
        String error;

        CandidateRecord record(CandidatePlan plan) {
            List<String> stems = new ArrayList<>();
            for (int r = 0; r < plan.repeats(); r++) {
                stems.add(plan.stem(r));
            }
            String status = error != null ? "failed" : plan.isExternal() ? "external" : "fitted";
            boolean claimsPrivacy = plan.isExternal() ? plan.epsilon() != null : isPrivate;
            return new CandidateRecord(plan.name(), plan.method(), plan.grid(), plan.epsilon(), plan.delta(),
                    plan.params(), plan.rows(), plan.repeats(), plan.seed(),
                    plan.file() == null ? null : plan.file().toString(), status, error, stems,
                    plan.isExternal() ? null : List.copyOf(spent), claimsPrivacy);
        }
    }

    /** Fits every repeat of every candidate on a pool of up to the number of cores; failures are recorded. */
    private Map<String, CandidateOutcome> fitAll(Table train, Schema schema, StudyLog log, ProgressListener progress,
                                                 CancellationToken cancel) {
        Map<String, CandidateOutcome> outcomes = new ConcurrentHashMap<>();
        List<Runnable> tasks = new ArrayList<>();
        for (CandidatePlan candidate : plan.candidates()) {
            CandidateOutcome outcome = new CandidateOutcome();
            outcomes.put(candidate.name(), outcome);
            if (candidate.isExternal()) {
                readExternal(candidate, schema, outcome, log);
                continue;
            }
            tasks.add(() -> fitCandidate(candidate, train, schema, outcome, log, progress, cancel));
        }
        int threads = Math.max(1, Math.min(Runtime.getRuntime().availableProcessors(), tasks.size()));
        ExecutorService pool = Executors.newFixedThreadPool(threads, runnable -> {
            Thread thread = new Thread(runnable, "study-fit");
            thread.setDaemon(true);
            return thread;
        });
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (Runnable task : tasks) {
                futures.add(pool.submit(task));
            }
            for (Future<?> future : futures) {
                await(future);
            }
        } finally {
            pool.shutdownNow();
        }
        return outcomes;
    }

    private static void await(Future<?> future) {
        try {
            future.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CancelledException();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof CancelledException cancelled) {
                throw cancelled;
            }
            throw new IllegalStateException("fit task failed outside its error handling: " + e.getCause(),
                    e.getCause());
        }
    }

    private void fitCandidate(CandidatePlan candidate, Table train, Schema schema, CandidateOutcome outcome,
                              StudyLog log, ProgressListener progress, CancellationToken cancel) {
        for (int r = 0; r < candidate.repeats(); r++) {
            cancel.throwIfCancelled();
            String stem = candidate.stem(r);
            if (mode == StudyFolder.Mode.RESUME && folder.isFinished(stem)) {
                try {
                    outcome.tables.add(CsvReader.readTable(folder.syntheticCsv(stem), schema));
                    outcome.spent.add(candidate.epsilon());
                    outcome.isPrivate &= candidate.seed() == null;
                    log.info("candidate " + stem + " finished earlier; reusing " + folder.syntheticCsv(stem));
                    continue;
                } catch (RuntimeException e) {
                    log.warn("candidate " + stem + ": cannot reuse its synthetic table (" + e.getMessage()
                            + "); fitting it again");
                }
            }
            log.info(String.format(Locale.ROOT, "fitting %s: method %s, epsilon %s, delta %s%s", stem,
                    candidate.method(), candidate.epsilon(), candidate.delta(),
                    candidate.seed() == null ? "" : ", seeded test mode (not private)"));
            // The full budget is counted as spent before the fit, because a fit that fails half-way may
            // already have released noisy statistics.
            outcome.spent.add(candidate.epsilon());
            try {
                ProgressListener stage = (name, fraction) -> progress.progress(stem + ": " + name, fraction);
                CandidateFitter.Fit fit = fitter.fit(candidate, r, train, schema, stage, cancel);
                outcome.spent.set(outcome.spent.size() - 1, fit.spentEpsilon());
                outcome.isPrivate &= fit.isPrivate();
                fitter.write(fit, folder, candidate, r);
                outcome.tables.add(fit.synthetic());
                log.info(String.format(Locale.ROOT, "candidate %s: sampled %d rows, spent epsilon %.4g%s", stem,
                        fit.synthetic().rowCount(), fit.spentEpsilon(), fit.isPrivate() ? "" : " (not private)"));
            } catch (CancelledException e) {
                throw e;
            } catch (RuntimeException e) {
                outcome.error = stem + ": " + e.getMessage();
                outcome.tables.clear();
                log.error("candidate " + stem + " failed; the other candidates go on", e);
                return;
            }
        }
    }

    private void readExternal(CandidatePlan candidate, Schema schema, CandidateOutcome outcome, StudyLog log) {
        try {
            ReadResult read = CsvReader.read(candidate.file(), schema,
                    CsvOptions.defaults().withAllowUndeclaredCategories(true));
            outcome.tables.add(read.table());
            outcome.isPrivate = candidate.epsilon() != null;
            for (String warning : read.warnings()) {
                log.warn("external candidate " + candidate.name() + ": " + warning);
            }
            log.info("external candidate " + candidate.name() + ": read " + candidate.file()
                    + (candidate.epsilon() == null ? ", no epsilon declared"
                            : ", declared epsilon " + candidate.epsilon()));
        } catch (RuntimeException e) {
            outcome.error = "cannot read " + candidate.file() + ": " + e.getMessage();
            log.error("external candidate " + candidate.name() + " failed; the other candidates go on", e);
        }
    }

    /** Builds the claimed-budget privacy metric, so the trust index can trade epsilon against fidelity. */
    private static MetricResult claimedEpsilon(String stem, CandidatePlan candidate) {
        if (candidate.epsilon() == null) {
            return new MetricResult(ScoreRules.CLAIMED_EPSILON, stem, Pillar.PRIVACY, Direction.LOWER_IS_BETTER, null,
                    null, null, MetricStatus.FAILED, "no differential privacy guarantee is declared for this table",
                    null, null);
        }
        String note = candidate.seed() != null ? "seeded test run: the epsilon is the budget, but the run is not "
                + "private" : null;
        return new MetricResult(ScoreRules.CLAIMED_EPSILON, stem, Pillar.PRIVACY, Direction.LOWER_IS_BETTER,
                candidate.epsilon(), null, null, MetricStatus.OK, note, null, null);
    }

    private AuditResult audit(List<AuditContext> contexts, List<MetricResult> claimed, StudyRecord.Input input,
                              StudyLog log, ProgressListener progress, CancellationToken cancel) {
        List<MetricResult> results = new ArrayList<>();
        List<String> names = new ArrayList<>();
        AuditResult audit;
        if (contexts.isEmpty()) {
            log.warn("no synthetic table to audit: every candidate failed");
            audit = new AuditResult(null, List.of(), Map.of(), List.of());
        } else {
            List<Metric> suite = MetricRegistry.select(plan.metrics());
            log.info("auditing " + contexts.size() + " synthetic tables with " + suite.size() + " metrics");
            audit = new AuditRunner(ModelProvenance.currentVersion()).run(suite, contexts, progress, cancel);
            Map<String, String> hashes = new LinkedHashMap<>();
            hashes.put("data", input.dataSha256());
            if (input.holdoutFileSha256() != null) {
                hashes.put("holdout", input.holdoutFileSha256());
            }
            audit = audit.withProvenance(audit.provenance().withInputs(hashes));
            names.addAll(audit.candidates());
            results.addAll(audit.results());
        }
        for (MetricResult result : claimed) {
            boolean computed = results.stream().anyMatch(existing -> existing.candidate().equals(result.candidate())
                    && existing.id().equals(result.id()));
            if (!computed) {
                results.add(result);
            }
        }
        AuditResult complete = new AuditResult(audit.provenance(), names, audit.notes(), results);
        complete.write(folder.file(StudyRanker.AUDIT_JSON));
        return complete;
    }

    private static StudyRecord.BudgetRecord budget(List<CandidateRecord> records) {
        double epsilon = 0;
        double delta = 0;
        int fits = 0;
        for (CandidateRecord record : records) {
            if (record.spentEpsilon() == null) {
                continue;
            }
            for (Double spent : record.spentEpsilon()) {
                epsilon += spent;
                delta += record.delta() == null ? 0 : record.delta();
                fits++;
            }
        }
        String statement = String.format(Locale.ROOT, "This study fitted %d models on the same private training "
                + "rows; under basic composition they spent epsilon = %.4g and delta = %.3g in total.", fits, epsilon,
                delta);
        return new StudyRecord.BudgetRecord(epsilon, delta, fits, statement);
    }

    static StudyRecord.TrustRecord trustRecord(TrustSettings trust) {
        return new StudyRecord.TrustRecord(trust.normalisation().id(), trust.aggregation().id(), trust.profile(),
                trust.weightsById(), trust.metricWeights(), trust.constraints(), trust.defaultConstraints(),
                trust.sensitivity());
    }
}
