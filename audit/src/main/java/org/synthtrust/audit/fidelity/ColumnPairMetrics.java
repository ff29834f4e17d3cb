package org.synthtrust.audit.fidelity;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.synthtrust.audit.AbstractMetric;
import org.synthtrust.audit.Alignment;
import org.synthtrust.audit.Alignment.AlignedColumn;
import org.synthtrust.audit.AuditContext;
import org.synthtrust.audit.Direction;
import org.synthtrust.audit.Metric;
import org.synthtrust.audit.MetricResult;
import org.synthtrust.audit.MetricResults;
import org.synthtrust.audit.MetricSpec;
import org.synthtrust.audit.Pillar;
import org.synthtrust.core.table.Column;

/**
 * Column-pair fidelity metrics: correlation similarity for numeric pairs, contingency similarity for the
 * others, following SDMetrics 0.29 ("CorrelationSimilarity", "ContingencySimilarity"), and the mean
 * difference of association matrices. Pair keys in breakdowns are {@code "a|b"} in real column order.
 */
public final class ColumnPairMetrics {
    private ColumnPairMetrics() {
    }

    public static List<Metric> all() {
        return List.of(new CorrelationSimilarity(), new ContingencySimilarity(), new AssociationDifference());
    }

    static String key(AlignedColumn a, AlignedColumn b) {
        return a.name() + "|" + b.name();
    }

    /** Values of two columns on the rows where both are present. */
    static double[][] completePairs(Column a, Column b) {
        int n = a.size();
        double[] x = new double[n];
        double[] y = new double[n];
        int m = 0;
        for (int row = 0; row < n; row++) {
            double va = a.numericValue(row);
            double vb = b.numericValue(row);
            if (!Double.isNaN(va) && !Double.isNaN(vb)) {
                x[m] = va;
                y[m] = vb;
                m++;
            }
        }
        return new double[][] {java.util.Arrays.copyOf(x, m), java.util.Arrays.copyOf(y, m)};
    }

    /**
     * 1 − |ρ_real − ρ_synthetic| / 2 for each numeric pair, with Pearson (id {@code ..correlation_similarity})
     * and Spearman ({@code ..correlation_similarity_spearman}) coefficients on the rows where both values are
     * present. A pair with a constant column on either side has no correlation and is left out as not
     * applicable.
     */
    public static final class CorrelationSimilarity extends AbstractMetric {
        static final String PEARSON = "fidelity.column_pair.correlation_similarity";
        static final String SPEARMAN = "fidelity.column_pair.correlation_similarity_spearman";

        public CorrelationSimilarity() {
            super(PEARSON, Pillar.FIDELITY, Direction.HIGHER_IS_BETTER, 0, 1,
                    "1 minus half the absolute difference of Pearson correlations, mean over numeric pairs");
        }

        @Override
        public List<MetricSpec> outputs() {
            return List.of(new MetricSpec(PEARSON, Pillar.FIDELITY, Direction.HIGHER_IS_BETTER, 0, 1, description()),
                    new MetricSpec(SPEARMAN, Pillar.FIDELITY, Direction.HIGHER_IS_BETTER, 0, 1,
                            "1 minus half the absolute difference of Spearman correlations, mean over numeric pairs"));
        }

        @Override
        public List<MetricResult> compute(AuditContext ctx) {
            List<AlignedColumn> numeric = Alignment.of(ctx).numericColumns();
            Map<String, Double> pearson = new LinkedHashMap<>();
            Map<String, Double> spearman = new LinkedHashMap<>();
            Map<String, Object> realMatrix = new LinkedHashMap<>();
            Map<String, Object> synthMatrix = new LinkedHashMap<>();
            List<String> constant = new ArrayList<>();
            for (int i = 0; i < numeric.size(); i++) {
                for (int j = i + 1; j < numeric.size(); j++) {
                    AlignedColumn a = numeric.get(i);
                    AlignedColumn b = numeric.get(j);
                    double[][] real = completePairs(a.train(), b.train());
                    double[][] synth = completePairs(a.synthetic(), b.synthetic());
                    double rp = Stats.pearson(real[0], real[1]);
                    double sp = Stats.pearson(synth[0], synth[1]);
                    String key = key(a, b);
                    realMatrix.put(key, Double.isNaN(rp) ? null : rp);
                    synthMatrix.put(key, Double.isNaN(sp) ? null : sp);
                    if (Double.isNaN(rp) || Double.isNaN(sp)) {
                        pearson.put(key, null);
                        spearman.put(key, null);
                        constant.add(key);
                        continue;
                    }
                    pearson.put(key, 1 - Math.abs(rp - sp) / 2);
                    double rs = Stats.spearman(real[0], real[1]);
                    double ss = Stats.spearman(synth[0], synth[1]);
                    spearman.put(key, 1 - Math.abs(rs - ss) / 2);
                }
            }
            List<MetricSpec> specs = outputs();
            String note = constant.isEmpty() ? null
                    : "not applicable for pairs with a constant column or fewer than 2 complete rows: "
                    + String.join(", ", constant);
            Map<String, Object> chart = new HashMap<>();
            chart.put("real_pearson", realMatrix);
            chart.put("synthetic_pearson", synthMatrix);
            return List.of(summarise(specs.get(0), ctx, pearson, note, chart),
                    summarise(specs.get(1), ctx, spearman, note, null));
        }
    }

    static MetricResult summarise(MetricSpec spec, AuditContext ctx, Map<String, Double> breakdown, String note,
                                  Map<String, Object> chart) {
        if (breakdown.isEmpty()) {
            return MetricResults.notApplicable(spec, ctx.candidate(), "fewer than two columns of the required kind");
        }

        double mean = Stats.mean(breakdown.values());
        if (Double.isNaN(mean)) {
            return MetricResults.notApplicable(spec, ctx.candidate(), note);
        }
        return MetricResults.ok(spec, ctx.candidate(), mean, note, breakdown, chart);
    }

    /**
     * 1 − TVD of the joint frequency table for every pair that is not numeric-numeric, with missing kept as a
     * category and numeric columns cut by {@link PairEncoding}.
     */
    public static final class ContingencySimilarity extends AbstractMetric {
        public ContingencySimilarity() {
            super("fidelity.column_pair.contingency_similarity", Pillar.FIDELITY, Direction.HIGHER_IS_BETTER, 0, 1,
                    "1 minus the total variation distance of joint frequency tables, mean over pairs with a "
                            + "categorical column");
        }

        @Override
        public List<MetricResult> compute(AuditContext ctx) {
            List<AlignedColumn> columns = Alignment.of(ctx).columns();
            Map<String, PairEncoding.Codes> codes = new HashMap<>();
            for (AlignedColumn column : columns) {
                codes.put(column.name(), PairEncoding.encode(ctx, column));
            }
            Map<String, Double> breakdown = new LinkedHashMap<>();
            for (int i = 0; i < columns.size(); i++) {
                for (int j = i + 1; j < columns.size(); j++) {
                    AlignedColumn a = columns.get(i);
                    AlignedColumn b = columns.get(j);
                    if (a.isNumeric() && b.isNumeric()) {
                        continue;
                    }
                    breakdown.put(key(a, b), 1 - jointTvd(codes.get(a.name()), codes.get(b.name())));
                }
            }
            return single(summarise(spec(), ctx, breakdown, null, null));
        }

        static double jointTvd(PairEncoding.Codes a, PairEncoding.Codes b) {
            int cells = a.size() * b.size();
            long[] real = new long[cells];
            long[] synth = new long[cells];
            for (int k = 0; k < a.real().length; k++) {
                real[a.real()[k] * b.size() + b.real()[k]]++;
            }
            for (int k = 0; k < a.synthetic().length; k++) {
                synth[a.synthetic()[k] * b.size() + b.synthetic()[k]]++;
            }
            return Stats.tvd(real, a.real().length, synth, a.synthetic().length);
        }
    }

    /**
     * Mean absolute difference between the real and synthetic association matrices over all column pairs:
     * Pearson correlation for two numeric columns, Cramér's V for two categorical columns and the correlation
     * ratio η for a mixed pair, each on the rows where both values are present. Pairs undefined on either
     * side (a constant column) are left out and listed.
     */
    public static final class AssociationDifference extends AbstractMetric {
        public AssociationDifference() {
            super("fidelity.column_pair.association_difference", Pillar.FIDELITY, Direction.LOWER_IS_BETTER, 0, 2,
                    "mean absolute difference of association matrices (Pearson, Cramer's V, correlation ratio)");
        }

        @Override
        public List<MetricResult> compute(AuditContext ctx) {
            Alignment alignment = Alignment.of(ctx);
            List<AlignedColumn> columns = alignment.columns();
            Map<String, Double> breakdown = new LinkedHashMap<>();
            Map<String, Object> realMatrix = new LinkedHashMap<>();
            Map<String, Object> synthMatrix = new LinkedHashMap<>();
            List<String> undefined = new ArrayList<>();
            for (int i = 0; i < columns.size(); i++) {
                for (int j = i + 1; j < columns.size(); j++) {
                    AlignedColumn a = columns.get(i);
                    AlignedColumn b = columns.get(j);
                    double real = association(alignment, a, b, true);
                    double synth = association(alignment, a, b, false);
                    String key = key(a, b);
                    realMatrix.put(key, Double.isNaN(real) ? null : real);
                    synthMatrix.put(key, Double.isNaN(synth) ? null : synth);
                    if (Double.isNaN(real) || Double.isNaN(synth)) {
                        breakdown.put(key, null);
                        undefined.add(key);
                    } else {
                        breakdown.put(key, Math.abs(real - synth));
                    }
                }
            }
            String note = undefined.isEmpty() ? null : "undefined association (constant column) for: "
                    + String.join(", ", undefined);
            Map<String, Object> chart = new HashMap<>();
            chart.put("columns", columns.stream().map(AlignedColumn::name).toList());
            chart.put("real", realMatrix);
            chart.put("synthetic", synthMatrix);
            return single(summarise(spec(), ctx, breakdown, note, chart));
        }

        static double association(Alignment alignment, AlignedColumn a, AlignedColumn b, boolean real) {
            Column ca = real ? a.train() : a.synthetic();
            Column cb = real ? b.train() : b.synthetic();
            if (a.isNumeric() && b.isNumeric()) {
                double[][] pairs = completePairs(ca, cb);
                return Stats.pearson(pairs[0], pairs[1]);
            }
            if (!a.isNumeric() && !b.isNumeric()) {
                int[] codesA = real ? alignment.dictionary(a.name()).train() : alignment.dictionary(a.name()).synthetic();
                int[] codesB = real ? alignment.dictionary(b.name()).train() : alignment.dictionary(b.name()).synthetic();
                int n = 0;
                int[] x = new int[codesA.length];
                int[] y = new int[codesA.length];
                for (int k = 0; k < codesA.length; k++) {
                    if (codesA[k] >= 0 && codesB[k] >= 0) {
                        x[n] = codesA[k];
                        y[n] = codesB[k];
                        n++;
                    }
                }
                return Stats.cramersV(java.util.Arrays.copyOf(x, n), alignment.dictionary(a.name()).size(),
                        java.util.Arrays.copyOf(y, n), alignment.dictionary(b.name()).size());
            }
            AlignedColumn cat = a.isNumeric() ? b : a;
            Column num = a.isNumeric() ? ca : cb;
            int[] codes = real ? alignment.dictionary(cat.name()).train() : alignment.dictionary(cat.name()).synthetic();
            int n = 0;
            int[] g = new int[codes.length];
            double[] v = new double[codes.length];
            for (int k = 0; k < codes.length; k++) {
                double value = num.numericValue(k);
                if (codes[k] >= 0 && !Double.isNaN(value)) {
                    g[n] = codes[k];
                    v[n] = value;
                    n++;
                }
            }
            return Stats.correlationRatio(java.util.Arrays.copyOf(g, n), alignment.dictionary(cat.name()).size(),
                    java.util.Arrays.copyOf(v, n));
        }
    }
}
