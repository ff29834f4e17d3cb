package org.synthtrust.app;

import javafx.animation.PauseTransition;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.stage.Stage;
import javafx.util.Duration;

/** The JavaFX application: opens the main window and, when given a study folder, that project. */
public final class SynthTrustApp extends Application {
    /**
     * System property that makes the application close itself shortly after its main window is shown. The
     * installer's smoke test uses it to check that a packaged launcher really opens the window.
     */
    public static final String SMOKE_TEST_PROPERTY = "synthtrust.smokeTest";

    private MainWindow window;

    public static void main(String[] args) {
        launch(SynthTrustApp.class, args);
    }

    @Override
    public void start(Stage stage) {
        window = new MainWindow(stage);
        window.workbench().setHostServices(getHostServices());
        window.show();
        java.util.List<String> arguments = getParameters().getUnnamed();
        if (!arguments.isEmpty()) {
            window.openProject(java.nio.file.Path.of(arguments.get(0)));
        }
        if (Boolean.getBoolean(SMOKE_TEST_PROPERTY)) {
            PauseTransition pause = new PauseTransition(Duration.seconds(3));
            pause.setOnFinished(event -> {
                System.out.println("main window shown: " + stage.getTitle() + " (" + (int) stage.getWidth() + " x "
                        + (int) stage.getHeight() + ")");
                Platform.exit();
            });
            pause.play();
        }
    }

    @Override
    public void stop() {
        if (window != null) {
            window.shutdown();
        }
    }
}
