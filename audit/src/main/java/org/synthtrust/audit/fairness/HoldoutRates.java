package org.synthtrust.audit.fairness;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.synthtrust.audit.AuditContext;
import org.synthtrust.audit.utility.UtilityModels;

/**
 * Per-group rates of one model's predictions on the real holdout: positive prediction rate, true-positive
 * rate (undefined without positive rows) and false-positive rate (undefined without negative rows). Only
 * groups with at least the minimum number of real training rows and one holdout row enter the gaps.
 */
record HoldoutRates(String column, List<Rates> groups, String note) {

    record Rates(String label, long holdoutRows, boolean eligible, Double predictedRate, Double tpr, Double fpr) {
    }

    static HoldoutRates of(AuditContext ctx, GroupTable table, UtilityModels.Fit fit) {
        List<Rates> rates = new ArrayList<>();
        List<String> excluded = new ArrayList<>();
        List<String> undefined = new ArrayList<>();
        if (table.holdoutGroups() == null) {
            return new HoldoutRates(table.column(), rates, "the holdout cannot be grouped by this column");
        }

        for (GroupTable.Group group : table.groups()) {
            long n = 0;
            long predicted = 0;
            long positives = 0;
            long truePositives = 0;
            long negatives = 0;
            long falsePositives = 0;
            int[] rows = fit.holdoutRows();
            for (int k = 0; k < rows.length; k++) {
                if (table.holdoutGroups()[rows[k]] != group.code()) {
                    continue;
                }
                n++;
                boolean yes = fit.probabilities()[k] >= 0.5;
                predicted += yes ? 1 : 0;
                if (fit.labels()[k] == 1) {
                    positives++;
                    truePositives += yes ? 1 : 0;
                } else {
                    negatives++;
                    falsePositives += yes ? 1 : 0;
                }
            }
            boolean eligible = group.realCount() >= ctx.settings().minGroupSize() && n > 0;
            if (!eligible) {
                excluded.add(group.label() + " (" + group.realCount() + " real rows, " + n + " holdout rows)");
            }
            Double tpr = positives == 0 ? null : (double) truePositives / positives;
            Double fpr = negatives == 0 ? null : (double) falsePositives / negatives;
            if (eligible && tpr == null) {
                undefined.add("TPR of " + group.label());
            }
            if (eligible && fpr == null) {
                undefined.add("FPR of " + group.label());
            }
            rates.add(new Rates(group.label(), n, eligible, n == 0 ? null : (double) predicted / n, tpr, fpr));
        }
        return new HoldoutRates(table.column(), rates,
                FairnessMetric.notes(ctx, excluded, undefined, "no holdout row to divide by"));
    }

    Double parityGap() {
        return spread(rates -> rates.predictedRate());
    }

    Double oddsGap() {
        Double tpr = spread(Rates::tpr);
        Double fpr = spread(Rates::fpr);
        if (tpr == null) {
            return fpr;
        }
        return fpr == null ? tpr : Math.max(tpr, fpr);
    }

    Double impactRatio() {
        List<Double> values = eligibleValues(Rates::predictedRate);
        if (values.size() < 2) {
            return null;
        }

        double min = values.stream().mapToDouble(Double::doubleValue).min().orElseThrow();
        double max = values.stream().mapToDouble(Double::doubleValue).max().orElseThrow();
        return max <= 0 ? null : min / max;
    }

    private Double spread(java.util.function.Function<Rates, Double> rate) {
        List<Double> values = eligibleValues(rate);
        if (values.size() < 2) {
            return null;
        }
        return values.stream().mapToDouble(Double::doubleValue).max().orElseThrow()
                - values.stream().mapToDouble(Double::doubleValue).min().orElseThrow();
    }

    private List<Double> eligibleValues(java.util.function.Function<Rates, Double> rate) {
        List<Double> values = new ArrayList<>();
        for (Rates group : groups) {
            Double value = rate.apply(group);
            if (group.eligible() && value != null) {
                values.add(value);
            }
        }
        return values;
    }

    List<Map<String, Object>> chartRows() {
        List<Map<String, Object>> rows = new ArrayList<>();
        for (Rates group : groups) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("group", group.label());
            row.put("holdout_rows", group.holdoutRows());
            row.put("eligible", group.eligible());
            row.put("predicted_positive_rate", group.predictedRate());
            row.put("tpr", group.tpr());
            row.put("fpr", group.fpr());
            rows.add(row);
        }
        return rows;
    }
}
