package org.synthtrust.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.synthtrust.app.project.Candidate;
import org.synthtrust.app.project.CandidateStatus;
import org.synthtrust.report.ReportModel;
import org.synthtrust.report.ReportModelBuilder;
import org.synthtrust.trustindex.study.StudyRanker;
import org.synthtrust.trustindex.study.StudyRanking;
import org.synthtrust.trustindex.study.StudyRecord;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** A saved workbench project is a study folder that the engine's ranker and report builder accept. */
@ExtendWith(ApplicationExtension.class)
class ProjectStudyFolderTest {
    private MainWindow window;

    @TempDir
    Path temp;

    @Start
    void start(Stage stage) {
        window = new MainWindow(stage);
        window.show();
    }

    @Test
    void savedProjectBuildsReport(FxRobot robot) throws Exception {
        WorkbenchDriver driver = new WorkbenchDriver(robot, window);
        driver.openCsv(WorkbenchDriver.SAMPLE_DATA.resolve("heart_disease/heart_cleveland.csv"));
        robot.interact(() -> window.dataScreen().loadSchema(
                WorkbenchDriver.SAMPLE_DATA.resolve("heart_disease/schema.json")));
        driver.waitUntil(60, () -> driver.state().schemaProperty().get() != null
                && driver.state().dataProperty().get().schema() == driver.state().schemaProperty().get());
        robot.interact(() -> {
            driver.state().candidates().add(new Candidate("ind-e1", "independent", Map.of(), 1.0, 1e-6, 300, 1));
            driver.state().candidates().add(new Candidate("ind-e5", "independent", Map.of(), 5.0, 1e-6, 300, 1));
            window.select(1);
        });
        driver.click("#run-queue");
        driver.waitUntil(300, () -> driver.state().candidates().stream()
                .allMatch(candidate -> candidate.status() == CandidateStatus.FINISHED));
        robot.interact(() -> {
            window.select(2);
            driver.state().auditGroups().setAll("fidelity.column_shape", "privacy.dcr");
        });
        driver.click("#run-audit");
        driver.waitUntil(300, () -> !driver.state().auditResults().isEmpty());

        Path folder = temp.resolve("project");
        robot.interact(() -> window.saveProjectTo(folder));
        driver.waitUntil(60, () -> !driver.state().isDirty() && Files.isRegularFile(folder.resolve("study.json"))
                && Files.isRegularFile(folder.resolve("audit.json")));

        StudyRecord record = StudyRanker.readRecord(folder);
        assertThat(record.candidates()).extracting(StudyRecord.CandidateRecord::stems)
                .containsExactly(java.util.List.of("ind-e1"), java.util.List.of("ind-e5"));
        assertThat(record.input().trainRows() + record.input().holdoutRows()).isEqualTo(303);

        StudyRanking ranking = StudyRanker.rankFolder(folder, StudyRanker.settingsOf(record));
        assertThat(ranking.ranking().candidates()).hasSize(2);
        assertThat(ranking.ranking().candidates()).allMatch(score -> score.index() != null);

        ReportModel model = ReportModelBuilder.fromStudyFolder(folder, 10);
        assertThat(model.candidates()).extracting(ReportModel.Candidate::name).containsExactly("ind-e1", "ind-e5");
        assertThat(model.candidates()).allMatch(candidate -> "independent".equals(candidate.method()));
        assertThat(model.candidates()).allMatch(candidate -> candidate.ledger() != null);

        // The workbench reopens its own state from the same file.
        robot.interact(() -> driver.state().reset());
        robot.interact(() -> window.openProject(folder));
        driver.waitUntil(60, () -> driver.state().candidates().size() == 2);
        assertThat(driver.state().candidates().get(0).status()).isEqualTo(CandidateStatus.FINISHED);
    }
}
