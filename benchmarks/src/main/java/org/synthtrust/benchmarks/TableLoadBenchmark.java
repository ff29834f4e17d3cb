package org.synthtrust.benchmarks;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.synthtrust.core.io.CsvOptions;
import org.synthtrust.core.io.CsvReader;
import org.synthtrust.core.schema.ColumnSpec;
import org.synthtrust.core.schema.Schema;
import org.synthtrust.core.schema.SchemaIO;
import org.synthtrust.core.table.ColumnType;
import org.synthtrust.core.table.Table;

/**
 * Time to load a CSV file into a {@link Table}: UCI Adult (32,561 x 15) from the sample data, with its schema
 * and with inference, and a generated 1,000,000 x 20 table of mixed types with a schema and with inference,
 * in a 2 GB heap. Run through {@code benchmarks/run-table-bench.sh}.
 */
@Fork(value = 1, jvmArgsAppend = {"-Xmx2g", "-Xms2g"})
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class TableLoadBenchmark {

    /** Adult train file and schema, found from the working directory or {@code -Dsynthtrust.sampleData}. */
    @State(Scope.Benchmark)
    public static class Adult {
        Path file;
        Schema schema;

        @Setup(Level.Trial)
        public void locate() {
            Path sampleData = sampleData();
            file = sampleData.resolve("adult/adult_train.csv");
            schema = SchemaIO.read(sampleData.resolve("adult/schema.json"));
        }
    }

    /** A generated file of 1,000,000 rows and 20 mixed columns in a temporary folder, deleted afterwards. */
    @State(Scope.Benchmark)
    public static class Million {
        static final int ROWS = 1_000_000;
        Path folder;
        Path file;
        Schema schema;

        @Setup(Level.Trial)
        public void generate() throws IOException {
            folder = Files.createTempDirectory("synthtrust-bench");
            file = folder.resolve("million.csv");
            schema = writeMixedTable(file, ROWS, new SplittableRandom(42));
        }

        @TearDown(Level.Trial)
        public void delete() throws IOException {
            Files.deleteIfExists(file);
            Files.deleteIfExists(folder);
        }
    }

    @Benchmark
    @BenchmarkMode(Mode.AverageTime)
    @Warmup(iterations = 3, time = 2)
    @Measurement(iterations = 5, time = 2)
    public Table adultWithSchema(Adult adult) {
        return CsvReader.read(adult.file, adult.schema, CsvOptions.defaults()).table();
    }

    @Benchmark
    @BenchmarkMode(Mode.AverageTime)
    @Warmup(iterations = 3, time = 2)
    @Measurement(iterations = 5, time = 2)
    public Table adultInferred(Adult adult) {
        return CsvReader.read(adult.file, null, CsvOptions.defaults()).table();
    }

    @Benchmark
    @BenchmarkMode(Mode.SingleShotTime)
    @Warmup(iterations = 1)
    @Measurement(iterations = 3)
    public Table millionWithSchema(Million million) {
        return CsvReader.read(million.file, million.schema, CsvOptions.defaults()).table();
    }

    @Benchmark
    @BenchmarkMode(Mode.SingleShotTime)
    @Warmup(iterations = 1)
    @Measurement(iterations = 3)
    public Table millionInferred(Million million) {
        return CsvReader.read(million.file, null, CsvOptions.defaults()).table();
    }

    static Path sampleData() {
        String configured = System.getProperty("synthtrust.sampleData");
        if (configured != null) {
            return Path.of(configured);
        }
        for (Path folder = Path.of("").toAbsolutePath(); folder != null; folder = folder.getParent()) {
            if (Files.isDirectory(folder.resolve("sample-data"))) {
                return folder.resolve("sample-data");
            }
        }
        throw new IllegalStateException("sample-data not found; run from the repository or set -Dsynthtrust.sampleData");
    }

    /**
     * Writes {@code rows} rows of 20 columns (6 integer, 5 real, 6 categorical with 2 to 50 levels, a date, a
     * yes/no boolean and a unique text id), about 1% missing in the numeric columns, and returns the schema.
     */
    static Schema writeMixedTable(Path file, int rows, SplittableRandom random) throws IOException {
        Map<String, ColumnSpec> columns = new LinkedHashMap<>();
        List<String> names = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            names.add("int" + i);
            columns.put("int" + i, ColumnSpec.builder(ColumnType.INTEGER).nullable(true).bounds(0, 1_000_000).build());
        }
        for (int i = 0; i < 5; i++) {
            names.add("real" + i);
            columns.put("real" + i, ColumnSpec.builder(ColumnType.REAL).nullable(true).bounds(-1000, 1000).build());
        }
        int[] levels = {2, 5, 10, 20, 35, 50};
        for (int i = 0; i < levels.length; i++) {
            List<String> categories = new ArrayList<>();
            for (int level = 0; level < levels[i]; level++) {
                categories.add("c" + i + "_" + level);
            }
            names.add("cat" + i);
            columns.put("cat" + i, ColumnSpec.builder(ColumnType.CATEGORICAL).nullable(false).categories(categories)
                    .build());
        }
        names.add("day");
        columns.put("day", ColumnSpec.builder(ColumnType.DATE).nullable(false).build());
        names.add("flag");
        columns.put("flag", ColumnSpec.builder(ColumnType.BOOLEAN).nullable(false).build());
        names.add("id");
        columns.put("id", ColumnSpec.builder(ColumnType.TEXT).roles(List.of(
                org.synthtrust.core.schema.Role.IDENTIFIER)).nullable(false).build());

        long firstDay = LocalDate.of(2020, 1, 1).toEpochDay();
        try (BufferedWriter writer = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            writer.write(String.join(",", names));
            writer.write('\n');
            StringBuilder line = new StringBuilder(256);
            for (int row = 0; row < rows; row++) {
                line.setLength(0);
                for (int i = 0; i < 6; i++) {
                    if (random.nextInt(100) != 0) {
                        line.append(random.nextInt(1_000_000));
                    }
                    line.append(',');
                }
                for (int i = 0; i < 5; i++) {
                    if (random.nextInt(100) != 0) {
                        line.append(Math.round((random.nextDouble() * 2000 - 1000) * 1000) / 1000.0);
                    }
                    line.append(',');
                }
                for (int i = 0; i < levels.length; i++) {
                    line.append('c').append(i).append('_').append(random.nextInt(levels[i])).append(',');
                }
                line.append(LocalDate.ofEpochDay(firstDay + random.nextInt(1500))).append(',');
                line.append(random.nextBoolean() ? "yes" : "no").append(',');
                line.append("row-").append(row).append('\n');
                writer.append(line);
            }
        }
        return new Schema(List.of(""), columns);
    }
}
