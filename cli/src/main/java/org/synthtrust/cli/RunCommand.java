package org.synthtrust.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.synthtrust.core.InvalidInputException;
import org.synthtrust.core.progress.CancellationToken;
import org.synthtrust.trustindex.study.StudyFile;
import org.synthtrust.trustindex.study.StudyFolder;
import org.synthtrust.trustindex.study.StudyPlan;
import org.synthtrust.trustindex.study.StudyRanking;
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

    @Parameters(index = "0", paramLabel = "STUDY", description = "study file (YAML or JSON)")
    Path studyFile;

    @Option(names = "--out", paramLabel = "DIR",
            description = "study folder to write; defaults to the study file's 'output' setting")
    Path out;

    @ArgGroup(exclusive = true)
    ExistingFolder existing;

    static final class ExistingFolder {
        @Option(names = "--resume", description = "keep finished candidates of an earlier run and fit the others")
        boolean resume;

        @Option(names = "--overwrite", description = "delete the files of an earlier study in the folder first")
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
        CancellationToken cancel = new CancellationToken();
        ConsoleProgress progress = new ConsoleProgress(spec.commandLine().getErr());
        Thread hook = new Thread(cancel::cancel, "cancel-study");
        Runtime.getRuntime().addShutdownHook(hook);
        StudyRanking ranking;
        try {
            ranking = new StudyRunner(plan, folder, mode).run(progress, cancel);
        } finally {
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException shuttingDown) {
                // The JVM is already shutting down after Ctrl-C; the hook has cancelled the run.
            }
        }
        RankingPrinter.print(ranking, spec.commandLine().getOut());
        spec.commandLine().getOut().println("study folder: " + folder.toAbsolutePath().normalize());
        return ranking.ranking().allDisqualified() ? Main.EXIT_ALL_DISQUALIFIED : Main.EXIT_OK;
    }
}
