package org.synthtrust.audit.fairness;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
import org.synthtrust.core.schema.ColumnSpec;
import org.synthtrust.core.schema.Role;
import org.synthtrust.core.schema.Schema;
import org.synthtrust.core.table.ColumnType;
import org.synthtrust.core.table.Table;

class FairnessCasesTest {
    private static List<MetricResult> results;

    @BeforeAll
    static void audit() throws Exception {
        Map<String, ColumnType> types = Map.of("group", ColumnType.CATEGORICAL, "outcome", ColumnType.CATEGORICAL);
        Map<String, ColumnSpec> specs = new LinkedHashMap<>();
        specs.put("group", new ColumnSpec(ColumnType.CATEGORICAL, List.of(Role.PROTECTED), null, null, null, null,
                null, null, null));
        specs.put("outcome", new ColumnSpec(ColumnType.CATEGORICAL, List.of(Role.TARGET), null, null, null, null, "1",
                null, null));
        Table real = CaseInputs.real("C24", types);
        AuditContext ctx = new AuditContext(real, real, CaseInputs.synthetic("C24", types), new Schema(null, specs),
                "c24", AuditSettings.defaults().withMinGroupSize(5));
        results = new FairnessMetric().compute(ctx);
    }

    private static MetricResult find(String id) {
        return results.stream().filter(r -> r.id().equals(id)).findFirst().orElseThrow();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> groupRow(String group) {
        List<Map<String, Object>> rows = (List<Map<String, Object>>) find(FairnessMetric.REPRESENTATION).chart()
                .get("group");
        return rows.stream().filter(r -> r.get("group").equals(group)).findFirst().orElseThrow();
    }

    @Test
    void representationFlagsAbsentGroup() {
        Map<String, Object> g4 = groupRow("G4");
        assertEquals(1.0 / 30, (Double) g4.get("real_share"), 1e-12);
        assertEquals(0.0, (Double) g4.get("synthetic_share"));
        assertEquals(true, g4.get("absent_in_synthetic"));
        assertTrue(find(FairnessMetric.REPRESENTATION).reason().contains("absent in synthetic: group=G4"));
    }

    @Test
    void positiveRatesPerGroup() {
        assertEquals(0.5, (Double) groupRow("G1").get("real_positive_rate"), 1e-12);
        assertEquals(0.5, (Double) groupRow("G2").get("real_positive_rate"), 1e-12);
        assertEquals(0.0, (Double) groupRow("G3").get("real_positive_rate"), 1e-12);
        assertEquals(1.0, (Double) groupRow("G4").get("real_positive_rate"), 1e-12);
        assertEquals(7.0 / 13, (Double) groupRow("G1").get("synthetic_positive_rate"), 1e-12);
        assertEquals(5.0 / 11, (Double) groupRow("G2").get("synthetic_positive_rate"), 1e-12);
        assertEquals(1.0 / 6, (Double) groupRow("G3").get("synthetic_positive_rate"), 1e-12);
        assertNull(groupRow("G4").get("synthetic_positive_rate"));
    }

    @Test
    void smallGroupsExcludedAndListed() {
        MetricResult outcome = find(FairnessMetric.OUTCOME);
        assertTrue(outcome.reason().contains("G4 (1 real rows)"), outcome.reason());
        assertTrue(!outcome.breakdown().containsKey("group=G4"));
        MetricResult parity = find(FairnessMetric.PARITY);
        assertNotEquals(MetricStatus.ERROR, parity.status(), parity.reason());
        assertTrue(parity.reason().contains("G4 (1 real rows"), parity.reason());
    }

    @Test
    void undefinedTprStaysUndefined() {
        MetricResult odds = find(FairnessMetric.ODDS);
        assertTrue(odds.reason().contains("TPR of G3"), odds.reason());
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> rows = (List<Map<String, Object>>) odds.chart().get("group:trtr");
        Map<String, Object> g3 = rows.stream().filter(r -> r.get("group").equals("G3")).findFirst().orElseThrow();
        assertTrue(g3.containsKey("tpr"));
        assertNull(g3.get("tpr"));
    }
}
