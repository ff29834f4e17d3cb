package org.synthtrust.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.synthtrust.core.InvalidInputException;

/**
 * Estimates, from the input file's size, the heap a command needs, and stops before any work when the JVM's
 * maximum heap is clearly too small, naming the {@code -Xmx} to use instead. Failing after an hour with an
 * OutOfMemoryError is the alternative.
 *
 * <p>The estimate is deliberately simple: a fixed base for the engine and the audit models, plus a multiple of
 * the CSV size. A parsed table takes about as much memory as its CSV text (8-byte numbers, 4-byte category
 * codes, per-column arrays); a study keeps the table, its train/holdout split, the encoded training columns and
 * every synthetic table until the audit, and the audit adds its model matrices.
 */
final class HeapCheck {
    private static final long MIB = 1024L * 1024L;
    /** Engine, Smile models and audit working memory that does not grow with the input, in bytes. */
    static final long BASE_BYTES = 256 * MIB;
    /** Copies of the input a study keeps: table, split, encoded columns, audit matrices. */
    static final double INPUT_COPIES = 4.0;
    /** Copies per synthetic table kept for the audit (a table the size of the input, plus its encoding). */
    static final double COPIES_PER_SYNTHETIC = 1.5;

    private HeapCheck() {
    }

    /** Bytes of heap estimated for an input of {@code fileBytes} and {@code syntheticTables} synthetic tables. */
    static long estimate(long fileBytes, int syntheticTables) {
        double copies = INPUT_COPIES + COPIES_PER_SYNTHETIC * Math.max(0, syntheticTables);
        return BASE_BYTES + (long) Math.ceil(copies * fileBytes);
    }

    /**
     * Throws {@link InvalidInputException} (exit 2) when the estimate exceeds {@code maxHeapBytes}; the message
     * gives the estimate and the {@code -Xmx} value (rounded up to whole GiB) that fits it.
     */
    static void require(Path input, int syntheticTables, long maxHeapBytes, String what) {
        long size;
        try {
            size = Files.size(input);
        } catch (IOException e) {
            return; // The reader reports a missing or unreadable file with its own message.
        }
        long needed = estimate(size, syntheticTables);
        if (needed <= maxHeapBytes) {
            return;
        }
        long gib = (needed + 1024 * MIB - 1) / (1024 * MIB);
        throw new InvalidInputException(String.format(Locale.ROOT,
                "%s needs about %,d MiB of heap for %s (%,d MiB) and %d synthetic table(s), but this Java allows "
                        + "%,d MiB; run it again with a larger heap, for example: java -Xmx%dg -jar synthtrust.jar "
                        + "... (or set JAVA_TOOL_OPTIONS=-Xmx%dg), or add --skip-heap-check to try anyway",
                what, needed / MIB, input, size / MIB, syntheticTables, maxHeapBytes / MIB, gib, gib));
    }
}
