package org.synthtrust.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javafx.scene.Node;
import javafx.scene.control.DialogPane;
import javafx.scene.control.TextField;
import org.synthtrust.app.common.Dialogs;
import org.synthtrust.app.project.AppState;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

/** Test helpers that drive the workbench like a user and wait for its background tasks. */
final class WorkbenchDriver {
    static final Path SAMPLE_DATA = locate("sample-data");
    static final Path ADULT = SAMPLE_DATA.resolve("adult/adult_train.csv");
    static final Path ADULT_SCHEMA = SAMPLE_DATA.resolve("adult/schema.json");

    private final FxRobot robot;
    private final MainWindow window;

    WorkbenchDriver(FxRobot robot, MainWindow window) {
        this.robot = robot;
        this.window = window;
    }

    AppState state() {
        return window.workbench().state();
    }

    /** Finds a folder of the repository from the module's working directory. */
    static Path locate(String name) {
        Path here = Path.of("").toAbsolutePath();
        for (Path dir = here; dir != null; dir = dir.getParent()) {
            if (Files.isDirectory(dir.resolve(name))) {
                return dir.resolve(name);
            }
        }
        throw new IllegalStateException(name + " not found above " + here);
    }

    /** Writes the Adult schema without target and protected roles, so the test marks them in the editor. */
    static Path adultSchemaWithoutRoles(Path folder) throws Exception {
        ObjectNode schema = (ObjectNode) org.synthtrust.app.project.ProjectStore.json().readTree(ADULT_SCHEMA.toFile());
        ObjectNode columns = (ObjectNode) schema.get("columns");
        columns.properties().forEach(entry -> {
            ObjectNode spec = (ObjectNode) entry.getValue();
            if (spec.has("roles")) {
                ArrayNode kept = spec.arrayNode();
                spec.get("roles").forEach(role -> {
                    if (!role.asText().equals("target") && !role.asText().equals("protected")) {
                        kept.add(role);
                    }
                });
                spec.set("roles", kept);
            }
        });
        Path file = folder.resolve("adult-schema-no-roles.json");
        org.synthtrust.app.project.ProjectStore.json().writeValue(file.toFile(), schema);
        return file;
    }

    /** Waits for a condition; an error dialog that appears meanwhile fails the wait with its message. */
    void waitUntil(long seconds, Callable<Boolean> condition) throws TimeoutException {
        WaitForAsyncUtils.waitFor(seconds, TimeUnit.SECONDS, () -> {
            WaitForAsyncUtils.waitForFxEvents();
            java.util.Optional<DialogPane> error = robot.lookup("." + Dialogs.ERROR_STYLE_CLASS).tryQuery();
            if (error.isPresent() && failOnErrorDialog) {
                throw new AssertionError("error dialog: " + error.get().getHeaderText() + ": "
                        + error.get().getContentText());
            }
            return condition.call();
        });
    }

    private boolean failOnErrorDialog = true;

    /** Lets a test wait for an error dialog it expects. */
    void expectErrorDialogs() {
        failOnErrorDialog = false;
    }

    void openCsv(Path file) throws TimeoutException {
        robot.interact(() -> window.dataScreen().open(file));
        waitUntil(60, () -> state().dataProperty().get() != null
                && file.equals(state().dataProperty().get().file()));
    }

    void type(String id, String text) {
        TextField field = robot.lookup(id).query();
        robot.interact(() -> field.setText(text));
    }

    DialogPane errorDialog() throws TimeoutException {
        expectErrorDialogs();
        waitUntil(20, () -> robot.lookup("." + Dialogs.ERROR_STYLE_CLASS).tryQuery().isPresent());
        return robot.lookup("." + Dialogs.ERROR_STYLE_CLASS).query();
    }

    void closeDialogs() {
        robot.interact(() -> {
            for (javafx.stage.Window open : javafx.stage.Window.getWindows().toArray(new javafx.stage.Window[0])) {
                if (open.getScene() != null && open.getScene().getRoot() instanceof DialogPane) {
                    ((javafx.stage.Stage) open).close();
                }
            }
        });
    }

    void click(String id) throws TimeoutException {
        // A screen selected just before may not have shown its controls yet on a loaded machine.
        waitUntil(30, () -> robot.lookup(id).tryQuery().map(Node::isVisible).orElse(false));
        Node node = robot.lookup(id).query();
        assertThat(node.isDisabled()).as(id + " is enabled").isFalse();
        robot.clickOn(node);
    }
}
