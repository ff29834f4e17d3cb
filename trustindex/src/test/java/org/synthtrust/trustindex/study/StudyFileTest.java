package org.synthtrust.trustindex.study;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.synthtrust.core.InvalidInputException;
import org.synthtrust.trustindex.Normalisation;
import org.synthtrust.trustindex.TrustPillar;
import org.synthtrust.trustindex.study.StudyPlan.CandidatePlan;

class StudyFileTest {
    private static final Path CASES = Path.of("/work/shared/cases/inputs");

    @TempDir
    Path folder;

    @BeforeEach
    void copyInputs() throws Exception {
        Files.createDirectories(folder.resolve("data"));
        Files.copy(CASES.resolve("C17.csv"), folder.resolve("data/real.csv"));
        Files.copy(CASES.resolve("C17-synth.csv"), folder.resolve("vendor.csv"));
        Files.writeString(folder.resolve("data/schema.json"), StudyRunnerTest.C17_SCHEMA);
    }

    private Path write(String yaml) throws Exception {
        Path file = folder.resolve("study.yaml");
        Files.writeString(file, yaml);
        return file;
    }

    @Test
    void resolvesPathsAndDefaults() throws Exception {
        StudyPlan plan = StudyFile.load(write("""
                data: data/real.csv
                schema: data/schema.json
                candidates:
                  - {name: ind, method: independent, epsilon: 1.0, delta: 1.0e-9, repeats: 2}
                  - {name: vendor-x, file: vendor.csv, epsilon: 2}
                weights: privacy-first
                normalisation: relative
                output: out
                """));
        assertThat(plan.name()).isEqualTo("study");
        assertThat(plan.data()).isEqualTo(folder.resolve("data/real.csv").toAbsolutePath().normalize());
        assertThat(plan.holdoutFraction()).isEqualTo(StudyFile.DEFAULT_HOLDOUT_FRACTION);
        assertThat(plan.holdoutSeed()).isEqualTo(StudyFile.DEFAULT_SPLIT_SEED);
        assertThat(plan.output()).isEqualTo(folder.resolve("out").toAbsolutePath().normalize());
        assertThat(plan.trust().weights().get(TrustPillar.PRIVACY)).isEqualTo(3.0);
        assertThat(plan.trust().normalisation()).isEqualTo(Normalisation.RELATIVE);
        assertThat(plan.trust().defaultConstraints()).isTrue();

        CandidatePlan ind = plan.candidates().get(0);
        assertThat(ind.stem(0)).isEqualTo("ind-r1");
        assertThat(ind.stem(1)).isEqualTo("ind-r2");
        CandidatePlan vendor = plan.candidates().get(1);
        assertThat(vendor.isExternal()).isTrue();
        assertThat(vendor.epsilon()).isEqualTo(2.0);
        assertThat(vendor.stem(0)).isEqualTo("vendor-x");
    }

    @Test
    void unknownKeyRejectedWithPath() throws Exception {
        Path file = write("""
                data: data/real.csv
                schema: data/schema.json
                candidates:
                  - {name: ind, method: independent, epsilon: 1.0, delta: 1.0e-9}
                  - {name: mst, method: mst, epsilonn: 1.0, delta: 1.0e-9}
                """);
        assertThatThrownBy(() -> StudyFile.load(file)).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("unknown key 'candidates[1].epsilonn'")
                .hasMessageContaining("line 5");
    }

    @Test
    void wrongTypeRejectedWithPath() throws Exception {
        Path file = write("""
                data: data/real.csv
                schema: data/schema.json
                holdout: {fraction: lots, seed: 3}
                candidates:
                  - {name: ind, method: independent, epsilon: 1.0, delta: 1.0e-9}
                """);
        assertThatThrownBy(() -> StudyFile.load(file)).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("'holdout.fraction'");
    }

    @Test
    void gridExpandsMembers() throws Exception {
        StudyPlan plan = StudyFile.load(write("""
                name: grid-study
                data: data/real.csv
                schema: data/schema.json
                holdout_file: data/real.csv
                candidates:
                  - name: g
                    delta: 1.0e-9
                    grid: {methods: [independent, mst], epsilons: [0.5, 1.0]}
                """));
        assertThat(plan.candidates()).extracting(CandidatePlan::name).containsExactly(
                "g-independent-e0.5", "g-independent-e1", "g-mst-e0.5", "g-mst-e1");
        assertThat(plan.candidates()).extracting(CandidatePlan::grid).containsOnly("g");
        assertThat(plan.holdoutFraction()).isNull();
    }

    @Test
    void invalidSettingsRejected() throws Exception {
        String head = "data: data/real.csv\nschema: data/schema.json\n";
        assertThatThrownBy(() -> StudyFile.load(write(head + "candidates:\n"
                + "  - {name: a, method: nosuch, epsilon: 1, delta: 0}\n")))
                .hasMessageContaining("unknown method 'nosuch'");
        assertThatThrownBy(() -> StudyFile.load(write(head + "candidates:\n"
                + "  - {name: a, method: independent, epsilon: 1}\n")))
                .hasMessageContaining("candidates[0].delta: missing");
        assertThatThrownBy(() -> StudyFile.load(write(head + "candidates:\n"
                + "  - {name: a, method: independent, epsilon: 1, delta: 0}\n"
                + "  - {name: A, file: vendor.csv}\n")))
                .hasMessageContaining("'A' is used twice");
        assertThatThrownBy(() -> StudyFile.load(write(head + "candidates:\n"
                + "  - {name: a, method: independent, epsilon: 1, delta: 0}\n"
                + "constraints: ['epsilon=1']\n")))
                .hasMessageContaining("constraints[0]");
        assertThatThrownBy(() -> StudyFile.load(write(head + "candidates:\n"
                + "  - {name: a, file: missing.csv}\n")))
                .hasMessageContaining("candidates[0].file: file").hasMessageContaining("not found");
    }
}
