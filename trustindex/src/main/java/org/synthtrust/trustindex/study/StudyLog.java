package org.synthtrust.trustindex.study;

import java.io.BufferedWriter;
import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The study's {@code run.log}: one timestamped line per event, appended so a resumed run continues the log.
 * Every line also goes to SLF4J. Lines name candidates, methods and budgets, never values of the private data.
 */
final class StudyLog implements Closeable {
    private static final Logger LOG = LoggerFactory.getLogger(StudyLog.class);

    private final BufferedWriter writer;

    StudyLog(Path file) {
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            writer = Files.newBufferedWriter(file, StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                    StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open the study log " + file + ": " + e.getMessage(), e);
        }
    }

    synchronized void info(String message) {
        LOG.info(message);
        write("INFO ", message);
    }

    synchronized void warn(String message) {
        LOG.warn(message);
        write("WARN ", message);
    }

    synchronized void error(String message, Throwable error) {
        LOG.error(message, error);
        write("ERROR", message + ": " + error);
    }

    private void write(String level, String message) {
        try {
            writer.write(Instant.now().truncatedTo(ChronoUnit.MILLIS) + " " + level + " " + message);
            writer.newLine();
            writer.flush();
        } catch (IOException e) {
            LOG.warn("cannot append to run.log: {}", e.toString());
        }
    }

    @Override
    public synchronized void close() {
        try {
            writer.close();
        } catch (IOException e) {
            LOG.warn("cannot close run.log: {}", e.toString());
        }
    }
}
