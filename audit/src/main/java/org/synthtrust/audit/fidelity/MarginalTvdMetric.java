package org.synthtrust.audit.fidelity;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.synthtrust.audit.Alignment;
import org.synthtrust.audit.Alignment.AlignedColumn;
import org.synthtrust.audit.AuditContext;
import org.synthtrust.audit.Direction;
import org.synthtrust.audit.Metric;
import org.synthtrust.audit.MetricResult;
import org.synthtrust.audit.MetricResults;
import org.synthtrust.audit.MetricSpec;
import org.synthtrust.audit.Pillar;

/**
 * Mean and max total variation distance over all k-way marginals (k = 1, 2 or 3) on the schema's bins
 * ({@link Discretizer}), missing values as their own cell. With more than 30 columns the 3-way set is a
 * seeded random sample of {@link org.synthtrust.audit.AuditSettings#maxThreeWayMarginals()} triples.
 */
public final class MarginalTvdMetric implements Metric {
    private static final int FULL_THREE_WAY_COLUMNS = 30;

    private final int k;

    public MarginalTvdMetric(int k) {
        if (k < 1 || k > 3) {
            throw new IllegalArgumentException("marginal order must be 1, 2 or 3; got " + k);
        }
        this.k = k;
    }

    public static List<Metric> all() {
        return List.of(new MarginalTvdMetric(1), new MarginalTvdMetric(2), new MarginalTvdMetric(3));
    }

    @Override
    public String id() {
        return "fidelity.marginal" + k + ".tvd_mean";
    }

    @Override
    public Pillar pillar() {
        return Pillar.FIDELITY;
    }

    @Override
    public Direction direction() {
        return Direction.LOWER_IS_BETTER;
    }

    @Override
    public double min() {
        return 0;
    }

    @Override
    public double max() {
        return 1;
    }

    @Override
    public String description() {
        return "mean total variation distance over all " + k + "-way marginals on the schema's bins";
    }

    @Override
    public List<MetricSpec> outputs() {
        return List.of(new MetricSpec(id(), Pillar.FIDELITY, Direction.LOWER_IS_BETTER, 0, 1, description()),
                new MetricSpec("fidelity.marginal" + k + ".tvd_max", Pillar.FIDELITY, Direction.LOWER_IS_BETTER, 0, 1,
                        "largest total variation distance among the " + k + "-way marginals"));
    }

    @Override
    public List<MetricResult> compute(AuditContext ctx) {
        List<AlignedColumn> columns = Alignment.of(ctx).columns();
        List<MetricSpec> specs = outputs();
        List<int[]> sets = subsets(columns.size(), ctx);
        if (sets.isEmpty()) {
            String reason = "fewer than " + k + " columns are present in both tables";
            return List.of(MetricResults.notApplicable(specs.get(0), ctx.candidate(), reason),
                    MetricResults.notApplicable(specs.get(1), ctx.candidate(), reason));
        }

        if (ctx.train().rowCount() == 0 || ctx.synthetic().rowCount() == 0) {
            String reason = "a table has no rows";
            return List.of(MetricResults.notApplicable(specs.get(0), ctx.candidate(), reason),
                    MetricResults.notApplicable(specs.get(1), ctx.candidate(), reason));
        }

        List<PairEncoding.Codes> codes = new ArrayList<>();
        for (AlignedColumn column : columns) {
            codes.add(Discretizer.encode(ctx, column));
        }

        Map<String, Double> breakdown = new LinkedHashMap<>();
        for (int[] set : sets) {
            int[][] real = new int[k][];
            int[][] synth = new int[k][];
            int[] sizes = new int[k];
            StringBuilder key = new StringBuilder();
            for (int m = 0; m < k; m++) {
                PairEncoding.Codes c = codes.get(set[m]);
                real[m] = c.real();
                synth[m] = c.synthetic();
                sizes[m] = c.size();
                key.append(m == 0 ? "" : "|").append(columns.get(set[m]).name());
            }
            double tvd = Marginals.l1(real, sizes, synth, ctx.train().rowCount(), ctx.synthetic().rowCount()) / 2;
            breakdown.put(key.toString(), tvd);
        }

        String reason = k == 3 && columns.size() > FULL_THREE_WAY_COLUMNS
                ? "sampled " + sets.size() + " of the 3-way marginals (seed " + ctx.settings().seed() + ")" : null;
        Map<String, Object> chart = new HashMap<>();
        chart.put("marginals", sets.size());
        return List.of(MetricResults.ok(specs.get(0), ctx.candidate(), Stats.mean(breakdown.values()), reason,
                        breakdown, chart),
                MetricResults.ok(specs.get(1), ctx.candidate(), Stats.max(breakdown.values()), reason, null, null));
    }

    private List<int[]> subsets(int n, AuditContext ctx) {
        List<int[]> sets = new ArrayList<>();
        if (k == 1) {
            for (int a = 0; a < n; a++) {
                sets.add(new int[] {a});
            }
        } else if (k == 2) {
            for (int a = 0; a < n; a++) {
                for (int b = a + 1; b < n; b++) {
                    sets.add(new int[] {a, b});
                }
            }
        } else if (n <= FULL_THREE_WAY_COLUMNS) {
            for (int a = 0; a < n; a++) {
                for (int b = a + 1; b < n; b++) {
                    for (int c = b + 1; c < n; c++) {
                        sets.add(new int[] {a, b, c});
                    }
                }
            }
        } else {
            long total = (long) n * (n - 1) * (n - 2) / 6;
            int wanted = (int) Math.min(total, ctx.settings().maxThreeWayMarginals());
            Random random = new Random(ctx.settings().seed());
            Set<String> seen = new LinkedHashSet<>();
            while (sets.size() < wanted) {
                int[] triple = random.ints(0, n).distinct().limit(3).sorted().toArray();
                if (seen.add(triple[0] + "," + triple[1] + "," + triple[2])) {
                    sets.add(triple);
                }
            }
        }
        return sets;
    }
}
