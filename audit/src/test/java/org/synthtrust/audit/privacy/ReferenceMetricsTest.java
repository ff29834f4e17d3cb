package org.synthtrust.audit.privacy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.concurrent.ForkJoinPool;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.synthtrust.core.progress.CancellationToken;
import org.synthtrust.core.progress.ProgressListener;
import org.synthtrust.core.table.Table;

/** Cross-check against values SDMetrics 0.29 computed on the same Adult sample. */
class ReferenceMetricsTest {
    private static Table real;
    private static Table holdout;
    private static Table synthetic;
    private static JsonNode expected;

    @BeforeAll
    static void load() throws IOException {
        real = TestTables.read(TestTables.REFERENCE.resolve("real.csv"));
        holdout = TestTables.read(TestTables.REFERENCE.resolve("holdout.csv"));
        synthetic = TestTables.read(TestTables.REFERENCE.resolve("synthetic.csv"));
        expected = new ObjectMapper().readTree(TestTables.REFERENCE.resolve("expected.json").toFile()).get("privacy");
    }

    @Test
    void dcrMatchesReference() {
        DcrAnalysis.Result result = DcrAnalysis.compute(real, holdout, synthetic, real.columnNames(),
                DistanceScaling.RANGE, 1, ForkJoinPool.commonPool(), ProgressListener.NONE, CancellationToken.NONE);

        assertThat(result.medianToTrain())
                .isCloseTo(expected.get("median_DCR_synthetic_to_real").asDouble(), within(1e-6));
        JsonNode overfitting = expected.get("DCROverfittingProtection");
        assertThat(result.referenceCloserShare()).isCloseTo(
                overfitting.get("synthetic_data_percentages").get("closer_to_training").asDouble(), within(1e-6));
        assertThat(result.referenceProtection()).isCloseTo(overfitting.get("score").asDouble(), within(1e-6));
        assertThat(result.referenceExpectedShare()).isCloseTo(4000.0 / 6000.0, within(1e-12));
    }

    @Test
    void referenceConventionAgreesWithFullAnalysis() {
        DcrAnalysis.Reference reference = DcrAnalysis.referenceConvention(real, holdout, synthetic, real.columnNames(),
                ForkJoinPool.commonPool(), ProgressListener.NONE, CancellationToken.NONE);
        assertThat(reference.medianToTrain())
                .isCloseTo(expected.get("median_DCR_synthetic_to_real").asDouble(), within(1e-6));
        assertThat(reference.protection())
                .isCloseTo(expected.get("DCROverfittingProtection").get("score").asDouble(), within(1e-6));
    }

    @Test
    void equalSizeShareUsesSmallerTable() {
        DcrAnalysis.Result result = DcrAnalysis.compute(real, holdout, synthetic, real.columnNames(),
                DistanceScaling.RANGE, 1, ForkJoinPool.commonPool(), ProgressListener.NONE, CancellationToken.NONE);
        assertThat(result.subsetRows()).isEqualTo(2000);
        // Against 2,000 training rows instead of 4,000, fewer synthetic rows find a closer training row.
        assertThat(result.closerToTrain().value()).isLessThan(result.referenceCloserShare());
        assertThat(result.closerToTrain().lower()).isLessThanOrEqualTo(result.closerToTrain().value());
        assertThat(result.closerToTrain().upper()).isGreaterThanOrEqualTo(result.closerToTrain().value());
    }

    @Test
    void freshRealRowsShareIsHalf() {
        // A "generator" that emits fresh real rows has memorised nothing: the share must be 0.5 up to noise.
        Table adult = TestTables.read(TestTables.ADULT.resolve("adult_train.csv"), java.util.Set.of(), 6000);
        Table train = adult.selectRows(range(0, 3000));
        Table holdout = adult.selectRows(range(3000, 4500));
        Table fresh = adult.selectRows(range(4500, 6000));
        DcrAnalysis.Result result = DcrAnalysis.compute(train, holdout, fresh, train.columnNames(),
                DistanceScaling.IQR, 3, ForkJoinPool.commonPool(), ProgressListener.NONE, CancellationToken.NONE);
        assertThat(result.subsetRows()).isEqualTo(1500);
        assertThat(result.closerToTrain().lower()).isLessThan(0.5);
        assertThat(result.closerToTrain().upper()).isGreaterThan(0.5);
        assertThat(result.protection()).isGreaterThan(0.9);
    }

    private static int[] range(int from, int to) {
        int[] rows = new int[to - from];
        for (int i = 0; i < rows.length; i++) {
            rows[i] = from + i;
        }
        return rows;
    }

    @Test
    void newRowShareMatchesReference() {
        MixedDistance distance = MixedDistance.fit(real, real.columnNames(), DistanceScaling.RANGE);
        double share = RowMatching.newRowShare(distance.encode(synthetic, "synthetic"), distance.encode(real, "real"));
        JsonNode newRows = expected.get("NewRowSynthesis");
        assertThat(share).isCloseTo(newRows.get("score").asDouble(), within(1e-6));
        assertThat(Math.round(share * 4000)).isEqualTo(newRows.get("num_new_rows").asLong());
    }
}
