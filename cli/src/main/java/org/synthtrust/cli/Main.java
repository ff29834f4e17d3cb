package org.synthtrust.cli;

import java.io.PrintWriter;
import org.synthtrust.core.InvalidInputException;
import org.synthtrust.core.progress.CancelledException;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * Entry point of the {@code synthtrust} command line. Exit codes: 0 success, 1 internal error, 2 invalid
 * input or configuration, 3 every candidate disqualified, 130 cancelled.
 */
@Command(name = "synthtrust",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = "Differentially private synthetic data with an audit and a trust index.",
        subcommands = {
            CommandLine.HelpCommand.class,
            DescribeCommand.class,
            ReportCommand.class,
            AuditCommand.class,
            RunCommand.class,
            RankCommand.class,
            GenerateCommand.class,
            SampleCommand.class,
        })
public final class Main implements Runnable {
    public static final int EXIT_OK = 0;
    public static final int EXIT_INTERNAL = 1;
    public static final int EXIT_INVALID_INPUT = 2;
    public static final int EXIT_ALL_DISQUALIFIED = 3;
    public static final int EXIT_CANCELLED = 130;

    public static void main(String[] args) {
        System.exit(run(args, new PrintWriter(System.out, true), new PrintWriter(System.err, true)));
    }

    /** Runs the command line in-process with the given streams and returns the exit code; tests call this. */
    public static int run(String[] args, PrintWriter out, PrintWriter err) {
        CommandLine commandLine = new CommandLine(new Main());
        commandLine.setOut(out);
        commandLine.setErr(err);
        commandLine.setExecutionExceptionHandler((exception, cmd, parseResult) -> {
            if (exception instanceof InvalidInputException) {
                cmd.getErr().println("error: " + exception.getMessage());
                return EXIT_INVALID_INPUT;
            }
            if (exception instanceof CancelledException) {
                cmd.getErr().println("cancelled");
                return EXIT_CANCELLED;
            }
            cmd.getErr().println("internal error: " + exception);
            exception.printStackTrace(cmd.getErr());
            return EXIT_INTERNAL;
        });
        return commandLine.execute(args);
    }

    @Override
    public void run() {
        CommandLine.usage(this, System.out);
    }
}
