package org.synthtrust.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Budget and schema configuration errors as a user meets them through a study file and 'run'. */
class ConfigurationCasesTest {
    @TempDir
    Path folder;

    @BeforeEach
    void inputs() {
        Resources.copy("cases/base-small.csv", folder);
        Resources.copy("cases/base-small.schema.json", folder);
        Resources.copy("cases/C29.csv", folder);
        Resources.copy("cases/C29.schema.json", folder);
    }

    private Cli runCandidate(String candidate) {
        return runStudy("base-small.csv", "base-small.schema.json", candidate);
    }

    private Cli runStudy(String data, String schema, String candidate) {
        Path study = Resources.write(folder, "study.yaml", "data: " + data + "\nschema: " + schema + "\n"
                + "holdout: {fraction: 0.25, seed: 1}\n"
                + "candidates:\n  - " + candidate + "\n"
                + "audit: {metrics: [fidelity.marginal1]}\n");
        return Cli.run("run", study.toString(), "--out", folder.resolve("out").toString(), "--progress", "none");
    }

    @Test
    void zeroEpsilonRejected() {
        Cli result = runCandidate("{name: pb, method: privbayes, epsilon: 0, delta: 0, params: {degree: 2}}");
        assertThat(result.code()).as(result.both()).isEqualTo(Main.EXIT_INVALID_INPUT);
        assertThat(result.err()).contains("candidates[0].epsilon", "epsilon > 0");
    }

    @Test
    void negativeEpsilonRejected() {
        Cli result = runCandidate("{name: m, method: mst, epsilon: -1.0, delta: 1.0e-6}");
        assertThat(result.code()).as(result.both()).isEqualTo(Main.EXIT_INVALID_INPUT);
        assertThat(result.err()).contains("candidates[0].epsilon");
    }

    @Test
    void zeroDeltaPureDpAccepted() {
        Cli result = runCandidate("{name: pb, method: privbayes, epsilon: 1.0, delta: 0, seed: 3}");
        assertThat(result.code()).as(result.both()).isIn(Main.EXIT_OK, Main.EXIT_ALL_DISQUALIFIED);
        assertThat(folder.resolve("out/synthetic/pb.csv")).isRegularFile();
    }

    @Test
    void aimZeroDeltaRejected() {
        Cli result = runCandidate("{name: a, method: aim, epsilon: 1.0, delta: 0}");
        assertThat(result.code()).as(result.both()).isEqualTo(Main.EXIT_INVALID_INPUT);
        assertThat(result.err()).contains("AIM needs delta > 0");
    }

    @Test
    void negativeDeltaRejected() {
        Cli result = runCandidate("{name: m, method: mst, epsilon: 1.0, delta: -1.0e-6}");
        assertThat(result.code()).as(result.both()).isEqualTo(Main.EXIT_INVALID_INPUT);
        assertThat(result.err()).contains("delta");
    }

    @Test
    void deltaAboveOneRejected() {
        Cli result = runCandidate("{name: g, method: dpgan, epsilon: 1.0, delta: 1.5}");
        assertThat(result.code()).as(result.both()).isEqualTo(Main.EXIT_INVALID_INPUT);
        assertThat(result.err()).contains("delta");
    }

    @Test
    void largeDeltaRejected() {
        Cli result = runCandidate("{name: m, method: mst, epsilon: 1.0, delta: 0.2}");
        assertThat(result.code()).as(result.both()).isEqualTo(Main.EXIT_INVALID_INPUT);
        assertThat(result.err()).contains("1/n");
    }

    @Test
    void unboundedSalaryRejected() {
        Cli result = runStudy("C29.csv", "C29.schema.json", "{name: a, method: aim, epsilon: 1.0, delta: 1.0e-6}");
        assertThat(result.code()).as(result.both()).isEqualTo(Main.EXIT_INVALID_INPUT);
        assertThat(result.err()).contains("salary", "bounds");
    }
}
