package org.synthtrust.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** Writes the five-candidate example report to target/report-example for visual checks with pdftoppm. */
class ReportRenderTest {
    @Test
    void fiveCandidateExampleWritten() throws Exception {
        ReportModel model = ReportFixtures.adult(5, 10);
        Path dir = Path.of("target/report-example");
        Files.createDirectories(dir);
        PdfRenderer.render(model, dir.resolve("report.pdf"));
        HtmlRenderer.render(model, dir.resolve("report.html"));
        ReportJson.write(model, dir.resolve("report.json"));
        assertThat(dir.resolve("report.pdf")).isNotEmptyFile();
        assertThat(ReportJson.read(dir.resolve("report.json"))).isEqualTo(model);
    }
}
