package org.synthtrust.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The run and rank commands on case C17: a copy of the real table next to one seeded, not private, fit. */
class RunRankCommandTest {
    private static final Path CASES = Path.of("/work/shared/cases/inputs");

    @TempDir
    Path folder;

    private int main(StringWriter out, StringWriter err, String... args) {
        return Main.run(args, new PrintWriter(out, true), new PrintWriter(err, true));
    }

    private Path writeStudy() throws Exception {
        Files.copy(CASES.resolve("C17.csv"), folder.resolve("real.csv"));
        Files.copy(CASES.resolve("C17-synth.csv"), folder.resolve("copy.csv"));
        Files.writeString(folder.resolve("schema.json"), """
                {"columns": {
                  "region": {"type": "categorical", "roles": ["quasi_identifier"],
                             "categories": ["north", "south", "east", "west"]},
                  "age": {"type": "integer", "roles": ["quasi_identifier"], "bounds": [18, 90], "bins": {"width": 8}},
                  "plan": {"type": "categorical", "categories": ["basic", "plus"]},
                  "spend_band": {"type": "categorical", "roles": ["sensitive"], "categories": ["low", "mid", "high"]}
                }}
                """);
        Path study = folder.resolve("study.yaml");
        Files.writeString(study, """
                data: real.csv
                schema: schema.json
                holdout: {fraction: 0.15, seed: 3}
                candidates:
                  - {name: ind, method: independent, epsilon: 1.0, delta: 1.0e-9, seed: 11}
                  - {name: copy, file: copy.csv, epsilon: 1.0}
                audit: {metrics: [privacy.exact_match, fidelity.marginal1]}
                """);
        return study;
    }

    @Test
    void runThenRankExitCodes() throws Exception {
        Path study = writeStudy();
        Path out = folder.resolve("out");
        StringWriter stdout = new StringWriter();
        StringWriter stderr = new StringWriter();

        int code = main(stdout, stderr, "run", study.toString(), "--out", out.toString());
        assertThat(code).as(stderr.toString()).isEqualTo(Main.EXIT_OK);
        assertThat(stdout.toString()).contains("disqualified: violates privacy.exact_match.rate");
        assertThat(out.resolve("ranking.json")).isRegularFile();

        int again = main(new StringWriter(), stderr, "run", study.toString(), "--out", out.toString());
        assertThat(again).isEqualTo(Main.EXIT_INVALID_INPUT);
        assertThat(stderr.toString()).contains("--resume");

        int resumed = main(new StringWriter(), new StringWriter(), "run", study.toString(), "--out", out.toString(),
                "--resume");
        assertThat(resumed).isEqualTo(Main.EXIT_OK);
        assertThat(Files.readString(out.resolve("run.log"))).contains("finished earlier");

        StringWriter ranked = new StringWriter();
        int strict = main(ranked, new StringWriter(), "rank", out.toString(), "--constraint", "epsilon<0.5");
        assertThat(strict).isEqualTo(Main.EXIT_ALL_DISQUALIFIED);
        assertThat(ranked.toString()).contains("every candidate is disqualified");

        int relaxed = main(new StringWriter(), new StringWriter(), "rank", out.toString(),
                "--no-default-constraints", "--weights", "privacy-first");
        assertThat(relaxed).isEqualTo(Main.EXIT_OK);
    }

    @Test
    void badWeightsExitTwo() throws Exception {
        StringWriter stderr = new StringWriter();
        Path empty = Files.createDirectories(folder.resolve("empty"));
        int code = main(new StringWriter(), stderr, "rank", empty.toString(), "--weights", "privacy=-1");
        assertThat(code).isEqualTo(Main.EXIT_INVALID_INPUT);
        assertThat(stderr.toString()).contains("weight -1.0 is invalid");
    }
}
