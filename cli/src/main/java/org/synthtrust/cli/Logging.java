package org.synthtrust.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * Configures the slf4j-simple backend through its system properties and writes crash logs.
 *
 * <p>slf4j-simple reads its properties once, when the first logger is created, so {@link #configure} must run
 * before any engine class logs; {@link Main} calls it before executing a command. Later invocations in the same
 * JVM (the tests) keep the first configuration; crash logs do not depend on it because {@link #writeCrashLog}
 * writes the file directly.
 */
final class Logging {
    private static final String PREFIX = "org.slf4j.simpleLogger.";
    private static boolean configured;

    private Logging() {
    }

    /**
     * Sets the log level and destination. By default only warnings reach standard error and Smile's per-tree
     * training lines and optimiser warnings are hidden; {@code --verbose} shows debug lines
     * including Smile's; {@code --log-file} sends everything from info up to the file.
     */
    static synchronized void configure(boolean quiet, boolean verbose, Path logFile) {
        if (configured) {
            return;
        }
        configured = true;
        String level = "warn";
        if (verbose) {
            level = "debug";
        } else if (logFile != null) {
            level = "info";
        } else if (quiet) {
            level = "error";
        }
        setIfAbsent("defaultLogLevel", level);
        // Smile's audit models log every tree at info and optimiser limits (L-BFGS iterations) at warn. The audit
        // reports on its models itself, so without --verbose only Smile's errors reach the user.
        setIfAbsent("log.smile", verbose ? "info" : "error");
        if (!verbose && logFile == null) {
            // A study logs every step and each failed candidate's stack trace into its own run.log. The command
            // prints the one-line errors, so a console copy of that log would only repeat them.
            setIfAbsent("log.org.synthtrust.trustindex.study.StudyLog", "off");
        }
        setIfAbsent("showDateTime", "true");
        setIfAbsent("dateTimeFormat", "yyyy-MM-dd'T'HH:mm:ss.SSSX");
        setIfAbsent("showShortLogName", "true");
        setIfAbsent("levelInBrackets", "true");
        if (logFile != null) {
            Path absolute = logFile.toAbsolutePath();
            try {
                if (absolute.getParent() != null) {
                    Files.createDirectories(absolute.getParent());
                }
            } catch (IOException e) {
                // No logger exists yet, so the warning goes straight to standard error. slf4j-simple 2.0 then
                // writes to standard error itself when it cannot open the file.
                System.err.println("warning: could not create the folder of log file " + absolute + ": "
                        + e.getMessage() + "; log lines go to standard error");
            }
            setIfAbsent("logFile", absolute.toString());
        } else {
            setIfAbsent("logFile", "System.err");
        }
    }

    private static void setIfAbsent(String key, String value) {
        if (System.getProperty(PREFIX + key) == null) {
            System.setProperty(PREFIX + key, value);
        }
    }

    /**
     * Appends the stack trace of an internal error to the log file (the one given with --log-file, or a new
     * file in the temporary folder) and returns its path, or null when no file could be written.
     */
    static Path writeCrashLog(Throwable error, Path logFile, String[] args) {
        Path target = logFile != null ? logFile.toAbsolutePath() : defaultCrashLog();
        StringWriter trace = new StringWriter();
        try (PrintWriter writer = new PrintWriter(trace)) {
            writer.println(DateTimeFormatter.ISO_INSTANT.format(Instant.now()) + " [ERROR] internal error in synthtrust "
                    + new VersionProvider().getVersion()[0].replace("synthtrust ", ""));
            writer.println("command: synthtrust " + String.join(" ", args));
            writer.println("java: " + System.getProperty("java.version") + " on " + System.getProperty("os.name"));
            error.printStackTrace(writer);
        }
        try {
            if (target.getParent() != null) {
                Files.createDirectories(target.getParent());
            }
            Files.writeString(target, trace.toString(), StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                    StandardOpenOption.APPEND);
            return target;
        } catch (IOException e) {
            return null;
        }
    }

    private static Path defaultCrashLog() {
        String stamp = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss", Locale.ROOT).withZone(ZoneOffset.UTC)
                .format(Instant.now());
        return Path.of(System.getProperty("java.io.tmpdir"),
                "synthtrust-error-" + stamp + "-" + ProcessHandle.current().pid() + ".log");
    }
}
