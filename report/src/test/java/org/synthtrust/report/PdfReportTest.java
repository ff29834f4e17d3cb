package org.synthtrust.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAnnotation;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAnnotationLink;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Reads the rendered PDF back with PDFBox and checks it against the model it came from. */
class PdfReportTest {
    private static ReportModel model;
    private static byte[] pdf;
    private static String text;

    @BeforeAll
    static void render() throws IOException {
        model = ReportFixtures.adult(3, 10);
        pdf = PdfRenderer.render(model);
        text = extract(pdf, 1, Integer.MAX_VALUE);
    }

    static String extract(byte[] bytes, int from, int to) throws IOException {
        try (PDDocument doc = Loader.loadPDF(bytes)) {
            PDFTextStripper stripper = new PDFTextStripper();
            stripper.setStartPage(from);
            stripper.setEndPage(Math.min(to, doc.getNumberOfPages()));
            // Line breaks inside wrapped paragraphs and chart titles become single spaces.
            return stripper.getText(doc).replaceAll("\\s+", " ");
        }
    }

    @Test
    void everySectionPresent() {
        assertThat(text).contains("Contents");
        assertThat(text).contains("1 " + ReportLayout.DATA);
        assertThat(text).contains("2 " + ReportLayout.CANDIDATES);
        assertThat(text).contains("3 " + ReportLayout.TRUST);
        assertThat(text).contains("4 Fidelity");
        assertThat(text).contains("5 Utility");
        assertThat(text).contains("6 Fairness");
        assertThat(text).contains("7 Privacy");
        assertThat(text).contains("8 " + ReportLayout.METHODS);
    }

    @Test
    void coverNamesRecommendedCandidate() throws IOException {
        String cover = extract(pdf, 1, 1);
        assertThat(cover).contains("Recommended candidate: " + model.cover().recommended());
        assertThat(cover).contains("not covered by differential privacy");
        assertThat(cover).contains("adult.csv");
        assertThat(cover).contains(model.cover().studyId());
        assertThat(cover).contains(model.cover().version());
    }

    @Test
    void ledgerNumbersEqualModel() {
        for (ReportModel.Candidate candidate : model.candidates()) {
            ReportModel.Ledger ledger = candidate.ledger();
            assertThat(text).contains("Total: epsilon = " + Fmt.num(ledger.totalEpsilon()) + " at delta = "
                    + Fmt.num(ledger.delta()));
            assertThat(text).contains("composed over " + ledger.entries().size() + " ledger entries");
            for (ReportModel.LedgerRow row : ledger.entries()) {
                assertThat(text).contains(row.query());
                assertThat(text).contains(Fmt.num(row.cost()));
                assertThat(text).contains(Fmt.num(row.runningEpsilon()));
            }
            // The last running epsilon is the composed total: the entries sum to what the cover promises.
            assertThat(ledger.entries().get(ledger.entries().size() - 1).runningEpsilon())
                    .isEqualTo(ledger.totalEpsilon());
        }
    }

    @Test
    void testModeMarkedNotPrivate() {
        assertThat(text).contains("NOT PRIVATE (seeded test mode)");
        assertThat(text).contains("NOT PRIVATE: this candidate was produced in seeded test mode");
    }

    @Test
    void chartLabelsAreText() {
        assertThat(text).contains("Membership attack ROC, low-FPR zoom");
        assertThat(text).contains("false positive rate");
        assertThat(text).contains("Per-column score, sorted ascending");
        assertThat(text).contains("TRTR (real)");
        assertThat(text).contains("Pillar scores of mst");
        assertThat(text).contains("Correlation difference");
        assertThat(text).contains("Empirical epsilon lower bound against claimed epsilon");
        assertThat(text).contains("Distance to closest record (DCR)");
    }

    @Test
    void canaryAbsentFromPdf() {
        assertThat(text).doesNotContain(ReportFixtures.CANARY_VALUE);
        assertThat(text).doesNotContain(ReportFixtures.CANARY_COMBINATION);
        assertThat(text).doesNotContain("Tuvalu");
        assertThat(new String(pdf, java.nio.charset.StandardCharsets.ISO_8859_1))
                .doesNotContain(ReportFixtures.CANARY_VALUE);
    }

    @Test
    void smallCountsShownAsBelowK() {
        assertThat(text).contains("< 10");
        assertThat(text).contains("1 group(s) with fewer than 10 real records omitted");
        assertThat(text).contains("48,800");
        assertThat(text).doesNotContain("48,842");
    }

    @Test
    void thresholdKConfigurable() throws IOException {
        String k20 = extract(PdfRenderer.render(ReportFixtures.adult(3, 20)), 1, Integer.MAX_VALUE);
        assertThat(k20).contains("< 20");
        assertThat(k20).contains("k = 20");
    }

    @Test
    void wideTableKeepsAllColumns() throws IOException {
        String wide = extract(PdfRenderer.render(ReportFixtures.adult(3, 10, 120)), 1, Integer.MAX_VALUE);
        for (int i = 1; i <= 120; i++) {
            assertThat(wide).contains(String.format("col_%03d", i));
        }
        assertThat(wide).contains("of 121)");
    }

    @Test
    void metadataAndLinksPresent() throws IOException {
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            PDDocumentInformation info = doc.getDocumentInformation();
            assertThat(info.getTitle()).contains(model.cover().studyName());
            assertThat(info.getAuthor()).startsWith("SynthTrust");
            assertThat(info.getSubject()).contains(model.cover().studyId());
            assertThat(doc.getDocumentCatalog().getDocumentOutline().children()).hasSize(8);
            String xmp = new String(doc.getDocumentCatalog().getMetadata().toByteArray(),
                    java.nio.charset.StandardCharsets.UTF_8);
            assertThat(xmp).contains("<dc:title>", model.cover().studyName(), "<dc:creator>");
            List<PDAnnotation> links = new ArrayList<>();
            for (PDAnnotation annotation : doc.getPage(1).getAnnotations()) {
                if (annotation instanceof PDAnnotationLink) {
                    links.add(annotation);
                }
            }
            assertThat(links).hasSizeGreaterThanOrEqualTo(8 + model.candidates().size());
            assertThat(doc.getNumberOfPages()).isGreaterThan(8);
        }
        assertThat(text).contains("page 1 of ");
    }

    @Test
    void missingGlyphsBecomePlaceholders() throws IOException {
        ReportModel base = ReportFixtures.adult(2, 10);
        ReportModel.Cover cover = base.cover();
        ReportModel cjk = new ReportModel(base.formatVersion(), new ReportModel.Cover("Étude 研究 Ωmega", cover.studyId(),
                cover.date(), cover.inputFile(), cover.version(), cover.dpNotice(), cover.recommended(), cover.verdict()),
                base.disclosure(), base.data(), base.candidates(), base.trust(), base.pillars(), base.methods());
        String rendered = extract(PdfRenderer.render(cjk), 1, Integer.MAX_VALUE);
        assertThat(rendered).contains("Étude " + ReportFonts.PLACEHOLDER + ReportFonts.PLACEHOLDER + " Ωmega");
        assertThat(rendered).contains("U+7814, U+7A76");
        assertThat(HtmlRenderer.render(cjk)).contains("Étude 研究 Ωmega");
    }
}
