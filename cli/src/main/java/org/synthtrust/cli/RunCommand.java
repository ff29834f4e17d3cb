package org.synthtrust.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.synthtrust.core.InvalidInputException;
import org.synthtrust.core.io.CsvOptions;
import org.synthtrust.core.io.CsvReader;
import org.synthtrust.core.privacy.PrivacyBudget;
import org.synthtrust.core.progress.ProgressListener;
import org.synthtrust.core.schema.Schema;
import org.synthtrust.core.schema.SchemaIO;
import org.synthtrust.trustindex.study.StudyFile;
import org.synthtrust.trustindex.study.StudyFolder;
import org.synthtrust.trustindex.study.StudyPlan;
import org.synthtrust.trustindex.study.StudyRanker;
import org.synthtrust.trustindex.study.StudyRanking;
import org.synthtrust.trustindex.study.StudyRecord;
import org.synthtrust.trustindex.study.StudyRunner;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code synthtrust run STUDY.yaml}: fits, audits and ranks every candidate of a study. */
@Command(name = "run", mixinStandardHelpOptions = true,
        description = {"Run a study: split the data, fit and sample every candidate, audit them, rank them by "
                + "trust index and write the study folder.",
            "Exit code 3 when every candidate is disqualified by a hard constraint."})
final class RunCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "STUDY", description = "Study file (YAML or JSON).")
    Path studyFile;

    @Option(names = "--out", paramLabel = "DIR",
            description = "Study folder to write (default: the study file's 'output' setting).")
    Path out;

    @ArgGroup(exclusive = true)
    ExistingFolder existing;

    @Option(names = "--allow-large-delta",
            description = "Accept a candidate delta of 1/n or more for an n-row table (a weak guarantee).")
    boolean allowLargeDelta;

    @Option(names = "--skip-heap-check",
            description = "Start even when the heap estimated from the input size exceeds the JVM's maximum heap.")
    boolean skipHeapCheck;

    static final class ExistingFolder {
        @Option(names = "--resume", description = "Keep the finished candidates of an earlier run and fit the others.")
        boolean resume;

        @Option(names = "--overwrite", description = "Delete the files of an earlier study in the folder first.")
        boolean overwrite;
    }

    @Override
    public Integer call() {
        StudyPlan plan = StudyFile.load(studyFile);
        Path folder = out != null ? out : plan.output();
        if (folder == null) {
            throw new InvalidInputException("no study folder: give --out DIR or set 'output' in " + studyFile);
        }
        StudyFolder.Mode mode = existing == null ? StudyFolder.Mode.NEW
                : existing.resume ? StudyFolder.Mode.RESUME : StudyFolder.Mode.OVERWRITE;
        CliContext context = CliContext.current();
        int syntheticTables = 0;
        for (StudyPlan.CandidatePlan candidate : plan.candidates()) {
            syntheticTables += candidate.repeats();
            if (candidate.seed() != null) {
                context.warn("candidate '" + candidate.name() + "' sets seed " + candidate.seed() + ": seeded test "
                        + "mode, its synthetic table and model are NOT differentially private");
            }
        }
        if (!skipHeapCheck) {
            HeapCheck.require(plan.data(), syntheticTables, Runtime.getRuntime().maxMemory(), "this study");
        }
        checkDeltas(plan, context);
        StudyRanking ranking = new StudyRunner(plan, folder, mode).run(context.progress(), context.cancel());
        int failed = reportFailures(folder, context);
        if (failed == plan.candidates().size()) {
            throw new InvalidInputException("every candidate failed (errors above; details in "
                    + folder.resolve("run.log") + "); fix the study file and run again with --overwrite");
        }
        RankingPrinter.print(ranking, spec.commandLine().getOut());
        for (java.nio.file.Path report
                : org.synthtrust.report.Reports.writeAll(folder, org.synthtrust.report.SmallCells.DEFAULT_K)) {
            spec.commandLine().getOut().println("report: " + report.toAbsolutePath().normalize());
        }
        spec.commandLine().getOut().println("study folder: " + folder.toAbsolutePath().normalize());
        return ranking.ranking().allDisqualified() ? Main.EXIT_ALL_DISQUALIFIED : Main.EXIT_OK;
    }

    /**
     * Rejects a candidate whose delta is not far below 1/n before anything is fitted. The row count is read
     * here only for this accept or reject decision; it is never printed beyond the message that names it.
     */
    private void checkDeltas(StudyPlan plan, CliContext context) {
        if (allowLargeDelta || plan.candidates().stream().allMatch(c -> c.isExternal() || c.delta() == null)) {
            return;
        }
        // TODO: the study runner should make this check itself, so the GUI gets it too; until then the
        // command line reads the table once more.
        Schema schema = SchemaIO.read(plan.schema());
        long rows = CsvReader.read(plan.data(), schema, CsvOptions.defaults(), ProgressListener.NONE,
                context.cancel()).table().rowCount();
        for (int i = 0; i < plan.candidates().size(); i++) {
            StudyPlan.CandidatePlan candidate = plan.candidates().get(i);
            if (candidate.isExternal() || candidate.delta() == null) {
                continue;
            }
            try {
                PrivacyBudget.of(candidate.epsilon(), candidate.delta()).checkDeltaForRows(rows, false);
            } catch (InvalidInputException e) {
                throw new InvalidInputException("candidate '" + candidate.name() + "' in " + studyFile + ": "
                        + e.getMessage());
            }
        }
    }

    /** Prints each failed candidate's error on standard error and returns how many failed. */
    private static int reportFailures(Path folder, CliContext context) {
        StudyRecord record = StudyRanker.readRecord(folder);
        if (record == null || record.candidates() == null) {
            return 0;
        }
        int failed = 0;
        for (StudyRecord.CandidateRecord candidate : record.candidates()) {
            if ("failed".equals(candidate.status())) {
                failed++;
                synchronized (context.err()) {
                    context.err().println("error: candidate '" + candidate.name() + "' failed: " + candidate.error());
                    context.err().flush();
                }
            }
        }
        return failed;
    }
}
