package org.synthtrust.app.generate;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.value.ObservableValue;
import javafx.collections.FXCollections;
import javafx.collections.ObservableMap;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.VBox;
import org.controlsfx.control.PropertySheet;
import org.controlsfx.property.editor.AbstractPropertyEditor;
import org.synthtrust.app.common.Engine.ParameterInfo;

/**
 * The parameters of one synthesizer in a ControlsFX {@link PropertySheet}. Every value is edited as text and
 * checked by the synthesizer's own validator on each keystroke: an invalid field turns red and its message
 * is listed under the sheet, and {@link #validProperty()} is false until every field is valid.
 */
final class ParameterSheet extends VBox {
    private final PropertySheet sheet = new PropertySheet();
    private final Label errors = new Label();
    private final ObservableMap<String, String> values = FXCollections.observableHashMap();
    private final Map<String, String> errorByName = new LinkedHashMap<>();
    private final ReadOnlyBooleanWrapper valid = new ReadOnlyBooleanWrapper(true);
    private List<ParameterInfo> parameters = List.of();

    ParameterSheet() {
        super(4);
        sheet.setId("parameter-sheet");
        sheet.setModeSwitcherVisible(false);
        sheet.setSearchBoxVisible(false);
        sheet.setMode(PropertySheet.Mode.NAME);
        sheet.setPropertyEditorFactory(item -> new ValidatedTextEditor((Item) item));
        sheet.setPrefHeight(120);
        errors.setId("parameter-errors");
        errors.getStyleClass().add("validation-error");
        errors.setWrapText(true);
        getChildren().addAll(sheet, errors);
    }

    void show(List<ParameterInfo> newParameters) {
        parameters = newParameters;
        values.clear();
        errorByName.clear();
        sheet.getItems().clear();
        for (ParameterInfo parameter : newParameters) {
            values.put(parameter.name(), parameter.defaultValue() == null ? "" : parameter.defaultValue());
            sheet.getItems().add(new Item(parameter));
        }
        refreshErrors();
    }

    /** Values that differ from the defaults, as the engine's parameter map expects them. */
    Map<String, String> changedValues() {
        Map<String, String> changed = new LinkedHashMap<>();
        for (ParameterInfo parameter : parameters) {
            String value = values.get(parameter.name());
            if (value != null && !value.isBlank() && !value.equals(parameter.defaultValue())) {
                changed.put(parameter.name(), value.strip());
            }
        }
        return changed;
    }

    ReadOnlyBooleanProperty validProperty() {
        return valid.getReadOnlyProperty();
    }

    String errorText() {
        return errors.getText();
    }

    private void validate(ParameterInfo parameter, String text) {
        values.put(parameter.name(), text);
        String error = text.isBlank() ? null : parameter.validator() == null ? null
                : parameter.validator().apply(text.strip());
        if (error == null) {
            errorByName.remove(parameter.name());
        } else {
            errorByName.put(parameter.name(), parameter.name() + ": " + error);
        }
        refreshErrors();
    }

    private void refreshErrors() {
        errors.setText(String.join("\n", errorByName.values()));
        valid.set(errorByName.isEmpty());
    }

    /** A parameter as a property-sheet item whose value is its text. */
    private final class Item implements PropertySheet.Item {
        private final ParameterInfo parameter;

        Item(ParameterInfo parameter) {
            this.parameter = parameter;
        }

        ParameterInfo parameter() {
            return parameter;
        }

        @Override
        public Class<?> getType() {
            return String.class;
        }

        @Override
        public String getCategory() {
            return "Parameters";
        }

        @Override
        public String getName() {
            return parameter.name();
        }

        @Override
        public String getDescription() {
            String choices = parameter.choices() == null || parameter.choices().isEmpty() ? ""
                    : " Choices: " + String.join(", ", parameter.choices()) + ".";
            return (parameter.help() == null ? "" : parameter.help()) + choices
                    + (parameter.defaultValue() == null ? "" : " Default: " + parameter.defaultValue() + ".");
        }

        @Override
        public Object getValue() {
            return values.get(parameter.name());
        }

        @Override
        public void setValue(Object value) {
            validate(parameter, value == null ? "" : value.toString());
        }

        @Override
        public Optional<ObservableValue<? extends Object>> getObservableValue() {
            return Optional.empty();
        }
    }

    /** A text field that validates on every change and carries the parameter's help as its tooltip. */
    private static final class ValidatedTextEditor extends AbstractPropertyEditor<String, TextField> {
        ValidatedTextEditor(Item item) {
            super(item, new TextField(), false);
            TextField field = getEditor();
            field.setId("param-" + item.getName());
            field.setPromptText(item.parameter().defaultValue());
            field.setTooltip(new Tooltip(item.getDescription()));
            field.textProperty().addListener((observable, was, text) -> {
                item.setValue(text);
                String error = text.isBlank() || item.parameter().validator() == null ? null
                        : item.parameter().validator().apply(text.strip());
                field.getStyleClass().remove("invalid");
                if (error != null) {
                    field.getStyleClass().add("invalid");
                }
            });
        }

        @Override
        protected ObservableValue<String> getObservableValue() {
            return getEditor().textProperty();
        }

        @Override
        public void setValue(String value) {
            getEditor().setText(value);
        }
    }

}
