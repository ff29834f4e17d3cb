package org.synthtrust.app.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.synthtrust.core.io.CsvReader;
import org.synthtrust.core.schema.Schema;
import org.synthtrust.core.schema.SchemaIO;
import org.synthtrust.core.table.Column;
import org.synthtrust.core.table.Table;
import org.synthtrust.trustindex.study.StudyRunner;

/** The workbench holds out the same rows as {@code synthtrust run} for the same fraction and seed. */
class HoldoutSplitTest {
    @Test
    void splitMatchesStudyRunner() {
        Path folder = Path.of("..", "sample-data", "heart_disease");
        Schema schema = SchemaIO.read(folder.resolve("schema.json"));
        Table table = CsvReader.readTable(folder.resolve("heart_cleveland.csv"), schema);

        Engine.Split workbench = new DefaultEngine().split(table, schema, 0.3, 20_240_601L);
        StudyRunner.Split engine = StudyRunner.split(table, 0.3, 20_240_601L, "heart_cleveland.csv");

        assertThat(workbench.holdout().rowCount()).isEqualTo((int) Math.round(0.3 * 303));
        assertThat(rows(workbench.train())).isEqualTo(rows(engine.train()));
        assertThat(rows(workbench.holdout())).isEqualTo(rows(engine.holdout()));
    }

    private static List<String> rows(Table table) {
        List<String> rows = new ArrayList<>();
        for (int row = 0; row < table.rowCount(); row++) {
            StringBuilder line = new StringBuilder();
            for (String name : table.columnNames()) {
                Column column = table.column(name);
                line.append(column.format(row)).append(',');
            }
            rows.add(line.toString());
        }
        return rows;
    }
}
