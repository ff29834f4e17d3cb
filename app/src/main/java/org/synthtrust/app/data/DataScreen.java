package org.synthtrust.app.data;

import java.io.File;
import java.nio.file.Path;
import java.text.NumberFormat;
import java.util.List;
import java.util.Locale;
import javafx.beans.binding.Bindings;
import javafx.concurrent.Task;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.control.Separator;
import javafx.scene.control.Spinner;
import javafx.scene.control.SpinnerValueFactory;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TextField;
import javafx.scene.control.TextFormatter;
import javafx.scene.control.TitledPane;
import javafx.scene.control.ToolBar;
import javafx.scene.control.Tooltip;
import javafx.scene.input.DragEvent;
import javafx.scene.input.TransferMode;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import org.synthtrust.app.common.Background;
import org.synthtrust.app.common.Dialogs;
import org.synthtrust.app.common.Screen;
import org.synthtrust.app.common.Workbench;
import org.synthtrust.app.project.AppState;
import org.synthtrust.app.project.LoadedData;
import org.synthtrust.core.schema.Schema;

/**
 * The Data step: open a CSV file (file chooser, drag and drop, recent files), see what the reader detected and
 * its warnings, browse the table in a virtualised preview, edit the schema per column, load or save a schema
 * file, and set the holdout fraction and seed. Reading runs in a background task; a failure shows the
 * reader's message in a dialog and leaves the loaded data as it was.
 */
public final class DataScreen implements Screen {
    private final Workbench workbench;
    private final AppState state;
    private final RecentFiles recent = new RecentFiles();
    private final BorderPane root = new BorderPane();
    private final TablePreview preview = new TablePreview();
    private final SchemaEditor schemaEditor;
    private final Label fileInfo = new Label("No data loaded");
    private final ListView<String> warnings = new ListView<>();
    private final TitledPane warningsPane = new TitledPane();
    private final MenuButton recentMenu = new MenuButton("Recent");
    private Task<LoadedData> reading;

    public DataScreen(Workbench workbench) {
        this.workbench = workbench;
        this.state = workbench.state();
        this.schemaEditor = new SchemaEditor(state.schemaProperty());
        build();
        state.dataProperty().addListener((observable, previous, data) -> showData(data));
        refreshRecent(recent.load());
    }

    @Override
    public String title() {
        return "Data";
    }

    @Override
    public Node view() {
        return root;
    }

    public SchemaEditor schemaEditor() {
        return schemaEditor;
    }

    private void build() {
        Button open = new Button("Open CSV…");
        open.setId("open-csv");
        open.setTooltip(new Tooltip("Open a CSV file (Ctrl+Shift+O); you can also drop a file on this screen"));
        open.setOnAction(event -> chooseCsv());
        recentMenu.setId("recent-files");
        Button loadSchema = new Button("Load schema…");
        loadSchema.setId("load-schema");
        loadSchema.setOnAction(event -> chooseSchema());
        Button saveSchema = new Button("Save schema…");
        saveSchema.setId("save-schema");
        saveSchema.disableProperty().bind(state.schemaProperty().isNull());
        saveSchema.setOnAction(event -> chooseSchemaTarget());

        Spinner<Double> fraction = new Spinner<>();
        fraction.setId("holdout-fraction");
        SpinnerValueFactory.DoubleSpinnerValueFactory fractionValues =
                new SpinnerValueFactory.DoubleSpinnerValueFactory(0.05, 0.9, state.holdoutFractionProperty().get(),
                        0.05);
        fraction.setValueFactory(fractionValues);
        fraction.setEditable(true);
        fraction.setPrefWidth(85);
        fractionValues.valueProperty().addListener((observable, was, value) -> {
            if (value != null) {
                state.holdoutFractionProperty().set(value);
            }
        });
        state.holdoutFractionProperty().addListener((observable, was, value) ->
                fractionValues.setValue(value.doubleValue()));
        TextField seed = new TextField(Long.toString(state.holdoutSeedProperty().get()));
        seed.setId("holdout-seed");
        seed.setPrefColumnCount(7);
        seed.setTextFormatter(new TextFormatter<>(change ->
                change.getControlNewText().matches("-?\\d{0,18}") ? change : null));
        seed.textProperty().addListener((observable, was, text) -> {
            if (text.matches("-?\\d{1,18}")) {
                state.holdoutSeedProperty().set(Long.parseLong(text));
            }
        });
        state.holdoutSeedProperty().addListener((observable, was, value) -> {
            if (!seed.getText().equals(value.toString())) {
                seed.setText(value.toString());
            }
        });
        Label holdoutLabel = new Label("Holdout fraction");
        holdoutLabel.setTooltip(new Tooltip("Share of rows kept out of training: the audit compares the "
                + "synthetic data with these unseen rows"));
        ToolBar toolbar = new ToolBar(open, recentMenu, new Separator(Orientation.VERTICAL), loadSchema, saveSchema,
                new Separator(Orientation.VERTICAL), holdoutLabel, fraction, new Label("Split seed"), seed);

        fileInfo.setId("file-info");
        fileInfo.getStyleClass().add("info-line");
        warnings.setId("parse-warnings");
        warnings.setPrefHeight(90);
        warningsPane.setContent(warnings);
        warningsPane.setExpanded(false);
        warningsPane.textProperty().bind(Bindings.concat("Parse warnings (", Bindings.size(warnings.getItems()),
                ")"));
        warningsPane.setId("warnings-pane");
        VBox top = new VBox(toolbar, new HBox(8, fileInfo), warningsPane);
        top.setSpacing(4);
        ((HBox) top.getChildren().get(1)).setPadding(new Insets(0, 8, 0, 8));
        ((HBox) top.getChildren().get(1)).setAlignment(Pos.CENTER_LEFT);

        SplitPane split = new SplitPane(preview, schemaEditor);
        split.setOrientation(Orientation.VERTICAL);
        split.setDividerPositions(0.5);
        root.setTop(top);
        root.setCenter(split);
        root.getStyleClass().add("screen");
        root.setId("data-screen");

        root.setOnDragOver(this::acceptCsvDrag);
        root.setOnDragDropped(event -> {
            List<File> files = event.getDragboard().getFiles();
            boolean accepted = files != null && !files.isEmpty();
            if (accepted) {
                open(files.get(0).toPath());
            }
            event.setDropCompleted(accepted);
            event.consume();
        });
    }

    private void acceptCsvDrag(DragEvent event) {
        if (event.getDragboard().hasFiles()) {
            event.acceptTransferModes(TransferMode.COPY);
        }
        event.consume();
    }

    /** Shows the file chooser for a CSV file and opens the chosen one. */
    public void chooseCsv() {
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Open a CSV file");
        chooser.getExtensionFilters().addAll(new FileChooser.ExtensionFilter("CSV and text files", "*.csv",
                "*.tsv", "*.txt"), new FileChooser.ExtensionFilter("All files", "*.*"));
        File file = chooser.showOpenDialog(workbench.window());
        if (file != null) {
            open(file.toPath());
        }
    }

    /** Reads a CSV file in the background, inferring its schema. */
    public Task<LoadedData> open(Path file) {
        return read(file, null, "Reading " + file.getFileName());
    }

    private Task<LoadedData> read(Path file, Schema schema, String message) {
        if (reading != null && reading.isRunning()) {
            reading.cancel();
        }
        var engine = workbench.engine();
        Task<LoadedData> task = new Task<>() {
            @Override
            protected LoadedData call() {
                Background.recordWork("read");
                return engine.readCsv(file, schema);
            }
        };
        task.setOnSucceeded(event -> {
            LoadedData data = task.getValue();
            state.dataProperty().set(data);
            state.schemaProperty().set(data.schema());
            refreshRecent(recent.add(file));
            workbench.status("Read " + file.getFileName() + ": " + count(data.table().rowCount()) + " rows");
        });
        task.setOnFailed(event -> {
            workbench.status("Could not read " + file.getFileName());
            Dialogs.showError(workbench.window(), "Could not read " + file.getFileName(), task.getException());
        });
        reading = task;
        workbench.status(message + " …");
        return workbench.background().submit(task);
    }

    private void chooseSchema() {
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Load a schema file");
        chooser.getExtensionFilters().addAll(new FileChooser.ExtensionFilter("Schema files", "*.json", "*.yaml",
                "*.yml"), new FileChooser.ExtensionFilter("All files", "*.*"));
        File file = chooser.showOpenDialog(workbench.window());
        if (file != null) {
            loadSchema(file.toPath());
        }
    }

    /** Reads a schema file and, when data is loaded, reads the data again with the declared types. */
    public Task<?> loadSchema(Path file) {
        var engine = workbench.engine();
        LoadedData data = state.dataProperty().get();
        Task<LoadedData> task = new Task<>() {
            @Override
            protected LoadedData call() {
                Background.recordWork("read");
                Schema schema = engine.readSchema(file);
                if (data == null) {
                    return new LoadedData(null, null, schema, null, null, List.of());
                }
                return engine.readCsv(data.file(), schema);
            }
        };
        task.setOnSucceeded(event -> {
            LoadedData loaded = task.getValue();
            if (loaded.table() != null) {
                state.dataProperty().set(loaded);
            }
            state.schemaProperty().set(loaded.schema());
            workbench.status("Loaded schema " + file.getFileName());
        });
        task.setOnFailed(event -> Dialogs.showError(workbench.window(), "Could not load schema "
                + file.getFileName(), task.getException()));
        return workbench.background().submit(task);
    }

    private void chooseSchemaTarget() {
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Save the schema");
        chooser.setInitialFileName("schema.json");
        File file = chooser.showSaveDialog(workbench.window());
        if (file != null) {
            saveSchema(file.toPath());
        }
    }

    public Task<?> saveSchema(Path file) {
        Schema schema = state.schemaProperty().get();
        var engine = workbench.engine();
        Task<Void> task = new Task<>() {
            @Override
            protected Void call() {
                engine.writeSchema(schema, file);
                return null;
            }
        };
        task.setOnSucceeded(event -> workbench.status("Saved schema to " + file));
        task.setOnFailed(event -> Dialogs.showError(workbench.window(), "Could not save the schema",
                task.getException()));
        return workbench.background().submit(task);
    }

    private void showData(LoadedData data) {
        if (data == null || data.table() == null) {
            preview.show(null);
            fileInfo.setText("No data loaded");
            warnings.getItems().clear();
            return;
        }
        preview.show(data.table());
        fileInfo.setText(data.file().getFileName() + "  ·  " + count(data.table().rowCount()) + " rows × "
                + data.table().columnCount() + " columns  ·  delimiter " + describeDelimiter(data.delimiter())
                + "  ·  encoding " + (data.encoding() == null ? "unknown" : data.encoding()));
        warnings.getItems().setAll(data.warnings());
        warningsPane.setExpanded(!data.warnings().isEmpty());
    }

    private void refreshRecent(List<Path> files) {
        recentMenu.getItems().clear();
        for (Path file : files) {
            MenuItem item = new MenuItem(file.toString());
            item.setOnAction(event -> open(file));
            recentMenu.getItems().add(item);
        }
        recentMenu.setDisable(files.isEmpty());
        state.recentFiles().setAll(files);
    }

    static String describeDelimiter(String delimiter) {
        if (delimiter == null) {
            return "unknown";
        }
        return switch (delimiter) {
            case "," -> "comma (,)";
            case ";" -> "semicolon (;)";
            case "\t" -> "tab";
            case "|" -> "pipe (|)";
            default -> "'" + delimiter + "'";
        };
    }

    private static String count(long value) {
        return NumberFormat.getIntegerInstance(Locale.ROOT).format(value).replace(',', '\u202f');
    }
}
