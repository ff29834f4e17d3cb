package org.synthtrust.audit.fairness;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.synthtrust.audit.Alignment;
import org.synthtrust.audit.Alignment.AlignedColumn;
import org.synthtrust.audit.AuditContext;
import org.synthtrust.audit.CategoryDictionary;
import org.synthtrust.audit.fidelity.Discretizer;
import org.synthtrust.audit.fidelity.PairEncoding;
import org.synthtrust.audit.utility.Source;
import org.synthtrust.audit.utility.TargetTask;

/**
 * Groups of one protected column with their real and synthetic counts, shares and positive-outcome rates.
 * A categorical column groups by category, a numeric one by its marginal bins; missing is its own group.
 */
record GroupTable(String column, List<Group> groups, int[] holdoutGroups) {

    /** One group; a rate is null when the group has no row with an outcome in that table. */
    record Group(int code, String label, long realCount, double realShare, long syntheticCount, double syntheticShare,
                 Double realPositiveRate, Double syntheticPositiveRate) {
        boolean absentInSynthetic() {
            return realCount > 0 && syntheticCount == 0;
        }
    }

    static GroupTable build(AuditContext ctx, AlignedColumn column, TargetTask task) {
        int[] real;
        int[] synth;
        int[] holdout = null;
        List<String> labels = new ArrayList<>();
        if (column.isNumeric()) {
            PairEncoding.Codes codes = Discretizer.encode(ctx, column);
            real = codes.real();
            synth = codes.synthetic();
            for (int k = 0; k < codes.size() - 1; k++) {
                labels.add("bin " + k);
            }
            labels.add("missing");
            holdout = Discretizer.encodeHoldout(column);
        } else {
            CategoryDictionary dict = Alignment.of(ctx).dictionary(column.name());
            real = withMissing(dict.train(), dict.size());
            synth = withMissing(dict.synthetic(), dict.size());
            holdout = dict.holdout() == null ? null : withMissing(dict.holdout(), dict.size());
            labels.addAll(dict.levels());
            labels.add("missing");
        }

        int size = labels.size();
        long[] realCounts = new long[size];
        long[] synthCounts = new long[size];
        for (int code : real) {
            realCounts[code]++;
        }

        for (int code : synth) {
            synthCounts[code]++;
        }
        long[][] realOutcomes = task == null ? null : outcomes(ctx, task, Source.TRAIN, real, size);
        long[][] synthOutcomes = task == null ? null : outcomes(ctx, task, Source.SYNTHETIC, synth, size);
        List<Group> groups = new ArrayList<>();
        for (int code = 0; code < size; code++) {
            if (realCounts[code] == 0 && synthCounts[code] == 0) {
                continue;
            }
            groups.add(new Group(code, labels.get(code), realCounts[code], share(realCounts[code], real.length),
                    synthCounts[code], share(synthCounts[code], synth.length), rate(realOutcomes, code),
                    rate(synthOutcomes, code)));
        }
        return new GroupTable(column.name(), groups, holdout);
    }

    private static int[] withMissing(int[] codes, int missing) {
        int[] copy = codes.clone();
        for (int k = 0; k < copy.length; k++) {
            if (copy[k] < 0) {
                copy[k] = missing;
            }
        }
        return copy;
    }

    private static double share(long count, int total) {
        return total == 0 ? 0 : (double) count / total;
    }

    /** Per group: [rows with an outcome, positive rows]. */
    private static long[][] outcomes(AuditContext ctx, TargetTask task, Source source, int[] groups, int size) {
        int[] rows = task.labelledRows(ctx, source);
        int[] labels = task.labels(ctx, source, rows);
        long[][] counts = new long[size][2];
        for (int k = 0; k < rows.length; k++) {
            counts[groups[rows[k]]][0]++;
            counts[groups[rows[k]]][1] += labels[k];
        }
        return counts;
    }

    private static Double rate(long[][] outcomes, int code) {
        if (outcomes == null || outcomes[code][0] == 0) {
            return null;
        }
        return (double) outcomes[code][1] / outcomes[code][0];
    }

    /** Rows for the representation chart; undefined rates are null. */
    List<Map<String, Object>> chartRows() {
        List<Map<String, Object>> rows = new ArrayList<>();
        for (Group group : groups) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("group", group.label());
            row.put("real_count", group.realCount());
            row.put("real_share", group.realShare());
            row.put("synthetic_count", group.syntheticCount());
            row.put("synthetic_share", group.syntheticShare());
            row.put("absent_in_synthetic", group.absentInSynthetic());
            row.put("real_positive_rate", group.realPositiveRate());
            row.put("synthetic_positive_rate", group.syntheticPositiveRate());
            rows.add(row);
        }
        return rows;
    }
}
