package org.synthtrust.cli;

import java.io.PrintWriter;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.synthtrust.core.progress.ProgressListener;

/**
 * Progress on standard error: one line per stage when it starts and at every further quarter, so parallel
 * candidates interleave readably in a terminal and in a CI log.
 */
final class ConsoleProgress implements ProgressListener {
    private final PrintWriter err;
    private final Map<String, Integer> lastQuarter = new ConcurrentHashMap<>();

    ConsoleProgress(PrintWriter err) {
        this.err = err;
    }

    @Override
    public void progress(String stage, double fraction) {
        int quarter = (int) Math.floor(Math.max(0, Math.min(1, fraction)) * 4);
        Integer previous = lastQuarter.put(stage, quarter);
        if (previous == null || quarter > previous) {
            synchronized (err) {
                err.printf(Locale.ROOT, "%-50s %3.0f %%%n", stage, fraction * 100);
                err.flush();
            }
        }
    }
}
