package org.synthtrust.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * generate and sample on the 40-row base table, and the budget and schema cases C25, C26 and C29 as a user
 * meets them on the command line.
 */
class GenerateSampleTest {
    @TempDir
    Path folder;

    @BeforeEach
    void inputs() {
        Resources.copy("cases/base-small.csv", folder);
        Resources.copy("cases/base-small.schema.json", folder);
        Resources.copy("cases/C29.csv", folder);
        Resources.copy("cases/C29.schema.json", folder);
    }

    private Cli generate(String method, String epsilon, String delta, String... extra) {
        List<String> args = new java.util.ArrayList<>(List.of("generate", folder.resolve("base-small.csv").toString(),
                "--schema", folder.resolve("base-small.schema.json").toString(), "--method", method,
                "--epsilon", epsilon, "--delta", delta, "--out", folder.resolve("synth.csv").toString(),
                "--progress", "lines"));
        args.addAll(List.of(extra));
        return Cli.run(args.toArray(String[]::new));
    }

    @Test
    void generateThenSample() throws Exception {
        Path model = folder.resolve("model.json");
        Cli fitted = generate("mst", "1.0", "1e-6", "--seed", "3", "--rows", "25", "--model-out", model.toString());
        assertThat(fitted.code()).as(fitted.both()).isEqualTo(Main.EXIT_OK);
        assertThat(fitted.out()).contains("wrote 25 synthetic rows", "privacy ledger", "total: epsilon");
        assertThat(fitted.err()).contains("warning: --seed selects seeded test mode").contains("100 %");
        assertThat(Files.readAllLines(folder.resolve("synth.csv"))).hasSize(26);
        assertThat(Files.readString(folder.resolve("synth.provenance.json"))).contains("\"method\"", "mst");
        assertThat(model).isRegularFile();

        Path resampled = folder.resolve("again.csv");
        Cli sampled = Cli.run("sample", model.toString(), "--rows", "12", "--out", resampled.toString(),
                "--seed", "4");
        assertThat(sampled.code()).as(sampled.both()).isEqualTo(Main.EXIT_OK);
        assertThat(Files.readAllLines(resampled)).hasSize(13);
        assertThat(folder.resolve("again.provenance.json")).isRegularFile();
        assertThat(sampled.err()).contains("seeded test mode");
    }

    @Test
    void sampleMissingModelExitsTwo() {
        Cli result = Cli.run("sample", folder.resolve("none.json").toString(), "--rows", "5", "--out",
                folder.resolve("x.csv").toString());
        assertThat(result.code()).as(result.both()).isEqualTo(Main.EXIT_INVALID_INPUT);
        assertThat(result.err()).contains("none.json");
    }

    @Test
    void zeroEpsilonRejected() {
        Cli result = generate("privbayes", "0", "0", "--param", "degree=2");
        assertThat(result.code()).as(result.both()).isEqualTo(Main.EXIT_INVALID_INPUT);
        assertThat(result.err()).contains("epsilon must be greater than 0; got 0");
        assertThat(folder.resolve("synth.csv")).doesNotExist();
    }

    @Test
    void negativeEpsilonRejected() {
        Cli result = generate("mst", "-1.0", "1e-6");
        assertThat(result.code()).as(result.both()).isEqualTo(Main.EXIT_INVALID_INPUT);
        assertThat(result.err()).contains("epsilon");
    }

    @Test
    void zeroDeltaPureDpAccepted() {
        Cli result = generate("privbayes", "1.0", "0", "--seed", "1");
        assertThat(result.code()).as(result.both()).isEqualTo(Main.EXIT_OK);
        assertThat(folder.resolve("synth.csv")).isRegularFile();
    }

    @Test
    void aimZeroDeltaRejected() {
        Cli result = generate("aim", "1.0", "0");
        assertThat(result.code()).as(result.both()).isEqualTo(Main.EXIT_INVALID_INPUT);
        assertThat(result.err()).contains("AIM needs delta > 0");
        assertThat(folder.resolve("synth.csv")).doesNotExist();
    }

    @Test
    void negativeDeltaRejected() {
        Cli result = generate("mst", "1.0", "-1e-6");
        assertThat(result.code()).as(result.both()).isEqualTo(Main.EXIT_INVALID_INPUT);
        assertThat(result.err()).contains("delta");
    }

    @Test
    void deltaAboveOneRejected() {
        Cli result = generate("dpgan", "1.0", "1.5");
        assertThat(result.code()).as(result.both()).isEqualTo(Main.EXIT_INVALID_INPUT);
        assertThat(result.err()).contains("delta");
    }

    @Test
    void largeDeltaNeedsOverride() {
        Cli rejected = generate("mst", "1.0", "0.2");
        assertThat(rejected.code()).as(rejected.both()).isEqualTo(Main.EXIT_INVALID_INPUT);
        assertThat(rejected.err()).contains("1/n = 0.025", "--allow-large-delta");

        Cli allowed = generate("mst", "1.0", "0.2", "--allow-large-delta", "--seed", "2");
        assertThat(allowed.code()).as(allowed.both()).isEqualTo(Main.EXIT_OK);
    }

    @Test
    void unboundedSalaryRejected() {
        Cli result = Cli.run("generate", folder.resolve("C29.csv").toString(), "--schema",
                folder.resolve("C29.schema.json").toString(), "--method", "aim", "--epsilon", "1.0",
                "--delta", "1e-6", "--out", folder.resolve("c29.csv").toString());
        assertThat(result.code()).as(result.both()).isEqualTo(Main.EXIT_INVALID_INPUT);
        assertThat(result.err()).contains("declare lower and upper bounds for numeric column 'salary'");
        assertThat(folder.resolve("c29.csv")).doesNotExist();
    }

    @Test
    void outputMustBeCsv() {
        Cli result = Cli.run("generate", folder.resolve("base-small.csv").toString(), "--schema",
                folder.resolve("base-small.schema.json").toString(), "--method", "mst", "--epsilon", "1",
                "--delta", "1e-6", "--out", folder.resolve("synth.txt").toString());
        assertThat(result.code()).isEqualTo(Main.EXIT_INVALID_INPUT);
        assertThat(result.err()).contains(".csv");
    }

    @Test
    void unknownPreprocessingSettingRejected() {
        // The preprocessing share is dp_bounds_share; a setting under another name must be refused, not dropped.
        Cli result = generate("dpgan", "1.0", "1e-6", "--param", "preprocessor_epsilon=1.0");
        assertThat(result.code()).as(result.both()).isEqualTo(Main.EXIT_INVALID_INPUT);
        assertThat(result.err()).contains("preprocessor_epsilon");
        assertThat(folder.resolve("synth.csv")).doesNotExist();
    }

    @Test
    void preprocessingShareLeavingNothingRejected() {
        // A split that spends the whole budget (or more) on DP bounds leaves nothing for training; it is
        // rejected before the data is read, with the setting, the value and the valid range.
        for (String share : List.of("1.0", "1.5")) {
            Cli result = generate("mst", "1.0", "1e-6", "--param", "dp_bounds=true", "--param",
                    "dp_bounds_share=" + share);
            assertThat(result.code()).as(result.both()).isEqualTo(Main.EXIT_INVALID_INPUT);
            assertThat(result.err()).contains("dp_bounds_share", share, "[0.001, 0.5]");
            assertThat(folder.resolve("synth.csv")).doesNotExist();
        }
    }
}
