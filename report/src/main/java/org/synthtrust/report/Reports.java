package org.synthtrust.report;

import java.nio.file.Path;
import java.util.List;

/** Entry point for callers that render a study folder's reports, such as the run and report commands. */
public final class Reports {
    private Reports() { }

    /**
     * Builds the report model of {@code studyDir} and writes report.pdf, report.html and report.json into it.
     *
     * @param k small-cell threshold (see {@link SmallCells#DEFAULT_K})
     * @return the files written
     */
    public static List<Path> writeAll(Path studyDir, int k) {
        ReportModel model = ReportModelBuilder.fromStudyFolder(studyDir, k);
        Path pdf = studyDir.resolve("report.pdf");
        Path html = studyDir.resolve("report.html");
        Path json = studyDir.resolve("report.json");
        PdfRenderer.render(model, pdf);
        HtmlRenderer.render(model, html);
        ReportJson.write(model, json);
        return List.of(pdf, html, json);
    }
}
