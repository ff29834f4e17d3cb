package org.synthtrust.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.synthtrust.audit.AuditResult;

class AuditCommandTest {

    private static int run(StringWriter out, StringWriter err, String... args) {
        return Main.run(args, new PrintWriter(out, true), new PrintWriter(err, true));
    }

    private static Path write(Path dir, String name, String content) throws Exception {
        Path file = dir.resolve(name);
        Files.writeString(file, content);
        return file;
    }

    @Test
    void auditWritesJsonAndSummary(@TempDir Path dir) throws Exception {
        StringBuilder real = new StringBuilder("id,dept,score\n");
        StringBuilder synth = new StringBuilder("id,dept,score\n");
        String[] depts = {"A", "B", "C"};
        for (int k = 0; k < 30; k++) {
            real.append("r").append(k).append(',').append(depts[k % 3]).append(',').append(k).append('\n');
            synth.append("s").append(k).append(',').append(depts[(k + 1) % 3]).append(',').append(k + 1).append('\n');
        }
        Path train = write(dir, "train.csv", real.toString());
        Path holdout = write(dir, "holdout.csv", real.toString());
        Path synthetic = write(dir, "synth.csv", synth.toString());
        Path schema = write(dir, "schema.json", "{\"columns\": {\"id\": {\"type\": \"text\", \"roles\": [\"identifier\"]},"
                + " \"dept\": {\"type\": \"categorical\"}, \"score\": {\"type\": \"integer\"}}}");
        Path out = dir.resolve("study");
        StringWriter stdout = new StringWriter();
        StringWriter stderr = new StringWriter();
        int code = run(stdout, stderr, "audit", "--train", train.toString(), "--holdout", holdout.toString(),
                "--synthetic", "shifted=" + synthetic, "--schema", schema.toString(), "--metrics", "fidelity.column_shape",
                "--out", out.toString());
        assertEquals(0, code, stderr.toString());
        assertTrue(stdout.toString().contains("fidelity.column_shape.tv_complement"), stdout.toString());
        assertTrue(stdout.toString().contains("identifier or ignore columns left out: id"), stdout.toString());
        AuditResult result = AuditResult.read(out.resolve("audit.json"));
        assertEquals(1.0, result.find("shifted", "fidelity.column_shape.tv_complement").orElseThrow().value(), 1e-12);
        assertTrue(result.provenance().inputSha256().containsKey("synthetic:shifted"));

        int again = run(new StringWriter(), stderr, "audit", "--train", train.toString(), "--holdout",
                holdout.toString(), "--synthetic", "shifted=" + synthetic, "--schema", schema.toString(), "--out",
                out.toString());
        assertEquals(Main.EXIT_INVALID_INPUT, again);
        assertTrue(stderr.toString().contains("already exists"), stderr.toString());
    }

    @Test
    void unknownMetricIsInvalidInput(@TempDir Path dir) throws Exception {
        Path csv = write(dir, "t.csv", "a\n1\n2\n");
        Path schema = write(dir, "schema.json", "{\"columns\": {\"a\": {\"type\": \"integer\"}}}");
        StringWriter stderr = new StringWriter();
        int code = run(new StringWriter(), stderr, "audit", "--train", csv.toString(), "--holdout", csv.toString(),
                "--synthetic", "x=" + csv, "--schema", schema.toString(), "--metrics", "fidelity.nonsense",
                "--out", dir.resolve("o").toString());
        assertEquals(Main.EXIT_INVALID_INPUT, code);
        assertTrue(stderr.toString().contains("unknown metric or pillar 'fidelity.nonsense'"), stderr.toString());
    }
}
