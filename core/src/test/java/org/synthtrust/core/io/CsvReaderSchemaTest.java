package org.synthtrust.core.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.synthtrust.core.InvalidInputException;
import org.synthtrust.core.schema.Schema;
import org.synthtrust.core.schema.SchemaIO;
import org.synthtrust.core.table.CategoricalColumn;
import org.synthtrust.core.table.ColumnType;
import org.synthtrust.core.table.Table;

/** Reading with a declared schema: declared types and dictionaries, and errors that name line and column. */
class CsvReaderSchemaTest {
    @TempDir
    Path folder;

    private static final Schema SCHEMA = SchemaIO.parse("""
            {"columns": {
              "age":  {"type": "integer", "nullable": false, "bounds": [17, 90]},
              "dept": {"type": "categorical", "nullable": true, "categories": ["sales", "hr", "ops"]},
              "paid": {"type": "boolean"},
              "rate": {"type": "real"}
            }}
            """, "inline.json", false);

    @Test
    void declaredDictionaryOrderKept() {
        Path file = TestFiles.write(folder, "ok.csv", "age,dept,paid,rate\n30,ops,yes,1.5\n41,,no,2\n");
        Table table = CsvReader.readTable(file, SCHEMA);
        CategoricalColumn dept = (CategoricalColumn) table.column("dept");

        assertThat(dept.levels()).containsExactly("sales", "hr", "ops");
        assertThat(dept.code(0)).isEqualTo(2);
        assertThat(dept.isMissing(1)).isTrue();
        assertThat(table.column("paid").type()).isEqualTo(ColumnType.BOOLEAN);
        assertThat(table.column("rate").format(1)).isEqualTo("2.0");
    }

    @Test
    void undeclaredCategoryRejected() {
        Path file = TestFiles.write(folder, "bad.csv", "age,dept,paid,rate\n30,ops,yes,1.5\n41,legal,no,2\n");

        assertThatThrownBy(() -> CsvReader.readTable(file, SCHEMA))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("line 3, column 2 ('dept')")
                .hasMessageContaining("'legal'")
                .hasMessageContaining("categories");
    }

    @Test
    void undeclaredCategoryAllowedWhenAsked() {
        Path file = TestFiles.write(folder, "extra.csv", "age,dept,paid,rate\n30,ops,yes,1.5\n41,legal,no,2\n");
        ReadResult result = CsvReader.read(file, SCHEMA, CsvOptions.defaults().withAllowUndeclaredCategories(true));

        assertThat(((CategoricalColumn) result.table().column("dept")).levels()).containsExactly("sales", "hr", "ops",
                "legal");
        assertThat(result.warnings()).anySatisfy(warning -> assertThat(warning).contains("legal").contains("line 3"));
    }

    @Test
    void invalidIntegerNamesLineAndColumn() {
        Path file = TestFiles.write(folder, "int.csv", "age,dept,paid,rate\n30,ops,yes,1.5\n4l,hr,no,2\n");

        assertThatThrownBy(() -> CsvReader.readTable(file, SCHEMA))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("line 3, column 1 ('age')")
                .hasMessageContaining("'4l' is not an integer");
    }

    @Test
    void outOfBoundsAndMissingWarned() {
        Path file = TestFiles.write(folder, "warn.csv", "age,dept,paid,rate\n95,ops,yes,1.5\n,hr,no,2\n");
        ReadResult result = CsvReader.read(file, SCHEMA, CsvOptions.defaults());

        assertThat(result.warnings()).anySatisfy(warning -> assertThat(warning)
                .contains("'age'").contains("outside the declared bounds [17, 90]").contains("'95' on line 2"));
        assertThat(result.warnings()).anySatisfy(warning -> assertThat(warning)
                .contains("'age'").contains("not nullable").contains("line 3"));
    }

    @Test
    void undeclaredColumnInferredWithWarning() {
        Path file = TestFiles.write(folder, "more.csv", "age,dept,paid,rate,city\n30,ops,yes,1.5,Oslo\n41,hr,no,2,Bergen\n");
        ReadResult result = CsvReader.read(file, SCHEMA, CsvOptions.defaults());

        assertThat(result.schema().spec("city").isInferred()).isTrue();
        assertThat(result.schema().spec("age").isInferred()).isFalse();
        assertThat(result.schema().columns().keySet()).containsExactly("age", "dept", "paid", "rate", "city");
        assertThat(result.warnings()).anySatisfy(warning -> assertThat(warning).contains("'city' is not in the schema"));
    }

    @Test
    void schemaColumnMissingFromHeader() {
        Path file = TestFiles.write(folder, "less.csv", "age,dept,paid\n30,ops,yes\n");

        assertThatThrownBy(() -> CsvReader.readTable(file, SCHEMA))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("'rate'")
                .hasMessageContaining("header");
    }

    @Test
    void columnMarkersOverrideFileMarkers() {
        Schema schema = SchemaIO.parse("""
                {"missing_markers": ["?"], "columns": {
                  "job": {"type": "categorical", "nullable": true, "categories": ["a", "b"], "missing_markers": ["unknown"]},
                  "n":   {"type": "integer", "nullable": true}
                }}
                """, "markers.json", false);
        Path file = TestFiles.write(folder, "markers.csv", "job,n\nunknown,?\na,1\n");
        Table table = CsvReader.readTable(file, schema);

        assertThat(table.column("job").isMissing(0)).isTrue();
        assertThat(table.column("n").isMissing(0)).isTrue();
    }

    @Test
    void categoriesWithoutDomainMarkedInferred() {
        Schema schema = SchemaIO.parse("{\"columns\": {\"dept\": {\"type\": \"categorical\"}}}", "open.json", false);
        Path file = TestFiles.write(folder, "open.csv", "dept\nops\nhr\nops\n");
        ReadResult result = CsvReader.read(file, schema, CsvOptions.defaults());

        assertThat(result.schema().spec("dept").categories()).containsExactly("ops", "hr");
        assertThat(result.schema().spec("dept").isInferred()).isTrue();
        assertThat(result.warnings()).anySatisfy(warning -> assertThat(warning).contains("declares no categories"));
    }

    @Test
    void decimalCommaErrorSuggestsOption() {
        Path file = TestFiles.write(folder, "comma.csv", "age,dept,paid,rate\n30,ops,yes,\"1,5\"\n");

        assertThatThrownBy(() -> CsvReader.readTable(file, SCHEMA))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("line 2, column 4 ('rate')")
                .hasMessageContaining("decimal comma");
    }

    @Test
    void cancellationStopsReading() {
        StringBuilder csv = new StringBuilder("n\n");
        for (int row = 0; row < 3 * CsvReader.CHECK_EVERY_RECORDS; row++) {
            csv.append(row).append('\n');
        }
        Path file = TestFiles.write(folder, "long.csv", csv.toString());
        org.synthtrust.core.progress.CancellationToken cancel = new org.synthtrust.core.progress.CancellationToken();
        java.util.List<String> stages = new java.util.ArrayList<>();

        assertThatThrownBy(() -> CsvReader.read(file, null, CsvOptions.defaults(), (stage, fraction) -> {
            stages.add(stage);
            if (fraction > 0) {
                cancel.cancel();
            }
        }, cancel)).isInstanceOf(org.synthtrust.core.progress.CancelledException.class);
        assertThat(stages).contains("profile columns");
    }

    @Test
    void progressReachesOne() {
        Path file = TestFiles.write(folder, "short.csv", "n\n1\n2\n");
        java.util.List<Double> fractions = new java.util.ArrayList<>();
        CsvReader.read(file, SCHEMA_N, CsvOptions.defaults(), (stage, fraction) -> fractions.add(fraction),
                org.synthtrust.core.progress.CancellationToken.NONE);

        assertThat(fractions).first().isEqualTo(0.0);
        assertThat(fractions).last().isEqualTo(1.0);
    }

    private static final Schema SCHEMA_N = SchemaIO.parse("{\"columns\": {\"n\": {\"type\": \"integer\"}}}",
            "n.json", false);

    @Test
    void ignoredColumnMayBeAbsent() {
        // Synthetic output drops ignored columns, and it must still read with the schema of the real data.
        Schema schema = SchemaIO.parse("""
                {"columns": {"age": {"type": "integer", "nullable": false, "bounds": [0, 120]},
                             "weight": {"type": "integer", "roles": ["ignore"]},
                             "dept": {"type": "categorical", "categories": ["a", "b"]}}}
                """, "inline schema", false);
        Path synthetic = TestFiles.write(folder, "synthetic.csv", "age,dept\n30,a\n41,b\n");
        Path lacksDept = TestFiles.write(folder, "lacks-dept.csv", "age,weight\n30,7\n");

        assertThat(CsvReader.readTable(synthetic, schema).columnNames()).containsExactly("age", "dept");
        assertThatThrownBy(() -> CsvReader.readTable(lacksDept, schema))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("schema column 'dept' is not in the header");
    }
}
