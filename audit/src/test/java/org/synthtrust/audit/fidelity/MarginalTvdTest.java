package org.synthtrust.audit.fidelity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.synthtrust.audit.AuditContext;
import org.synthtrust.audit.AuditSettings;
import org.synthtrust.audit.MetricResult;
import org.synthtrust.core.schema.Bins;
import org.synthtrust.core.schema.ColumnSpec;
import org.synthtrust.core.schema.Schema;
import org.synthtrust.core.table.CategoricalColumn;
import org.synthtrust.core.table.Column;
import org.synthtrust.core.table.ColumnType;
import org.synthtrust.core.table.IntegerColumn;
import org.synthtrust.core.table.Table;

class MarginalTvdTest {

    @Test
    void schemaWidthBinsGiveExactTvd() {
        // Real ages 20..29 fill bin [20, 30); synthetic ages 25..34 put half the rows in [30, 40): TVD 0.5.
        long[] real = new long[10];
        long[] synth = new long[10];
        for (int k = 0; k < 10; k++) {
            real[k] = 20 + k;
            synth[k] = 25 + k;
        }
        Map<String, ColumnSpec> specs = new LinkedHashMap<>();
        specs.put("age", new ColumnSpec(ColumnType.INTEGER, List.of(), null, null, List.of(0.0, 100.0),
                Bins.ofWidth(10), null, null, null));
        AuditContext ctx = new AuditContext(new Table(List.of(new IntegerColumn("age", real, null))), null,
                new Table(List.of(new IntegerColumn("age", synth, null))), new Schema(null, specs), "bins",
                AuditSettings.defaults());
        List<MetricResult> results = new MarginalTvdMetric(1).compute(ctx);
        assertEquals(0.5, results.get(0).value(), 1e-12);
        assertEquals("fidelity.marginal1.tvd_max", results.get(1).id());
        assertEquals(0.5, results.get(1).value(), 1e-12);
    }

    @Test
    void threeWaySampledAboveThirtyColumns() {
        List<Column> columns = new ArrayList<>();
        Map<String, ColumnSpec> specs = new LinkedHashMap<>();
        for (int c = 0; c < 32; c++) {
            String[] values = new String[40];
            for (int r = 0; r < 40; r++) {
                values[r] = "v" + ((r * (c + 1)) % 3);
            }
            columns.add(CategoricalColumn.ofValues("c" + c, values));
            specs.put("c" + c, new ColumnSpec(ColumnType.CATEGORICAL, List.of(), null, null, null, null, null, null,
                    null));
        }
        Table table = new Table(columns);
        AuditContext ctx = new AuditContext(table, null, table, new Schema(null, specs), "wide",
                AuditSettings.defaults().withMaxThreeWayMarginals(25));
        MetricResult mean = new MarginalTvdMetric(3).compute(ctx).get(0);
        assertEquals(25, mean.breakdown().size());
        assertTrue(mean.reason().contains("sampled 25"), mean.reason());
        assertEquals(0.0, mean.value(), 1e-12);
    }
}
