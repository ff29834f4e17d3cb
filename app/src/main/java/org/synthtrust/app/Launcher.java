package org.synthtrust.app;

/**
 * Entry point for a plain {@code java -jar} start. The JavaFX launcher refuses a main class that extends
 * {@code Application} when JavaFX sits on the class path ("JavaFX runtime components are missing"), so this
 * class does not extend it and only delegates.
 */
public final class Launcher {
    private Launcher() {
    }

    public static void main(String[] args) {
        SynthTrustApp.main(args);
    }
}
