package org.synthtrust.app.audit;

import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.layout.BorderPane;
import org.synthtrust.app.common.Screen;
import org.synthtrust.app.common.Workbench;

/** The Audit step. */
public final class AuditScreen implements Screen {
    private final BorderPane root = new BorderPane(new Label("Audit"));

    public AuditScreen(Workbench workbench) {
    }

    @Override
    public String title() {
        return "Audit";
    }

    @Override
    public Node view() {
        return root;
    }
}
