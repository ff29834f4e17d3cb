package org.synthtrust.audit.privacy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.synthtrust.core.InvalidInputException;
import org.synthtrust.core.table.Table;

class MixedDistanceTest {

    @Test
    void gowerDistanceOnMixedTypes() {
        Table real = TestTables.read(TestTables.CASES.resolve("C32.csv"));
        Table synthetic = TestTables.read(TestTables.CASES.resolve("C32-synth.csv"));
        MixedDistance distance = MixedDistance.fit(real, real.columnNames(), DistanceScaling.RANGE);
        assertThat(distance.scale("age")).isEqualTo(40.0);

        NearestNeighbourSearch.Neighbours neighbours = NearestNeighbourSearch.search(
                distance.encode(synthetic, "synthetic"), distance.encode(real, "real"), false);

        // Synthetic row 1 differs from real row 2 only in age: (1/40) / 3. Indexes below are 0-based.
        assertThat(neighbours.nearest()[0]).isCloseTo(1.0 / 120, within(1e-12));
        assertThat(neighbours.nearestIndex()[0]).isEqualTo(1);
        assertThat(neighbours.nearest()[1]).isCloseTo(0.18333, within(5e-6));
        assertThat(neighbours.nearestIndex()[1]).isEqualTo(2);
        assertThat(neighbours.nearest()[2]).isCloseTo(0.39167, within(5e-6));
        assertThat(neighbours.nearestIndex()[2]).isEqualTo(3);
    }

    @Test
    void missingValuesCompareByRule() {
        Table a = TestTables.read(TestTables.CASES.resolve("C14.csv"));
        MixedDistance distance = MixedDistance.fit(a, a.columnNames(), DistanceScaling.RANGE);
        EncodedRows rows = distance.encode(a, "real");
        for (int i = 0; i < rows.rows(); i++) {
            assertThat(rows.distance(i, rows, i)).isZero();
        }
        Table left = TestTables.read(TestTables.CASES.resolve("C32.csv"));
        String[] missingCity = {null, null, null, null, null};
        Table right = new Table(List.of(left.column("age"),
                org.synthtrust.core.table.CategoricalColumn.ofValues("city", missingCity), left.column("plan")));
        MixedDistance onLeft = MixedDistance.fit(left, left.columnNames(), DistanceScaling.RANGE);
        EncodedRows leftRows = onLeft.encode(left, "real");
        EncodedRows rightRows = onLeft.encode(right, "synthetic");
        // Same age and plan, missing city against a present city: one full mismatch out of three columns.
        assertThat(leftRows.distance(0, rightRows, 0)).isCloseTo(1.0 / 3, within(1e-15));
        assertThat(rightRows.distance(0, rightRows, 1)).isCloseTo(
                (15.0 / 40 + 1) / 3, within(1e-15));
    }

    @Test
    void iqrScalingResistsOneOutlier() {
        Table real = TestTables.read(TestTables.CASES.resolve("C23.csv"));
        Table synthetic = TestTables.read(TestTables.CASES.resolve("C23-synth.csv"));
        int outlier = -1;
        for (int row = 0; row < real.rowCount(); row++) {
            if (real.column("income").numericValue(row) == 9_800_000) {
                outlier = row;
            }
        }
        assertThat(outlier).isNotNegative();
        int[] others = new int[real.rowCount() - 1];
        for (int row = 0, next = 0; row < real.rowCount(); row++) {
            if (row != outlier) {
                others[next++] = row;
            }
        }
        Table withoutOutlier = real.selectRows(others);

        double rangeWith = medianDcr(real, synthetic, DistanceScaling.RANGE);
        double rangeWithout = medianDcr(withoutOutlier, synthetic, DistanceScaling.RANGE);
        double iqrWith = medianDcr(real, synthetic, DistanceScaling.IQR);
        double iqrWithout = medianDcr(withoutOutlier, synthetic, DistanceScaling.IQR);
        // The case's figures are for the income column alone.
        assertThat(rangeWith).isCloseTo(0.00006, within(0.000005));
        assertThat(rangeWithout).isCloseTo(0.00945, within(0.000005));
        assertThat(iqrWith).isCloseTo(0.0226, within(0.00005));
        assertThat(iqrWithout).isCloseTo(0.0231, within(0.00005));
        assertThat(Math.abs(iqrWith - iqrWithout) / iqrWithout).isLessThan(0.10);
    }

    @Test
    void missingColumnIsRejected() {
        Table real = TestTables.read(TestTables.CASES.resolve("C32.csv"));
        Table other = real.selectColumns(List.of("age", "plan"));
        MixedDistance distance = MixedDistance.fit(real, real.columnNames(), DistanceScaling.RANGE);
        assertThatThrownBy(() -> distance.encode(other, "synthetic"))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("'city'")
                .hasMessageContaining("synthetic");
    }

    private static double medianDcr(Table real, Table synthetic, DistanceScaling scaling) {
        MixedDistance distance = MixedDistance.fit(real, List.of("income"), scaling);
        return PrivacyStatistics.median(NearestNeighbourSearch.search(distance.encode(synthetic, "synthetic"),
                distance.encode(real, "real"), false).nearest());
    }
}
