package org.synthtrust.app;

import static org.assertj.core.api.Assertions.assertThat;

import javafx.scene.control.ListView;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.synthtrust.app.common.Screen;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

@ExtendWith(ApplicationExtension.class)
class MainWindowTest {
    private MainWindow window;

    @Start
    void start(Stage stage) {
        window = new MainWindow(stage);
        window.show();
    }

    @Test
    void workflowListsFiveSteps(FxRobot robot) {
        ListView<Screen> workflow = robot.lookup("#workflow").queryListView();
        assertThat(workflow.getItems()).extracting(Screen::title)
                .containsExactly("Data", "Generate", "Audit", "Trust index", "Report");
        assertThat(robot.lookup("#data-screen").tryQuery()).isPresent();
    }

    @Test
    void shortcutSwitchesStep(FxRobot robot) {
        robot.interact(() -> window.select(3));
        WaitForAsyncUtils.waitForFxEvents();
        ListView<Screen> workflow = robot.lookup("#workflow").queryListView();
        assertThat(workflow.getSelectionModel().getSelectedItem().title()).isEqualTo("Trust index");
    }

    @Test
    void aboutShowsLicences(FxRobot robot) {
        robot.clickOn("_Help".replace("_", "")).clickOn("About SynthTrust");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup("#about-dialog").tryQuery()).isPresent();
        javafx.scene.control.DialogPane pane = robot.lookup("#about-dialog").query();
        assertThat(pane.getContentText()).contains("GPL-3.0-or-later").contains("JavaFX");
    }

    @Test
    void closePromptsWhenUnsaved(FxRobot robot) throws Exception {
        WorkbenchDriver driver = new WorkbenchDriver(robot, window);
        robot.interact(() -> window.workbench().state().weight("utility").set(2));
        javafx.application.Platform.runLater(() -> window.workbench().stage().fireEvent(
                new javafx.stage.WindowEvent(window.workbench().stage(),
                        javafx.stage.WindowEvent.WINDOW_CLOSE_REQUEST)));
        driver.waitUntil(10, () -> robot.lookup("#unsaved-dialog").tryQuery().isPresent());

        robot.clickOn("Cancel");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(window.workbench().stage().isShowing()).isTrue();
        assertThat(window.workbench().state().isDirty()).isTrue();
    }
}
