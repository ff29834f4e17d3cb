package org.synthtrust.trustindex.experiments;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.synthtrust.audit.MetricStatus;
import org.synthtrust.core.schema.Schema;
import org.synthtrust.core.table.Table;
import org.synthtrust.generators.Synthesizer;
import org.synthtrust.generators.independent.IndependentSynthesizer;

/** Shadow-model attacks on a synthesizer that copies its input and on independent marginals, seeded. */
class ShadowModelExperimentTest {
    static final double EPSILON = 0.5;
    static final double DELTA = 1e-3;
    static final int TARGETS = 5;

    @TempDir
    static Path folder;
    static Table train;
    static Schema schema;

    @BeforeAll
    static void writeTable() throws Exception {
        ExperimentTables.write(folder);
        train = ExperimentTables.table(folder);
        schema = ExperimentTables.schema(folder);
    }

    private static ShadowModelExperiment.Report attack(Synthesizer synthesizer, int runs, long seed) {
        SynthesizerRun run = new SynthesizerRun(synthesizer, schema, EPSILON, DELTA, Map.of(), 0, seed);
        ShadowModelExperiment.Settings settings = ShadowModelExperiment.Settings.defaults().withTargets(TARGETS)
                .withRuns(runs).withThreads(2).withMaxSeconds(3600);
        return new ShadowModelExperiment(run, settings).run(train, "candidate", null, null);
    }

    /** A copy contains the target exactly when it was in the input, so its distance to the copy is 0. */
    @Test
    void copyDataAucNearOne() {
        ShadowModelExperiment.Report report = attack(new CopySynthesizer(), 40, 5);

        assertThat(report.result().status()).isEqualTo(MetricStatus.OK);
        assertThat(report.targetAucs()).hasSize(TARGETS);
        assertThat(report.result().value()).as(report.result().reason()).isGreaterThanOrEqualTo(0.95);
        assertThat(report.result().breakdown().get("tpr_at_fpr_1_percent")).isGreaterThan(0.5);
    }

    /**
     * Under (epsilon, delta)-DP every test has TPR <= e^epsilon FPR + delta, so the ROC curve and hence the
     * expected AUC is at most e^epsilon / (1 + e^epsilon) + delta, 0.622 at epsilon 0.5. With 20 evaluation
     * runs per world a target's AUC has null standard error sqrt(41 / (12 * 400)) = 0.092, and the mean over 5
     * independent targets 0.041; the tolerance adds 3 of those.
     */
    @Test
    void independentAucNearHalf() {
        ShadowModelExperiment.Report report = attack(new IndependentSynthesizer(), 80, 6);

        double dpLimit = Math.exp(EPSILON) / (1 + Math.exp(EPSILON)) + DELTA - 0.5;
        double standardError = Math.sqrt(41.0 / (12 * 400)) / Math.sqrt(TARGETS);
        assertThat(report.result().status()).isEqualTo(MetricStatus.OK);
        assertThat(report.targetAucs()).hasSize(TARGETS);
        assertThat(Math.abs(report.result().value() - 0.5)).as(report.result().reason())
                .isLessThanOrEqualTo(dpLimit + 3 * standardError);
    }
}
