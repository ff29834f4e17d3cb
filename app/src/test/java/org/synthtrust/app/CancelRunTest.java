package org.synthtrust.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.synthtrust.app.project.Candidate;
import org.synthtrust.app.project.CandidateStatus;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** Cancelling a running fit stops the engine at its next check and releases nothing. */
@ExtendWith(ApplicationExtension.class)
class CancelRunTest {
    private MainWindow window;

    @Start
    void start(Stage stage) {
        window = new MainWindow(stage);
        window.show();
    }

    @Test
    void cancelMidRun(FxRobot robot) throws Exception {
        WorkbenchDriver driver = new WorkbenchDriver(robot, window);
        driver.openCsv(WorkbenchDriver.ADULT);
        robot.interact(() -> window.dataScreen().loadSchema(WorkbenchDriver.ADULT_SCHEMA));
        driver.waitUntil(60, () -> driver.state().dataProperty().get().schema()
                == driver.state().schemaProperty().get());
        // Many mirror-descent iterations keep the fit busy long enough to cancel it while it runs.
        Candidate slow = new Candidate("mst-slow", "mst", Map.of("iterations", "200000"), 1.0, 1e-9, null, 1);
        robot.interact(() -> {
            driver.state().candidates().add(slow);
            window.select(1);
        });
        driver.click("#run-queue");
        driver.waitUntil(120, () -> slow.status() == CandidateStatus.RUNNING);
        driver.click("#cancel-mst-slow");
        driver.waitUntil(120, () -> slow.status() == CandidateStatus.CANCELLED);

        assertThat(slow.syntheticProperty().get()).isNull();
        assertThat(slow.ledgerProperty().get()).isEmpty();
        assertThat(slow.stageProperty().get()).isEqualTo("cancelled");
    }
}
