package org.synthtrust.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.synthtrust.app.project.Candidate;
import org.synthtrust.app.project.CandidateStatus;
import org.synthtrust.audit.AuditResult;
import org.synthtrust.trustindex.Ranking;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * A candidate with two repeats runs two independent private fits, each with its own ledger; the audit covers
 * both repeats and the trust index combines them into one candidate with a robustness score.
 */
@ExtendWith(ApplicationExtension.class)
class RepeatedFitsTest {
    private static final Path HEART = WorkbenchDriver.SAMPLE_DATA.resolve("heart_disease/heart_cleveland.csv");
    private static final Path HEART_SCHEMA = WorkbenchDriver.SAMPLE_DATA.resolve("heart_disease/schema.json");

    private MainWindow window;

    @TempDir
    Path temp;

    @Start
    void start(Stage stage) {
        window = new MainWindow(stage);
        window.show();
    }

    @Test
    void twoRepeatsRankedWithRobustness(FxRobot robot) throws Exception {
        WorkbenchDriver driver = new WorkbenchDriver(robot, window);
        driver.openCsv(HEART);
        robot.interact(() -> window.dataScreen().loadSchema(HEART_SCHEMA));
        driver.waitUntil(60, () -> driver.state().dataProperty().get().schema()
                == driver.state().schemaProperty().get());
        Candidate repeated = new Candidate("heart-ind", "independent", Map.of(), 1.0, 1e-9, 300, 2);
        robot.interact(() -> {
            driver.state().candidates().add(repeated);
            window.select(1);
        });
        driver.click("#run-queue");
        driver.waitUntil(300, () -> repeated.status() == CandidateStatus.FINISHED
                || repeated.status() == CandidateStatus.FAILED);
        assertThat(repeated.status()).as(repeated.messageProperty().get()).isEqualTo(CandidateStatus.FINISHED);

        List<Candidate.RepeatRun> runs = repeated.repeatRunsProperty().get();
        assertThat(runs).extracting(Candidate.RepeatRun::stem).containsExactly("heart-ind-r1", "heart-ind-r2");
        for (Candidate.RepeatRun run : runs) {
            assertThat(run.ledger()).isNotEmpty();
            assertThat(run.spentEpsilon()).isLessThanOrEqualTo(1.0 * (1 + 1e-9));
            assertThat(run.synthetic().rowCount()).isEqualTo(300);
        }
        assertThat(runs.get(0).ledger()).isNotSameAs(runs.get(1).ledger());
        assertThat(runs.get(0).synthetic()).isNotSameAs(runs.get(1).synthetic());
        robot.interact(() -> robot.lookup("#candidate-queue")
                .<javafx.scene.control.TableView<Candidate>>query().getSelectionModel().select(repeated));
        Label title = robot.lookup("#ledger-title").query();
        driver.waitUntil(10, () -> title.getText().contains("compose to ε"));

        robot.interact(() -> {
            window.select(2);
            driver.state().auditGroups().setAll(List.of("fidelity.column_shape", "privacy.dcr"));
        });
        driver.click("#run-audit");
        driver.waitUntil(300, () -> !driver.state().auditResults().isEmpty());
        AuditResult audit = driver.state().auditProperty().get();
        assertThat(audit.resultsFor("heart-ind-r1")).isNotEmpty();
        assertThat(audit.resultsFor("heart-ind-r2")).isNotEmpty();

        robot.interact(() -> window.select(3));
        driver.waitUntil(60, () -> driver.state().rankingProperty().get() != null);
        Ranking ranking = driver.state().rankingProperty().get();
        assertThat(ranking.candidates()).extracting(Ranking.CandidateScore::name).containsExactly("heart-ind");
        Ranking.PillarScore robustness = ranking.candidate("heart-ind").pillars().get("robustness");
        assertThat(robustness).isNotNull();
        assertThat(robustness.score()).isBetween(0.0, 1.0);

        // The saved project reopens with its repeats, and its stored audit still ranks with robustness.
        Path folder = temp.resolve("project");
        robot.interact(() -> window.saveProjectTo(folder));
        driver.waitUntil(60, () -> !driver.state().isDirty() && Files.isRegularFile(folder.resolve("study.json")));
        assertThat(Files.readString(folder.resolve("study.json"))).contains("heart-ind-r2");
        robot.interact(() -> driver.state().reset());
        robot.interact(() -> window.openProject(folder));
        driver.waitUntil(60, () -> driver.state().candidates().size() == 1);
        assertThat(driver.state().candidates().get(0).repeats()).isEqualTo(2);
        robot.interact(() -> window.select(3));
        driver.waitUntil(60, () -> driver.state().rankingProperty().get() != null
                && driver.state().rankingProperty().get().candidate("heart-ind").pillars().get("robustness") != null);
    }
}
