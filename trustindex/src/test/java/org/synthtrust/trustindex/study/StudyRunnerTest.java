package org.synthtrust.trustindex.study;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.CleanupMode;
import org.junit.jupiter.api.io.TempDir;
import org.synthtrust.core.InvalidInputException;
import org.synthtrust.core.progress.CancellationToken;
import org.synthtrust.core.progress.CancelledException;
import org.synthtrust.trustindex.Ranking;
import org.synthtrust.trustindex.Ranking.CandidateScore;
import org.synthtrust.trustindex.TrustPillar;

/**
 * End-to-end studies on real case files. The candidates run in the seeded test mode, which is not private, so
 * the outcome is reproducible.
 */
class StudyRunnerTest {
    private static final Path CASES = Path.of("/work/shared/cases/inputs");

    static final String C17_SCHEMA = """
            {"columns": {
              "region": {"type": "categorical", "roles": ["quasi_identifier"],
                         "categories": ["north", "south", "east", "west"]},
              "age": {"type": "integer", "roles": ["quasi_identifier"], "bounds": [18, 90], "bins": {"width": 8}},
              "plan": {"type": "categorical", "categories": ["basic", "plus"]},
              "spend_band": {"type": "categorical", "roles": ["sensitive"], "categories": ["low", "mid", "high"]}
            }}
            """;

    @TempDir(cleanup = CleanupMode.ON_SUCCESS)
    Path folder;

    /**
     * A copy of the real table (case C17), declared with epsilon 1 by its maker, ranks last on privacy. The
     * default exact-match constraint disqualifies it but not the honest seeded candidates.
     */
    @Test
    void copyOfRealDataDisqualified() throws Exception {
        Files.copy(CASES.resolve("C17.csv"), folder.resolve("real.csv"));
        Files.copy(CASES.resolve("C17-synth.csv"), folder.resolve("copy.csv"));
        Files.writeString(folder.resolve("schema.json"), C17_SCHEMA);
        Path studyFile = folder.resolve("study.yaml");
        Files.writeString(studyFile, """
                name: c17
                data: real.csv
                schema: schema.json
                holdout: {fraction: 0.15, seed: 3}
                candidates:
                  - {name: ind, method: independent, epsilon: 1.0, delta: 1.0e-9, seed: 11}
                  - {name: mst, method: mst, epsilon: 1.0, delta: 1.0e-9, seed: 12}
                  - {name: copy, file: copy.csv, epsilon: 1.0}
                audit: {metrics: [privacy, fidelity]}
                weights: {privacy: 1, fidelity: 1}
                """);
        StudyPlan plan = StudyFile.load(studyFile);
        Path out = folder.resolve("out");
        StudyRanking result = new StudyRunner(plan, out, StudyFolder.Mode.NEW).run(null, null);
        Ranking ranking = result.ranking();

        CandidateScore copy = ranking.candidate("copy");
        assertThat(copy.disqualified()).isTrue();
        assertThat(copy.disqualificationReasons()).anyMatch(reason -> reason.contains("privacy.exact_match.rate"));
        double copyPrivacy = copy.pillars().get(TrustPillar.PRIVACY.id()).score();
        for (String honest : List.of("ind", "mst")) {
            CandidateScore candidate = ranking.candidate(honest);
            assertThat(candidate.disqualified()).as(honest + " reasons " + candidate.disqualificationReasons())
                    .isFalse();
            assertThat(candidate.pillars().get(TrustPillar.PRIVACY.id()).score()).as(honest)
                    .isGreaterThan(copyPrivacy);
        }

        assertThat(out.resolve("study.json")).isRegularFile();
        assertThat(out.resolve("audit.json")).isRegularFile();
        assertThat(out.resolve("ranking.json")).isRegularFile();
        assertThat(out.resolve("run.log")).isRegularFile();
        assertThat(out.resolve("synthetic/ind.csv")).isRegularFile();
        assertThat(out.resolve("models/mst.json")).isRegularFile();
        String provenance = Files.readString(out.resolve("synthetic/ind.provenance.json"));
        assertThat(provenance).doesNotContain(StudyJson.MAPPER.readTree(out.resolve("study.json").toFile())
                .path("input").path("data_sha256").asText());
        assertThat(provenance).doesNotContain("train_rows");
        StudyRecord record = StudyJson.read(out.resolve("study.json"), StudyRecord.class);
        assertThat(record.budget().totalEpsilon()).isLessThanOrEqualTo(2.0 + 1e-9);
        assertThat(record.budget().fits()).isEqualTo(2);
        assertThat(record.input().holdoutRows()).isEqualTo(2);

        // A second run into the same folder needs --resume or --overwrite.
        assertThatThrownBy(() -> new StudyRunner(plan, out, StudyFolder.Mode.NEW).run(null, null))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("--resume");

        // Re-ranking reads audit.json only and gives the same order with the same settings.
        StudyRanking reranked = StudyRanker.rankFolder(out, StudyRanker.settingsOf(record));
        assertThat(reranked.ranking().candidates()).extracting(CandidateScore::name)
                .containsExactlyElementsOf(ranking.candidates().stream().map(CandidateScore::name).toList());
    }

    /**
     * On a small categorical domain (4 columns, 120 cells) exact matches with training rows are common for any
     * row of the population. Honest DP candidates match about as often as holdout rows, so they stay qualified.
     */
    @Test
    void smallDomainHonestQualified() throws Exception {
        List<String> lines = Files.readAllLines(Path.of("..", "sample-data", "adult_discretized",
                "adult_discretized.csv"));
        StringBuilder csv = new StringBuilder("relationship,race,sex,income\n");
        for (String line : lines.subList(1, 1501)) {
            String[] cells = line.split(",");
            csv.append(cells[6]).append(',').append(cells[7]).append(',').append(cells[8]).append(',')
                    .append(cells[13]).append('\n');
        }
        Files.writeString(folder.resolve("small.csv"), csv);
        Files.writeString(folder.resolve("schema.json"), """
                {"columns": {
                  "relationship": {"type": "categorical", "categories": ["0", "1", "2", "3", "4", "5"]},
                  "race": {"type": "categorical", "roles": ["quasi_identifier", "protected"],
                           "categories": ["0", "1", "2", "3", "4"]},
                  "sex": {"type": "categorical", "roles": ["quasi_identifier", "protected"], "categories": ["0", "1"]},
                  "income": {"type": "categorical", "roles": ["target"], "categories": ["0", "1"], "positive": "1"}
                }}
                """);
        Path studyFile = folder.resolve("study.yaml");
        Files.writeString(studyFile, """
                data: small.csv
                schema: schema.json
                holdout: {fraction: 0.3, seed: 5}
                candidates:
                  - {name: ind, method: independent, epsilon: 1.0, delta: 1.0e-9, seed: 21}
                  - {name: mst, method: mst, epsilon: 1.0, delta: 1.0e-9, seed: 22}
                audit: {metrics: [privacy.exact_match, fidelity.marginal1]}
                """);
        StudyRanking result = new StudyRunner(StudyFile.load(studyFile), folder.resolve("out"),
                StudyFolder.Mode.NEW).run(null, null);
        for (CandidateScore candidate : result.ranking().candidates()) {
            assertThat(candidate.disqualified()).as(candidate.name() + " " + candidate.disqualificationReasons())
                    .isFalse();
        }
        assertThat(result.ranking().allDisqualified()).isFalse();
    }

    /** A grid with repeats: every fit is charged, the selection names the total, repeats give robustness. */
    @Test
    void gridSelectionStatesTotalEpsilon() throws Exception {
        Files.copy(CASES.resolve("C17.csv"), folder.resolve("real.csv"));
        Files.writeString(folder.resolve("schema.json"), C17_SCHEMA);
        Path studyFile = folder.resolve("study.yaml");
        Files.writeString(studyFile, """
                data: real.csv
                schema: schema.json
                holdout: {fraction: 0.15, seed: 3}
                candidates:
                  - name: g
                    delta: 1.0e-9
                    repeats: 2
                    seed: 5
                    grid: {methods: [independent], epsilons: [0.5, 1.0]}
                audit: {metrics: [privacy.exact_match, fidelity.marginal1]}
                """);
        Path out = folder.resolve("out");
        StudyRanking result = new StudyRunner(StudyFile.load(studyFile), out, StudyFolder.Mode.NEW).run(null, null);

        assertThat(out.resolve("synthetic/g-independent-e0.5-r1.csv")).isRegularFile();
        assertThat(out.resolve("synthetic/g-independent-e1-r2.provenance.json")).isRegularFile();
        assertThat(result.budget().fits()).isEqualTo(4);
        assertThat(result.budget().totalEpsilon()).isLessThanOrEqualTo(3.0 + 1e-9);
        assertThat(result.selections()).singleElement().satisfies(selection -> {
            assertThat(selection.grid()).isEqualTo("g");
            assertThat(selection.selected()).isEqualTo(result.ranking().candidates().get(0).name());
            assertThat(selection.statement()).contains("no differential privacy guarantee covers")
                    .contains("basic composition");
        });
        CandidateScore first = result.ranking().candidates().get(0);
        assertThat(first.repeats()).isEqualTo(2);
        assertThat(first.pillars()).containsKey(TrustPillar.ROBUSTNESS.id());
    }

    @Test
    void cancelledRunStopsAndLogs() throws Exception {
        Files.copy(CASES.resolve("C17.csv"), folder.resolve("real.csv"));
        Files.writeString(folder.resolve("schema.json"), C17_SCHEMA);
        Path studyFile = folder.resolve("study.yaml");
        Files.writeString(studyFile, """
                data: real.csv
                schema: schema.json
                holdout: {fraction: 0.15, seed: 3}
                candidates:
                  - {name: ind, method: independent, epsilon: 1.0, delta: 1.0e-9, seed: 11}
                """);
        CancellationToken cancel = new CancellationToken();
        cancel.cancel();
        Path out = folder.resolve("out");
        StudyRunner runner = new StudyRunner(StudyFile.load(studyFile), out, StudyFolder.Mode.NEW);

        assertThatThrownBy(() -> runner.run(null, cancel)).isInstanceOf(CancelledException.class);
        assertThat(Files.readString(out.resolve("run.log"))).contains("cancelled").contains("--resume");
        assertThat(out.resolve("ranking.json")).doesNotExist();
    }
}
