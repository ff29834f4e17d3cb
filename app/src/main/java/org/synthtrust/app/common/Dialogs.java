package org.synthtrust.app.common;

import java.io.PrintWriter;
import java.io.StringWriter;
import javafx.scene.control.Alert;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;
import javafx.stage.Window;
import org.synthtrust.core.InvalidInputException;

/**
 * Error dialogs. The engine's message is shown as is, because it already names the file, line, setting and
 * fix; the stack trace goes into a collapsed "details" area. Dialogs are non-blocking ({@code show()}) so a
 * background task's failure never waits on the FX thread.
 */
public final class Dialogs {
    /** Style class of every error dialog's pane, so tests and stylesheets can find it. */
    public static final String ERROR_STYLE_CLASS = "error-dialog";

    private Dialogs() {
    }

    public static Alert showError(Window owner, String title, Throwable error) {
        Throwable shown = rootUserError(error);
        String message = shown.getMessage() == null ? shown.getClass().getSimpleName() : shown.getMessage();
        Alert alert = new Alert(Alert.AlertType.ERROR);
        alert.initOwner(owner);
        alert.setTitle(title);
        alert.setHeaderText(title);
        alert.setContentText(message);
        alert.getDialogPane().getStyleClass().add(ERROR_STYLE_CLASS);
        alert.getDialogPane().setExpandableContent(detailsPane(error));
        alert.setResizable(true);
        alert.show();
        return alert;
    }

    public static Alert showError(Window owner, String title, String message) {
        return showError(owner, title, new InvalidInputException(message));
    }

    public static Alert showInfo(Window owner, String title, String message) {
        Alert alert = new Alert(Alert.AlertType.INFORMATION);
        alert.initOwner(owner);
        alert.setTitle(title);
        alert.setHeaderText(title);
        alert.setContentText(message);
        alert.setResizable(true);
        alert.show();
        return alert;
    }

    /** Unwraps wrappers (execution, runtime) down to the first InvalidInputException, if there is one. */
    static Throwable rootUserError(Throwable error) {
        for (Throwable cause = error; cause != null; cause = cause.getCause()) {
            if (cause instanceof InvalidInputException) {
                return cause;
            }
        }
        Throwable deepest = error;
        while ((deepest instanceof java.util.concurrent.ExecutionException
                || deepest instanceof java.util.concurrent.CompletionException) && deepest.getCause() != null) {
            deepest = deepest.getCause();
        }
        return deepest;
    }

    private static GridPane detailsPane(Throwable error) {
        StringWriter trace = new StringWriter();
        error.printStackTrace(new PrintWriter(trace));
        TextArea text = new TextArea(trace.toString());
        text.setEditable(false);
        text.setWrapText(false);
        text.setPrefRowCount(14);
        GridPane.setVgrow(text, Priority.ALWAYS);
        GridPane.setHgrow(text, Priority.ALWAYS);
        GridPane pane = new GridPane();
        pane.add(new Label("Details:"), 0, 0);
        pane.add(text, 0, 1);
        return pane;
    }
}
