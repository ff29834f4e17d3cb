package org.synthtrust.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.synthtrust.core.progress.CancellationToken;
import org.synthtrust.core.progress.CancelledException;
import org.synthtrust.core.progress.ProgressListener;
import org.synthtrust.core.schema.Role;
import org.synthtrust.core.table.ColumnType;
import org.synthtrust.core.table.Table;

class AuditRunnerTest {

    /** Emits a fixed value, so range checks and JSON can be tested without real statistics. */
    private static final class FixedMetric extends AbstractMetric {
        private final double value;

        FixedMetric(String id, double value) {
            super(id, Pillar.FIDELITY, Direction.HIGHER_IS_BETTER, 0, 1, "fixed value for tests");
            this.value = value;
        }

        @Override
        public List<MetricResult> compute(AuditContext ctx) {
            if (value < -10) {
                throw new IllegalStateException("boom");
            }
            return single(ok(ctx, value, null, null, null));
        }
    }

    private static AuditContext context() {
        Table train = new Table(List.of(TestTables.ints("age", 30, 40), TestTables.cat("id", "a", "b")));
        Table synth = new Table(List.of(TestTables.ints("age", 31, 41), TestTables.cat("extra", "x", "y")));
        return new AuditContext(train, null, synth,
                TestTables.schema("age", TestTables.spec(ColumnType.INTEGER),
                        "id", TestTables.spec(ColumnType.TEXT, Role.IDENTIFIER)),
                "cand", AuditSettings.defaults().withThreads(2));
    }

    @Test
    void rangeClampedOrRejected() {
        List<Metric> suite = List.of(new FixedMetric("fidelity.test.a", 1 + 1e-12),
                new FixedMetric("fidelity.test.b", 1.5), new FixedMetric("fidelity.test.c", -100));
        AuditResult result = new AuditRunner().run(suite, List.of(context()), ProgressListener.NONE,
                CancellationToken.NONE);
        assertEquals(1.0, result.find("cand", "fidelity.test.a").orElseThrow().value());
        assertEquals(MetricStatus.ERROR, result.find("cand", "fidelity.test.b").orElseThrow().status());
        assertNull(result.find("cand", "fidelity.test.b").orElseThrow().value());
        assertEquals(MetricStatus.ERROR, result.find("cand", "fidelity.test.c").orElseThrow().status());
    }

    @Test
    void alignmentNotesExtraAndExcluded(@TempDir Path dir) throws Exception {
        AuditResult result = new AuditRunner().run(List.of(new FixedMetric("fidelity.test.a", 0.5)),
                List.of(context()), null, null);
        List<String> notes = result.notes().get("cand");
        assertTrue(notes.stream().anyMatch(n -> n.contains("left out: id")), notes.toString());
        assertTrue(notes.stream().anyMatch(n -> n.contains("absent from the real table, ignored: extra")),
                notes.toString());
        Path file = dir.resolve("audit.json");
        result.write(file);
        AuditResult back = AuditResult.read(file);
        assertEquals(result.results(), back.results());
        assertTrue(Files.readString(file).contains("\"metric_versions\""));
    }

    @Test
    void cancelledRunThrows() {
        CancellationToken token = new CancellationToken();
        token.cancel();
        assertThrows(CancelledException.class, () -> new AuditRunner().run(
                List.of(new FixedMetric("fidelity.test.a", 0.5)), List.of(context()), null, token));
    }
}
