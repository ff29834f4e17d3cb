package org.synthtrust.app;

import javafx.application.Application;
import javafx.stage.Stage;

/** The JavaFX application: opens the main window and, when given a study folder, that project. */
public final class SynthTrustApp extends Application {
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
    }

    @Override
    public void stop() {
        if (window != null) {
            window.shutdown();
        }
    }
}
