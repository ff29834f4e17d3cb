package org.synthtrust.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GenerateCommandTest {
    @TempDir
    Path folder;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        return Main.run(args, new PrintWriter(out, true), new PrintWriter(err, true));
    }

    private static Path heart() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.isDirectory(dir.resolve("sample-data"))) {
                return dir.resolve("sample-data").resolve("heart_disease");
            }
        }
        throw new IllegalStateException("sample-data not found");
    }

    @Test
    void generateThenSampleModel() throws Exception {
        Path synthetic = folder.resolve("mst.csv");
        Path model = folder.resolve("mst.json");
        int code = run("generate", heart().resolve("heart_cleveland.csv").toString(), "--schema",
                heart().resolve("schema.json").toString(), "--method", "mst", "--epsilon", "1", "--delta", "1e-6",
                "--rows", "40", "--out", synthetic.toString(), "--model-out", model.toString(), "--seed", "3");

        assertThat(code).as(err.toString()).isZero();
        assertThat(Files.readAllLines(synthetic)).hasSize(41);
        assertThat(out.toString()).contains("privacy ledger").contains("total: epsilon = 1.000000");
        assertThat(err.toString()).contains("not private");

        Path resampled = folder.resolve("again.csv");
        code = run("sample", model.toString(), "--rows", "25", "--out", resampled.toString(), "--seed", "4");
        assertThat(code).as(err.toString()).isZero();
        assertThat(Files.readAllLines(resampled)).hasSize(26);
        assertThat(Files.readAllLines(resampled).get(0)).isEqualTo(Files.readAllLines(synthetic).get(0));
    }

    @Test
    void unknownMethodExitsWithTwo() {
        int code = run("generate", heart().resolve("heart_cleveland.csv").toString(), "--schema",
                heart().resolve("schema.json").toString(), "--method", "nope", "--epsilon", "1", "--delta", "1e-6",
                "--out", folder.resolve("x.csv").toString());
        assertThat(code).isEqualTo(Main.EXIT_INVALID_INPUT);
        assertThat(err.toString()).contains("unknown method 'nope'").contains("mst");
    }
}
