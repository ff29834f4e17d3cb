package org.synthtrust.audit.fairness;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.synthtrust.audit.Alignment;
import org.synthtrust.audit.Alignment.AlignedColumn;
import org.synthtrust.audit.AbstractMetric;
import org.synthtrust.audit.AuditContext;
import org.synthtrust.audit.Direction;
import org.synthtrust.audit.MetricResult;
import org.synthtrust.audit.MetricResults;
import org.synthtrust.audit.MetricSpec;
import org.synthtrust.audit.Pillar;
import org.synthtrust.audit.utility.ModelKind;
import org.synthtrust.audit.utility.Source;
import org.synthtrust.audit.utility.TargetTask;
import org.synthtrust.audit.utility.UtilityModels;
import org.synthtrust.core.schema.Role;

/**
 * Fairness of the synthetic data for every column with the {@code protected} role: representation of each
 * group, positive-outcome rate per group in real and synthetic data, and the demographic parity difference,
 * equalised odds difference (Hardt, Price and Srebro, 2016, "Equality of Opportunity in Supervised
 * Learning") and disparate impact ratio of the gradient-boosting TSTR model on the real holdout, next to the
 * same figures for the TRTR model. Groups with fewer real rows than
 * {@link org.synthtrust.audit.AuditSettings#minGroupSize()} are left out of gaps and listed; a rate with no
 * row to divide by is undefined (null in charts), never 0.
 */
public final class FairnessMetric extends AbstractMetric {
    static final String REPRESENTATION = "fairness.representation.max_gap";
    static final String OUTCOME = "fairness.outcome_rate.max_gap";
    static final String PARITY = "fairness.demographic_parity.difference";
    static final String ODDS = "fairness.equalized_odds.difference";
    static final String IMPACT = "fairness.disparate_impact.ratio";

    private static final List<MetricSpec> OUTPUTS = List.of(
            spec(REPRESENTATION, Direction.LOWER_IS_BETTER,
                    "largest gap between a protected group's real and synthetic share of rows"),
            spec(OUTCOME, Direction.LOWER_IS_BETTER,
                    "largest gap between a protected group's real and synthetic positive-outcome rate"),
            spec(PARITY, Direction.LOWER_IS_BETTER,
                    "largest gap in positive prediction rate between protected groups, TSTR model on the holdout"),
            spec(ODDS, Direction.LOWER_IS_BETTER,
                    "largest gap in true- or false-positive rate between protected groups, TSTR model on the holdout"),
            spec(IMPACT, Direction.HIGHER_IS_BETTER,
                    "lowest divided by highest positive prediction rate among protected groups, TSTR model"));

    private static MetricSpec spec(String id, Direction direction, String description) {
        return new MetricSpec(id, Pillar.FAIRNESS, direction, 0, 1, description);
    }

    public FairnessMetric() {
        super(PARITY, Pillar.FAIRNESS, Direction.LOWER_IS_BETTER, 0, 1,
                OUTPUTS.get(2).description());
    }

    @Override
    public List<MetricSpec> outputs() {
        return OUTPUTS;
    }

    private static MetricSpec output(String id) {
        return OUTPUTS.stream().filter(s -> s.id().equals(id)).findFirst().orElseThrow();
    }

    @Override
    public List<MetricResult> compute(AuditContext ctx) {
        Alignment alignment = Alignment.of(ctx);
        List<AlignedColumn> protectedColumns = new ArrayList<>();
        for (String name : ctx.schema().columnsWithRole(Role.PROTECTED)) {
            AlignedColumn column = alignment.column(name);
            if (column != null) {
                protectedColumns.add(column);
            }
        }

        List<MetricResult> results = new ArrayList<>();
        if (protectedColumns.isEmpty()) {
            for (MetricSpec spec : OUTPUTS) {
                results.add(MetricResults.notApplicable(spec, ctx.candidate(),
                        "no protected column is present in both tables"));
            }
            return results;
        }
        TargetTask task = TargetTask.of(ctx);
        String taskProblem = task.problem() != null ? task.problem()
                : task.isRegression() ? "target '" + task.target().name() + "' is numeric; group rates need a binary "
                + "outcome" : null;
        List<GroupTable> tables = new ArrayList<>();
        for (AlignedColumn column : protectedColumns) {
            tables.add(GroupTable.build(ctx, column, taskProblem == null ? task : null));
        }
        results.add(representation(ctx, tables));
        if (taskProblem != null) {
            for (String id : List.of(OUTCOME, PARITY, ODDS, IMPACT)) {
                results.add(MetricResults.notApplicable(output(id), ctx.candidate(), taskProblem));
            }
            return results;
        }
        results.add(outcomeGap(ctx, tables));
        UtilityModels.Fit tstr = UtilityModels.fit(ctx, task, ModelKind.GRADIENT_BOOSTING, Source.SYNTHETIC);
        UtilityModels.Fit trtr = UtilityModels.fit(ctx, task, ModelKind.GRADIENT_BOOSTING, Source.TRAIN);
        results.addAll(modelGaps(ctx, tables, tstr, trtr));
        return results;
    }

    private MetricResult representation(AuditContext ctx, List<GroupTable> tables) {
        Map<String, Double> breakdown = new LinkedHashMap<>();
        List<String> absent = new ArrayList<>();
        Map<String, Object> chart = new LinkedHashMap<>();
        double max = 0;
        for (GroupTable table : tables) {
            chart.put(table.column(), table.chartRows());
            for (GroupTable.Group group : table.groups()) {
                double gap = Math.abs(group.realShare() - group.syntheticShare());
                breakdown.put(table.column() + "=" + group.label(), gap);
                max = Math.max(max, gap);
                if (group.absentInSynthetic()) {
                    absent.add(table.column() + "=" + group.label());
                }
            }
        }

        String reason = absent.isEmpty() ? null : "absent in synthetic: " + String.join(", ", absent);
        return MetricResults.ok(output(REPRESENTATION), ctx.candidate(), max, reason, breakdown, chart);
    }

    private MetricResult outcomeGap(AuditContext ctx, List<GroupTable> tables) {
        Map<String, Double> breakdown = new LinkedHashMap<>();
        List<String> excluded = new ArrayList<>();
        List<String> undefined = new ArrayList<>();
        for (GroupTable table : tables) {
            for (GroupTable.Group group : table.groups()) {
                String key = table.column() + "=" + group.label();
                if (group.realCount() < ctx.settings().minGroupSize()) {
                    excluded.add(key + " (" + group.realCount() + " real rows)");
                    continue;
                }
                if (group.realPositiveRate() == null || group.syntheticPositiveRate() == null) {
                    undefined.add(key);
                    breakdown.put(key, null);
                    continue;
                }
                breakdown.put(key, Math.abs(group.realPositiveRate() - group.syntheticPositiveRate()));
            }
        }

        String reason = notes(ctx, excluded, undefined, "no synthetic row, so the synthetic rate is undefined");
        double max = org.synthtrust.audit.fidelity.Stats.max(breakdown.values());
        if (Double.isNaN(max)) {
            return MetricResults.notApplicable(output(OUTCOME), ctx.candidate(),
                    "no group has a defined rate in both tables; " + reason);
        }
        return MetricResults.ok(output(OUTCOME), ctx.candidate(), max, reason, breakdown, null);
    }

    static String notes(AuditContext ctx, List<String> excluded, List<String> undefined, String undefinedMeaning) {
        List<String> notes = new ArrayList<>();
        if (!excluded.isEmpty()) {
            notes.add("excluded below the minimum group size " + ctx.settings().minGroupSize() + ": "
                    + String.join(", ", excluded));
        }

        if (!undefined.isEmpty()) {
            notes.add("undefined (" + undefinedMeaning + "): " + String.join(", ", undefined));
        }
        return notes.isEmpty() ? null : String.join("; ", notes);
    }

    private List<MetricResult> modelGaps(AuditContext ctx, List<GroupTable> tables, UtilityModels.Fit tstr,
                                         UtilityModels.Fit trtr) {
        List<MetricResult> results = new ArrayList<>();
        if (tstr.failed()) {
            for (String id : List.of(PARITY, ODDS, IMPACT)) {
                results.add(MetricResults.failed(output(id), ctx.candidate(), tstr.failure()));
            }
            return results;
        }

        List<HoldoutRates> synthetic = new ArrayList<>();
        List<HoldoutRates> real = new ArrayList<>();
        for (GroupTable table : tables) {
            synthetic.add(HoldoutRates.of(ctx, table, tstr));
            real.add(trtr.failed() ? null : HoldoutRates.of(ctx, table, trtr));
        }
        results.add(gapResult(ctx, PARITY, synthetic, real, HoldoutRates::parityGap));
        results.add(gapResult(ctx, ODDS, synthetic, real, HoldoutRates::oddsGap));
        results.add(gapResult(ctx, IMPACT, synthetic, real, HoldoutRates::impactRatio));
        return results;
    }

    private MetricResult gapResult(AuditContext ctx, String id, List<HoldoutRates> synthetic, List<HoldoutRates> real,
                                   java.util.function.Function<HoldoutRates, Double> measure) {
        Map<String, Double> breakdown = new LinkedHashMap<>();
        Map<String, Object> chart = new LinkedHashMap<>();
        Double worst = null;
        boolean lowerIsBetter = !id.equals(IMPACT);
        List<String> notes = new ArrayList<>();
        for (int k = 0; k < synthetic.size(); k++) {
            HoldoutRates tstr = synthetic.get(k);
            HoldoutRates trtr = real.get(k);
            Double value = measure.apply(tstr);
            breakdown.put(tstr.column() + ":tstr", value);
            breakdown.put(tstr.column() + ":trtr", trtr == null ? null : measure.apply(trtr));
            chart.put(tstr.column() + ":tstr", tstr.chartRows());
            if (trtr != null) {
                chart.put(tstr.column() + ":trtr", trtr.chartRows());
            }
            if (tstr.note() != null) {
                notes.add(tstr.column() + ": " + tstr.note());
            }
            if (value != null && (worst == null || (lowerIsBetter ? value > worst : value < worst))) {
                worst = value;
            }
        }

        String reason = notes.isEmpty() ? null : String.join("; ", notes);
        if (worst == null) {
            return MetricResults.notApplicable(output(id), ctx.candidate(),
                    "fewer than two groups with defined rates on the holdout" + (reason == null ? "" : "; " + reason));
        }
        return MetricResults.ok(output(id), ctx.candidate(), worst, reason, breakdown, chart);
    }
}
