package org.synthtrust.trustindex.experiments;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.synthtrust.audit.MetricStatus;
import org.synthtrust.core.progress.CancellationToken;
import org.synthtrust.core.progress.CancelledException;
import org.synthtrust.core.schema.Schema;
import org.synthtrust.core.table.Table;
import org.synthtrust.generators.independent.IndependentSynthesizer;

/**
 * Epsilon audits of independent marginals at claimed epsilon 0.5, honest and with a tenth of the noise, with the
 * crafted canary (every column at its rarest level). The runs are seeded (test mode) so the outcome is
 * reproducible. With 200 runs per world and 140 of them for evaluation, a perfect attack could certify about
 * ln(140 / 3.7) = 3.6, well above the claim. The honest audit can still fail: under a correct claim its bound
 * exceeds 0.5 with probability at most 5 %.
 */
class EpsilonAuditExperimentTest {
    static final double CLAIM = 0.5;
    static final double DELTA = 1e-3;
    static final int RUNS = 200;

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

    private static EpsilonAuditExperiment.Report audit(org.synthtrust.generators.Synthesizer synthesizer, long seed) {
        SynthesizerRun run = new SynthesizerRun(synthesizer, schema, CLAIM, DELTA, Map.of(), 2000,
                seed);
        EpsilonAuditExperiment.Settings settings = EpsilonAuditExperiment.Settings.defaults().withRuns(RUNS)
                .withThreads(2).withMaxSeconds(3600)
                .withCanary(EpsilonAuditExperiment.CanaryChoice.CRAFTED, 0);
        return new EpsilonAuditExperiment(run, settings).run(train, "candidate", null, null);
    }

    @Test
    void brokenNoiseFlagged() {
        EpsilonAuditExperiment.Report report = audit(new BrokenNoiseSynthesizer(), 101);

        assertThat(report.runsPerWorld()).isEqualTo(RUNS);
        assertThat(report.result().status()).isEqualTo(MetricStatus.OK);
        assertThat(report.result().value()).as(report.result().reason()).isGreaterThan(CLAIM);
        assertThat(report.result().reason()).startsWith("RED FLAG");
        assertThat(report.result().breakdown()).containsEntry("claimed_epsilon", CLAIM);
    }

    @Test
    void honestIndependentNotFlagged() {
        EpsilonAuditExperiment.Report report = audit(new IndependentSynthesizer(), 202);

        assertThat(report.result().status()).isEqualTo(MetricStatus.OK);
        assertThat(report.result().value()).as(report.result().reason()).isLessThanOrEqualTo(CLAIM);
        assertThat(report.result().reason()).doesNotContain("RED FLAG");
    }

    @Test
    void cancelledAuditThrows() {
        SynthesizerRun run = new SynthesizerRun(new IndependentSynthesizer(), schema, CLAIM, DELTA, Map.of(), 0, 1L);
        CancellationToken cancel = new CancellationToken();
        cancel.cancel();

        assertThatThrownBy(() -> new EpsilonAuditExperiment(run, EpsilonAuditExperiment.Settings.defaults())
                .run(train, "candidate", null, cancel)).isInstanceOf(CancelledException.class);
    }

    /** A budget that ends before the first run leaves the bound not applicable, with the setting to raise. */
    @Test
    void spentTimeBudgetNotApplicable() {
        SynthesizerRun run = new SynthesizerRun(new IndependentSynthesizer(), schema, CLAIM, DELTA, Map.of(), 0, 1L);
        EpsilonAuditExperiment.Settings settings = EpsilonAuditExperiment.Settings.defaults().withMaxSeconds(1e-9);

        EpsilonAuditExperiment.Report report = new EpsilonAuditExperiment(run, settings).run(train, "candidate",
                null, null);

        assertThat(report.result().status()).isEqualTo(MetricStatus.NOT_APPLICABLE);
        assertThat(report.result().reason()).contains("max_seconds");
    }

    /** The one-run audit of the copying synthesizer guesses every canary right, so it certifies a large epsilon. */
    @Test
    void oneRunAuditFlagsCopy() {
        SynthesizerRun run = new SynthesizerRun(new CopySynthesizer(), schema, CLAIM, DELTA, Map.of(), 0, 3L);
        EpsilonAuditExperiment.Settings settings = EpsilonAuditExperiment.Settings.defaults().withRuns(10)
                .withOneRunCanaries(40).withThreads(2);

        EpsilonAuditExperiment.Report report = new EpsilonAuditExperiment(run, settings).run(train, "candidate",
                null, null);

        assertThat(report.oneRunBound()).isGreaterThan(CLAIM);
        assertThat(report.result().breakdown()).containsKey("one_run_lower_bound");
        assertThat(report.result().reason()).contains("also above the claim");
    }
}
