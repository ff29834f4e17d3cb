package org.synthtrust.audit.utility;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.synthtrust.audit.AuditContext;
import org.synthtrust.audit.AuditSettings;
import org.synthtrust.audit.CaseInputs;
import org.synthtrust.audit.MetricResult;
import org.synthtrust.audit.MetricStatus;
import org.synthtrust.audit.TestData;
import org.synthtrust.audit.fidelity.DetectionMetric;
import org.synthtrust.core.schema.ColumnSpec;
import org.synthtrust.core.schema.Role;
import org.synthtrust.core.schema.Schema;
import org.synthtrust.core.table.CategoricalColumn;
import org.synthtrust.core.table.Column;
import org.synthtrust.core.table.ColumnType;
import org.synthtrust.core.table.Table;

/** Detection and TSTR on 800-row slices of the reference fixture, small enough for a unit test. */
class ModelMetricsTest {
    private static final int ROWS = 800;
    private static Table real;
    private static Table synthetic;
    private static Table holdout;
    private static Schema schema;

    @BeforeAll
    static void load() throws Exception {
        Path dir = CaseInputs.resource("reference-metrics");
        Map<String, ColumnType> types = new LinkedHashMap<>();
        for (String name : List.of("age", "education-num", "capital-gain", "hours-per-week")) {
            types.put(name, ColumnType.INTEGER);
        }
        real = head(TestData.csv(dir.resolve("real.csv"), types), ROWS);
        synthetic = head(TestData.csv(dir.resolve("synthetic.csv"), types), ROWS);
        holdout = head(TestData.csv(dir.resolve("holdout.csv"), types), ROWS / 2);
        Map<String, ColumnSpec> specs = new LinkedHashMap<>();
        for (String name : real.columnNames()) {
            ColumnType type = types.getOrDefault(name, ColumnType.CATEGORICAL);
            List<Role> roles = name.equals("income") ? List.of(Role.TARGET) : List.of();
            specs.put(name, new ColumnSpec(type, roles, null, null, null, null, name.equals("income") ? ">50K" : null,
                    null, null));
        }
        specs.put("person_id", new ColumnSpec(ColumnType.TEXT, List.of(Role.IDENTIFIER), null, null, null, null, null,
                null, null));
        schema = new Schema(null, specs);
    }

    private static Table head(Table table, int rows) {
        int[] index = new int[Math.min(rows, table.rowCount())];
        for (int k = 0; k < index.length; k++) {
            index[k] = k;
        }
        return table.selectRows(index);
    }

    private static Table withIds(Table table, String prefix) {
        String[] ids = new String[table.rowCount()];
        for (int k = 0; k < ids.length; k++) {
            ids[k] = prefix + k;
        }
        List<Column> columns = new ArrayList<>(table.columns());
        columns.add(CategoricalColumn.ofValues("person_id", ids));
        return new Table(columns);
    }

    private static MetricResult find(List<MetricResult> results, String id) {
        return results.stream().filter(r -> r.id().equals(id)).findFirst().orElseThrow();
    }

    @Test
    void detectionIgnoresIdentifiers() {
        // Two disjoint halves of the real rows come from one distribution. Exact copies would not do: a copy's
        // twin in the training folds carries the other label, which pushes the out-of-fold AUC below 0.5.
        int half = ROWS / 2;
        int[] first = java.util.stream.IntStream.range(0, half).toArray();
        int[] second = java.util.stream.IntStream.range(half, ROWS).toArray();
        AuditContext ctx = new AuditContext(withIds(real.selectRows(first), "r"), null,
                withIds(real.selectRows(second), "s"), schema, "halves", AuditSettings.defaults());
        List<MetricResult> results = new DetectionMetric().compute(ctx);
        double auc = find(results, "fidelity.detection.auc").value();
        // AUC of an uninformative score on 400 + 400 rows has a standard deviation near 0.02.
        assertTrue(Math.abs(auc - 0.5) < 0.1, "auc " + auc);
        assertTrue(find(results, "fidelity.detection.score").value() > 0.8);
    }

    @Test
    void detectionSeesShiftedColumn() {
        List<Column> columns = new ArrayList<>();
        for (Column column : real.columns()) {
            columns.add(column.name().equals("age") ? shifted(column, 25) : column);
        }
        AuditContext ctx = new AuditContext(real, null, new Table(columns), schema, "shifted",
                AuditSettings.defaults());
        List<MetricResult> results = new DetectionMetric().compute(ctx);
        // Ages 25 years older separate most rows: AUC well above 0.5.
        assertTrue(find(results, "fidelity.detection.auc").value() > 0.8, find(results, "fidelity.detection.auc")
                .value().toString());
        assertTrue(find(results, "fidelity.detection.pmse").value() > 0.0);
    }

    private static Column shifted(Column column, long years) {
        long[] values = new long[column.size()];
        java.util.BitSet missing = new java.util.BitSet();
        for (int k = 0; k < values.length; k++) {
            if (column.isMissing(k)) {
                missing.set(k);
            } else {
                values[k] = (long) column.numericValue(k) + years;
            }
        }
        return new org.synthtrust.core.table.IntegerColumn(column.name(), values, missing);
    }

    @Test
    void tstrScoresOnHoldout() {
        AuditContext ctx = new AuditContext(real, holdout, synthetic, schema, "fixture", AuditSettings.defaults());
        List<MetricResult> results = new UtilityMetric().compute(ctx);
        for (String id : List.of("utility.tstr.auc", "utility.trtr.auc", "utility.tstr.accuracy",
                "utility.ratio.auc", "utility.feature_importance.rank_agreement")) {
            assertEquals(MetricStatus.OK, find(results, id).status(), id + ": " + find(results, id).reason());
        }
        MetricResult auc = find(results, "utility.trtr.auc");
        assertEquals(3, auc.breakdown().size());
        // Income is predictable from these Adult columns; any working model beats 0.75 AUC.
        assertTrue(auc.value() > 0.75, "trtr auc " + auc.breakdown());
        assertTrue(find(results, "utility.tstr.auc").value() > 0.7);
        assertEquals(MetricStatus.NOT_APPLICABLE, find(results, "utility.tstr.r2").status());
    }

    @Test
    void regressionTargetScoresR2() {
        Map<String, ColumnSpec> specs = new LinkedHashMap<>();
        for (Map.Entry<String, ColumnSpec> entry : schema.columns().entrySet()) {
            ColumnSpec spec = entry.getValue();
            boolean target = entry.getKey().equals("education-num");
            specs.put(entry.getKey(), new ColumnSpec(spec.type(), target ? List.of(Role.TARGET) : List.of(), null,
                    null, null, null, null, null, null));
        }
        AuditContext ctx = new AuditContext(real, holdout, synthetic, new Schema(null, specs), "fixture",
                AuditSettings.defaults());
        List<MetricResult> results = new UtilityMetric().compute(ctx);
        MetricResult r2 = find(results, "utility.trtr.r2");
        assertEquals(MetricStatus.OK, r2.status(), r2.reason());
        assertEquals(3, r2.breakdown().size());
        // Education (the category) determines education-num, so every working model explains more than half of
        // its variance. A model that ignored the features would score near 0.
        for (Map.Entry<String, Double> model : r2.breakdown().entrySet()) {
            assertTrue(model.getValue() > 0.5, model.getKey() + " r2 " + r2.breakdown());
        }
        assertEquals(MetricStatus.OK, find(results, "utility.tstr.rmse").status());
        assertEquals(MetricStatus.NOT_APPLICABLE, find(results, "utility.tstr.auc").status());
    }

    @Test
    void holdoutOnlyCategoryReported() {
        List<Column> columns = new ArrayList<>();
        for (Column column : holdout.columns()) {
            if (column.name().equals("race")) {
                String[] values = new String[holdout.rowCount()];
                for (int k = 0; k < values.length; k++) {
                    values[k] = k == 0 ? "Martian" : column.format(k);
                }
                columns.add(CategoricalColumn.ofValues("race", values));
            } else {
                columns.add(column);
            }
        }
        AuditContext ctx = new AuditContext(real, new Table(columns), synthetic, schema, "fixture",
                AuditSettings.defaults());
        MetricResult accuracy = find(new UtilityMetric().compute(ctx), "utility.tstr.accuracy");
        assertEquals(MetricStatus.OK, accuracy.status());
        assertTrue(accuracy.reason().contains("race: categories only in the holdout, encoded as unknown: Martian"),
                accuracy.reason());
    }
}
