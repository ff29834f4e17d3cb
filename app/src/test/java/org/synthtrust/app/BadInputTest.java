package org.synthtrust.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import javafx.scene.control.ComboBox;
import javafx.scene.control.DialogPane;
import javafx.scene.control.TextField;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.synthtrust.app.common.Engine;
import org.synthtrust.app.project.LoadedData;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** Bad input gives a dialog with the engine's message, and the user's state stays as it was. */
@ExtendWith(ApplicationExtension.class)
class BadInputTest {
    private MainWindow window;
    private WorkbenchDriver driver;

    @TempDir
    Path temp;

    @Start
    void start(Stage stage) {
        window = new MainWindow(stage);
        window.show();
    }

    @AfterEach
    void closeDialogs() {
        if (driver != null) {
            driver.closeDialogs();
        }
    }

    @Test
    void malformedCsvKeepsData(FxRobot robot) throws Exception {
        driver = new WorkbenchDriver(robot, window);
        Path good = WorkbenchDriver.SAMPLE_DATA.resolve("heart_disease/heart_cleveland.csv");
        driver.openCsv(good);
        LoadedData before = driver.state().dataProperty().get();

        Path bad = temp.resolve("broken.csv");
        Files.writeString(bad, "a,b,c\n1,2,3\n4,\"5,6\n7,8,9\n");
        robot.interact(() -> window.dataScreen().open(bad));
        DialogPane dialog = driver.errorDialog();

        assertThat(dialog.getContentText()).contains("broken.csv");
        assertThat(dialog.getExpandableContent()).isNotNull();
        assertThat(driver.state().dataProperty().get()).isSameAs(before);
    }

    @Test
    void zeroEpsilonKeepsForm(FxRobot robot) throws Exception {
        driver = new WorkbenchDriver(robot, window);
        robot.interact(() -> window.select(1));
        ComboBox<Engine.SynthesizerInfo> methods = robot.lookup("#synthesizer-choice").queryComboBox();
        assertThat(methods.getItems()).extracting(Engine.SynthesizerInfo::id).contains("mst");
        robot.interact(() -> methods.setValue(methods.getItems().stream()
                .filter(info -> info.id().equals("mst")).findFirst().orElseThrow()));
        driver.type("#epsilon", "0");
        driver.type("#candidate-name", "mst-zero");
        driver.click("#add-candidate");

        DialogPane dialog = driver.errorDialog();
        assertThat(dialog.getContentText()).containsIgnoringCase("epsilon");
        assertThat(driver.state().candidates()).isEmpty();
        assertThat(((TextField) robot.lookup("#epsilon").query()).getText()).isEqualTo("0");
        assertThat(((TextField) robot.lookup("#candidate-name").query()).getText()).isEqualTo("mst-zero");
    }

    @Test
    void repeatStemCollisionRejected(FxRobot robot) throws Exception {
        driver = new WorkbenchDriver(robot, window);
        robot.interact(() -> {
            driver.state().candidates().add(new org.synthtrust.app.project.Candidate("ind", "independent",
                    java.util.Map.of(), 1.0, 1e-9, null, 2));
            window.select(1);
        });
        ComboBox<Engine.SynthesizerInfo> methods = robot.lookup("#synthesizer-choice").queryComboBox();
        robot.interact(() -> methods.setValue(methods.getItems().stream()
                .filter(info -> info.id().equals("independent")).findFirst().orElseThrow()));
        driver.type("#epsilon", "1");
        driver.type("#candidate-name", "ind-r2");
        driver.click("#add-candidate");

        DialogPane dialog = driver.errorDialog();
        assertThat(dialog.getContentText()).contains("ind-r2");
        assertThat(driver.state().candidates()).hasSize(1);
    }

    @Test
    void invalidParameterBlocksAdd(FxRobot robot) throws Exception {
        driver = new WorkbenchDriver(robot, window);
        robot.interact(() -> window.select(1));
        ComboBox<Engine.SynthesizerInfo> methods = robot.lookup("#synthesizer-choice").queryComboBox();
        robot.interact(() -> methods.setValue(methods.getItems().stream()
                .filter(info -> info.id().equals("mst")).findFirst().orElseThrow()));
        driver.waitUntil(5, () -> robot.lookup("#param-iterations").tryQuery().isPresent());
        driver.type("#param-iterations", "-5");
        driver.waitUntil(5, () -> robot.lookup("#add-candidate").query().isDisabled());
        assertThat(((javafx.scene.control.Label) robot.lookup("#parameter-errors").query()).getText())
                .contains("iterations");
        driver.type("#param-iterations", "200");
        driver.waitUntil(5, () -> !robot.lookup("#add-candidate").query().isDisabled());
    }
}
