package org.synthtrust.core.io;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.synthtrust.core.table.CategoricalColumn;
import org.synthtrust.core.table.IntegerColumn;
import org.synthtrust.core.table.Table;
import org.synthtrust.core.table.TextColumn;

class CsvWriterTest {
    @TempDir
    Path folder;

    @Test
    void spreadsheetSafeNeutralisesFormulas() throws IOException {
        Table table = new Table(List.of(
                new TextColumn("note", new String[] {"=SUM(A1:A9)", "+cmd|' /C calc'!A0", "-2+3", "@here", "-5", "+1.5e3",
                    "plain", "-", null}),
                new IntegerColumn("n", new long[] {-1, 2, 3, 4, 5, 6, 7, 8, 9}, null)));
        Path file = folder.resolve("safe.csv");
        CsvWriter.write(table, file, CsvDialect.DEFAULT, true);
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);

        assertThat(lines.get(1)).isEqualTo("'=SUM(A1:A9),-1");
        assertThat(lines.get(2)).isEqualTo("'+cmd|' /C calc'!A0,2");
        assertThat(lines.get(3)).isEqualTo("'-2+3,3");
        assertThat(lines.get(4)).isEqualTo("'@here,4");
        assertThat(lines.get(5)).isEqualTo("-5,5");
        assertThat(lines.get(6)).isEqualTo("+1.5e3,6");
        assertThat(lines.get(7)).isEqualTo("plain,7");
        assertThat(lines.get(8)).isEqualTo("-,8");
    }

    @Test
    void unsafeOutputKeepsValues() throws IOException {
        Table table = new Table(List.of(new TextColumn("note", new String[] {"=1+2"})));
        Path file = folder.resolve("raw.csv");
        CsvWriter.write(table, file, CsvDialect.DEFAULT, false);

        assertThat(Files.readAllLines(file)).containsExactly("note", "=1+2");
    }

    @Test
    void quotingRoundTrips() {
        Table table = new Table(List.of(
                new TextColumn("text", new String[] {"a,b", "say \"hi\"", "two\nlines", "semi;colon", " padded ", null}),
                CategoricalColumn.ofValues("level", new String[] {"x", "y", "x", "z", null, "y"})));
        for (CsvDialect dialect : List.of(CsvDialect.DEFAULT, CsvDialect.DEFAULT.withDelimiter(';'),
                CsvDialect.DEFAULT.withDelimiter('\t'), new CsvDialect('|', '"', "\r\n", true, '.', "NA"))) {
            Path file = folder.resolve("quoted.csv");
            CsvWriter.write(table, file, dialect, false);
            ReadResult read = CsvReader.read(file, null, CsvOptions.defaults());

            assertThat(read.dialect().delimiter()).isEqualTo(dialect.delimiter());
            assertThat(read.dialect().recordSeparator()).isEqualTo(dialect.recordSeparator());
            assertThat(read.dialect().byteOrderMark()).isEqualTo(dialect.byteOrderMark());
            for (int row = 0; row < table.rowCount(); row++) {
                assertThat(read.table().column("text").format(row)).isEqualTo(table.column("text").format(row));
                assertThat(read.table().column("text").isMissing(row)).isEqualTo(table.column("text").isMissing(row));
                assertThat(read.table().column("level").format(row)).isEqualTo(table.column("level").format(row));
            }
        }
    }

    @Test
    void decimalCommaWritten() throws IOException {
        Path source = TestFiles.write(folder, "comma.csv", "a;b\n\"1,5\";x\n\"2,25\";y\n\"3\";z\n");
        ReadResult first = CsvReader.read(source, null, CsvOptions.defaults());
        Path copy = folder.resolve("copy.csv");
        CsvWriter.write(first.table(), copy, first.dialect(), false);

        assertThat(Files.readAllLines(copy)).contains("1,5;x");
        Tables.assertSameTable(CsvReader.read(copy, null, CsvOptions.defaults()).table(), first.table());
    }

    @Test
    void writeIsAtomicAndLeavesNoTemporaryFile() throws IOException {
        Path file = folder.resolve("out.csv");
        Files.writeString(file, "old content\n");
        Table table = new Table(List.of(new IntegerColumn("n", new long[] {1, 2}, null)));
        CsvWriter.write(table, file);

        assertThat(Files.readAllLines(file)).containsExactly("n", "1", "2");
        try (Stream<Path> files = Files.list(folder)) {
            assertThat(files.map(path -> path.getFileName().toString())).containsExactly("out.csv");
        }
    }

    @Test
    void emptyFieldReadsBackAsMissing() {
        // A schema whose only marker is "?" (as Adult's) must still read the writer's empty fields as missing.
        Table table = new Table(List.of(
                new IntegerColumn("age", new long[] {30, 0, 41}, java.util.BitSet.valueOf(new long[] {0b010})),
                CategoricalColumn.ofValues("job", new String[] {"a", null, "b"})));
        Path file = folder.resolve("missing.csv");
        CsvWriter.write(table, file, CsvDialect.DEFAULT, false);
        org.synthtrust.core.schema.Schema schema = org.synthtrust.core.schema.SchemaIO.parse("""
                {"missing_markers": ["?"], "columns": {
                  "age": {"type": "integer", "nullable": true, "bounds": [0, 100]},
                  "job": {"type": "categorical", "nullable": true, "categories": ["a", "b"]}}}
                """, "inline schema", false);

        Table read = CsvReader.readTable(file, schema);

        assertThat(read.column("age").isMissing(1)).isTrue();
        assertThat(read.column("job").isMissing(1)).isTrue();
        assertThat(read.column("age").format(2)).isEqualTo("41");
    }
}
