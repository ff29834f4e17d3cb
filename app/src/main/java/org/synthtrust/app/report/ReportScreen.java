package org.synthtrust.app.report;

import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.layout.BorderPane;
import org.synthtrust.app.common.Screen;
import org.synthtrust.app.common.Workbench;

/** The Report step. */
public final class ReportScreen implements Screen {
    private final BorderPane root = new BorderPane(new Label("Report"));

    public ReportScreen(Workbench workbench) {
    }

    @Override
    public String title() {
        return "Report";
    }

    @Override
    public Node view() {
        return root;
    }
}
