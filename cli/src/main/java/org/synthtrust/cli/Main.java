package org.synthtrust.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import org.synthtrust.core.InvalidInputException;
import org.synthtrust.core.progress.CancellationToken;
import org.synthtrust.core.progress.CancelledException;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.ParseResult;

/**
 * Entry point of the {@code synthtrust} command line. Exit codes: 0 success, 1 internal error (the message
 * names the log file with the stack trace), 2 invalid input or configuration, 3 every candidate disqualified,
 * 130 cancelled.
 */
@Command(name = "synthtrust",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = "Differentially private synthetic data with an audit and a trust index.",
        footer = {"", "Exit codes: 0 success, 1 internal error (see the log file named in the message), "
                + "2 invalid input or configuration, 3 every candidate disqualified by a hard constraint, "
                + "130 cancelled."},
        subcommands = {
            CommandLine.HelpCommand.class,
            DescribeCommand.class,
            GenerateCommand.class,
            SampleCommand.class,
            AuditCommand.class,
            RunCommand.class,
            RankCommand.class,
            ReportCommand.class,
            MethodsCommand.class,
            MetricsCommand.class,
        })
public final class Main implements Runnable {
    public static final int EXIT_OK = 0;
    public static final int EXIT_INTERNAL = 1;
    public static final int EXIT_INVALID_INPUT = 2;
    public static final int EXIT_ALL_DISQUALIFIED = 3;
    public static final int EXIT_CANCELLED = 130;

    @Mixin
    GlobalOptions options = new GlobalOptions();

    public static void main(String[] args) {
        PrintWriter out = new PrintWriter(System.out, true);
        PrintWriter err = new PrintWriter(System.err, true);
        int code = run(args, out, err, new CancellationToken(), true);
        out.flush();
        err.flush();
        System.exit(code);
    }

    /** Runs the command line in-process with the given streams and returns the exit code; tests call this. */
    public static int run(String[] args, PrintWriter out, PrintWriter err) {
        return run(args, out, err, new CancellationToken());
    }

    /**
     * Runs the command line in-process; cancelling {@code cancel} from another thread has the effect of Ctrl-C
     * (the command stops, finished outputs stay, exit code 130).
     */
    public static int run(String[] args, PrintWriter out, PrintWriter err, CancellationToken cancel) {
        return run(args, out, err, cancel, false);
    }

    private static int run(String[] args, PrintWriter out, PrintWriter err, CancellationToken cancel,
                           boolean processStreams) {
        Main main = new Main();
        CommandLine commandLine = new CommandLine(main);
        commandLine.setOut(out);
        commandLine.setErr(err);
        commandLine.setCaseInsensitiveEnumValuesAllowed(true);
        commandLine.setExecutionStrategy(parseResult -> {
            GlobalOptions global = main.options;
            Logging.configure(global.quiet, global.verbose, global.logFile);
            CliContext context = new CliContext(out, err, global, cancel, processStreams);
            CliContext.set(context);
            try {
                int code = new CommandLine.RunLast().execute(parseResult);
                if (cancel.isCancelled()) {
                    // A step that ignored the cancel still ran to its end, so the user is told that the request arrived late.
                    err.println("cancelled: the command finished its last step before it noticed the cancel");
                    return EXIT_CANCELLED;
                }
                return code;
            } finally {
                context.closeAll();
                CliContext.set(null);
            }
        });
        commandLine.setExecutionExceptionHandler((exception, cmd, parseResult) ->
                handle(exception, cmd, parseResult, args, cancel, main.options.logFile));
        // The hook stays installed until the error handler has printed its message. After Ctrl-C the JVM
        // therefore exits only once the message about the kept outputs is on standard error.
        try (CancelOnInterrupt ignored = CancelOnInterrupt.install(cancel, err)) {
            return commandLine.execute(args);
        } catch (OutOfMemoryError e) {
            err.println("error: out of memory with a maximum heap of "
                    + Runtime.getRuntime().maxMemory() / (1024 * 1024) + " MiB; run again with a larger heap, for "
                    + "example java -Xmx" + suggestHeapGib() + "g -jar synthtrust.jar ...");
            return EXIT_INTERNAL;
        } catch (Error e) {
            // Errors (a class missing from a damaged installation, a stack overflow) bypass picocli's handler.
            Path log = Logging.writeCrashLog(e, main.options.logFile, args);
            err.println("internal error: " + e + (log == null ? "" : "; the stack trace is in " + log));
            return EXIT_INTERNAL;
        }
    }

    /** Twice the current maximum heap, in whole GiB, as a first guess after an OutOfMemoryError. */
    private static long suggestHeapGib() {
        long gib = 1024L * 1024 * 1024;
        return Math.max(2, (2 * Runtime.getRuntime().maxMemory() + gib - 1) / gib);
    }

    private static int handle(Exception exception, CommandLine cmd, ParseResult parseResult, String[] args,
                              CancellationToken cancel, Path logFile) {
        PrintWriter err = cmd.getErr();
        Throwable cause = rootCause(exception);
        if (cause instanceof CancelledException || cancel.isCancelled()) {
            err.println("cancelled: finished outputs are kept; unfinished work was discarded");
            return EXIT_CANCELLED;
        }
        if (cause instanceof InvalidInputException) {
            err.println("error: " + cause.getMessage());
            return EXIT_INVALID_INPUT;
        }
        Path log = Logging.writeCrashLog(exception, logFile, args);
        err.println("internal error: " + exception + (log == null ? ""
                : "; the stack trace is in " + log + " (please attach it to a bug report)"));
        return EXIT_INTERNAL;
    }

    /** Returns the first InvalidInputException or CancelledException in the cause chain, else the exception. */
    private static Throwable rootCause(Throwable exception) {
        for (Throwable t = exception; t != null; t = t.getCause()) {
            if (t instanceof InvalidInputException || t instanceof CancelledException) {
                return t;
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return exception;
    }

    @Override
    public void run() {
        CliContext context = CliContext.current();
        new CommandLine(this).usage(context.out());
    }

    /** Subcommand names, in the order of the help listing; used by the documentation test. */
    static List<String> commandNames() {
        return List.copyOf(new CommandLine(new Main()).getSubcommands().keySet());
    }
}
