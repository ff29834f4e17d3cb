package org.synthtrust.audit.fidelity;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.synthtrust.audit.AbstractMetric;
import org.synthtrust.audit.Alignment;
import org.synthtrust.audit.Alignment.AlignedColumn;
import org.synthtrust.audit.AuditContext;
import org.synthtrust.audit.Direction;
import org.synthtrust.audit.MetricResult;
import org.synthtrust.audit.Pillar;

/**
 * A fidelity metric scored per column and averaged over the columns where it is defined. The breakdown
 * keeps every column, with null for an undefined one; notes from the columns go into the reason.
 */
abstract class PerColumnMetric extends AbstractMetric {

    /** Score of one column, or a null score with the reason it is undefined; {@code note} is shown either way. */
    record ColumnScore(Double score, String note, Object chart) {
        static ColumnScore of(double score) {
            return new ColumnScore(score, null, null);
        }

        static ColumnScore of(double score, String note) {
            return new ColumnScore(score, note, null);
        }

        static ColumnScore undefined(String reason) {
            return new ColumnScore(null, reason, null);
        }

        ColumnScore withChart(Object data) {
            return new ColumnScore(score, note, data);
        }
    }

    PerColumnMetric(String id, Direction direction, double min, double max, String description) {
        super(id, Pillar.FIDELITY, direction, min, max, description);
    }

    /** Whether this metric applies to a column at all (for example only numeric columns). */
    abstract boolean applies(AlignedColumn column);

    abstract ColumnScore score(AuditContext ctx, AlignedColumn column);

    /** Short name of the kind of column the metric needs, for the not-applicable reason. */
    abstract String columnKind();

    @Override
    public List<MetricResult> compute(AuditContext ctx) {
        Map<String, Double> breakdown = new LinkedHashMap<>();
        Map<String, Object> chart = new LinkedHashMap<>();
        List<String> notes = new ArrayList<>();
        for (AlignedColumn column : Alignment.of(ctx).columns()) {
            if (!applies(column)) {
                continue;
            }
            ColumnScore score = score(ctx, column);
            breakdown.put(column.name(), score.score());
            if (score.chart() != null) {
                chart.put(column.name(), score.chart());
            }
            if (score.note() != null) {
                notes.add(column.name() + ": " + score.note());
            }
        }

        if (breakdown.isEmpty()) {
            return single(notApplicable(ctx, "no " + columnKind() + " column is present in both tables"));
        }

        double mean = Stats.mean(breakdown.values());
        String reason = notes.isEmpty() ? null : String.join("; ", notes);
        if (Double.isNaN(mean)) {
            return single(notApplicable(ctx, "undefined for every column: " + reason));
        }
        return single(ok(ctx, mean, reason, breakdown, chart.isEmpty() ? null : chart));
    }

    static long countPresent(double[] values) {
        long n = 0;
        for (double v : values) {
            if (!Double.isNaN(v)) {
                n++;
            }
        }
        return n;
    }
}
