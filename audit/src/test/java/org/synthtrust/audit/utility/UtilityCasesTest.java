package org.synthtrust.audit.utility;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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

class UtilityCasesTest {

    private static MetricResult find(List<MetricResult> results, String id) {
        return results.stream().filter(r -> r.id().equals(id)).findFirst().orElseThrow();
    }

    @Test
    void oneClassSyntheticTargetFails() throws Exception {
        Map<String, ColumnType> types = Map.of("age", ColumnType.INTEGER, "income", ColumnType.INTEGER,
                "approved", ColumnType.CATEGORICAL);
        Map<String, ColumnSpec> specs = new LinkedHashMap<>();
        specs.put("age", new ColumnSpec(ColumnType.INTEGER, List.of(), null, null, null, null, null, null, null));
        specs.put("income", new ColumnSpec(ColumnType.INTEGER, List.of(), null, null, null, null, null, null, null));
        specs.put("approved", new ColumnSpec(ColumnType.CATEGORICAL, List.of(Role.TARGET), null, null, null, null,
                "yes", null, null));
        Table real = CaseInputs.real("C20", types);
        AuditContext ctx = new AuditContext(real, real, CaseInputs.synthetic("C20", types), new Schema(null, specs),
                "c20", AuditSettings.defaults());
        List<MetricResult> results = new UtilityMetric().compute(ctx);
        MetricResult accuracy = find(results, "utility.tstr.accuracy");
        assertEquals(MetricStatus.FAILED, accuracy.status());
        assertTrue(accuracy.reason().contains("synthetic target 'approved' has one class ('yes'); a classifier "
                + "cannot be trained"), accuracy.reason());
        assertTrue(accuracy.reason().contains("7/12 = 0.583"), accuracy.reason());
        assertEquals(MetricStatus.FAILED, find(results, "utility.tstr.auc").status());
        assertEquals(null, find(results, "utility.tstr.auc").value());
        assertEquals(MetricStatus.FAILED, find(results, "utility.ratio.accuracy").status());
        assertEquals(MetricStatus.OK, find(results, "utility.trtr.accuracy").status());
    }
}
