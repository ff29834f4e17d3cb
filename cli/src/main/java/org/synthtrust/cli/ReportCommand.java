package org.synthtrust.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.synthtrust.core.InvalidInputException;
import org.synthtrust.report.HtmlRenderer;
import org.synthtrust.report.PdfRenderer;
import org.synthtrust.report.ReportJson;
import org.synthtrust.report.ReportModel;
import org.synthtrust.report.ReportModelBuilder;
import org.synthtrust.report.SmallCells;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code synthtrust report DIR}: renders the audit report of a study folder as PDF, HTML and JSON. */
@Command(name = "report",
        mixinStandardHelpOptions = true,
        description = "Render the audit report of a study folder (default: report.pdf, report.html and "
                + "report.json into the folder).")
public final class ReportCommand implements Callable<Integer> {
    @Spec
    private CommandSpec spec;

    @Parameters(index = "0", paramLabel = "DIR", description = "Study folder written by 'run' or 'audit'.")
    private Path dir;

    @Option(names = "--format", paramLabel = "FORMAT",
            description = "Output format: pdf, html or json. Default: all three (or the extension of --out).")
    private String format;

    @Option(names = "--out", paramLabel = "FILE",
            description = "Output file for one format. Default: DIR/report.FORMAT.")
    private Path out;

    @Option(names = "--k", paramLabel = "N", defaultValue = "10",
            description = "Small-cell threshold: counts, groups and bins with fewer than N real records are "
                    + "shown as '< N' (default: ${DEFAULT-VALUE}).")
    private int k = SmallCells.DEFAULT_K;

    @Override
    public Integer call() {
        List<String> formats = formats();
        ReportModel model = ReportModelBuilder.fromStudyFolder(dir, k);
        for (String f : formats) {
            Path file = out != null ? out : dir.resolve("report." + f);
            if (out != null && Files.isDirectory(out)) {
                throw new InvalidInputException("--out " + out + " is a folder; pass a file name such as "
                        + out.resolve("report." + f));
            }
            switch (f) {
                case "pdf" -> PdfRenderer.render(model, file);
                case "html" -> HtmlRenderer.render(model, file);
                default -> ReportJson.write(model, file);
            }
            spec.commandLine().getOut().println("wrote " + file);
        }
        return Main.EXIT_OK;
    }

    private List<String> formats() {
        String chosen = format;
        if (chosen == null && out != null) {
            String name = out.getFileName().toString().toLowerCase(Locale.ROOT);
            int dot = name.lastIndexOf('.');
            chosen = dot < 0 ? null : name.substring(dot + 1);
            if (chosen == null || !List.of("pdf", "html", "json").contains(chosen)) {
                throw new InvalidInputException("--out " + out + ": cannot tell the format from the file name; "
                        + "add --format pdf, html or json");
            }
        }
        if (chosen == null) {
            return List.of("pdf", "html", "json");
        }
        chosen = chosen.toLowerCase(Locale.ROOT);
        if (!List.of("pdf", "html", "json").contains(chosen)) {
            throw new InvalidInputException("--format " + format + " is invalid; use pdf, html or json");
        }
        return List.of(chosen);
    }
}
