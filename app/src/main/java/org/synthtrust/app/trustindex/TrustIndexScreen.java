package org.synthtrust.app.trustindex;

import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.layout.BorderPane;
import org.synthtrust.app.common.Screen;
import org.synthtrust.app.common.Workbench;

/** The Trust index step. */
public final class TrustIndexScreen implements Screen {
    private final BorderPane root = new BorderPane(new Label("Trust index"));

    public TrustIndexScreen(Workbench workbench) {
    }

    @Override
    public String title() {
        return "Trust index";
    }

    @Override
    public Node view() {
        return root;
    }
}
