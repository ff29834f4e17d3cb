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

    /** Table that the cells format their values from. It is replaced in place when the column names stay. */
    private Table displayedTable;

    public void show(Table table) {
        if (table != null && displayedTable != null && sameColumnNames(displayedTable, table)) {
            // Loading a schema reads the file again with the same columns. Keeping the columns and cells saves
            // building every cell and its skin again, measured at 0.3 to 0.9 s of FX time on the Adult sample.
            // A new items list makes the skin call updateItem on its cells, whereas refresh() would recreate them.
            displayedTable = table;
            setItems(new RowIndices(table.rowCount()));
            return;
        }
        displayedTable = table;
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
        for (int c = 0; c < table.columnCount(); c++) {
            Column column = table.columns().get(c);
            int position = c;
            TableColumn<Integer, String> view = new TableColumn<>(column.name());
            view.setCellValueFactory(cell -> new ReadOnlyStringWrapper(displayedTable.columns().get(position)
                    .format(cell.getValue())));
            view.setSortable(false);
            view.setPrefWidth(Math.max(90, Math.min(220, column.name().length() * 9 + 30)));
            getColumns().add(view);
        }
        setItems(new RowIndices(table.rowCount()));
    }

    private static boolean sameColumnNames(Table first, Table second) {
        if (first.columnCount() != second.columnCount()) {
            return false;
        }
        for (int c = 0; c < first.columnCount(); c++) {
            if (!first.columns().get(c).name().equals(second.columns().get(c).name())) {
                return false;
            }
        }
        return true;
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
