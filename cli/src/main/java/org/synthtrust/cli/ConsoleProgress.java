package org.synthtrust.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.DelegatingProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarConsumer;
import me.tongfei.progressbar.ProgressBarStyle;
import org.synthtrust.core.progress.ProgressListener;

/**
 * Progress of the engine's stages (fit, sample, audit, attacks) on standard error, never on standard output,
 * so results can be piped.
 *
 * <p>On a terminal each stage gets a progress bar that redraws in place (me.tongfei progressbar); when standard
 * error is a file or a pipe, a stage prints one line when it starts and at every further quarter, so parallel
 * candidates interleave readably in a CI log. {@code --progress} forces either form, {@code --quiet} or
 * {@code --progress none} silences it.
 */
final class ConsoleProgress implements ProgressListener, AutoCloseable {
    /** Steps of a bar: fractions are reported as doubles, a bar counts whole steps (0.1 % resolution). */
    private static final int STEPS = 1000;
    /** Redraw period of a bar, in milliseconds: fast enough to look live, slow enough to cost nothing. */
    private static final int REDRAW_MILLIS = 200;
    /** Width of a bar line when standard error is not the process's own (captured in a test). */
    private static final int CAPTURED_WIDTH = 100;

    private final PrintWriter err;
    private final boolean silent;
    private final boolean bars;
    private final boolean processStream;
    private final Map<String, Integer> lastQuarter = new ConcurrentHashMap<>();
    private final Map<String, ProgressBar> open = new ConcurrentHashMap<>();
    private final List<String> finished = new ArrayList<>();

    /** A reporter for the given options: silent with --quiet or --progress none. */
    ConsoleProgress(PrintWriter err, GlobalOptions options, boolean processStream) {
        this.err = err;
        this.silent = options.quiet || options.progress == GlobalOptions.ProgressMode.NONE;
        this.bars = barsFor(options, processStream);
        this.processStream = processStream;
    }

    private static boolean barsFor(GlobalOptions options, boolean processStreams) {
        return switch (options.progress) {
            case BAR -> true;
            case LINES, NONE -> false;
            // System.console() is null when standard input or output is redirected; a bar is only drawn
            // when the user is watching an interactive terminal.
            case AUTO -> processStreams && System.console() != null;
        };
    }

    @Override
    public void progress(String stage, double fraction) {
        if (silent) {
            return;
        }
        double clamped = Double.isNaN(fraction) ? 0 : Math.max(0, Math.min(1, fraction));
        if (bars) {
            bar(stage, clamped);
        } else {
            line(stage, clamped);
        }
    }

    private void line(String stage, double fraction) {
        int quarter = (int) Math.floor(fraction * 4);
        Integer previous = lastQuarter.put(stage, quarter);
        if (previous == null || quarter > previous) {
            synchronized (err) {
                err.printf(Locale.ROOT, "%-50s %3.0f %%%n", stage, fraction * 100);
                err.flush();
            }
        }
    }

    private synchronized void bar(String stage, double fraction) {
        if (finished.contains(stage)) {
            return;
        }
        ProgressBar bar = open.computeIfAbsent(stage, this::newBar);
        bar.stepTo(Math.round(fraction * STEPS));
        if (fraction >= 1) {
            bar.close();
            open.remove(stage);
            finished.add(stage);
            if (!processStream) {
                synchronized (err) {
                    err.println();
                    err.flush();
                }
            }
        }
    }

    private ProgressBar newBar(String stage) {
        ProgressBarConsumer consumer = processStream
                ? new ConsoleProgressBarConsumer(System.err)
                : new DelegatingProgressBarConsumer(rendered -> {
                    synchronized (err) {
                        err.print('\r');
                        err.print(rendered);
                        err.flush();
                    }
                }, CAPTURED_WIDTH);
        return new ProgressBarBuilder()
                .setTaskName(stage.length() > 40 ? stage.substring(0, 37) + "..." : stage)
                .setInitialMax(STEPS)
                .setUnit("%", STEPS / 100)
                .setStyle(processStream ? ProgressBarStyle.COLORFUL_UNICODE_BLOCK : ProgressBarStyle.ASCII)
                .setUpdateIntervalMillis(REDRAW_MILLIS)
                .setConsumer(consumer)
                .build();
    }

    /** Closes bars whose stage never reported completion (an error or a cancel), so the terminal is left clean. */
    @Override
    public synchronized void close() {
        for (ProgressBar bar : open.values()) {
            bar.close();
        }
        if (!open.isEmpty() && !processStream) {
            synchronized (err) {
                err.println();
                err.flush();
            }
        }
        open.clear();
    }
}
