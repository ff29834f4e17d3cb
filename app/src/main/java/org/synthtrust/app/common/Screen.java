package org.synthtrust.app.common;

import javafx.scene.Node;

/** One step of the workflow shown in the centre of the main window. */
public interface Screen {
    /** Title shown in the workflow list. */
    String title();

    /** The screen's root node, built once. */
    Node view();

    /** Called each time the screen becomes visible, so it can refresh from the shared state. */
    default void shown() {
    }
}
