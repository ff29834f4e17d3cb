package org.synthtrust.core.schema;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.synthtrust.core.InvalidInputException;
import org.synthtrust.core.table.ColumnType;

class SchemaIOTest {
    @TempDir
    Path folder;

    private static Schema json(String text) {
        return SchemaIO.parse(text, "test.json", false);
    }

    private static String column(String body) {
        return "{\"columns\": {\"age\": " + body + "}}";
    }

    @Test
    void formatExampleParses() {
        Schema schema = json("""
                {
                  "missing_markers": ["", "NA", "N/A", "null", "?"],
                  "columns": {
                    "age":       {"type": "integer", "roles": ["quasi_identifier", "protected"], "nullable": false,
                                  "bounds": [17, 90], "bins": {"width": 5}},
                    "workclass": {"type": "categorical", "nullable": true, "categories": ["Private", "Self-emp-not-inc"]},
                    "income":    {"type": "categorical", "roles": ["target"], "categories": ["<=50K", ">50K"], "positive": ">50K"},
                    "fnlwgt":    {"type": "integer", "roles": ["ignore"]},
                    "person_id": {"type": "text", "roles": ["identifier"]}
                  }
                }
                """);

        assertThat(schema.columns().keySet()).containsExactly("age", "workclass", "income", "fnlwgt", "person_id");
        assertThat(schema.spec("age").bounds()).containsExactly(17.0, 90.0);
        assertThat(schema.spec("age").bins().width()).isEqualTo(5.0);
        assertThat(schema.spec("income").positive()).isEqualTo(">50K");
        assertThat(schema.modelledColumns()).containsExactly("age", "workclass", "income");
        assertThat(schema.columnsWithRole(Role.PROTECTED)).containsExactly("age");
    }

    @Test
    void unknownKeyNamesPath() {
        assertThatThrownBy(() -> json(column("{\"type\": \"integer\", \"bonds\": [1, 2]}")))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("columns.age.bonds")
                .hasMessageContaining("bounds");
    }

    @Test
    void unknownTopLevelKeyRejected() {
        assertThatThrownBy(() -> json("{\"columns\": {\"a\": {\"type\": \"text\"}}, \"colums\": {}}"))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("colums");
    }

    @Test
    void wrongTypeNamesIndexedPath() {
        assertThatThrownBy(() -> json(column("{\"type\": \"integer\", \"bounds\": [17, \"ninety\"]}")))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("columns.age.bounds[1]")
                .hasMessageContaining("number");
    }

    @Test
    void wrongTypesRejected() {
        String[] bodies = {
            "{\"type\": \"integer\", \"nullable\": \"yes\"}",
            "{\"type\": \"integer\", \"nullable\": 1}",
            "{\"type\": \"categorical\", \"categories\": [1, 2]}",
            "{\"type\": \"integer\", \"bounds\": [1, 9], \"bins\": {\"count\": 2.5}}",
            "{\"type\": \"integer\", \"roles\": \"target\"}",
            "{\"type\": 3}",
            "[1]",
        };
        String[] paths = {"columns.age.nullable", "columns.age.nullable", "columns.age.categories[0]",
            "columns.age.bins.count", "columns.age.roles", "columns.age.type", "columns.age"};
        for (int i = 0; i < bodies.length; i++) {
            String body = bodies[i];
            assertThatThrownBy(() -> json(column(body))).as(body)
                    .isInstanceOf(InvalidInputException.class)
                    .hasMessageContaining(paths[i]);
        }
    }

    @Test
    void unknownTypeAndRoleRejected() {
        assertThatThrownBy(() -> json(column("{\"type\": \"integr\"}")))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("columns.age.type")
                .hasMessageContaining("categorical, integer");
        assertThatThrownBy(() -> json(column("{\"type\": \"integer\", \"roles\": [\"targt\"]}")))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("columns.age.roles[0]");
    }

    @Test
    void duplicateKeysRejected() {
        assertThatThrownBy(() -> json("{\"columns\": {\"a\": {\"type\": \"text\"}, \"a\": {\"type\": \"integer\"}}}"))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("a");
    }

    @Test
    void boundsOrderChecked() {
        assertThatThrownBy(() -> json(column("{\"type\": \"integer\", \"bounds\": [90, 17]}")))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("columns.age.bounds")
                .hasMessageContaining("lower 90");
        assertThatThrownBy(() -> json(column("{\"type\": \"integer\", \"bounds\": [17]}")))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("[lower, upper]");
    }

    @Test
    void exactlyOneBinsForm() {
        assertThatThrownBy(() -> json(column("{\"type\": \"integer\", \"bounds\": [0, 10], \"bins\": {\"width\": 1, \"count\": 10}}")))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("columns.age.bins")
                .hasMessageContaining("exactly one");
        assertThatThrownBy(() -> json(column("{\"type\": \"integer\", \"bounds\": [0, 10], \"bins\": {}}")))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("exactly one");
        assertThatThrownBy(() -> json(column("{\"type\": \"integer\", \"bins\": {\"width\": 5}}")))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("needs bounds");
        assertThatThrownBy(() -> json(column("{\"type\": \"real\", \"bins\": {\"edges\": [0, 5, 5]}}")))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("columns.age.bins.edges[2]");
        assertThatThrownBy(() -> json(column("{\"type\": \"integer\", \"bounds\": [0, 10], \"bins\": {\"width\": -1}}")))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("columns.age.bins.width");
    }

    @Test
    void positiveMustBeCategory() {
        assertThatThrownBy(() -> json(column("{\"type\": \"categorical\", \"categories\": [\"no\", \"yes\"], \"positive\": \"Yes\"}")))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("columns.age.positive")
                .hasMessageContaining("'Yes'");
    }

    @Test
    void domainMustFitType() {
        assertThatThrownBy(() -> json(column("{\"type\": \"integer\", \"categories\": [\"a\"]}")))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("columns.age.categories");
        assertThatThrownBy(() -> json(column("{\"type\": \"text\", \"bounds\": [0, 1]}")))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("columns.age.bounds");
        assertThatThrownBy(() -> json(column("{\"type\": \"categorical\", \"categories\": [\"a\", \"a\"]}")))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("columns.age.categories[1]");
        assertThatThrownBy(() -> json(column("{\"nullable\": true}")))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("columns.age.type is missing");
    }

    @Test
    void emptyAndMalformedRejected() {
        assertThatThrownBy(() -> json(""))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("empty");
        assertThatThrownBy(() -> json("{\"columns\": {}}"))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("no columns");
        assertThatThrownBy(() -> json("{\"columns\": {\"a\": {\"type\": \"text\"}"))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("line");
    }

    @Test
    void yamlAccepted() {
        Schema schema = SchemaIO.parse("""
                columns:
                  age: {type: integer, bounds: [17, 90], bins: {width: 5}}
                  income:
                    type: categorical
                    roles: [target]
                    categories: ["<=50K", ">50K"]
                    positive: ">50K"
                """, "test.yaml", true);

        assertThat(schema.spec("age").type()).isEqualTo(ColumnType.INTEGER);
        assertThat(schema.spec("income").roles()).containsExactly(Role.TARGET);
    }

    @Test
    void yamlUnknownKeyNamesPath() {
        assertThatThrownBy(() -> SchemaIO.parse("columns:\n  age: {type: integer, bins: {widht: 5}}\n", "s.yaml", true))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("columns.age.bins.widht");
    }

    @Test
    void writeThenReadEqual() {
        Schema schema = new Schema(List.of("?"), java.util.Map.of(
                "age", ColumnSpec.builder(ColumnType.INTEGER).roles(List.of(Role.QUASI_IDENTIFIER)).bounds(17, 90)
                        .bins(Bins.ofWidth(5)).nullable(false).build()));
        for (String name : List.of("s.json", "s.yaml")) {
            Path file = folder.resolve(name);
            SchemaIO.write(schema, file);

            assertThat(SchemaIO.read(file)).as(name).isEqualTo(schema);
        }
    }

    @Test
    void namesNormalisedToNfc() {
        Schema schema = json("{\"columns\": {\"Gro\u0308\u00dfe\": {\"type\": \"real\"}}}");

        assertThat(schema.columns().keySet()).containsExactly("Gr\u00f6\u00dfe");
        assertThatThrownBy(() -> json("{\"columns\": {\"Gro\u0308\u00dfe\": {\"type\": \"real\"}, "
                + "\"Gr\u00f6\u00dfe\": {\"type\": \"real\"}}}"))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("listed twice");
    }
}
