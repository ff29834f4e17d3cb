package org.synthtrust.app.common;

import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.synthtrust.app.project.AppState;

/** Context shared by every screen: the project state, the engine, the worker pool, the window and the status line. */
public final class Workbench {
    private final AppState state;
    private final Engine engine;
    private final Background background;
    private final Stage stage;
    private final StringProperty status = new SimpleStringProperty("Ready");
    private final SplitCache splits;
    private javafx.application.HostServices hostServices;

    public Workbench(AppState state, Engine engine, Background background, Stage stage) {
        this.state = state;
        this.engine = engine;
        this.background = background;
        this.stage = stage;
        this.splits = new SplitCache(engine);
    }

    /** The train/holdout split shared by generation and the audit. */
    public SplitCache splits() {
        return splits;
    }

    public AppState state() {
        return state;
    }

    public Engine engine() {
        return engine;
    }

    public Background background() {
        return background;
    }

    public Window window() {
        return stage;
    }

    public Stage stage() {
        return stage;
    }

    /** Opens a folder or file in the desktop's default application, when the platform supports it. */
    public void openInDesktop(java.nio.file.Path path) {
        if (hostServices != null) {
            hostServices.showDocument(path.toUri().toString());
        }
    }

    public void setHostServices(javafx.application.HostServices services) {
        hostServices = services;
    }

    public StringProperty statusProperty() {
        return status;
    }

    public void status(String message) {
        status.set(message);
    }
}
