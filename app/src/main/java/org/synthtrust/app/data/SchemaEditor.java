package org.synthtrust.app.data;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.control.SplitPane;
import javafx.scene.layout.VBox;
import org.synthtrust.core.schema.Bins;
import org.synthtrust.core.schema.ColumnSpec;
import org.synthtrust.core.schema.Role;
import org.synthtrust.core.schema.Schema;
import org.synthtrust.core.table.ColumnType;

/**
 * Per-column schema editor: a list of the columns with their type, roles and domain, and a form for the
 * selected column (type, roles, nullable, missing markers, categories, bounds and bin width, positive class).
 * A domain read from the data is flagged "from data: not covered by DP" until the analyst declares it; editing
 * the domain by hand, or pressing "Declare as public", marks it declared. Every edit replaces the schema in
 * the shared property, so other screens see it at once.
 */
public final class SchemaEditor extends SplitPane {
    static final String INFERRED_FLAG = "from data: not covered by DP";

    private final ObjectProperty<Schema> schema;
    private final TableView<String> columns = new TableView<>();
    private final Label columnName = new Label();
    private final ComboBox<ColumnType> type = new ComboBox<>();
    private final Map<Role, CheckBox> roles = new EnumMap<>(Role.class);
    private final CheckBox nullable = new CheckBox("Missing is a possible value (nullable)");
    private final TextField missingMarkers = new TextField();
    private final TextArea categories = new TextArea();
    private final TextField lower = new TextField();
    private final TextField upper = new TextField();
    private final TextField binWidth = new TextField();
    private final TextField positive = new TextField();
    private final Label domainSource = new Label();
    private final Button declare = new Button("Declare as public");
    private final Label formError = new Label();
    private boolean loadingForm;
    private boolean declareRequested;

    public SchemaEditor(ObjectProperty<Schema> schema) {
        this.schema = schema;
        setId("schema-editor");
        buildList();
        VBox form = buildForm();
        getItems().addAll(columns, form);
        setDividerPositions(0.55);
        schema.addListener((observable, previous, current) -> refreshList(previous, current));
        refreshList(null, schema.get());
    }

    /** Selects a column in the list and shows it in the form. */
    public void selectColumn(String name) {
        columns.getSelectionModel().select(name);
        columns.scrollTo(name);
    }

    private void buildList() {
        columns.setId("schema-columns");
        columns.setPlaceholder(new Label("No schema yet: open a CSV file or load a schema"));
        columns.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        columns.getColumns().add(textColumn("Column", 130, name -> name));
        columns.getColumns().add(textColumn("Type", 80, name -> spec(name).type() == null ? ""
                : spec(name).type().id()));
        columns.getColumns().add(textColumn("Roles", 140, name -> String.join(", ",
                spec(name).roles().stream().map(Role::id).toList())));
        columns.getColumns().add(textColumn("Domain", 170, name -> domainSummary(spec(name))));
        TableColumn<String, String> source = textColumn("Domain source", 170,
                name -> spec(name).isInferred() ? INFERRED_FLAG : "declared");
        source.setCellFactory(column -> new TableCell<>() {
            @Override
            protected void updateItem(String text, boolean empty) {
                super.updateItem(text, empty);
                setText(empty ? null : text);
                getStyleClass().remove("inferred-domain");
                if (!empty && INFERRED_FLAG.equals(text)) {
                    getStyleClass().add("inferred-domain");
                }
            }
        });
        columns.getColumns().add(source);
        columns.getSelectionModel().selectedItemProperty().addListener((observable, previous, name) -> loadForm(name));
    }

    private static TableColumn<String, String> textColumn(String title, double width,
            java.util.function.Function<String, String> text) {
        TableColumn<String, String> column = new TableColumn<>(title);
        column.setCellValueFactory(cell -> new ReadOnlyStringWrapper(text.apply(cell.getValue())));
        column.setPrefWidth(width);
        column.setSortable(false);
        return column;
    }

    private VBox buildForm() {
        type.setId("column-type");
        type.getItems().setAll(ColumnType.values());
        type.setConverter(new javafx.util.StringConverter<>() {
            @Override
            public String toString(ColumnType value) {
                return value == null ? "" : value.id();
            }

            @Override
            public ColumnType fromString(String text) {
                return ColumnType.fromId(text);
            }
        });
        // A fixed 3 x 2 grid: a FlowPane inside a GridPane row gets clipped when it wraps.
        GridPane roleBoxes = new GridPane();
        roleBoxes.setHgap(10);
        roleBoxes.setVgap(4);
        int roleIndex = 0;
        for (Role role : Role.values()) {
            CheckBox box = new CheckBox(role.id());
            // Role ids contain underscores, which JavaFX would otherwise read as mnemonic markers.
            box.setMnemonicParsing(false);
            box.setId("role-" + role.id());
            roles.put(role, box);
            roleBoxes.add(box, roleIndex % 3, roleIndex / 3);
            roleIndex++;
            box.selectedProperty().addListener((observable, was, is) -> applyForm(false));
        }
        nullable.setId("column-nullable");
        missingMarkers.setId("column-missing");
        missingMarkers.setPromptText("comma-separated, e.g. NA, ?");
        categories.setId("column-categories");
        categories.setPromptText("one category per line, in order");
        categories.setPrefRowCount(6);
        lower.setId("column-lower");
        upper.setId("column-upper");
        binWidth.setId("column-bin-width");
        positive.setId("column-positive");
        lower.setPromptText("lower");
        upper.setPromptText("upper");
        binWidth.setPromptText("bin width");
        domainSource.setId("domain-source");
        declare.setId("declare-domain");
        declare.setTooltip(new Tooltip("Assert that this domain is public knowledge (not read from the private "
                + "data), so the DP guarantee covers it"));
        declare.setOnAction(event -> declareSelected());
        formError.getStyleClass().add("form-error");
        formError.setId("schema-form-error");
        formError.setWrapText(true);

        type.valueProperty().addListener((observable, was, is) -> applyForm(false));
        nullable.selectedProperty().addListener((observable, was, is) -> applyForm(false));
        Consumer<TextField> onCommit = field -> field.focusedProperty().addListener((observable, was, focused) -> {
            if (!focused) {
                applyForm(field != missingMarkers);
            }
        });
        for (TextField field : List.of(missingMarkers, lower, upper, binWidth, positive)) {
            onCommit.accept(field);
            field.setOnAction(event -> applyForm(field != missingMarkers));
        }
        categories.focusedProperty().addListener((observable, was, focused) -> {
            if (!focused) {
                applyForm(true);
            }
        });

        GridPane grid = new GridPane();
        grid.setHgap(8);
        grid.setVgap(6);
        int row = 0;
        columnName.getStyleClass().add("section-title");
        grid.add(columnName, 0, row++, 2, 1);
        grid.addRow(row++, new Label("Type"), type);
        grid.addRow(row++, new Label("Roles"), roleBoxes);
        grid.addRow(row++, new Label("Missing markers"), missingMarkers);
        grid.add(nullable, 1, row++);
        grid.addRow(row++, new Label("Categories"), categories);
        grid.addRow(row++, new Label("Bounds, bins"), new HBox(6, lower, upper, binWidth));
        grid.addRow(row++, new Label("Positive class"), positive);
        grid.addRow(row++, new Label("Domain source"), new HBox(8, domainSource, declare));
        grid.add(formError, 0, row, 2, 1);
        GridPane.setHgrow(categories, Priority.ALWAYS);
        javafx.scene.layout.ColumnConstraints labels = new javafx.scene.layout.ColumnConstraints();
        labels.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        javafx.scene.layout.ColumnConstraints fields = new javafx.scene.layout.ColumnConstraints();
        fields.setHgrow(Priority.ALWAYS);
        grid.getColumnConstraints().setAll(labels, fields);
        VBox form = new VBox(grid);
        form.setPadding(new Insets(8));
        form.setDisable(true);
        form.setId("schema-form");
        columns.getSelectionModel().selectedItemProperty().addListener((observable, was, name) ->
                form.setDisable(name == null));
        return form;
    }

    private ColumnSpec spec(String name) {
        Schema current = schema.get();
        ColumnSpec spec = current == null ? null : current.spec(name);
        return spec == null ? new ColumnSpec(null, List.of(), null, null, null, null, null, null, null) : spec;
    }

    private void refreshList(Schema previous, Schema current) {
        String selected = columns.getSelectionModel().getSelectedItem();
        List<String> names = current == null ? List.of() : new ArrayList<>(current.columns().keySet());
        boolean sameColumns = previous != null && current != null
                && previous.columns().keySet().equals(current.columns().keySet());
        if (sameColumns) {
            columns.refresh();
        } else {
            columns.getItems().setAll(names);
        }
        if (selected != null && names.contains(selected)) {
            columns.getSelectionModel().select(selected);
            if (!loadingForm) {
                loadForm(selected);
            }
        } else if (!names.isEmpty()) {
            columns.getSelectionModel().select(0);
        }
    }

    private void loadForm(String name) {
        if (name == null) {
            return;
        }
        loadingForm = true;
        try {
            ColumnSpec spec = spec(name);
            columnName.setText(name);
            type.setValue(spec.type());
            for (Map.Entry<Role, CheckBox> entry : roles.entrySet()) {
                entry.getValue().setSelected(spec.hasRole(entry.getKey()));
            }
            nullable.setSelected(spec.isNullable());
            missingMarkers.setText(spec.missingMarkers() == null ? "" : String.join(", ", spec.missingMarkers()));
            categories.setText(spec.categories() == null ? "" : String.join("\n", spec.categories()));
            lower.setText(spec.hasBounds() ? number(spec.lowerBound()) : "");
            upper.setText(spec.hasBounds() ? number(spec.upperBound()) : "");
            binWidth.setText(spec.bins() != null && spec.bins().width() != null ? number(spec.bins().width()) : "");
            positive.setText(spec.positive() == null ? "" : spec.positive());
            showSource(spec);
            formError.setText("");
        } finally {
            loadingForm = false;
        }
    }

    private void showSource(ColumnSpec spec) {
        domainSource.setText(spec.isInferred() ? INFERRED_FLAG : "declared");
        domainSource.getStyleClass().remove("inferred-domain");
        if (spec.isInferred()) {
            domainSource.getStyleClass().add("inferred-domain");
        }
        declare.setDisable(!spec.isInferred());
    }

    /**
     * Builds the column's spec from the form and stores it. {@code declaresDomain} is true when the edit was to
     * the domain itself (categories, bounds, bins, positive class, or the "Declare as public" button).
     */
    private void applyForm(boolean declaresDomain) {
        String name = columns.getSelectionModel().getSelectedItem();
        if (loadingForm || name == null || schema.get() == null) {
            return;
        }
        ColumnSpec old = spec(name);
        List<Double> bounds;
        Bins bins;
        try {
            bounds = parseBounds();
            bins = parseBins(old.bins());
        } catch (IllegalArgumentException e) {
            formError.setText(e.getMessage());
            return;
        }
        formError.setText("");

        List<Role> selectedRoles = new ArrayList<>();
        roles.forEach((role, box) -> {
            if (box.isSelected()) {
                selectedRoles.add(role);
            }
        });
        List<String> markers = splitList(missingMarkers.getText(), ",");
        List<String> levels = splitList(categories.getText(), "\n");
        boolean domainChanged = !java.util.Objects.equals(emptyToNull(levels), old.categories())
                || !java.util.Objects.equals(bounds, old.bounds())
                || !java.util.Objects.equals(bins, old.bins());
        boolean declared = declaresDomain && (domainChanged || declareRequested);
        declareRequested = false;
        Boolean inferred = old.isInferred() && !declared ? Boolean.TRUE : null;
        ColumnSpec updated = new ColumnSpec(type.getValue(), selectedRoles, nullable.isSelected() ? Boolean.TRUE
                : old.nullable() == null ? null : Boolean.FALSE, emptyToNull(levels), bounds, bins,
                positive.getText().isBlank() ? null : positive.getText().strip(),
                markers.isEmpty() ? null : markers, inferred);

        if (updated.equals(old)) {
            return;
        }
        Map<String, ColumnSpec> specs = new LinkedHashMap<>(schema.get().columns());
        specs.put(name, updated);
        loadingForm = true;
        try {
            schema.set(new Schema(schema.get().missingMarkers(), specs));
        } finally {
            loadingForm = false;
        }
        showSource(updated);
    }

    /** Marks the selected column's domain as declared, as the "Declare as public" button does. */
    public void declareSelected() {
        declareRequested = true;
        applyForm(true);
    }

    private List<Double> parseBounds() {
        if (lower.getText().isBlank() && upper.getText().isBlank()) {
            return null;
        }
        double low = parseNumber(lower.getText(), "lower bound");
        double high = parseNumber(upper.getText(), "upper bound");
        if (!(low < high)) {
            throw new IllegalArgumentException("lower bound " + number(low) + " must be below upper bound "
                    + number(high));
        }
        return List.of(low, high);
    }

    private Bins parseBins(Bins old) {
        if (binWidth.getText().isBlank()) {
            return old != null && old.width() != null ? null : old;
        }
        double width = parseNumber(binWidth.getText(), "bin width");
        if (!(width > 0)) {
            throw new IllegalArgumentException("bin width must be positive; got " + binWidth.getText().strip());
        }
        return Bins.ofWidth(width);
    }

    private static double parseNumber(String text, String what) {
        try {
            double value = Double.parseDouble(text.strip());
            if (!Double.isFinite(value)) {
                throw new NumberFormatException();
            }
            return value;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(what + " '" + text.strip() + "' is not a finite number", e);
        }
    }

    private static List<String> splitList(String text, String separator) {
        List<String> values = new ArrayList<>();
        for (String part : text.split(separator, -1)) {
            if (!part.strip().isEmpty()) {
                values.add(part.strip());
            }
        }
        return values;
    }

    private static List<String> emptyToNull(List<String> values) {
        return values.isEmpty() ? null : values;
    }

    static String number(double value) {
        return value == Math.rint(value) && Math.abs(value) < 1e15 ? Long.toString((long) value)
                : Double.toString(value);
    }

    static String domainSummary(ColumnSpec spec) {
        if (spec.categories() != null) {
            List<String> shown = spec.categories().subList(0, Math.min(4, spec.categories().size()));
            return spec.categories().size() + " categories: " + String.join(", ", shown)
                    + (spec.categories().size() > shown.size() ? ", …" : "");
        }
        if (spec.hasBounds()) {
            String bins = spec.bins() == null ? "" : spec.bins().width() != null ? ", width "
                    + number(spec.bins().width()) : spec.bins().count() != null ? ", " + spec.bins().count()
                    + " bins" : spec.bins().edges() != null ? ", " + (spec.bins().edges().size() - 1) + " bins"
                    : "";
            return "[" + number(spec.lowerBound()) + ", " + number(spec.upperBound()) + "]" + bins;
        }
        return "none";
    }
}
