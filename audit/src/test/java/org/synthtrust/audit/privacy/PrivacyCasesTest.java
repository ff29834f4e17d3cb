package org.synthtrust.audit.privacy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.synthtrust.audit.AuditContext;
import org.synthtrust.audit.AuditSettings;
import org.synthtrust.audit.Metric;
import org.synthtrust.audit.MetricResult;
import org.synthtrust.audit.MetricStatus;
import org.synthtrust.core.schema.ColumnSpec;
import org.synthtrust.core.schema.Role;
import org.synthtrust.core.schema.Schema;
import org.synthtrust.core.table.ColumnType;
import org.synthtrust.core.table.Table;

/** The privacy attacks on the shared input cases: a copy, names that need quoting, undefined scores. */
class PrivacyCasesTest {

    static Path resource(String name) {
        try {
            return Path.of(PrivacyCasesTest.class.getResource("/privacy/" + name).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    static ColumnSpec spec(ColumnType type, Role... roles) {
        return new ColumnSpec(type, List.of(roles), null, null, null, null, null, null, null);
    }

    static Map<String, MetricResult> computeAll(AuditContext ctx) {
        Map<String, MetricResult> byId = new LinkedHashMap<>();
        for (Metric metric : new PrivacyMetricProvider().metrics()) {
            for (MetricResult result : metric.compute(ctx)) {
                byId.put(result.id(), result);
            }
        }
        return byId;
    }

    private static AuditContext copyCase() {
        Table real = TestTables.read(TestTables.CASES.resolve("C17.csv"));
        Table synthetic = TestTables.read(TestTables.CASES.resolve("C17-synth.csv"));
        Table holdout = TestTables.read(resource("C17-holdout.csv"));
        Map<String, ColumnSpec> columns = new LinkedHashMap<>();
        columns.put("region", spec(ColumnType.CATEGORICAL, Role.QUASI_IDENTIFIER));
        columns.put("age", spec(ColumnType.INTEGER, Role.QUASI_IDENTIFIER));
        columns.put("plan", spec(ColumnType.CATEGORICAL, Role.SENSITIVE));
        columns.put("spend_band", spec(ColumnType.CATEGORICAL));
        return new AuditContext(real, holdout, synthetic, new Schema(null, columns), "copy", AuditSettings.defaults());
    }

    @Test
    void copyHasMaximalRisk() {
        Map<String, MetricResult> results = computeAll(copyCase());
        for (MetricResult result : results.values()) {
            assertThat(result.status()).as(result.id() + ": " + result.reason()).isEqualTo(MetricStatus.OK);
            assertThat(result.value()).as(result.id()).isBetween(0.0, 1.0);
            if (result.lower() != null) {
                assertThat(result.lower()).as(result.id()).isBetween(0.0, result.value());
                assertThat(result.upper()).as(result.id()).isBetween(result.value(), 1.0);
            }
        }
        assertThat(results.get("privacy.exact_match.rate").value()).isEqualTo(1.0);
        assertThat(results.get("privacy.dcr.median").value()).isZero();
        assertThat(results.get("privacy.dcr.median_range").value()).isZero();
        assertThat(results.get("privacy.new_row.share").value()).isZero();
        assertThat(results.get("privacy.mia.distance.auc").value()).isEqualTo(1.0);
        assertThat(results.get("privacy.singling_out.risk").value()).isEqualTo(1.0);
        assertThat(results.get("privacy.singling_out.univariate_risk").value()).isEqualTo(1.0);
        assertThat(results.get("privacy.linkability.risk").value()).isEqualTo(1.0);
        assertThat(results.get("privacy.attribute_inference.accuracy").value()).isEqualTo(1.0);
        assertThat(results.get("privacy.inference.risk").value()).isEqualTo(1.0);
        assertThat(results.get("privacy.cap.score").value()).isEqualTo(1.0);
        assertThat(results.get("privacy.cap.normalised").value()).isEqualTo(1.0);
    }

    @Test
    void copyHasZeroDcrEverywhere() {
        AuditContext ctx = copyCase();
        MixedDistance distance = MixedDistance.fit(ctx.train(), ctx.train().columnNames(), DistanceScaling.IQR);
        NearestNeighbourSearch.Neighbours neighbours = NearestNeighbourSearch.search(
                distance.encode(ctx.synthetic(), "synthetic"), distance.encode(ctx.train(), "training"), false);
        assertThat(neighbours.nearest()).hasSize(12).containsOnly(0.0);
        RowMatching.Matches matches = RowMatching.exactMatches(distance.encode(ctx.synthetic(), "synthetic"),
                distance.encode(ctx.train(), "training"));
        assertThat(matches.exactMatches()).isEqualTo(12);
    }

    @Test
    void singlingOutUsesQuotedNames() {
        Table real = TestTables.read(TestTables.CASES.resolve("C07.csv"));
        Table synthetic = TestTables.read(TestTables.CASES.resolve("C07-synth.csv"));
        List<String> columns = real.columnNames();
        assertThat(columns.get(0)).isEqualTo("length (cm)");

        SinglingOut.Outcome outcome = SinglingOut.univariate(real, real, synthetic, columns, 10_000, 3);

        boolean ranValue = false;
        for (int i = 0; i < outcome.predicates().size(); i++) {
            SinglingOut.Predicate predicate = outcome.predicates().get(i);
            SinglingOut.Term term = predicate.terms().get(0);
            if (term.column() == 0 && term.operator() == SinglingOut.Operator.EQUALS && term.number() == 7.9) {
                ranValue = true;
                assertThat(outcome.attackSuccess().get(i)).isTrue();
            }
        }
        assertThat(ranValue).isTrue();
        assertThat(outcome.attackSuccesses()).isPositive();
    }

    @Test
    void noSinglingQueryIsAnError() {
        Table real = TestTables.read(TestTables.CASES.resolve("C31.csv"));
        Table synthetic = TestTables.read(TestTables.CASES.resolve("C31-synth.csv"));
        // Every synthetic value repeats, so no predicate singles out a synthetic row.
        assertThatThrownBy(() -> SinglingOut.univariate(real, real, synthetic, real.columnNames(), 100, 1))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("no query");

        Map<String, ColumnSpec> columns = new LinkedHashMap<>();
        columns.put("zone", spec(ColumnType.CATEGORICAL, Role.QUASI_IDENTIFIER));
        columns.put("plan", spec(ColumnType.CATEGORICAL, Role.SENSITIVE));
        AuditContext ctx = new AuditContext(real, real, synthetic, new Schema(null, columns), "c31",
                AuditSettings.defaults());
        MetricResult univariate = computeAll(ctx).get("privacy.singling_out.univariate_risk");
        assertThat(univariate.status()).isEqualTo(MetricStatus.ERROR);
        assertThat(univariate.value()).isNull();
    }

    @Test
    void undefinedScoresAreNotComputable() {
        Table real = TestTables.read(TestTables.CASES.resolve("C31.csv"));
        Table synthetic = TestTables.read(TestTables.CASES.resolve("C31-synth.csv"));
        Map<String, ColumnSpec> columns = new LinkedHashMap<>();
        columns.put("zone", spec(ColumnType.CATEGORICAL, Role.QUASI_IDENTIFIER));
        columns.put("plan", spec(ColumnType.CATEGORICAL, Role.SENSITIVE));
        AuditContext ctx = new AuditContext(real, real, synthetic, new Schema(null, columns), "c31",
                AuditSettings.defaults());

        Map<String, MetricResult> results = computeAll(ctx);

        MetricResult cap = results.get("privacy.cap.score");
        assertThat(cap.status()).isEqualTo(MetricStatus.NOT_APPLICABLE);
        assertThat(cap.value()).isNull();
        assertThat(cap.reason()).isEqualTo("not computable: no synthetic record matches a real key");
        MetricResult normalised = results.get("privacy.cap.normalised");
        assertThat(normalised.status()).isEqualTo(MetricStatus.NOT_APPLICABLE);
        assertThat(normalised.value()).isNull();
        assertThat(normalised.reason()).isEqualTo("not computable: the baseline is 0 because 'plan' has one value");
        for (MetricResult result : results.values()) {
            if (result.value() != null) {
                assertThat(result.value()).as(result.id()).isBetween(0.0, 1.0);
            }
        }
    }

    @Test
    void missingHoldoutIsNotApplicable() {
        AuditContext copy = copyCase();
        AuditContext ctx = new AuditContext(copy.train(), null, copy.synthetic(), copy.schema(), "copy", null);
        for (MetricResult result : computeAll(ctx).values()) {
            assertThat(result.status()).isEqualTo(MetricStatus.NOT_APPLICABLE);
            assertThat(result.reason()).contains("holdout");
        }
    }
}
