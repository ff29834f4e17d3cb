package org.synthtrust.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;

class ReportRenderTest {
    @Test
    void renderSmoke() throws Exception {
        ReportModel model = ReportFixtures.adult(3, 10);
        byte[] pdf = PdfRenderer.render(model);
        Path dir = Path.of("target/report-smoke");
        Files.createDirectories(dir);
        Files.write(dir.resolve("report.pdf"), pdf);
        Files.writeString(dir.resolve("report.html"), HtmlRenderer.render(model));
        Files.writeString(dir.resolve("report.json"), ReportJson.toJson(model));
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            String text = new PDFTextStripper().getText(doc);
            assertThat(text).contains("Trust index");
        }
    }
}
