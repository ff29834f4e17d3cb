package org.synthtrust.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import javafx.scene.Scene;
import javafx.scene.control.TableRow;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.synthtrust.app.data.TablePreview;
import org.synthtrust.core.table.IntegerColumn;
import org.synthtrust.core.table.Table;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The preview of a million-row table creates cells for the visible rows only. */
@ExtendWith(ApplicationExtension.class)
class TablePreviewTest {
    private static final int ROWS = 1_000_000;
    private TablePreview preview;

    @Start
    void start(Stage stage) {
        preview = new TablePreview();
        stage.setScene(new Scene(preview, 800, 600));
        stage.show();
    }

    @Test
    void millionRowsStayVirtual(FxRobot robot) {
        long[] values = new long[ROWS];
        for (int i = 0; i < ROWS; i++) {
            values[i] = i * 3L;
        }
        Table table = new Table(List.of(new IntegerColumn("x", values, null)));
        robot.interact(() -> preview.show(table));
        robot.interact(() -> preview.scrollTo(ROWS - 1));
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(preview.getItems()).hasSize(ROWS);
        assertThat(preview.getItems().get(ROWS - 1)).isEqualTo(ROWS - 1);
        long rowNodes = robot.lookup(".table-row-cell").queryAll().stream()
                .filter(node -> node instanceof TableRow<?>).count();
        // About 600 px / 24 px per row are visible; the virtual flow keeps a few spare rows, never a million.
        assertThat(rowNodes).isBetween(1L, 100L);
        TableRow<?> last = robot.lookup(".table-row-cell").queryAll().stream()
                .map(node -> (TableRow<?>) node).filter(row -> Integer.valueOf(ROWS - 1).equals(row.getItem()))
                .findFirst().orElseThrow();
        assertThat(last.getChildrenUnmodifiable().toString()).isNotEmpty();
    }
}
