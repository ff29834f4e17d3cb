package org.synthtrust.audit.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.synthtrust.core.table.Table;

/** Shadow-model features and scoring, and the linear reconstruction attack, on Adult rows. */
class StudyAttacksTest {
    private static final List<String> QUASI_IDENTIFIERS = List.of("age", "sex", "race", "education", "marital-status");

    @Test
    void shadowAttackSeparatesWorlds() {
        Table adult = TestTables.read(TestTables.ADULT.resolve("adult_train.csv"), Set.of(), 1000);
        Table target = adult.selectRows(new int[] {0});
        Table pool = adult.selectRows(range(1, 1000));
        List<String> columns = adult.columnNames();
        ShadowModelAttack attack = new ShadowModelAttack(pool, target, columns);
        SplittableRandom random = new SplittableRandom(9);
        double[][][] worlds = new double[4][20][];
        for (int w = 0; w < 4; w++) {
            boolean withTarget = w % 2 == 1;
            for (int run = 0; run < 20; run++) {
                // A "synthesizer" that resamples 300 rows and, in the world with the target, leaks it once.
                int[] rows = PrivacyStatistics.sampleIndexes(pool.rowCount(), 300, random);
                Table synthetic = pool.selectRows(rows);
                if (withTarget) {
                    synthetic = concat(synthetic.selectRows(range(0, 299)), target);
                }
                worlds[w][run] = attack.features(synthetic);
                assertThat(worlds[w][run]).hasSize(attack.featureCount());
            }
        }
        PrivacyStatistics.RocSummary roc = ShadowModelAttack.score(worlds[1], worlds[0], worlds[3], worlds[2], 1);
        assertThat(roc.auc()).isGreaterThan(0.9);
    }

    @Test
    void reconstructionOfCopyBeatsBaseline() {
        Table adult = TestTables.read(TestTables.ADULT.resolve("adult_train.csv"), Set.of(), 400);
        Table train = adult.selectRows(range(0, 200));
        Table holdout = adult.selectRows(range(200, 400));
        LinearReconstructionAttack.Outcome outcome = LinearReconstructionAttack.run(train, holdout, train,
                QUASI_IDENTIFIERS, "income", 200, 4);
        assertThat(outcome.queries()).isGreaterThan(20);
        assertThat(outcome.memberAccuracy().value()).isGreaterThan(outcome.baseline() + 0.05);
        assertThat(outcome.memberAccuracy().value()).isGreaterThan(outcome.holdoutAccuracy());
    }

    /** Appends the rows of {@code second} to {@code first} (integer and categorical columns only). */
    private static Table concat(Table first, Table second) {
        return new Table(stack(first, second));
    }

    private static List<org.synthtrust.core.table.Column> stack(Table first, Table second) {
        java.util.List<org.synthtrust.core.table.Column> columns = new java.util.ArrayList<>();
        for (int c = 0; c < first.columnCount(); c++) {
            org.synthtrust.core.table.Column a = first.column(c);
            org.synthtrust.core.table.Column b = second.column(c);
            String[] values = new String[a.size() + b.size()];
            for (int r = 0; r < a.size(); r++) {
                values[r] = a.isMissing(r) ? null : a.format(r);
            }
            for (int r = 0; r < b.size(); r++) {
                values[a.size() + r] = b.isMissing(r) ? null : b.format(r);
            }
            if (a.type().isNumeric()) {
                long[] numbers = new long[values.length];
                java.util.BitSet missing = new java.util.BitSet();
                for (int r = 0; r < values.length; r++) {
                    if (values[r] == null) {
                        missing.set(r);
                    } else {
                        numbers[r] = Long.parseLong(values[r]);
                    }
                }
                columns.add(new org.synthtrust.core.table.IntegerColumn(a.name(), numbers, missing));
            } else {
                columns.add(org.synthtrust.core.table.CategoricalColumn.ofValues(a.name(), values));
            }
        }
        return columns;
    }

    private static int[] range(int from, int to) {
        int[] rows = new int[to - from];
        for (int i = 0; i < rows.length; i++) {
            rows[i] = from + i;
        }
        return rows;
    }
}
