package org.synthtrust.audit.fidelity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.synthtrust.audit.AuditContext;
import org.synthtrust.audit.AuditSettings;
import org.synthtrust.audit.MetricResult;
import org.synthtrust.audit.TestData;
import org.synthtrust.core.schema.ColumnSpec;
import org.synthtrust.core.schema.Schema;
import org.synthtrust.core.table.ColumnType;
import org.synthtrust.core.table.Table;

/** Our column-shape, column-pair and k-marginal values against the reference values of the fixture. */
class ReferenceMetricsTest {
    private static final double TOLERANCE = 1e-6;
    private static AuditContext ctx;
    private static JsonNode expected;

    @BeforeAll
    static void load() throws Exception {
        Path dir = resource("reference-metrics");
        JsonNode types = new ObjectMapper().readTree(dir.resolve("column-types.json").toFile()).get("columns");
        Map<String, ColumnType> columnTypes = new LinkedHashMap<>();
        Map<String, ColumnSpec> specs = new LinkedHashMap<>();
        types.fields().forEachRemaining(entry -> {
            ColumnType type = entry.getValue().get("sdtype").asText().equals("numerical")
                    ? ColumnType.INTEGER : ColumnType.CATEGORICAL;
            columnTypes.put(entry.getKey(), type);
            specs.put(entry.getKey(), new ColumnSpec(type, List.of(), null, null, null, null, null, null, null));
        });
        Table real = TestData.csv(dir.resolve("real.csv"), columnTypes);
        Table synth = TestData.csv(dir.resolve("synthetic.csv"), columnTypes);
        Table holdout = TestData.csv(dir.resolve("holdout.csv"), columnTypes);
        ctx = new AuditContext(real, holdout, synth, new Schema(null, specs), "fixture", AuditSettings.defaults());
        expected = new ObjectMapper().readTree(dir.resolve("expected.json").toFile());
    }

    static Path resource(String name) throws URISyntaxException {
        return Path.of(ReferenceMetricsTest.class.getClassLoader().getResource(name).toURI());
    }

    @Test
    void columnShapesMatchReference() {
        MetricResult ks = new ColumnShapeMetrics.KsComplement().compute(ctx).get(0);
        MetricResult tv = new ColumnShapeMetrics.TvComplement().compute(ctx).get(0);
        int checked = 0;
        for (JsonNode shape : expected.get("column_shapes")) {
            String column = shape.get("column").asText();
            MetricResult result = shape.get("metric").asText().equals("KSComplement") ? ks : tv;
            Double ours = result.breakdown().get(column);
            assertNotNull(ours, column);
            assertEquals(shape.get("score").asDouble(), ours, TOLERANCE, column);
            checked++;
        }
        assertEquals(11, checked);
    }

    @Test
    void columnPairsMatchReference() {
        List<MetricResult> correlation = new ColumnPairMetrics.CorrelationSimilarity().compute(ctx);
        MetricResult contingency = new ColumnPairMetrics.ContingencySimilarity().compute(ctx).get(0);
        int checked = 0;
        for (JsonNode pair : expected.get("column_pairs")) {
            String key = pair.get("column_1").asText() + "|" + pair.get("column_2").asText();
            MetricResult result;
            if (pair.get("metric").asText().equals("ContingencySimilarity")) {
                result = contingency;
            } else {
                result = pair.get("coefficient").asText().equals("Pearson") ? correlation.get(0) : correlation.get(1);
            }
            Double ours = result.breakdown().get(key);
            assertNotNull(ours, key);
            assertEquals(pair.get("score").asDouble(), ours, TOLERANCE, key + " " + pair.get("metric").asText());
            checked++;
        }
        assertEquals(expected.get("column_pairs").size(), checked);
    }

    @Test
    void kMarginalMatchesReference() {
        MetricResult result = new KMarginalMetric().compute(ctx).get(0);
        JsonNode reference = expected.get("kmarginal");
        assertEquals(reference.get("score").asDouble(), result.value());
        assertEquals(reference.get("pairs").asInt(), result.breakdown().size());
        assertEquals(reference.get("mean_tvd").asDouble(), (Double) result.chart().get("mean_tvd"), 1e-9);
    }
}
