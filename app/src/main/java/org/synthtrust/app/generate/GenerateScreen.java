package org.synthtrust.app.generate;

import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.layout.BorderPane;
import org.synthtrust.app.common.Screen;
import org.synthtrust.app.common.Workbench;

/** The Generate step. */
public final class GenerateScreen implements Screen {
    private final BorderPane root = new BorderPane(new Label("Generate"));

    public GenerateScreen(Workbench workbench) {
    }

    @Override
    public String title() {
        return "Generate";
    }

    @Override
    public Node view() {
        return root;
    }
}
