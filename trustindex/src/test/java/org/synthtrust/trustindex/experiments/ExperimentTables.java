package org.synthtrust.trustindex.experiments;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.SplittableRandom;
import org.synthtrust.core.io.CsvReader;
import org.synthtrust.core.schema.Schema;
import org.synthtrust.core.schema.SchemaIO;
import org.synthtrust.core.table.Table;

/** A generated categorical table of 200 rows with a fixed seed, written as CSV and schema for the experiments. */
final class ExperimentTables {
    static final int ROWS = 200;
    static final String SCHEMA = """
            {"columns": {
              "colour": {"type": "categorical", "categories": ["red", "green", "blue", "grey"]},
              "size": {"type": "categorical", "categories": ["s", "m", "l"]},
              "shape": {"type": "categorical", "categories": ["round", "square", "flat", "long", "odd"]},
              "grade": {"type": "categorical", "categories": ["a", "b", "c"]}
            }}
            """;
    private static final String[][] LEVELS = {
        {"red", "green", "blue", "grey"}, {"s", "m", "l"}, {"round", "square", "flat", "long", "odd"}, {"a", "b", "c"}};
    /** Level weights: the last level of every column is rare, so the most outlying row is distinctive. */
    private static final double[][] WEIGHTS = {{0.5, 0.3, 0.19, 0.01}, {0.6, 0.39, 0.01}, {0.4, 0.3, 0.2, 0.09, 0.01},
        {0.7, 0.29, 0.01}};

    private ExperimentTables() {
    }

    /** Writes {@code data.csv} and {@code schema.json} into {@code folder}. */
    static void write(Path folder) throws IOException {
        SplittableRandom random = new SplittableRandom(20_231);
        StringBuilder csv = new StringBuilder("colour,size,shape,grade\n");
        for (int row = 0; row < ROWS; row++) {
            for (int c = 0; c < LEVELS.length; c++) {
                double u = random.nextDouble();
                int level = 0;
                while (level < WEIGHTS[c].length - 1 && u >= WEIGHTS[c][level]) {
                    u -= WEIGHTS[c][level];
                    level++;
                }
                csv.append(c == 0 ? "" : ",").append(LEVELS[c][level]);
            }
            csv.append('\n');
        }
        Files.writeString(folder.resolve("data.csv"), csv);
        Files.writeString(folder.resolve("schema.json"), SCHEMA);
    }

    static Schema schema(Path folder) {
        return SchemaIO.read(folder.resolve("schema.json"));
    }

    static Table table(Path folder) {
        return CsvReader.readTable(folder.resolve("data.csv"), schema(folder));
    }
}
