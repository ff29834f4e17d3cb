package org.synthtrust.app;

import java.io.File;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javafx.animation.PauseTransition;
import javafx.concurrent.Task;
import javafx.geometry.Insets;
import javafx.geometry.Rectangle2D;
import javafx.scene.Scene;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.stage.DirectoryChooser;
import javafx.stage.Screen;
import javafx.stage.Stage;
import javafx.util.Duration;
import org.synthtrust.app.audit.AuditScreen;
import org.synthtrust.app.common.Background;
import org.synthtrust.app.common.DefaultEngine;
import org.synthtrust.app.common.Dialogs;
import org.synthtrust.app.common.Engine;
import org.synthtrust.app.common.Workbench;
import org.synthtrust.app.data.DataScreen;
import org.synthtrust.app.generate.GenerateScreen;
import org.synthtrust.app.project.AppState;
import org.synthtrust.app.project.ProjectIO;
import org.synthtrust.app.report.ReportScreen;
import org.synthtrust.app.trustindex.TrustIndexScreen;

/**
 * The workbench window: menus on top, the workflow list (Data, Generate, Audit, Trust index, Report) on the left,
 * the selected screen in the centre and a status line below. Owns the project lifecycle: new, open, save,
 * autosave two seconds after the last change, and a prompt before closing with unsaved work.
 */
public final class MainWindow {
    static final String STYLESHEET = "/org/synthtrust/app/workbench.css";
    private static final Duration AUTOSAVE_DELAY = Duration.seconds(2);

    private final Stage stage;
    private final Workbench workbench;
    private final ProjectIO projectIO;
    private final List<org.synthtrust.app.common.Screen> screens;
    private final DataScreen data;
    private final GenerateScreen generate;
    private final AuditScreen audit;
    private final TrustIndexScreen trust;
    private final ReportScreen report;
    private final ListView<org.synthtrust.app.common.Screen> workflow = new ListView<>();
    private final StackPane centre = new StackPane();
    private final PauseTransition autosave = new PauseTransition(AUTOSAVE_DELAY);

    public MainWindow(Stage stage) {
        this(stage, new DefaultEngine());
    }

    public MainWindow(Stage stage, Engine engine) {
        this.stage = stage;
        this.workbench = new Workbench(new AppState(), engine, new Background(2), stage);
        this.projectIO = new ProjectIO(workbench);
        this.data = new DataScreen(workbench);
        this.generate = new GenerateScreen(workbench);
        this.audit = new AuditScreen(workbench);
        this.trust = new TrustIndexScreen(workbench);
        this.report = new ReportScreen(workbench);
        this.screens = List.of(data, generate, audit, trust, report);
        buildScene();
        wireAutosave();
    }

    public Workbench workbench() {
        return workbench;
    }

    public void show() {
        stage.show();
    }

    public void shutdown() {
        workbench.background().shutdown();
    }

    public DataScreen dataScreen() {
        return data;
    }

    public GenerateScreen generateScreen() {
        return generate;
    }

    public AuditScreen auditScreen() {
        return audit;
    }

    public TrustIndexScreen trustScreen() {
        return trust;
    }

    public ReportScreen reportScreen() {
        return report;
    }

    /** Selects a workflow step by its position (0 = Data). */
    public void select(int index) {
        workflow.getSelectionModel().select(index);
    }

    private void buildScene() {
        workflow.setId("workflow");
        workflow.getItems().setAll(screens);
        workflow.setPrefWidth(170);
        workflow.setCellFactory(list -> new ListCell<>() {
            @Override
            protected void updateItem(org.synthtrust.app.common.Screen screen, boolean empty) {
                super.updateItem(screen, empty);
                int position = getIndex() + 1;
                setText(empty || screen == null ? null : position + "  " + screen.title());
                setId(empty || screen == null ? null : "step-" + screen.title().toLowerCase().replace(' ', '-'));
            }
        });
        workflow.getSelectionModel().selectedItemProperty().addListener((observable, previous, screen) -> {
            if (screen != null) {
                centre.getChildren().setAll(screen.view());
                screen.shown();
            }
        });

        Label status = new Label();
        status.textProperty().bind(workbench.statusProperty());
        status.setId("status-line");
        Label project = new Label();
        project.textProperty().bind(javafx.beans.binding.Bindings.createStringBinding(() -> {
            Path folder = workbench.state().projectFolderProperty().get();
            String name = folder == null ? "unsaved project" : folder.toString();
            return (workbench.state().isDirty() ? "* " : "") + name;
        }, workbench.state().projectFolderProperty(), workbench.state().dirtyProperty()));
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox statusBar = new HBox(8, status, spacer, project);
        statusBar.getStyleClass().add("status-bar");
        statusBar.setPadding(new Insets(3, 8, 3, 8));

        BorderPane root = new BorderPane();
        root.setTop(buildMenus());
        root.setLeft(workflow);
        root.setCenter(centre);
        root.setBottom(statusBar);
        root.getStyleClass().add("workbench");

        Rectangle2D bounds = Screen.getPrimary().getVisualBounds();
        double width = Math.min(1280, bounds.getWidth() * 0.95);
        double height = Math.min(860, bounds.getHeight() * 0.95);
        Scene scene = new Scene(root, width, height);
        scene.getStylesheets().add(MainWindow.class.getResource(STYLESHEET).toExternalForm());
        installStepAccelerators(scene);
        warmUpScreens(root);
        stage.setScene(scene);
        stage.setMinWidth(900);
        stage.setMinHeight(600);
        stage.titleProperty().bind(javafx.beans.binding.Bindings.concat(
                "SynthTrust workbench: ", workbench.state().projectNameProperty()));
        stage.setOnCloseRequest(event -> {
            if (!confirmDiscardOrSave("Close the workbench")) {
                event.consume();
            }
        });
        workflow.getSelectionModel().select(0);
    }

    /**
     * Applies CSS to every screen and lays it out once before the window opens. The first CSS pass creates the
     * skins of all the screen's controls, which took 0.2 to 0.5 s of FX time when a screen was first selected
     * (Adult sample, software rendering). Done here, it lengthens start-up instead of freezing a visible window.
     */
    private void warmUpScreens(BorderPane root) {
        for (org.synthtrust.app.common.Screen screen : screens) {
            centre.getChildren().setAll(screen.view());
            root.applyCss();
            root.layout();
        }
        centre.getChildren().clear();
    }

    private void installStepAccelerators(Scene scene) {
        for (int i = 0; i < screens.size(); i++) {
            int index = i;
            KeyCode digit = KeyCode.valueOf("DIGIT" + (i + 1));
            scene.getAccelerators().put(new KeyCodeCombination(digit, KeyCombination.SHORTCUT_DOWN),
                    () -> workflow.getSelectionModel().select(index));
        }
    }

    private MenuBar buildMenus() {
        MenuItem newProject = item("_New project", "menu-new", new KeyCodeCombination(KeyCode.N,
                KeyCombination.SHORTCUT_DOWN), () -> {
                    if (confirmDiscardOrSave("New project")) {
                        workbench.state().reset();
                        workflow.getSelectionModel().select(0);
                    }
                });
        MenuItem open = item("_Open project…", "menu-open", new KeyCodeCombination(KeyCode.O,
                KeyCombination.SHORTCUT_DOWN), this::chooseAndOpenProject);
        MenuItem save = item("_Save project", "menu-save", new KeyCodeCombination(KeyCode.S,
                KeyCombination.SHORTCUT_DOWN), () -> saveProject(false));
        MenuItem saveAs = item("Save project _as…", "menu-save-as", new KeyCodeCombination(KeyCode.S,
                KeyCombination.SHORTCUT_DOWN, KeyCombination.SHIFT_DOWN), () -> saveProject(true));
        MenuItem exit = item("E_xit", "menu-exit", new KeyCodeCombination(KeyCode.Q,
                KeyCombination.SHORTCUT_DOWN), () -> {
                    if (confirmDiscardOrSave("Exit")) {
                        stage.close();
                    }
                });
        MenuItem openCsv = item("Open _CSV…", "menu-open-csv", new KeyCodeCombination(KeyCode.O,
                KeyCombination.SHORTCUT_DOWN, KeyCombination.SHIFT_DOWN), () -> {
                    select(0);
                    data.chooseCsv();
                });
        Menu file = new Menu("_File", null, newProject, open, save, saveAs, new SeparatorMenuItem(), openCsv,
                new SeparatorMenuItem(), exit);

        MenuItem runQueue = item("_Run queue", "menu-run-queue", new KeyCodeCombination(KeyCode.R,
                KeyCombination.SHORTCUT_DOWN), () -> {
                    select(1);
                    generate.runQueue();
                });
        MenuItem cancelFits = item("_Cancel all fits", "menu-cancel-fits", new KeyCodeCombination(KeyCode.PERIOD,
                KeyCombination.SHORTCUT_DOWN), generate::cancelAll);
        MenuItem runAudit = item("Run _audit", "menu-run-audit", new KeyCodeCombination(KeyCode.A,
                KeyCombination.SHORTCUT_DOWN, KeyCombination.SHIFT_DOWN), () -> {
                    select(2);
                    audit.runAudit();
                });
        MenuItem export = item("_Export report", "menu-export", new KeyCodeCombination(KeyCode.E,
                KeyCombination.SHORTCUT_DOWN), () -> {
                    select(4);
                    report.export(null);
                });
        Menu run = new Menu("_Run", null, runQueue, cancelFits, runAudit, export);

        MenuItem about = item("_About SynthTrust", "menu-about", new KeyCodeCombination(KeyCode.F1),
                this::showAbout);
        Menu help = new Menu("_Help", null, about);
        return new MenuBar(file, run, help);
    }

    private static MenuItem item(String text, String id, KeyCombination accelerator, Runnable action) {
        MenuItem item = new MenuItem(text);
        item.setId(id);
        item.setAccelerator(accelerator);
        item.setOnAction(event -> action.run());
        return item;
    }

    private void wireAutosave() {
        autosave.setOnFinished(event -> {
            if (workbench.state().isDirty() && workbench.state().projectFolderProperty().get() != null) {
                projectIO.save(workbench.state().projectFolderProperty().get(), "Autosaved");
            }
        });
        workbench.state().dirtyProperty().addListener((observable, was, dirty) -> {
            if (dirty) {
                autosave.playFromStart();
            }
        });
    }

    private void chooseAndOpenProject() {
        if (!confirmDiscardOrSave("Open project")) {
            return;
        }
        DirectoryChooser chooser = new DirectoryChooser();
        chooser.setTitle("Open a project folder (it contains study.json)");
        File folder = chooser.showDialog(stage);
        if (folder != null) {
            openProject(folder.toPath());
        }
    }

    /** Opens a project folder in the background and shows its stored results without recomputing them. */
    public Task<?> openProject(Path folder) {
        Task<?> task = projectIO.open(folder);
        // ProjectIO's own handler applies the project; this one only adds to it.
        task.addEventHandler(javafx.concurrent.WorkerStateEvent.WORKER_STATE_SUCCEEDED,
                event -> workflow.getSelectionModel().select(0));
        return task;
    }

    /** Saves the project, first choosing a folder when there is none yet or when {@code chooseFolder} is set. */
    public boolean saveProject(boolean chooseFolder) {
        Path folder = workbench.state().projectFolderProperty().get();
        if (folder == null || chooseFolder) {
            DirectoryChooser chooser = new DirectoryChooser();
            chooser.setTitle("Choose or create the project folder");
            File chosen = chooser.showDialog(stage);
            if (chosen == null) {
                return false;
            }
            folder = chosen.toPath();
        }
        projectIO.save(folder, "Saved");
        return true;
    }

    /** Saves the project into {@code folder} in the background. */
    public Task<Void> saveProjectTo(Path folder) {
        return projectIO.save(folder, "Saved");
    }

    /** Asks what to do with unsaved work; returns false when the user cancels the action. */
    private boolean confirmDiscardOrSave(String action) {
        if (!workbench.state().isDirty()) {
            return true;
        }
        ButtonType saveButton = new ButtonType("Save", ButtonBar.ButtonData.YES);
        ButtonType discard = new ButtonType("Discard changes", ButtonBar.ButtonData.NO);
        Alert alert = new Alert(Alert.AlertType.CONFIRMATION,
                "The project has unsaved changes. Save them first?", saveButton, discard, ButtonType.CANCEL);
        alert.initOwner(stage);
        alert.setTitle(action);
        alert.setHeaderText("Unsaved changes");
        alert.getDialogPane().setId("unsaved-dialog");
        Optional<ButtonType> answer = alert.showAndWait();
        if (answer.isEmpty() || answer.get() == ButtonType.CANCEL) {
            return false;
        }
        if (answer.get() == saveButton) {
            return saveProject(false);
        }
        return true;
    }

    private void showAbout() {
        StringBuilder text = new StringBuilder();
        text.append("A workbench for differentially private synthetic data: generate candidates, audit them ")
                .append("for fidelity, utility, fairness and privacy, rank them with a trust index and report.\n\n");
        for (Map.Entry<String, String> version : workbench.engine().versions().entrySet()) {
            text.append(version.getKey()).append(": ").append(version.getValue()).append('\n');
        }
        text.append("\nLicences\n")
                .append("SynthTrust: GPL-3.0-or-later\n")
                .append("OpenJFX: GPL-2.0 with the Classpath Exception\n")
                .append("ControlsFX: BSD-3-Clause\n")
                .append("JFreeChart and JFreeChart-FX: LGPL-2.1\n")
                .append("Apache PDFBox, Commons CSV, Commons Math: Apache-2.0\n")
                .append("Jackson: Apache-2.0; SLF4J: MIT\n")
                .append("Smile: GPL-3.0\n");
        Alert alert = new Alert(Alert.AlertType.INFORMATION, text.toString(), ButtonType.OK);
        alert.initOwner(stage);
        alert.setTitle("About SynthTrust");
        alert.setHeaderText("SynthTrust workbench");
        alert.getDialogPane().setId("about-dialog");
        alert.setResizable(true);
        alert.show();
    }

    /** Reports a background failure in a dialog; the user's inputs stay as they were. */
    public void showError(String title, Throwable error) {
        Dialogs.showError(stage, title, error);
    }

    Background background() {
        return workbench.background();
    }
}
