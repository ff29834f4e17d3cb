package org.synthtrust.audit.privacy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.synthtrust.audit.AuditContext;
import org.synthtrust.audit.AuditResult;
import org.synthtrust.audit.AuditRunner;
import org.synthtrust.audit.AuditSettings;
import org.synthtrust.audit.Metric;
import org.synthtrust.audit.MetricRegistry;
import org.synthtrust.audit.MetricResult;
import org.synthtrust.audit.MetricStatus;
import org.synthtrust.core.progress.CancellationToken;
import org.synthtrust.core.progress.ProgressListener;
import org.synthtrust.core.schema.ColumnSpec;
import org.synthtrust.core.schema.Role;
import org.synthtrust.core.schema.Schema;
import org.synthtrust.core.table.CategoricalColumn;
import org.synthtrust.core.table.Column;
import org.synthtrust.core.table.ColumnType;
import org.synthtrust.core.table.IntegerColumn;
import org.synthtrust.core.table.Table;

/** The privacy metrics run through the audit framework on the reference Adult sample. */
class PrivacyAuditTest {

    private static Schema adultSchema(Table real) {
        Map<String, ColumnSpec> columns = new LinkedHashMap<>();
        for (Column column : real.columns()) {
            Role role = switch (column.name()) {
                case "age", "sex", "race", "marital-status", "education" -> Role.QUASI_IDENTIFIER;
                case "income" -> Role.SENSITIVE;
                default -> null;
            };
            columns.put(column.name(), new ColumnSpec(column.type(), role == null ? List.of() : List.of(role), null,
                    null, null, null, null, null, null));
        }
        return new Schema(null, columns);
    }

    private static AuditResult audit(Table real, Table holdout, Table synthetic) {
        List<Metric> suite = MetricRegistry.select(List.of("privacy"));
        AuditContext ctx = new AuditContext(real, holdout, synthetic, adultSchema(real), "reference",
                AuditSettings.defaults());
        return new AuditRunner().run(suite, List.of(ctx), ProgressListener.NONE, CancellationToken.NONE);
    }

    @Test
    void registryListsPrivacyMetrics() {
        List<String> ids = new ArrayList<>();
        for (Metric metric : MetricRegistry.select(List.of("privacy"))) {
            metric.outputs().forEach(spec -> ids.add(spec.id()));
        }
        assertThat(ids).contains("privacy.dcr.median", "privacy.dcr.closer_to_train_share", "privacy.exact_match.rate",
                "privacy.exact_match.holdout_rate", "privacy.new_row.share", "privacy.mia.distance.auc",
                "privacy.mia.density.auc", "privacy.attribute_inference.accuracy", "privacy.singling_out.risk",
                "privacy.linkability.risk");
    }

    @Test
    void referenceSampleThroughRunner() {
        Table real = TestTables.read(TestTables.REFERENCE.resolve("real.csv"));
        Table holdout = TestTables.read(TestTables.REFERENCE.resolve("holdout.csv"));
        Table synthetic = TestTables.read(TestTables.REFERENCE.resolve("synthetic.csv"));

        AuditResult result = audit(real, holdout, synthetic);

        assertThat(value(result, "privacy.dcr.median_range")).isCloseTo(0.031080726188358283, within(1e-6));
        assertThat(value(result, "privacy.dcr.overfitting_protection_reference")).isCloseTo(0.583, within(1e-6));
        assertThat(value(result, "privacy.new_row.share")).isCloseTo(0.99175, within(1e-6));
        for (MetricResult metric : result.results()) {
            assertThat(metric.status()).as(metric.id() + ": " + metric.reason()).isEqualTo(MetricStatus.OK);
            assertThat(metric.value()).as(metric.id()).isBetween(0.0, 1.0);
        }
        // The sample's synthetic rows are perturbed copies of other Adult rows, so membership is hard to infer.
        assertThat(value(result, "privacy.mia.distance.auc")).isBetween(0.3, 0.7);
    }

    @Test
    void canaryNeverLeavesTheAudit() {
        Table real = TestTables.read(TestTables.REFERENCE.resolve("real.csv"), java.util.Set.of(), 600);
        Table holdout = TestTables.read(TestTables.REFERENCE.resolve("holdout.csv"), java.util.Set.of(), 300);
        String canaryText = "Canary-7f3a9c";
        long canaryNumber = 987_654_321L;
        Table planted = plant(real, canaryText, canaryNumber);
        // The worst case: the synthetic table copies the real one, canary included.
        AuditResult result = audit(planted, holdout, planted);

        String json = result.toJson();
        assertThat(json).contains("privacy.dcr.median");
        assertThat(json).doesNotContain(canaryText);
        assertThat(json).doesNotContain(Long.toString(canaryNumber));
        assertThat(json).doesNotContain("9.87654321E8");
    }

    /** Replaces the occupation of row 0 with a unique text value and its capital gain with a unique number. */
    private static Table plant(Table real, String text, long number) {
        List<Column> columns = new ArrayList<>();
        for (Column column : real.columns()) {
            if (column.name().equals("occupation")) {
                String[] values = new String[column.size()];
                for (int row = 0; row < values.length; row++) {
                    values[row] = column.isMissing(row) ? null : column.format(row);
                }
                values[0] = text;
                columns.add(CategoricalColumn.ofValues(column.name(), values));
            } else if (column.name().equals("capital-gain")) {
                long[] values = new long[column.size()];
                for (int row = 0; row < values.length; row++) {
                    values[row] = ((IntegerColumn) column).value(row);
                }
                values[0] = number;
                columns.add(new IntegerColumn(column.name(), values, null));
            } else {
                columns.add(column);
            }
        }
        return new Table(columns);
    }

    private static double value(AuditResult result, String id) {
        return result.find("reference", id).orElseThrow().value();
    }
}
