package org.synthtrust.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;

class HtmlJsonReportTest {
    private final ReportModel model = ReportFixtures.adult(3, 10);

    @Test
    void htmlIsWellFormed() throws Exception {
        String html = HtmlRenderer.render(model);
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        Document doc = factory.newDocumentBuilder().parse(new ByteArrayInputStream(html.getBytes(StandardCharsets.UTF_8)));
        assertThat(doc.getElementsByTagName("h2").getLength()).isEqualTo(9);
        assertThat(doc.getElementsByTagNameNS("http://www.w3.org/2000/svg", "svg").getLength())
                .isEqualTo(countCharts(model));
        assertThat(html).doesNotContain("<script");
        assertThat(html).doesNotContain("src=\"http");
    }

    @Test
    void htmlHasSameNumbers() {
        String html = HtmlRenderer.render(model);
        assertThat(html).contains("Recommended candidate: " + model.cover().recommended());
        for (ReportModel.Candidate candidate : model.candidates()) {
            assertThat(html).contains("Total: epsilon = " + Fmt.num(candidate.ledger().totalEpsilon()));
            for (ReportModel.LedgerRow row : candidate.ledger().entries()) {
                assertThat(html).contains("<td>" + Fmt.num(row.cost()) + "</td>");
                assertThat(html).contains("<td>" + Fmt.num(row.runningEpsilon()) + "</td>");
            }
        }
        assertThat(html).contains("48,800");
        assertThat(html).contains("&lt; 10");
    }

    @Test
    void canaryAbsentFromHtmlAndJson() {
        String html = HtmlRenderer.render(model);
        String json = ReportJson.toJson(model);
        for (String output : new String[] {html, json}) {
            assertThat(output).doesNotContain(ReportFixtures.CANARY_VALUE);
            assertThat(output).doesNotContain(ReportFixtures.CANARY_COMBINATION);
            assertThat(output).doesNotContain("Tuvalu");
        }
    }

    @Test
    void jsonRoundTripsWithSnakeCase(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("report.json");
        ReportJson.write(model, file);
        String json = Files.readString(file);
        assertThat(json).contains("\"format_version\"", "\"rows_rounded\"", "\"total_epsilon\"",
                "\"running_epsilon\"", "\"probability_first\"", "\"pillar_scores\"", "\"dp_notice\"");
        assertThat(json).doesNotContain("\"rowsRounded\"");
        assertThat(ReportJson.read(file)).isEqualTo(model);
    }

    @Test
    void smallGroupsHaveNoRate() {
        for (ReportModel.PillarSection pillar : model.pillars()) {
            for (ReportModel.Chart chart : pillar.charts()) {
                if (chart.categories() != null) {
                    assertThat(chart.categories()).doesNotContain(ReportFixtures.CANARY_COMBINATION,
                            ReportFixtures.CANARY_VALUE);
                }
            }
        }
        ReportModel.Chart chart = SmallCells.groupRates("rates", java.util.List.of("a", "b", "c"),
                new long[] {50, 9, 10}, new double[] {0.1, 0.9, 0.3}, new double[] {0.2, 0.8, 0.3}, 10);
        assertThat(chart.categories()).containsExactly("a", "c");
        assertThat(chart.series().get(0).values()).containsExactly(0.1, 0.3);
        assertThat(chart.note()).contains("< 10");
    }

    @Test
    void mergedSmallBinsBelowKNotDrawn() {
        ReportModel.Chart chart = SmallCells.distribution("d", "x", java.util.List.of("a", "b", "c", "d"),
                new long[] {100, 3, 4, 93}, new long[] {90, 5, 5, 100}, 10);
        assertThat(chart.categories()).containsExactly("a", "d", "other bins (< 10 each)");
        assertThat(chart.series().get(0).values().get(2)).isNull();
        assertThat(chart.series().get(0).values().get(0)).isEqualTo(0.5);
    }

    @Test
    void countsRoundedAndSuppressed() {
        assertThat(SmallCells.roundToHundred(48842)).isEqualTo(48800);
        assertThat(SmallCells.roundToHundred(48850)).isEqualTo(48900);
        assertThat(SmallCells.count(0, 10)).isEqualTo("0");
        assertThat(SmallCells.count(9, 10)).isEqualTo("< 10");
        assertThat(SmallCells.count(10, 10)).isEqualTo("10");
    }

    private static int countCharts(ReportModel model) {
        int n = model.trust().charts().size();
        for (ReportModel.PillarSection pillar : model.pillars()) {
            n += pillar.charts().size();
        }
        return n;
    }
}
