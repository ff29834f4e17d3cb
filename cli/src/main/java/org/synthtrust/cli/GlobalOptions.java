package org.synthtrust.cli;

import java.nio.file.Path;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

/**
 * Options every command accepts, before or after the command name ({@code synthtrust --quiet run …} and
 * {@code synthtrust run … --quiet} mean the same). Declared once on {@link Main} and inherited by the
 * subcommands.
 */
final class GlobalOptions {
    /** Display of progress on standard error. */
    enum ProgressMode { AUTO, BAR, LINES, NONE }

    @Option(names = {"-q", "--quiet"}, scope = ScopeType.INHERIT,
            description = "Print no progress and no informational lines on standard error; warnings and errors "
                    + "still appear.")
    boolean quiet;

    @Option(names = {"-v", "--verbose"}, scope = ScopeType.INHERIT,
            description = "Log the engine's steps (debug level), including the per-tree lines of the audit models.")
    boolean verbose;

    @Option(names = "--log-file", paramLabel = "FILE", scope = ScopeType.INHERIT,
            description = "Write the log (info level, debug with --verbose) and the stack trace of an internal "
                    + "error to FILE instead of standard error.")
    Path logFile;

    @Option(names = "--progress", paramLabel = "MODE", scope = ScopeType.INHERIT, defaultValue = "auto",
            description = "Progress display: auto (a bar on a terminal, periodic lines otherwise), bar, lines or "
                    + "none (default: ${DEFAULT-VALUE}).",
            converter = ProgressModeConverter.class)
    ProgressMode progress = ProgressMode.AUTO;

    /** Accepts the mode in any case, so {@code --progress lines} and {@code --progress LINES} both work. */
    static final class ProgressModeConverter implements picocli.CommandLine.ITypeConverter<ProgressMode> {
        @Override
        public ProgressMode convert(String value) {
            try {
                return ProgressMode.valueOf(value.trim().toUpperCase(java.util.Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new picocli.CommandLine.TypeConversionException("'" + value
                        + "' is not a progress mode; use auto, bar, lines or none");
            }
        }
    }
}
