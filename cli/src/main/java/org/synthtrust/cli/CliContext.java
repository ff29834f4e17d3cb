package org.synthtrust.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.synthtrust.core.progress.CancellationToken;
import org.synthtrust.core.progress.ProgressListener;

/**
 * State of one command-line invocation that every command shares: the output streams, the global options and
 * the cancellation token that Ctrl-C (or a test) cancels. {@link Main#run} installs it for the calling thread
 * while the command executes, so commands reach it without threading it through picocli.
 */
final class CliContext {
    private static final ThreadLocal<CliContext> CURRENT = new ThreadLocal<>();

    private final PrintWriter out;
    private final PrintWriter err;
    private final GlobalOptions options;
    private final CancellationToken cancel;
    private final boolean processStreams;
    private final List<AutoCloseable> closeAtEnd = new ArrayList<>();

    /**
     * @param out            standard output (results)
     * @param err            standard error (progress, warnings, errors)
     * @param options        the global options as parsed
     * @param cancel         cancelled on Ctrl-C; long work checks it in its loops
     * @param processStreams whether out and err are the process's own streams (not captured by a test)
     */
    CliContext(PrintWriter out, PrintWriter err, GlobalOptions options, CancellationToken cancel,
               boolean processStreams) {
        this.out = out;
        this.err = err;
        this.options = options;
        this.cancel = cancel;
        this.processStreams = processStreams;
    }

    /** Returns the invocation running on this thread, or a default one on the process streams outside {@link Main#run}. */
    static CliContext current() {
        CliContext context = CURRENT.get();
        if (context != null) {
            return context;
        }
        return new CliContext(new PrintWriter(System.out, true), new PrintWriter(System.err, true),
                new GlobalOptions(), CancellationToken.NONE, true);
    }

    static void set(CliContext context) {
        if (context == null) {
            CURRENT.remove();
        } else {
            CURRENT.set(context);
        }
    }

    PrintWriter out() {
        return out;
    }

    PrintWriter err() {
        return err;
    }

    GlobalOptions options() {
        return options;
    }

    CancellationToken cancel() {
        return cancel;
    }

    boolean processStreams() {
        return processStreams;
    }

    Path logFile() {
        return options.logFile;
    }

    /** A progress reporter on standard error that follows --quiet and --progress; closed when the command ends. */
    ProgressListener progress() {
        ConsoleProgress progress = new ConsoleProgress(err, options, processStreams);
        closeAtEnd(progress);
        return progress;
    }

    synchronized void closeAtEnd(AutoCloseable resource) {
        closeAtEnd.add(resource);
    }

    /** Closes the progress bars of the command; called by {@link Main} when the command returns or fails. */
    synchronized void closeAll() {
        for (AutoCloseable resource : closeAtEnd) {
            try {
                resource.close();
            } catch (Exception e) {
                // Closing a progress bar only redraws it; a failure there must not hide the command's result.
            }
        }
        closeAtEnd.clear();
    }

    /** Prints a warning on standard error; warnings are shown even with --quiet because they concern the output. */
    void warn(String message) {
        synchronized (err) {
            err.println("warning: " + message);
            err.flush();
        }
    }

    /** Prints an informational line on standard error unless --quiet is given. */
    void info(String message) {
        if (!options.quiet) {
            synchronized (err) {
                err.println(message);
                err.flush();
            }
        }
    }
}
