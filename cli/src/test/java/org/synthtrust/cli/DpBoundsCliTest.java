package org.synthtrust.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The salary column without declared bounds and one outlier of 412,000, generated with --param dp_bounds=true:
 * the ledger printed shows the pre-processing lines and neither the model nor the synthetic table contains the
 * outlier.
 */
class DpBoundsCliTest {
    @TempDir
    Path folder;

    @BeforeEach
    void inputs() {
        Resources.copy("cases/C29.csv", folder);
        Resources.copy("cases/C29.schema.json", folder);
    }

    @Test
    void dpBoundsParamEstimatesBounds() throws Exception {
        Path model = folder.resolve("model.json");
        Cli result = Cli.run("generate", folder.resolve("C29.csv").toString(), "--schema",
                folder.resolve("C29.schema.json").toString(), "--method", "aim", "--epsilon", "1.0",
                "--delta", "1e-6", "--param", "dp_bounds=true", "--seed", "29", "--rows", "500",
                "--out", folder.resolve("c29.csv").toString(), "--model-out", model.toString());
        assertThat(result.code()).as(result.both()).isEqualTo(Main.EXIT_OK);
        assertThat(result.out()).contains("preprocessing: log-scale histogram of 'salary");
        String json = Files.readString(model);
        assertThat(json).contains("\"dp_bounds\"").doesNotContain("412000");
        List<String> lines = Files.readAllLines(folder.resolve("c29.csv"));
        assertThat(lines).hasSize(501);
        for (String line : lines.subList(1, lines.size())) {
            assertThat(Double.parseDouble(line.substring(line.indexOf(',') + 1))).isNotEqualTo(412000.0);
        }
    }
}
