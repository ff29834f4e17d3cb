package org.synthtrust.audit.fidelity;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.synthtrust.audit.Alignment;
import org.synthtrust.audit.Alignment.AlignedColumn;
import org.synthtrust.audit.AuditContext;
import org.synthtrust.audit.CategoryDictionary;
import org.synthtrust.audit.Direction;
import org.synthtrust.audit.Metric;

/**
 * Per-column fidelity metrics. KS and TV complements follow the SDMetrics definitions (DataCebo, SDMetrics
 * 0.29, "KSComplement" and "TVComplement"): missing values are dropped before comparing, and the reason
 * states how many were left out.
 */
public final class ColumnShapeMetrics {
    private ColumnShapeMetrics() {
    }

    public static List<Metric> all() {
        return List.of(new KsComplement(), new TvComplement(), new MissingSimilarity(), new BoundaryAdherence(),
                new CategoryAdherence(), new CategoryCoverage(), new NormalizedWasserstein());
    }

    static String leftOut(long realMissing, long synthMissing) {
        if (realMissing == 0 && synthMissing == 0) {
            return null;
        }
        return "left out " + realMissing + " missing real and " + synthMissing + " missing synthetic values";
    }

    /** 1 − two-sample KS statistic on numeric columns; dates and timestamps compare as instants. */
    public static final class KsComplement extends PerColumnMetric {
        public KsComplement() {
            super("fidelity.column_shape.ks_complement", Direction.HIGHER_IS_BETTER, 0, 1,
                    "1 minus the Kolmogorov-Smirnov statistic between real and synthetic values, mean over numeric "
                            + "columns");
        }

        @Override
        boolean applies(AlignedColumn column) {
            return column.isNumeric();
        }

        @Override
        String columnKind() {
            return "numeric";
        }

        @Override
        ColumnScore score(AuditContext ctx, AlignedColumn column) {
            double[] real = Stats.sortedPresent(Alignment.numeric(column.train()));
            double[] synth = Stats.sortedPresent(Alignment.numeric(column.synthetic()));
            String note = leftOut(column.train().size() - real.length, column.synthetic().size() - synth.length);
            if (real.length == 0 || synth.length == 0) {
                return ColumnScore.undefined("no non-missing " + (real.length == 0 ? "real" : "synthetic") + " value");
            }
            return ColumnScore.of(1 - Stats.ksStatistic(real, synth), note).withChart(histogram(real, synth));
        }
    }

    /** 1 − total variation distance over the union of categories of categorical columns. */
    public static final class TvComplement extends PerColumnMetric {
        public TvComplement() {
            super("fidelity.column_shape.tv_complement", Direction.HIGHER_IS_BETTER, 0, 1,
                    "1 minus the total variation distance between real and synthetic category frequencies, mean over "
                            + "categorical columns");
        }

        @Override
        boolean applies(AlignedColumn column) {
            return !column.isNumeric();
        }

        @Override
        String columnKind() {
            return "categorical";
        }

        @Override
        ColumnScore score(AuditContext ctx, AlignedColumn column) {
            CategoryDictionary dict = Alignment.of(ctx).dictionary(column.name());
            long[] real = new long[dict.size()];
            long[] synth = new long[dict.size()];
            long realTotal = count(dict.train(), real);
            long synthTotal = count(dict.synthetic(), synth);
            String note = leftOut(dict.train().length - realTotal, dict.synthetic().length - synthTotal);
            if (realTotal == 0 || synthTotal == 0) {
                return ColumnScore.undefined("no non-missing " + (realTotal == 0 ? "real" : "synthetic") + " value");
            }
            Map<String, Object> frequencies = new java.util.LinkedHashMap<>();
            frequencies.put("categories", dict.levels());
            frequencies.put("real", real);
            frequencies.put("synthetic", synth);
            return ColumnScore.of(1 - Stats.tvd(real, realTotal, synth, synthTotal), note).withChart(frequencies);
        }
    }

    /** Histogram bins for a chart: 20 equal-width bins over the real range, synthetic values clamped into it. */
    static Map<String, Object> histogram(double[] realSorted, double[] synthSorted) {
        double[] edges = PairEncoding.equalWidthEdges(realSorted, HISTOGRAM_BINS);
        long[] real = new long[HISTOGRAM_BINS];
        long[] synth = new long[HISTOGRAM_BINS];
        for (int code : PairEncoding.bin(realSorted, edges)) {
            real[code]++;
        }
        for (int code : PairEncoding.bin(synthSorted, edges)) {
            synth[code]++;
        }
        Map<String, Object> chart = new java.util.LinkedHashMap<>();
        chart.put("edges", edges);
        chart.put("real", real);
        chart.put("synthetic", synth);
        return chart;
    }

    static final int HISTOGRAM_BINS = 20;

    static long count(int[] codes, long[] counts) {
        long total = 0;
        for (int code : codes) {
            if (code >= 0) {
                counts[code]++;
                total++;
            }
        }
        return total;
    }

    /** 1 − |real missing rate − synthetic missing rate| per column. */
    public static final class MissingSimilarity extends PerColumnMetric {
        public MissingSimilarity() {
            super("fidelity.column_shape.missing_similarity", Direction.HIGHER_IS_BETTER, 0, 1,
                    "1 minus the absolute difference of missing-value rates, mean over columns");
        }

        @Override
        boolean applies(AlignedColumn column) {
            return true;
        }

        @Override
        String columnKind() {
            return "compared";
        }

        @Override
        ColumnScore score(AuditContext ctx, AlignedColumn column) {
            if (column.train().size() == 0 || column.synthetic().size() == 0) {
                return ColumnScore.undefined("a table has no rows");
            }
            double real = (double) column.train().missingCount() / column.train().size();
            double synth = (double) column.synthetic().missingCount() / column.synthetic().size();
            return ColumnScore.of(1 - Math.abs(real - synth));
        }
    }

    /**
     * Share of synthetic values inside the real [min, max] of numeric columns. A missing synthetic value counts
     * as outside unless the real column has missing values too.
     */
    public static final class BoundaryAdherence extends PerColumnMetric {
        public BoundaryAdherence() {
            super("fidelity.column_shape.boundary_adherence", Direction.HIGHER_IS_BETTER, 0, 1,
                    "share of synthetic values within the real minimum and maximum, mean over numeric columns");
        }

        @Override
        boolean applies(AlignedColumn column) {
            return column.isNumeric();
        }

        @Override
        String columnKind() {
            return "numeric";
        }

        @Override
        ColumnScore score(AuditContext ctx, AlignedColumn column) {
            double[] real = Stats.sortedPresent(Alignment.numeric(column.train()));
            if (real.length == 0 || column.synthetic().size() == 0) {
                return ColumnScore.undefined(real.length == 0 ? "no non-missing real value" : "no synthetic row");
            }
            boolean missingAllowed = column.train().missingCount() > 0;
            double[] synth = Alignment.numeric(column.synthetic());
            long inside = 0;
            long missing = 0;
            for (double v : synth) {
                if (Double.isNaN(v)) {
                    missing++;
                    if (missingAllowed) {
                        inside++;
                    }
                } else if (v >= real[0] && v <= real[real.length - 1]) {
                    inside++;
                }
            }
            String note = missing > 0 && !missingAllowed
                    ? missing + " missing synthetic values count as outside because the real column has none" : null;
            return ColumnScore.of((double) inside / synth.length, note);
        }
    }

    /**
     * Share of synthetic values whose category occurs in the real training data or the schema's declared
     * categories. Missing counts as valid only when the real column has missing values. Synthetic-only
     * categories are named with their row counts.
     */
    public static final class CategoryAdherence extends PerColumnMetric {
        public CategoryAdherence() {
            super("fidelity.column_shape.category_adherence", Direction.HIGHER_IS_BETTER, 0, 1,
                    "share of synthetic values whose category exists in the real data, mean over categorical columns");
        }

        @Override
        boolean applies(AlignedColumn column) {
            return !column.isNumeric();
        }

        @Override
        String columnKind() {
            return "categorical";
        }

        @Override
        ColumnScore score(AuditContext ctx, AlignedColumn column) {
            CategoryDictionary dict = Alignment.of(ctx).dictionary(column.name());
            int[] synth = dict.synthetic();
            if (synth.length == 0) {
                return ColumnScore.undefined("no synthetic row");
            }
            boolean missingAllowed = column.train().missingCount() > 0;
            Set<Integer> valid = new HashSet<>();
            for (int code : dict.train()) {
                valid.add(code);
            }
            if (column.spec() != null && column.spec().categories() != null) {
                for (int code = 0; code < column.spec().categories().size(); code++) {
                    valid.add(code);
                }
            }
            long inside = 0;
            for (int code : synth) {
                if (code == CategoryDictionary.MISSING ? missingAllowed : valid.contains(code)) {
                    inside++;
                }
            }
            List<String> fresh = new ArrayList<>();
            for (Map.Entry<String, Integer> entry : dict.syntheticOnly().entrySet()) {
                fresh.add(entry.getKey() + " (" + entry.getValue() + " rows)");
            }
            String note = fresh.isEmpty() ? null : "categories only in the synthetic data: " + String.join(", ", fresh);
            return ColumnScore.of((double) inside / synth.length, note);
        }
    }

    /** Share of the categories seen in the real training data that also occur in the synthetic data. */
    public static final class CategoryCoverage extends PerColumnMetric {
        public CategoryCoverage() {
            super("fidelity.column_shape.category_coverage", Direction.HIGHER_IS_BETTER, 0, 1,
                    "share of real categories present in the synthetic data, mean over categorical columns");
        }

        @Override
        boolean applies(AlignedColumn column) {
            return !column.isNumeric();
        }

        @Override
        String columnKind() {
            return "categorical";
        }

        @Override
        ColumnScore score(AuditContext ctx, AlignedColumn column) {
            CategoryDictionary dict = Alignment.of(ctx).dictionary(column.name());
            Set<Integer> real = new HashSet<>();
            for (int code : dict.train()) {
                if (code >= 0) {
                    real.add(code);
                }
            }
            if (real.isEmpty()) {
                return ColumnScore.undefined("no non-missing real value");
            }
            Set<Integer> synth = new HashSet<>();
            for (int code : dict.synthetic()) {
                synth.add(code);
            }
            List<String> absent = new ArrayList<>();
            long covered = 0;
            for (int code : real) {
                if (synth.contains(code)) {
                    covered++;
                } else {
                    absent.add(dict.levels().get(code));
                }
            }
            String note = absent.isEmpty() ? null : "real categories absent from the synthetic data: "
                    + String.join(", ", absent);
            return ColumnScore.of((double) covered / real.size(), note);
        }
    }

    /**
     * Wasserstein-1 distance between real and synthetic values divided by the real range, so 0.1 means the
     * mass moves a tenth of the real range on average. Undefined for a constant real column unless the
     * synthetic values equal that constant (distance 0).
     */
    public static final class NormalizedWasserstein extends PerColumnMetric {
        public NormalizedWasserstein() {
            super("fidelity.column_shape.wasserstein_normalized", Direction.LOWER_IS_BETTER, 0, Double.MAX_VALUE,
                    "Wasserstein-1 distance divided by the real column's range, mean over numeric columns");
        }

        @Override
        boolean applies(AlignedColumn column) {
            return column.isNumeric();
        }

        @Override
        String columnKind() {
            return "numeric";
        }

        @Override
        ColumnScore score(AuditContext ctx, AlignedColumn column) {
            double[] real = Stats.sortedPresent(Alignment.numeric(column.train()));
            double[] synth = Stats.sortedPresent(Alignment.numeric(column.synthetic()));
            if (real.length == 0 || synth.length == 0) {
                return ColumnScore.undefined("no non-missing " + (real.length == 0 ? "real" : "synthetic") + " value");
            }
            double distance = Stats.wasserstein1(real, synth);
            double range = real[real.length - 1] - real[0];
            if (range <= 0) {
                return distance == 0 ? ColumnScore.of(0)
                        : ColumnScore.undefined("the real column is constant, so there is no range to normalise by");
            }
            return ColumnScore.of(distance / range);
        }
    }
}
