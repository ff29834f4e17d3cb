package org.synthtrust.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReportCommandTest {
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        return Main.run(args, new PrintWriter(out, true), new PrintWriter(err, true));
    }

    @Test
    void missingAuditExitsTwo(@TempDir Path dir) {
        assertThat(run("report", dir.toString())).isEqualTo(Main.EXIT_INVALID_INPUT);
        assertThat(err.toString()).contains("audit.json not found");
    }

    @Test
    void invalidFormatExitsTwo(@TempDir Path dir) {
        assertThat(run("report", dir.toString(), "--format", "docx")).isEqualTo(Main.EXIT_INVALID_INPUT);
        assertThat(err.toString()).contains("--format docx is invalid");
    }

    @Test
    void writesAllThreeFormats(@TempDir Path dir) throws Exception {
        // A minimal study folder: one candidate audited as given, no ranking yet.
        Files.writeString(dir.resolve("audit.json"), """
                {"provenance": {"tool_version": "0.1.0-SNAPSHOT", "created_at": "2026-12-04T20:00:00Z"},
                 "candidates": ["mst"],
                 "results": [{"id": "utility.tstr.auc", "candidate": "mst", "pillar": "utility",
                              "direction": "higher_is_better", "value": 0.8421, "status": "ok"}]}
                """);
        assertThat(run("report", dir.toString())).isEqualTo(Main.EXIT_OK);
        assertThat(dir.resolve("report.pdf")).isNotEmptyFile();
        assertThat(dir.resolve("report.html")).content().contains("0.8421");
        assertThat(dir.resolve("report.json")).content().contains("\"format_version\"").doesNotContain("NaN");
        assertThat(out.toString()).contains("report.pdf", "report.html", "report.json");

        Path single = dir.resolve("audit-report.html");
        assertThat(run("report", dir.toString(), "--out", single.toString())).isEqualTo(Main.EXIT_OK);
        assertThat(single).content().contains("<!DOCTYPE html>");
    }
}
