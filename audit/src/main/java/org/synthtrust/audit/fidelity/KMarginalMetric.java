package org.synthtrust.audit.fidelity;

import java.math.BigDecimal;
import java.math.RoundingMode;
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
import org.synthtrust.audit.MetricResult;
import org.synthtrust.audit.Pillar;
import org.synthtrust.core.table.Column;

/**
 * The k-marginal score with the all-pairs rule NIST SDNist 2.3 used for the CRC Data and Metrics Archive
 * (NIST, 2023, "SDNist v2: Deidentified Data Report Tool"). Every unordered pair of the features in both
 * tables except the group column is crossed with the group column when both tables have it; cell
 * densities are counts divided by each table's own row count; a pair's TVD is half the L1 distance over
 * the union of cells; score = trunc(1000 · (1 − mean TVD)), with 1000 · (1 − mean TVD) first rounded to 9
 * decimals so a floating-point sum just below an integer does not lose a point. Numeric features use the
 * schema's bins or else the equal-frequency rule of {@link Discretizer#equalFrequency}.
 */
public final class KMarginalMetric extends AbstractMetric {
    public static final String ID = "fidelity.kmarginal.score";

    public KMarginalMetric() {
        super(ID, Pillar.FIDELITY, Direction.HIGHER_IS_BETTER, 0, 1000,
                "NIST k-marginal score: 1000 times one minus the mean TVD of all feature pairs (crossed with the "
                        + "group column when set), truncated");
    }

    @Override
    public List<MetricResult> compute(AuditContext ctx) {
        String group = ctx.settings().groupColumn();
        Column realGroup = group == null ? null : ctx.train().findColumn(group).orElse(null);
        Column synthGroup = group == null ? null : ctx.synthetic().findColumn(group).orElse(null);
        boolean grouped = realGroup != null && synthGroup != null;
        List<AlignedColumn> features = new ArrayList<>();
        for (AlignedColumn column : Alignment.of(ctx).columns()) {
            if (!column.name().equals(group)) {
                features.add(column);
            }
        }

        if (features.size() < 2) {
            return single(notApplicable(ctx, "fewer than two features are present in both tables"));
        }

        Map<String, PairEncoding.Codes> codes = new HashMap<>();
        for (AlignedColumn column : features) {
            codes.put(column.name(), Discretizer.encode(ctx, column));
        }
        PairEncoding.Codes groupCodes = grouped ? groupCodes(realGroup, synthGroup) : null;
        int realRows = ctx.train().rowCount();
        int synthRows = ctx.synthetic().rowCount();
        if (realRows == 0 || synthRows == 0) {
            return single(notApplicable(ctx, "a table has no rows"));
        }

        Map<String, Double> breakdown = new LinkedHashMap<>();
        double sum = 0;
        for (int i = 0; i < features.size(); i++) {
            for (int j = i + 1; j < features.size(); j++) {
                PairEncoding.Codes a = codes.get(features.get(i).name());
                PairEncoding.Codes b = codes.get(features.get(j).name());
                double l1;
                if (grouped) {
                    l1 = Marginals.l1(new int[][] {a.real(), b.real(), groupCodes.real()},
                            new int[] {a.size(), b.size(), groupCodes.size()},
                            new int[][] {a.synthetic(), b.synthetic(), groupCodes.synthetic()}, realRows, synthRows);
                } else {
                    l1 = Marginals.l1(new int[][] {a.real(), b.real()}, new int[] {a.size(), b.size()},
                            new int[][] {a.synthetic(), b.synthetic()}, realRows, synthRows);
                }
                double tvd = l1 / 2;
                sum += tvd;
                breakdown.put(features.get(i).name() + "|" + features.get(j).name(), tvd);
            }
        }

        double meanTvd = sum / breakdown.size();
        double score = score(meanTvd);
        String reason = "mean TVD " + meanTvd + " over " + breakdown.size() + " pairs"
                + (grouped ? ", each crossed with '" + group + "'"
                : group == null ? "" : "; group column '" + group + "' is not in both tables, so pairs are plain");
        Map<String, Object> chart = new HashMap<>();
        chart.put("mean_tvd", meanTvd);
        chart.put("pairs", breakdown.size());
        return single(ok(ctx, score, reason, breakdown, chart));
    }

    /** trunc(1000 · (1 − meanTvd)) after rounding to 9 decimals (half-up). */
    static double score(double meanTvd) {
        BigDecimal scaled = new BigDecimal(1000 * (1 - meanTvd)).setScale(9, RoundingMode.HALF_UP);
        return scaled.setScale(0, RoundingMode.DOWN).doubleValue();
    }

    /** Exact labels of the group column, so a numeric area code such as PUMA is never binned. */
    private static PairEncoding.Codes groupCodes(Column real, Column synth) {
        Map<String, Integer> index = new HashMap<>();
        int[] realCodes = labels(real, index);
        int[] synthCodes = labels(synth, index);
        int missing = index.size();
        for (int[] codes : new int[][] {realCodes, synthCodes}) {
            for (int k = 0; k < codes.length; k++) {
                if (codes[k] < 0) {
                    codes[k] = missing;
                }
            }
        }
        return new PairEncoding.Codes(realCodes, synthCodes, index.size() + 1);
    }

    private static int[] labels(Column column, Map<String, Integer> index) {
        int[] codes = new int[column.size()];
        for (int row = 0; row < codes.length; row++) {
            String label = Alignment.label(column, row);
            codes[row] = label == null ? -1 : index.computeIfAbsent(label, key -> index.size());
        }
        return codes;
    }
}
