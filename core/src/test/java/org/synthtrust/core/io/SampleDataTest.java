package org.synthtrust.core.io;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.synthtrust.core.schema.ColumnSpec;
import org.synthtrust.core.schema.Role;
import org.synthtrust.core.schema.Schema;
import org.synthtrust.core.schema.SchemaIO;
import org.synthtrust.core.table.CategoricalColumn;
import org.synthtrust.core.table.Column;
import org.synthtrust.core.table.ColumnType;
import org.synthtrust.core.table.Table;

/** The bundled datasets: each schema loads, fits its data, and every file survives a write and read. */
class SampleDataTest {
    @TempDir
    Path folder;

    static Stream<Arguments> datasets() {
        return Stream.of(
                Arguments.of("adult", "adult_train.csv", 32_561),
                Arguments.of("adult", "adult_test.csv", 16_281),
                Arguments.of("german_credit", "german_credit.csv", 1_000),
                Arguments.of("bank_marketing", "bank_full.csv", 45_211),
                Arguments.of("heart_disease", "heart_cleveland.csv", 303),
                Arguments.of("adult_discretized", "adult_discretized.csv", 48_842));
    }

    private static Schema schema(String dataset) {
        return SchemaIO.read(TestFiles.sampleData().resolve(dataset).resolve("schema.json"));
    }

    @ParameterizedTest
    @MethodSource("datasets")
    void schemaFitsData(String dataset, String file, int rows) {
        Schema schema = schema(dataset);
        ReadResult result = CsvReader.read(TestFiles.sampleData().resolve(dataset).resolve(file), schema,
                CsvOptions.defaults());
        Table table = result.table();

        // Warnings would mean undeclared columns, missing values in non-nullable columns or values out of bounds.
        assertThat(result.warnings()).isEmpty();
        assertThat(result.inference()).isNull();
        assertThat(table.rowCount()).isEqualTo(rows);
        assertThat(table.columnNames()).containsExactlyElementsOf(schema.columns().keySet());
        for (Map.Entry<String, ColumnSpec> entry : schema.columns().entrySet()) {
            Column column = table.column(entry.getKey());
            ColumnSpec spec = entry.getValue();
            assertThat(column.type()).as(entry.getKey()).isEqualTo(spec.type());
            assertThat(spec.isInferred()).as(entry.getKey()).isFalse();
            if (!spec.isNullable()) {
                assertThat(column.missingCount()).as("missing in %s", entry.getKey()).isZero();
            }
            if (column instanceof CategoricalColumn categorical) {
                assertThat(categorical.levels()).as(entry.getKey()).isEqualTo(spec.categories());
            }
            if (spec.hasBounds()) {
                for (int row = 0; row < column.size(); row++) {
                    if (!column.isMissing(row)) {
                        assertThat(column.numericValue(row)).as("%s row %d", entry.getKey(), row + 1)
                                .isBetween(spec.lowerBound(), spec.upperBound());
                    }
                }
            }
        }
    }

    @ParameterizedTest
    @MethodSource("datasets")
    void roundTripKeepsTable(String dataset, String file, int rows) {
        Path source = TestFiles.sampleData().resolve(dataset).resolve(file);
        for (Schema schema : new Schema[] {schema(dataset), null}) {
            ReadResult first = CsvReader.read(source, schema, CsvOptions.defaults());
            Path copy = folder.resolve(dataset + "-" + file);
            CsvWriter.write(first.table(), copy, first.dialect(), false);
            ReadResult second = CsvReader.read(copy, first.schema(), CsvOptions.defaults());

            Tables.assertSameTable(second.table(), first.table());
        }
    }

    @Test
    void adultMissingCountsMatchDocumentation() {
        Table train = CsvReader.readTable(TestFiles.sampleData().resolve("adult/adult_train.csv"), schema("adult"));
        Table test = CsvReader.readTable(TestFiles.sampleData().resolve("adult/adult_test.csv"), schema("adult"));

        assertThat(train.column("workclass").missingCount()).isEqualTo(1_836);
        assertThat(train.column("occupation").missingCount()).isEqualTo(1_843);
        assertThat(train.column("native-country").missingCount()).isEqualTo(583);
        assertThat(test.column("workclass").missingCount()).isEqualTo(963);
        assertThat(countOf(train, "income", ">50K")).isEqualTo(7_841);
        assertThat(countOf(test, "income", ">50K")).isEqualTo(3_846);
    }

    @Test
    void rolesDeclaredAsDocumented() {
        Schema adult = schema("adult");
        assertThat(adult.columnsWithRole(Role.TARGET)).containsExactly("income");
        assertThat(adult.spec("income").positive()).isEqualTo(">50K");
        assertThat(adult.spec("fnlwgt").roles()).containsExactly(Role.IGNORE);
        assertThat(adult.columnsWithRole(Role.PROTECTED))
                .containsExactlyInAnyOrder("age", "marital-status", "race", "sex", "native-country");
        assertThat(adult.spec("age").bounds()).containsExactly(17.0, 90.0);

        assertThat(schema("german_credit").spec("class").positive()).isEqualTo("1");
        assertThat(schema("bank_marketing").spec("y").positive()).isEqualTo("yes");
        assertThat(schema("heart_disease").columnsWithRole(Role.TARGET)).containsExactly("num");
    }

    @Test
    void discretisedDomainFromDomainFile() throws Exception {
        Schema schema = schema("adult_discretized");
        Map<String, Integer> domain = new com.fasterxml.jackson.databind.ObjectMapper().readValue(
                TestFiles.sampleData().resolve("adult_discretized/domain.json").toFile(),
                new com.fasterxml.jackson.core.type.TypeReference<java.util.LinkedHashMap<String, Integer>>() { });

        assertThat(schema.columns().keySet()).containsExactlyElementsOf(domain.keySet());
        for (Map.Entry<String, Integer> entry : domain.entrySet()) {
            ColumnSpec spec = schema.spec(entry.getKey());
            assertThat(spec.type()).isEqualTo(ColumnType.CATEGORICAL);
            assertThat(spec.categories()).hasSize(entry.getValue());
            for (int code = 0; code < entry.getValue(); code++) {
                assertThat(spec.categories().get(code)).isEqualTo(Integer.toString(code));
            }
        }
    }

    private static long countOf(Table table, String column, String level) {
        CategoricalColumn categorical = (CategoricalColumn) table.column(column);
        int code = categorical.levels().indexOf(level);
        long count = 0;
        for (int row = 0; row < categorical.size(); row++) {
            if (categorical.code(row) == code) {
                count++;
            }
        }
        return count;
    }
}
