package org.synthtrust.audit.fidelity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.synthtrust.audit.AuditContext;
import org.synthtrust.audit.AuditResult;
import org.synthtrust.audit.AuditRunner;
import org.synthtrust.audit.AuditSettings;
import org.synthtrust.audit.CaseInputs;
import org.synthtrust.audit.Metric;
import org.synthtrust.audit.MetricRegistry;
import org.synthtrust.audit.MetricResult;
import org.synthtrust.audit.MetricSpec;
import org.synthtrust.audit.MetricStatus;
import org.synthtrust.core.schema.ColumnSpec;
import org.synthtrust.core.schema.Role;
import org.synthtrust.core.schema.Schema;
import org.synthtrust.core.table.CategoricalColumn;
import org.synthtrust.core.table.ColumnType;
import org.synthtrust.core.table.IntegerColumn;
import org.synthtrust.core.table.Table;

class FidelityCasesTest {

    private static Schema schema(Map<String, ColumnType> types) {
        Map<String, ColumnSpec> specs = new java.util.LinkedHashMap<>();
        types.forEach((name, type) -> specs.put(name, new ColumnSpec(type, List.of(), null, null, null, null, null,
                null, null)));
        return new Schema(null, specs);
    }

    private static MetricResult first(Metric metric, AuditContext ctx) {
        return metric.compute(ctx).get(0);
    }

    @Test
    void missingAndOutlierInSynthetic() throws Exception {
        Map<String, ColumnType> types = Map.of("age", ColumnType.INTEGER);
        AuditContext ctx = new AuditContext(CaseInputs.real("C14", types), null, CaseInputs.synthetic("C14", types),
                schema(types), "c14", AuditSettings.defaults());
        assertEquals(0.85, first(new ColumnShapeMetrics.BoundaryAdherence(), ctx).value(), 1e-12);
        assertEquals(0.90, first(new ColumnShapeMetrics.MissingSimilarity(), ctx).value(), 1e-12);
        MetricResult ks = first(new ColumnShapeMetrics.KsComplement(), ctx);
        assertEquals(MetricStatus.OK, ks.status());
        assertTrue(ks.reason().contains("0 missing real and 2 missing synthetic"), ks.reason());
        AuditResult all = new AuditRunner().run(MetricRegistry.select(List.of("fidelity")), List.of(ctx), null, null);
        for (MetricResult result : all.results()) {
            assertTrue(result.isOk() || result.reason() != null, result.id() + " has no value and no reason");
        }
    }

    @Test
    void syntheticOnlyCategoriesReported() throws Exception {
        Map<String, ColumnType> types = Map.of("dept", ColumnType.CATEGORICAL);
        AuditContext ctx = new AuditContext(CaseInputs.real("C22", types), null, CaseInputs.synthetic("C22", types),
                schema(types), "c22", AuditSettings.defaults());
        MetricResult adherence = first(new ColumnShapeMetrics.CategoryAdherence(), ctx);
        assertEquals(0.85, adherence.value(), 1e-12);
        assertTrue(adherence.reason().contains("D (2 rows), E (1 rows)"), adherence.reason());
        assertEquals(0.85, first(new ColumnShapeMetrics.TvComplement(), ctx).value(), 1e-12);
        assertEquals(1.0, first(new ColumnShapeMetrics.CategoryCoverage(), ctx).value(), 1e-12);
    }

    @Test
    void undefinedScoresStayInRange() throws Exception {
        Map<String, ColumnType> types = Map.of("zone", ColumnType.CATEGORICAL, "plan", ColumnType.CATEGORICAL);
        Map<String, ColumnSpec> specs = new java.util.LinkedHashMap<>();
        specs.put("zone", new ColumnSpec(ColumnType.CATEGORICAL, List.of(Role.QUASI_IDENTIFIER), null, null, null,
                null, null, null, null));
        specs.put("plan", new ColumnSpec(ColumnType.CATEGORICAL, List.of(Role.SENSITIVE), null, null, null, null, null,
                null, null));
        AuditContext ctx = new AuditContext(CaseInputs.real("C31", types), CaseInputs.real("C31", types),
                CaseInputs.synthetic("C31", types), new Schema(null, specs), "c31", AuditSettings.defaults());
        List<Metric> suite = MetricRegistry.select(List.of("fidelity", "utility", "fairness"));
        AuditResult result = new AuditRunner().run(suite, List.of(ctx), null, null);
        Map<String, MetricSpec> specsById = new java.util.HashMap<>();
        suite.forEach(m -> m.outputs().forEach(s -> specsById.put(s.id(), s)));
        for (MetricResult r : result.results()) {
            assertFalse(r.status() == MetricStatus.ERROR, r.id() + ": " + r.reason());
            if (r.isOk()) {
                MetricSpec spec = specsById.get(r.id());
                assertTrue(r.value() >= spec.min(), r.id() + " = " + r.value());
                assertTrue(r.value() <= spec.max(), r.id() + " = " + r.value());
            } else {
                assertNotNull(r.reason(), r.id());
            }
        }
        assertEquals(0.0, result.find("c31", "fidelity.column_shape.category_coverage").orElseThrow()
                .breakdown().get("zone"));
        assertEquals(1.0, result.find("c31", "fidelity.column_shape.tv_complement").orElseThrow()
                .breakdown().get("plan"));
        assertEquals(MetricStatus.NOT_APPLICABLE, result.find("c31", "utility.tstr.auc").orElseThrow().status());
    }

    @Test
    void datesCompareAsInstants() {
        int[] realDays = new int[10];
        int[] synthDays = new int[10];
        for (int k = 0; k < 10; k++) {
            realDays[k] = 19_000 + k;
            synthDays[k] = 19_005 + k;
        }
        java.time.format.DateTimeFormatter iso = java.time.format.DateTimeFormatter.ISO_LOCAL_DATE;
        Table real = new Table(List.of(new org.synthtrust.core.table.DateColumn("day", realDays, null, iso)));
        Table synth = new Table(List.of(new org.synthtrust.core.table.DateColumn("day", synthDays, null, iso)));
        AuditContext ctx = new AuditContext(real, null, synth, schema(Map.of("day", ColumnType.DATE)), "dates",
                AuditSettings.defaults());
        // Half of the synthetic days lie after every real day, so the CDFs differ by at most 0.5.
        assertEquals(0.5, first(new ColumnShapeMetrics.KsComplement(), ctx).value(), 1e-12);
        assertEquals(0.5, first(new ColumnShapeMetrics.BoundaryAdherence(), ctx).value(), 1e-12);
    }

    @Test
    void constantColumnsScoreOne() {
        long[] ones = new long[20];
        java.util.Arrays.fill(ones, 3);
        long[] varying = new long[20];
        for (int k = 0; k < 20; k++) {
            varying[k] = k;
        }
        String[] same = new String[20];
        java.util.Arrays.fill(same, "x");
        Table real = new Table(List.of(new IntegerColumn("c", ones, null), new IntegerColumn("v", varying, null),
                CategoricalColumn.ofValues("k", same)));
        Table synth = new Table(List.of(new IntegerColumn("c", ones.clone(), null),
                new IntegerColumn("v", varying.clone(), null), CategoricalColumn.ofValues("k", same.clone())));
        Map<String, ColumnType> types = new java.util.LinkedHashMap<>();
        types.put("c", ColumnType.INTEGER);
        types.put("v", ColumnType.INTEGER);
        types.put("k", ColumnType.CATEGORICAL);
        AuditContext ctx = new AuditContext(real, null, synth, schema(types), "const", AuditSettings.defaults());
        assertEquals(1.0, first(new ColumnShapeMetrics.KsComplement(), ctx).breakdown().get("c"), 1e-9);
        assertEquals(1.0, first(new ColumnShapeMetrics.TvComplement(), ctx).breakdown().get("k"), 1e-9);
        assertEquals(0.0, first(new ColumnShapeMetrics.NormalizedWasserstein(), ctx).breakdown().get("c"), 1e-9);
        List<MetricResult> correlation = new ColumnPairMetrics.CorrelationSimilarity().compute(ctx);
        assertEquals(MetricStatus.NOT_APPLICABLE, correlation.get(0).status());
        assertTrue(correlation.get(0).reason().contains("c|v"), correlation.get(0).reason());
        MetricResult association = first(new ColumnPairMetrics.AssociationDifference(), ctx);
        assertEquals(MetricStatus.NOT_APPLICABLE, association.status());
    }
}
