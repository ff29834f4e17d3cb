package org.synthtrust.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.synthtrust.app.project.Candidate;
import org.synthtrust.app.project.CandidateStatus;
import org.synthtrust.app.project.LedgerLine;
import org.synthtrust.audit.AuditResult;
import org.synthtrust.audit.Direction;
import org.synthtrust.audit.MetricResult;
import org.synthtrust.audit.MetricStatus;
import org.synthtrust.audit.Pillar;
import org.synthtrust.core.table.CategoricalColumn;
import org.synthtrust.core.table.Table;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** A saved project reopens with its candidates, ledgers and audit results, and nothing is recomputed. */
@ExtendWith(ApplicationExtension.class)
class ReopenProjectTest {
    private MainWindow window;

    @TempDir
    Path temp;

    @Start
    void start(Stage stage) {
        window = new MainWindow(stage);
        window.show();
    }

    @Test
    void savedProjectReopens(FxRobot robot) throws Exception {
        WorkbenchDriver driver = new WorkbenchDriver(robot, window);
        driver.openCsv(WorkbenchDriver.SAMPLE_DATA.resolve("heart_disease/heart_cleveland.csv"));
        Candidate finished = new Candidate("ind-e1", "independent", Map.of(), 1.0, 1e-9, 50, 1);
        Table synthetic = new Table(List.of(CategoricalColumn.ofValues("sex", new String[] {"1", "0", "1"})));
        MetricResult result = new MetricResult("fidelity.column_shape.tv_complement", "ind-e1", Pillar.FIDELITY,
                Direction.HIGHER_IS_BETTER, 0.9, null, null, MetricStatus.OK, null, null, null);
        robot.interact(() -> {
            finished.statusProperty().set(CandidateStatus.FINISHED);
            finished.syntheticProperty().set(synthetic);
            finished.ledgerProperty().set(List.of(new LedgerLine("gaussian", "1-way marginal sex", "zcdp_rho",
                    0.01, 0.5)));
            finished.spentEpsilonProperty().set(0.5);
            driver.state().candidates().add(finished);
            driver.state().auditProperty().set(new AuditResult(null, List.of("ind-e1"), Map.of(), List.of(result)));
            driver.state().weight("privacy").set(3);
        });
        Path folder = temp.resolve("project");
        robot.interact(() -> window.saveProjectTo(folder));
        driver.waitUntil(30, () -> !driver.state().isDirty() && Files.isRegularFile(folder.resolve("study.json")));
        assertThat(folder.resolve("synthetic/ind-e1.csv")).exists();
        assertThat(folder.resolve("schema.json")).exists();

        robot.interact(() -> driver.state().reset());
        robot.interact(() -> window.openProject(folder));
        driver.waitUntil(30, () -> driver.state().candidates().size() == 1);

        Candidate reopened = driver.state().candidates().get(0);
        assertThat(reopened.status()).isEqualTo(CandidateStatus.FINISHED);
        assertThat(reopened.ledgerProperty().get()).hasSize(1);
        assertThat(reopened.syntheticProperty().get().rowCount()).isEqualTo(3);
        assertThat(driver.state().auditResults()).containsExactly(result);
        assertThat(driver.state().weight("privacy").get()).isEqualTo(3.0);
        assertThat(driver.state().dataProperty().get().table().rowCount()).isEqualTo(303);
        assertThat(driver.state().isDirty()).isFalse();
    }

    @Test
    void autosaveWritesChanges(FxRobot robot) throws Exception {
        WorkbenchDriver driver = new WorkbenchDriver(robot, window);
        Path folder = temp.resolve("autosaved");
        robot.interact(() -> window.saveProjectTo(folder));
        driver.waitUntil(30, () -> !driver.state().isDirty() && Files.isRegularFile(folder.resolve("study.json")));

        robot.interact(() -> driver.state().weight("fairness").set(4));
        assertThat(driver.state().isDirty()).isTrue();
        // The autosave fires two seconds after the last change and writes study.json in the background.
        driver.waitUntil(30, () -> !driver.state().isDirty()
                && Files.readString(folder.resolve("study.json")).contains("\"fairness\" : 4.0"));
    }
}
