package org.synthtrust.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every study command on a 300-row slice of the discretized Adult table: describe, run, rank, report and
 * audit, checking exit codes and the files of the study folder.
 */
class WorkflowTest {
    @TempDir
    static Path folder;

    static Path study;
    static Path out;
    static Cli first;

    @BeforeAll
    static void runStudy() {
        Resources.copy("adult-small.csv", folder);
        Resources.copy("adult-small.schema.json", folder);
        study = Resources.write(folder, "study.yaml", """
                name: adult-small
                data: adult-small.csv
                schema: adult-small.schema.json
                holdout: {fraction: 0.3, seed: 7}
                candidates:
                  - {name: ind, method: independent, epsilon: 1.0, delta: 1.0e-6, seed: 5}
                  - {name: mst, method: mst, epsilon: 1.0, delta: 1.0e-6, seed: 6, params: {iterations: 50}}
                audit: {metrics: [fidelity.marginal1, fidelity.marginal2, privacy.exact_match], max_model_rows: 300}
                weights: {privacy: 1, fidelity: 1, utility: 0, fairness: 0, robustness: 0}
                """);
        out = folder.resolve("study-out");
        first = Cli.run("run", study.toString(), "--out", out.toString(), "--progress", "lines");
    }

    @Test
    void runWritesStudyFolder() throws Exception {
        assertThat(first.code()).as(first.both()).isIn(Main.EXIT_OK, Main.EXIT_ALL_DISQUALIFIED);
        for (String file : new String[] {"study.json", "audit.json", "ranking.json", "run.log",
            "synthetic/ind.csv", "synthetic/ind.provenance.json", "synthetic/mst.csv", "models/mst.json"}) {
            assertThat(out.resolve(file)).as(file).isRegularFile();
        }
        JsonNode provenance = new ObjectMapper().readTree(out.resolve("synthetic/mst.provenance.json").toFile());
        assertThat(provenance.toString()).contains("not private");
        assertThat(first.out()).contains("study folder:");
    }

    @Test
    void runWarnsAboutSeededMode() {
        assertThat(first.err()).contains("warning: candidate 'ind' sets seed 5", "NOT differentially private");
    }

    @Test
    void runPrintsProgressLines() {
        assertThat(first.err()).containsPattern("ind: .* 100 %");
        assertThat(first.out()).doesNotContain(" 100 %");
    }

    @Test
    void existingFolderNeedsResume() {
        Cli again = Cli.run("run", study.toString(), "--out", out.toString());
        assertThat(again.code()).isEqualTo(Main.EXIT_INVALID_INPUT);
        assertThat(again.err()).contains("--resume", "--overwrite");

        Cli both = Cli.run("run", study.toString(), "--out", out.toString(), "--resume", "--overwrite");
        assertThat(both.code()).isEqualTo(Main.EXIT_INVALID_INPUT);
        assertThat(both.err()).contains("mutually exclusive");
    }

    @Test
    void quietRunPrintsNoProgress() {
        Path quietOut = folder.resolve("quiet-out");
        Cli quiet = Cli.run("--quiet", "run", study.toString(), "--out", quietOut.toString(), "--progress", "lines");
        assertThat(quiet.code()).as(quiet.both()).isIn(Main.EXIT_OK, Main.EXIT_ALL_DISQUALIFIED);
        assertThat(quiet.err()).doesNotContain("%").contains("warning: candidate 'ind'");
        assertThat(quietOut.resolve("ranking.json")).isRegularFile();
    }

    @Test
    void rankThenStrictConstraint() {
        Cli ranked = Cli.run("rank", out.toString(), "--weights", "privacy=1,fidelity=2");
        assertThat(ranked.code()).as(ranked.both()).isIn(Main.EXIT_OK, Main.EXIT_ALL_DISQUALIFIED);
        assertThat(ranked.out()).contains("ind", "mst");

        Cli strict = Cli.run("rank", out.toString(), "--constraint", "epsilon<0.5");
        assertThat(strict.code()).as(strict.both()).isEqualTo(Main.EXIT_ALL_DISQUALIFIED);
    }

    @Test
    void reportWritesJson() throws Exception {
        Path report = folder.resolve("report.json");
        Cli result = Cli.run("report", out.toString(), "--format", "json", "--out", report.toString());
        assertThat(result.code()).as(result.both()).isEqualTo(Main.EXIT_OK);
        assertThat(new ObjectMapper().readTree(report.toFile()).isObject()).isTrue();
    }

    @Test
    void auditExternalTables() throws Exception {
        Path auditOut = folder.resolve("audit-out");
        Cli result = Cli.run("audit", "--train", folder.resolve("adult-small.csv").toString(),
                "--holdout", folder.resolve("adult-small.csv").toString(),
                "--schema", folder.resolve("adult-small.schema.json").toString(),
                "--synthetic", "ind=" + out.resolve("synthetic/ind.csv"),
                "--metrics", "fidelity.marginal1", "--out", auditOut.toString(), "--progress", "lines");
        assertThat(result.code()).as(result.both()).isEqualTo(Main.EXIT_OK);
        assertThat(auditOut.resolve("audit.json")).isRegularFile();
        assertThat(result.out()).contains("fidelity.marginal1.tvd_mean");
        assertThat(result.err()).contains("%");

        Cli again = Cli.run("audit", "--train", folder.resolve("adult-small.csv").toString(),
                "--holdout", folder.resolve("adult-small.csv").toString(),
                "--schema", folder.resolve("adult-small.schema.json").toString(),
                "--synthetic", "ind=" + out.resolve("synthetic/ind.csv"), "--out", auditOut.toString());
        assertThat(again.code()).isEqualTo(Main.EXIT_INVALID_INPUT);
    }

    @Test
    void describeTextAndJson() throws Exception {
        Cli text = Cli.run("describe", folder.resolve("adult-small.csv").toString(), "--schema",
                folder.resolve("adult-small.schema.json").toString());
        assertThat(text.code()).as(text.both()).isEqualTo(Main.EXIT_OK);
        assertThat(text.out()).contains("workclass");

        Cli json = Cli.run("describe", folder.resolve("adult-small.csv").toString(), "--format", "json");
        assertThat(json.code()).as(json.both()).isEqualTo(Main.EXIT_OK);
        assertThat(new ObjectMapper().readTree(json.out()).isObject()).isTrue();
    }

    @Test
    void malformedStudyNamesKey() {
        Path bad = Resources.write(folder, "bad.yaml", """
                data: adult-small.csv
                schema: adult-small.schema.json
                candidates:
                  - {name: ind, method: independent, epsilom: 1.0, delta: 1.0e-6}
                """);
        Cli result = Cli.run("run", bad.toString(), "--out", folder.resolve("bad-out").toString());
        assertThat(result.code()).as(result.both()).isEqualTo(Main.EXIT_INVALID_INPUT);
        assertThat(result.err()).contains("candidates[0]", "epsilom");
        assertThat(folder.resolve("bad-out")).doesNotExist();
    }

    @Test
    void brokenYamlNamesLine() {
        Path bad = Resources.write(folder, "broken.yaml", "data: adult-small.csv\ncandidates: [ {name: x\n");
        Cli result = Cli.run("run", bad.toString(), "--out", folder.resolve("broken-out").toString());
        assertThat(result.code()).as(result.both()).isEqualTo(Main.EXIT_INVALID_INPUT);
        assertThat(result.err()).contains("broken.yaml", "line");
    }

    @Test
    void missingStudyFileExitsTwo() throws Exception {
        Cli result = Cli.run("run", folder.resolve("nope.yaml").toString(), "--out", folder.resolve("x").toString());
        assertThat(result.code()).isEqualTo(Main.EXIT_INVALID_INPUT);
        assertThat(result.err()).contains("nope.yaml");
        assertThat(Files.exists(folder.resolve("x"))).isFalse();
    }

    @Test
    void candidateNameCannotEscape() {
        Path bad = Resources.write(folder, "escape.yaml", """
                data: adult-small.csv
                schema: adult-small.schema.json
                candidates:
                  - {name: ../escaped, method: independent, epsilon: 1.0, delta: 1.0e-6}
                """);
        Cli result = Cli.run("run", bad.toString(), "--out", folder.resolve("escape-out").toString());
        assertThat(result.code()).as(result.both()).isEqualTo(Main.EXIT_INVALID_INPUT);
        assertThat(result.err()).contains("candidates[0].name", "../escaped");
        assertThat(folder.resolve("escaped.csv")).doesNotExist();
        assertThat(folder.resolve("escape-out")).doesNotExist();
    }

    @Test
    void seededRunIsReproducible() throws Exception {
        Path second = folder.resolve("second-out");
        Cli again = Cli.run("run", study.toString(), "--out", second.toString(), "--quiet");
        assertThat(again.code()).as(again.both()).isEqualTo(first.code());
        for (String file : new String[] {"synthetic/ind.csv", "synthetic/mst.csv"}) {
            assertThat(Files.readAllBytes(second.resolve(file))).as(file)
                    .isEqualTo(Files.readAllBytes(out.resolve(file)));
        }
        ObjectMapper mapper = new ObjectMapper();
        JsonNode firstResults = mapper.readTree(out.resolve("audit.json").toFile()).get("results");
        JsonNode secondResults = mapper.readTree(second.resolve("audit.json").toFile()).get("results");
        assertThat(secondResults.size()).isEqualTo(firstResults.size());
        for (int i = 0; i < firstResults.size(); i++) {
            assertThat(secondResults.get(i).get("value")).as(firstResults.get(i).get("id").asText())
                    .isEqualTo(firstResults.get(i).get("value"));
        }
    }
}
