package org.synthtrust.app;

import java.nio.file.Files;
import java.nio.file.Path;
import javafx.animation.PauseTransition;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.stage.Stage;
import javafx.util.Duration;

/**
 * Opens a saved project in a real window and captures one PNG per workflow step with ImageMagick's
 * {@code import -window root}; run it under Xvfb. Arguments: the project folder and the output folder.
 */
public final class ScreenshotTour extends Application {
    private static final String[] NAMES = {"data", "generate", "audit", "trust-index", "report"};
    private MainWindow window;
    private Path output;

    public static void main(String[] args) {
        launch(args);
    }

    @Override
    public void start(Stage stage) throws Exception {
        Path project = Path.of(getParameters().getUnnamed().get(0));
        output = Path.of(getParameters().getUnnamed().get(1));
        Files.createDirectories(output);
        window = new MainWindow(stage);
        stage.setX(0);
        stage.setY(0);
        stage.setWidth(1280);
        stage.setHeight(860);
        window.show();
        var opening = window.openProject(project);
        opening.addEventHandler(javafx.concurrent.WorkerStateEvent.WORKER_STATE_SUCCEEDED, event -> {
            window.workbench().state().dirtyProperty().set(false);
            later(3, () -> shoot(0));
        });
        opening.addEventHandler(javafx.concurrent.WorkerStateEvent.WORKER_STATE_FAILED, event -> {
            opening.getException().printStackTrace();
            Platform.exit();
        });
    }

    private void shoot(int step) {
        if (step == NAMES.length) {
            Platform.exit();
            return;
        }
        window.select(step);
        later(step == 3 ? 4 : 2.5, () -> {
            try {
                Path file = output.resolve("app-" + NAMES[step] + ".png");
                Process process = new ProcessBuilder("import", "-window", "root", "-crop", "1280x860+0+0",
                        file.toString()).inheritIO().start();
                process.waitFor();
                System.out.println("wrote " + file);
            } catch (Exception e) {
                throw new IllegalStateException("screenshot failed", e);
            }
            shoot(step + 1);
        });
    }

    private static void later(double seconds, Runnable action) {
        PauseTransition pause = new PauseTransition(Duration.seconds(seconds));
        pause.setOnFinished(event -> action.run());
        pause.play();
    }
}
