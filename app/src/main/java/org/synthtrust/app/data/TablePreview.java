package org.synthtrust.app.data;

import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.ObservableListBase;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import org.synthtrust.core.table.Column;
import org.synthtrust.core.table.Table;

/**
 * A virtualised, read-only view of a columnar {@link Table}. The items are row indices served by a list that
 * stores nothing (index i is the Integer i), and each cell formats its value from the column only when the
 * cell is shown, so a million-row table costs the same to display as a small one. Sorting is off because it
 * would need a permutation of all rows.
 */
public final class TablePreview extends TableView<Integer> {

    public TablePreview() {
        setId("preview-table");
        setPlaceholder(new Label("Open a CSV file (Ctrl+Shift+O) or drop one here"));
        setColumnResizePolicy(TableView.UNCONSTRAINED_RESIZE_POLICY);
        setFixedCellSize(24);
    }

    public void show(Table table) {
        getColumns().clear();
        if (table == null) {
            setItems(new RowIndices(0));
            return;
        }
        TableColumn<Integer, String> rowNumber = new TableColumn<>("#");
        rowNumber.setCellValueFactory(cell -> new ReadOnlyStringWrapper(Integer.toString(cell.getValue() + 1)));
        rowNumber.setSortable(false);
        rowNumber.setPrefWidth(70);
        rowNumber.getStyleClass().add("row-number");
        getColumns().add(rowNumber);
        for (Column column : table.columns()) {
            TableColumn<Integer, String> view = new TableColumn<>(column.name());
            view.setCellValueFactory(cell -> new ReadOnlyStringWrapper(column.format(cell.getValue())));
            view.setSortable(false);
            view.setPrefWidth(Math.max(90, Math.min(220, column.name().length() * 9 + 30)));
            getColumns().add(view);
        }
        setItems(new RowIndices(table.rowCount()));
    }

    /** An immutable list of the integers 0..size-1 that stores nothing. */
    static final class RowIndices extends ObservableListBase<Integer> {
        private final int size;

        RowIndices(int size) {
            this.size = size;
        }

        @Override
        public Integer get(int index) {
            if (index < 0 || index >= size) {
                throw new IndexOutOfBoundsException("row " + index + " outside 0.." + (size - 1));
            }
            return index;
        }

        @Override
        public int size() {
            return size;
        }
    }
}
