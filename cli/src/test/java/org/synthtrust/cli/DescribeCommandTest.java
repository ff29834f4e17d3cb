package org.synthtrust.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.synthtrust.core.schema.Role;
import org.synthtrust.core.schema.Schema;
import org.synthtrust.core.schema.SchemaIO;
import org.synthtrust.core.table.ColumnType;

class DescribeCommandTest {
    @TempDir
    Path folder;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        return Main.run(args, new PrintWriter(out, true), new PrintWriter(err, true));
    }

    private static Path sampleData() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.isDirectory(dir.resolve("sample-data"))) {
                return dir.resolve("sample-data");
            }
        }
        throw new IllegalStateException("sample-data not found");
    }

    @Test
    void describesAdultWithSchema() {
        Path adult = sampleData().resolve("adult");
        int code = run("describe", adult.resolve("adult_train.csv").toString(), "--schema",
                adult.resolve("schema.json").toString());

        assertThat(code).as(err.toString()).isZero();
        String text = out.toString();
        assertThat(text).contains("rows:    32561, columns: 15");
        assertThat(text).containsPattern("income\\s+categorical\\s+target\\s+0\\s+2\\s+\\{<=50K, >50K\\}");
        assertThat(text).containsPattern("workclass\\s+categorical\\s+-\\s+1836\\s+8\\s+");
        assertThat(text).containsPattern("age\\s+integer\\s+quasi_identifier,protected\\s+0\\s+73\\s+\\[17, 90\\] bins width 5");
        assertThat(text).contains("fnlwgt").contains("ignore");
    }

    @Test
    void inferredJsonListsNotes() throws Exception {
        Path file = folder.resolve("c08.csv");
        Files.writeString(file, "invoice_no,quantity\n700101,3\nC700105,-2\n700102,1\n700103,4\n");
        int code = run("describe", file.toString(), "--format", "json");

        assertThat(code).as(err.toString()).isZero();
        JsonNode root = new ObjectMapper().readTree(out.toString());
        assertThat(root.get("rows").asInt()).isEqualTo(4);
        JsonNode invoice = root.get("columns").get(0);
        assertThat(invoice.get("name").asText()).isEqualTo("invoice_no");
        assertThat(invoice.get("type").asText()).isEqualTo("text");
        assertThat(invoice.get("roles").get(0).asText()).isEqualTo("identifier");
        assertThat(invoice.get("notes").toString()).contains("1 of 4 values are not numeric, for example C700105");
        assertThat(invoice.get("spec").get("inferred_from_data").asBoolean()).isTrue();
    }

    @Test
    void writesEditableSchema() {
        Path file = folder.resolve("ids.csv");
        StringBuilder csv = new StringBuilder("record_id,dept,hours\n");
        for (int row = 0; row < 25; row++) {
            csv.append("r-").append(row).append(',').append(row % 3 == 0 ? "hr" : "ops").append(',').append(row * 1.5)
                    .append('\n');
        }
        Path schemaFile = folder.resolve("schema.json");
        int code;
        try {
            Files.writeString(file, csv.toString());
            code = run("describe", file.toString(), "--write-schema", schemaFile.toString());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }

        assertThat(code).as(err.toString()).isZero();
        Schema schema = SchemaIO.read(schemaFile);
        assertThat(schema.spec("record_id").roles()).containsExactly(Role.IDENTIFIER);
        assertThat(schema.spec("dept").type()).isEqualTo(ColumnType.CATEGORICAL);
        assertThat(schema.spec("dept").categories()).containsExactly("hr", "ops");
        assertThat(schema.spec("hours").isInferred()).isTrue();
    }

    @Test
    void invalidInputExitsTwo() {
        int missing = run("describe", folder.resolve("absent.csv").toString());
        assertThat(missing).isEqualTo(Main.EXIT_INVALID_INPUT);
        assertThat(err.toString()).contains("error:").contains("absent.csv");

        Path adult = sampleData().resolve("adult");
        int wrongSchema = run("describe", adult.resolve("adult_train.csv").toString(), "--schema",
                sampleData().resolve("german_credit/schema.json").toString());
        assertThat(wrongSchema).isEqualTo(Main.EXIT_INVALID_INPUT);
        assertThat(err.toString()).contains("schema column 'checking_status' is not in the header");
    }

    @Test
    void textListsInferenceNotes() throws Exception {
        Path file = folder.resolve("tickets.csv");
        StringBuilder csv = new StringBuilder("record_id,ticket_ref,dept\n");
        for (int row = 0; row < 40; row++) {
            csv.append("r-").append(row).append(",REF").append(row % 35).append(',').append(row % 2 == 0 ? "hr" : "it")
                    .append('\n');
        }
        Files.writeString(file, csv.toString());
        int code = run("describe", file.toString());

        assertThat(code).as(err.toString()).isZero();
        assertThat(out.toString()).containsPattern("record_id\\s+text\\s+identifier\\s+0\\s+40");
        assertThat(out.toString()).contains("column 'ticket_ref': high cardinality: 35 distinct values in 40 rows");
        assertThat(out.toString()).contains("inferred domains are not covered by a DP guarantee");
    }
}
