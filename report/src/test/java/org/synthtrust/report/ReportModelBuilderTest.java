package org.synthtrust.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.synthtrust.core.InvalidInputException;

class ReportModelBuilderTest {
    @Test
    void studyFolderBuildsModel(@TempDir Path dir) throws Exception {
        StudyFolderFixture.write(dir, List.of("mst", "aim", "independent"));
        ReportModel model = ReportModelBuilder.fromStudyFolder(dir, 10);

        assertThat(model.cover().inputFile()).isEqualTo("adult.csv");
        assertThat(model.cover().recommended()).isNotNull();
        assertThat(model.data().rowsRounded()).isEqualTo(48800);
        assertThat(model.candidates()).extracting(ReportModel.Candidate::name).containsExactly("mst", "aim", "independent");
        assertThat(model.candidates().get(2).testMode()).isTrue();
        assertThat(model.candidates().get(0).ledger().entries()).hasSize(2);
        assertThat(model.candidates().get(0).ledger().totalEpsilon()).isEqualTo(0.5662);
        assertThat(model.trust().ranking()).hasSize(3);
        assertThat(model.cover().studyName()).isEqualTo("Adult income release");
        assertThat(model.cover().studyId()).startsWith("adult-study.yaml in ");
        assertThat(model.methods().limitations()).anyMatch(line -> line.contains("epsilon = 3 on the private data"));
        assertThat(model.data().columns()).filteredOn(c -> c.name().equals("hours_per_week"))
                .extracting(ReportModel.ColumnSummary::domain).containsExactly("bounds inferred (not shown)");
        for (ReportModel.PillarSection pillar : model.pillars()) {
            assertThat(pillar.metrics()).allSatisfy(m -> assertThat(m.chart()).isNull());
        }
    }

    @Test
    void canaryAndHashAbsentFromOutputs(@TempDir Path dir) throws Exception {
        StudyFolderFixture.write(dir, List.of("mst", "aim"));
        ReportModel model = ReportModelBuilder.fromStudyFolder(dir, 10);
        String pdf = PdfReportTest.extract(PdfRenderer.render(model), 1, Integer.MAX_VALUE);
        String html = HtmlRenderer.render(model);
        String json = ReportJson.toJson(model);
        for (String output : new String[] {pdf, html, json}) {
            // The occupation canary is a declared category, so the builder must not list categories either.
            assertThat(output).doesNotContain(ReportFixtures.CANARY_VALUE);
            assertThat(output).doesNotContain(ReportFixtures.CANARY_COMBINATION);
            assertThat(output).doesNotContain(StudyFolderFixture.INPUT_HASH);
            assertThat(output).doesNotContain("/home/analyst");
            assertThat(output).doesNotContain("32561");
            assertThat(output).doesNotContain("48842");
        }
        assertThat(pdf).contains("Per-column fidelity.detection.auc");
        assertThat(pdf).contains("ROC of privacy.mia.distance.auc, low-FPR zoom");
        assertThat(pdf).contains("1 group(s) with fewer than 10 real records omitted");
        assertThat(pdf).contains("Representation by native-country");
        assertThat(pdf).contains("Positive outcome rate by native-");
        assertThat(pdf).contains("United-States");
    }

    @Test
    void smallGroupInReasonRedacted() {
        String reason = "excluded below the minimum group size 5: native-country=Holand-Netherlands (1 real rows); "
                + "kept: sex=Female (10771 real rows)";
        String redacted = PillarCharts.redact(reason, 10);
        assertThat(redacted).doesNotContain("Holand-Netherlands");
        assertThat(redacted).contains("a group with < 10 real rows");
        assertThat(redacted).contains("sex=Female (10771 real rows)");
    }

    @Test
    void groupKeyedBreakdownDropped() {
        org.synthtrust.audit.MetricResult byGroup = new org.synthtrust.audit.MetricResult("fairness.x", "mst",
                org.synthtrust.audit.Pillar.FAIRNESS, org.synthtrust.audit.Direction.LOWER_IS_BETTER, 0.1, null, null,
                org.synthtrust.audit.MetricStatus.OK, null, java.util.Map.of("native-country=Holand-Netherlands", 3e-5),
                null);
        assertThat(PillarCharts.isPerColumn(byGroup, null)).isFalse();
    }

    @Test
    void missingAuditRejected(@TempDir Path dir) {
        assertThatThrownBy(() -> ReportModelBuilder.fromStudyFolder(dir, 10))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("audit.json not found");
    }

    @Test
    void invalidKRejected(@TempDir Path dir) {
        assertThatThrownBy(() -> ReportModelBuilder.fromStudyFolder(dir, 0))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("k = 0");
    }
}
