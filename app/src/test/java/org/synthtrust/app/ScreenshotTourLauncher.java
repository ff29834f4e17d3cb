package org.synthtrust.app;

/** Starts {@link ScreenshotTour} from the class path, where a main class must not extend Application. */
public final class ScreenshotTourLauncher {
    private ScreenshotTourLauncher() {
    }

    public static void main(String[] args) {
        javafx.application.Application.launch(ScreenshotTour.class, args);
    }
}
