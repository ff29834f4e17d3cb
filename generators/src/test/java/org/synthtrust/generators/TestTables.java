package org.synthtrust.generators;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.synthtrust.core.domain.Encoder;
import org.synthtrust.core.io.CsvReader;
import org.synthtrust.core.schema.Schema;
import org.synthtrust.core.schema.SchemaIO;
import org.synthtrust.core.table.Table;
import org.synthtrust.generators.pgm.MarginalCounter;


/**
 * Test fixtures: the repository's sample data read with its schema, and the mean k-way TVD of the accuracy
 * targets.
 */
public final class TestTables {
    private TestTables() {
    }

    /** Returns the repository root, found by walking up from the working directory to sample-data/. */
    public static Path repositoryRoot() {
        Path directory = Path.of("").toAbsolutePath();
        while (directory != null && !Files.isDirectory(directory.resolve("sample-data"))) {
            directory = directory.getParent();
        }
        if (directory == null) {
            throw new IllegalStateException("sample-data/ not found above " + Path.of("").toAbsolutePath());
        }
        return directory;
    }

    public static Schema readSchema(Path file) {
        return SchemaIO.read(file);
    }

    public static Table readCsv(Path file, Schema schema) {
        return CsvReader.readTable(file, schema);
    }

    /** Reads one of the repository's sample datasets with its schema. */
    public static Table sample(String folder, String csv) {
        Path directory = repositoryRoot().resolve("sample-data").resolve(folder);
        return readCsv(directory.resolve(csv), readSchema(directory.resolve("schema.json")));
    }

    public static Schema sampleSchema(String folder) {
        return readSchema(repositoryRoot().resolve("sample-data").resolve(folder).resolve("schema.json"));
    }

    /** Mean total variation distance over all attribute pairs (or triples), on the schema's coded domain. */
    public static double meanTvd(Schema schema, Table real, Table synthetic, int way) {
        Encoder encoder = Encoder.fromSchema(schema, real);
        int[][] realCodes = encoder.encode(real);
        int[][] synthCodes = encoder.encode(synthetic);
        int columns = encoder.domain().attributeCount();
        List<int[]> sets = new ArrayList<>();
        for (int a = 0; a < columns; a++) {
            for (int b = a + 1; b < columns; b++) {
                if (way == 2) {
                    sets.add(new int[] {a, b});
                } else {
                    for (int c = b + 1; c < columns; c++) {
                        sets.add(new int[] {a, b, c});
                    }
                }
            }
        }
        long[][] realCounts = MarginalCounter.countAll(realCodes, encoder.domain(), sets);
        long[][] synthCounts = MarginalCounter.countAll(synthCodes, encoder.domain(), sets);
        double sum = 0;
        for (int i = 0; i < sets.size(); i++) {
            double distance = 0;
            for (int cell = 0; cell < realCounts[i].length; cell++) {
                distance += Math.abs(realCounts[i][cell] / (double) real.rowCount()
                        - synthCounts[i][cell] / (double) synthetic.rowCount());
            }
            sum += distance / 2;
        }
        return sum / sets.size();
    }


    static Map<String, String> params(String... keyValues) {
        java.util.Map<String, String> map = new java.util.LinkedHashMap<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            map.put(keyValues[i], keyValues[i + 1]);
        }
        return map;
    }
}
