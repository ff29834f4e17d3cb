package org.synthtrust.trustindex.experiments;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.CleanupMode;
import org.junit.jupiter.api.io.TempDir;
import org.synthtrust.audit.AuditResult;
import org.synthtrust.audit.MetricResult;
import org.synthtrust.audit.MetricStatus;
import org.synthtrust.core.InvalidInputException;
import org.synthtrust.trustindex.Ranking.CandidateScore;
import org.synthtrust.trustindex.study.StudyFile;
import org.synthtrust.trustindex.study.StudyFolder;
import org.synthtrust.trustindex.study.StudyPlan;
import org.synthtrust.trustindex.study.StudyRanking;
import org.synthtrust.trustindex.study.StudyRunner;

/** The {@code audit.experiments} block of a study file, end to end through the study runner, seeded. */
class StudyExperimentsTest {
    private static final String STUDY = """
            name: experiments
            data: data.csv
            schema: schema.json
            holdout: {fraction: 0.1, seed: 3}
            candidates:
              - {name: broken, method: broken-test-only, epsilon: 0.5, delta: 1.0e-3, seed: 21}
              - {name: honest, method: independent, epsilon: 0.5, delta: 1.0e-3, seed: 22}
            audit:
              metrics: [privacy.exact_match]
              experiments:
                epsilon_audit: {runs: 200, rows: 2000, threads: 2}
            """;

    @TempDir(cleanup = CleanupMode.ON_SUCCESS)
    Path folder;

    /** The broken synthesizer's bound exceeds its claim, so the default constraint disqualifies it. */
    @Test
    void brokenSynthesizerDisqualified() throws Exception {
        ExperimentTables.write(folder);
        Path studyFile = folder.resolve("study.yaml");
        Files.writeString(studyFile, STUDY);
        Path out = folder.resolve("out");

        StudyRanking ranking = new StudyRunner(StudyFile.load(studyFile), out, StudyFolder.Mode.NEW).run(null, null);

        CandidateScore broken = ranking.ranking().candidate("broken");
        CandidateScore honest = ranking.ranking().candidate("honest");
        assertThat(broken.disqualified()).isTrue();
        assertThat(broken.disqualificationReasons())
                .anyMatch(reason -> reason.contains(EpsilonAuditExperiment.ID));
        assertThat(honest.disqualificationReasons())
                .noneMatch(reason -> reason.contains(EpsilonAuditExperiment.ID));

        AuditResult audit = AuditResult.read(out.resolve("audit.json"));
        List<MetricResult> bounds = audit.results().stream()
                .filter(result -> result.id().equals(EpsilonAuditExperiment.ID)).toList();
        assertThat(bounds).extracting(MetricResult::candidate).containsExactlyInAnyOrder("broken", "honest");
        assertThat(bounds).allMatch(result -> result.status() == MetricStatus.OK);
        assertThat(Files.readString(out.resolve("run.log"))).contains("epsilon audit of broken");
    }

    @Test
    void unknownExperimentKeyRejected() {
        String text = STUDY.replace("runs: 200", "runz: 200");

        assertThatThrownBy(() -> StudyFile.parse(text, "study.yaml")).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("runz");
    }

    @Test
    void unknownCandidateNameRejected() throws Exception {
        ExperimentTables.write(folder);
        Path studyFile = folder.resolve("study.yaml");
        Files.writeString(studyFile, STUDY.replace("threads: 2", "threads: 2, candidates: [missing]"));
        StudyPlan plan = StudyFile.load(studyFile);

        assertThatThrownBy(() -> StudyExperiments.validate(plan.spec().audit().experiments(), plan.candidates()))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("epsilon_audit.candidates")
                .hasMessageContaining("missing");
    }

    @Test
    void invalidCanaryRejected() {
        ExperimentsSpec.EpsilonAuditSpec spec = new ExperimentsSpec.EpsilonAuditSpec(null, 200, "loudest", null,
                null, null, null, null, null);

        assertThatThrownBy(() -> StudyExperiments.epsilonSettings(spec)).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("loudest").hasMessageContaining("crafted");
    }
}
