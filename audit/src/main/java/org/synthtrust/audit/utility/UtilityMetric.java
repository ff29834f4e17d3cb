package org.synthtrust.audit.utility;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.ToDoubleFunction;
import org.synthtrust.audit.Alignment;
import org.synthtrust.audit.Alignment.AlignedColumn;
import org.synthtrust.audit.AbstractMetric;
import org.synthtrust.audit.AuditContext;
import org.synthtrust.audit.CategoryDictionary;
import org.synthtrust.audit.Direction;
import org.synthtrust.audit.MetricResult;
import org.synthtrust.audit.MetricResults;
import org.synthtrust.audit.MetricSpec;
import org.synthtrust.audit.Pillar;
import org.synthtrust.audit.fidelity.Stats;

/**
 * Train on synthetic, test on real (TSTR) against train on real, test on real (TRTR), both scored on the
 * real holdout (Esteban, Hyland and Rätsch, 2017, "Real-valued (Medical) Time Series Generation with
 * Recurrent Conditional GANs"). Each value is the mean over logistic regression (ridge regression for a
 * numeric target), random forest and gradient boosting, with the per-model values in the breakdown. Ratios
 * divide the TSTR mean by the TRTR mean. A one-class synthetic target makes every TSTR output {@code failed}.
 */
public final class UtilityMetric extends AbstractMetric {
    private static final double BIG = Double.MAX_VALUE;
    private static final List<MetricSpec> OUTPUTS = List.of(
            spec("utility.tstr.accuracy", Direction.HIGHER_IS_BETTER, 0, 1, "accuracy of models trained on synthetic data"),
            spec("utility.trtr.accuracy", Direction.HIGHER_IS_BETTER, 0, 1, "accuracy of models trained on real data"),
            spec("utility.tstr.f1_macro", Direction.HIGHER_IS_BETTER, 0, 1, "macro F1 of models trained on synthetic data"),
            spec("utility.trtr.f1_macro", Direction.HIGHER_IS_BETTER, 0, 1, "macro F1 of models trained on real data"),
            spec("utility.tstr.auc", Direction.HIGHER_IS_BETTER, 0, 1, "ROC AUC of models trained on synthetic data"),
            spec("utility.trtr.auc", Direction.HIGHER_IS_BETTER, 0, 1, "ROC AUC of models trained on real data"),
            spec("utility.ratio.accuracy", Direction.HIGHER_IS_BETTER, 0, BIG, "TSTR accuracy divided by TRTR accuracy"),
            spec("utility.ratio.f1_macro", Direction.HIGHER_IS_BETTER, 0, BIG, "TSTR macro F1 divided by TRTR macro F1"),
            spec("utility.ratio.auc", Direction.HIGHER_IS_BETTER, 0, BIG, "TSTR ROC AUC divided by TRTR ROC AUC"),
            spec("utility.tstr.r2", Direction.HIGHER_IS_BETTER, -BIG, 1, "R2 of models trained on synthetic data"),
            spec("utility.trtr.r2", Direction.HIGHER_IS_BETTER, -BIG, 1, "R2 of models trained on real data"),
            spec("utility.tstr.rmse", Direction.LOWER_IS_BETTER, 0, BIG, "RMSE of models trained on synthetic data"),
            spec("utility.trtr.rmse", Direction.LOWER_IS_BETTER, 0, BIG, "RMSE of models trained on real data"),
            spec("utility.ratio.r2", Direction.HIGHER_IS_BETTER, -BIG, BIG,
                    "TSTR R2 divided by TRTR R2 (defined when TRTR R2 > 0)"),
            spec("utility.ratio.rmse", Direction.HIGHER_IS_BETTER, 0, BIG, "TRTR RMSE divided by TSTR RMSE"),
            spec("utility.feature_importance.rank_agreement", Direction.HIGHER_IS_BETTER, -1, 1,
                    "Spearman correlation of feature importances of the TSTR and TRTR tree models"));

    private static MetricSpec spec(String id, Direction direction, double min, double max, String description) {
        return new MetricSpec(id, Pillar.UTILITY, direction, min, max, description);
    }

    public UtilityMetric() {
        super(OUTPUTS.get(0).id(), Pillar.UTILITY, Direction.HIGHER_IS_BETTER, 0, 1,
                "train on synthetic, test on real holdout, against train on real, test on real holdout");
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
        TargetTask task = TargetTask.of(ctx);
        List<MetricResult> results = new ArrayList<>();
        if (task.problem() != null) {
            for (MetricSpec spec : OUTPUTS) {
                results.add(MetricResults.notApplicable(spec, ctx.candidate(), task.problem()));
            }
            return results;
        }
        // Models are trained here one at a time, not in a parallel stream: a common-pool worker waiting in
        // UtilityModels' cache for a model whose random forest needs that same pool deadlocked a study run.
        Map<ModelKind, UtilityModels.Fit> tstr = new EnumMap<>(ModelKind.class);
        Map<ModelKind, UtilityModels.Fit> trtr = new EnumMap<>(ModelKind.class);
        for (ModelKind kind : ModelKind.values()) {
            tstr.put(kind, UtilityModels.fit(ctx, task, kind, Source.SYNTHETIC));
            trtr.put(kind, UtilityModels.fit(ctx, task, kind, Source.TRAIN));
        }

        String note = notes(ctx, task);
        if (task.isRegression()) {
            classificationNotApplicable(ctx, results, "target '" + task.target().name() + "' is numeric");
            scoreFamily(ctx, results, "r2", tstr, trtr, fit -> Scores.r2(fit.values(), fit.predictions()), note, false);
            scoreFamily(ctx, results, "rmse", tstr, trtr, fit -> Scores.rmse(fit.values(), fit.predictions()), note,
                    true);
        } else {
            scoreFamily(ctx, results, "accuracy", tstr, trtr, fit -> Scores.accuracy(fit.labels(), fit.probabilities()),
                    note, false);
            scoreFamily(ctx, results, "f1_macro", tstr, trtr, fit -> Scores.macroF1(fit.labels(), fit.probabilities()),
                    note, false);
            scoreFamily(ctx, results, "auc", tstr, trtr, fit -> Scores.auc(fit.labels(), fit.probabilities()), note,
                    false);
            String reason = "target '" + task.target().name() + "' is categorical";
            for (String id : List.of("utility.tstr.r2", "utility.trtr.r2", "utility.tstr.rmse", "utility.trtr.rmse",
                    "utility.ratio.r2", "utility.ratio.rmse")) {
                results.add(MetricResults.notApplicable(output(id), ctx.candidate(), reason));
            }
        }
        results.add(rankAgreement(ctx, task, tstr, trtr));
        return results;
    }

    private static void classificationNotApplicable(AuditContext ctx, List<MetricResult> results, String reason) {
        for (String family : List.of("accuracy", "f1_macro", "auc")) {
            for (String prefix : List.of("utility.tstr.", "utility.trtr.", "utility.ratio.")) {
                results.add(MetricResults.notApplicable(output(prefix + family), ctx.candidate(), reason));
            }
        }
    }

    /** Adds the TSTR, TRTR and ratio results of one score (ratio inverted for a lower-is-better score). */
    private static void scoreFamily(AuditContext ctx, List<MetricResult> results, String family,
                                    Map<ModelKind, UtilityModels.Fit> tstr, Map<ModelKind, UtilityModels.Fit> trtr,
                                    ToDoubleFunction<UtilityModels.Fit> score, String note, boolean lowerIsBetter) {
        MetricResult synthetic = side(ctx, output("utility.tstr." + family), tstr, score, note);
        MetricResult real = side(ctx, output("utility.trtr." + family), trtr, score, note);
        results.add(synthetic);
        results.add(real);
        MetricSpec ratioSpec = output("utility.ratio." + family);
        if (synthetic.status() == org.synthtrust.audit.MetricStatus.FAILED) {
            results.add(MetricResults.failed(ratioSpec, ctx.candidate(), synthetic.reason()));
        } else if (!synthetic.isOk() || !real.isOk()) {
            results.add(MetricResults.notApplicable(ratioSpec, ctx.candidate(),
                    "undefined: " + (synthetic.isOk() ? real.reason() : synthetic.reason())));
        } else {
            double numerator = lowerIsBetter ? real.value() : synthetic.value();
            double denominator = lowerIsBetter ? synthetic.value() : real.value();
            if (denominator <= 0) {
                results.add(MetricResults.notApplicable(ratioSpec, ctx.candidate(),
                        "the denominator " + denominator + " is not positive, so the ratio is undefined"));
            } else {
                results.add(MetricResults.ok(ratioSpec, ctx.candidate(), numerator / denominator, null, null, null));
            }
        }
    }

    private static MetricResult side(AuditContext ctx, MetricSpec spec, Map<ModelKind, UtilityModels.Fit> fits,
                                     ToDoubleFunction<UtilityModels.Fit> score, String note) {
        Map<String, Double> breakdown = new LinkedHashMap<>();
        List<String> failures = new ArrayList<>();
        for (Map.Entry<ModelKind, UtilityModels.Fit> entry : fits.entrySet()) {
            UtilityModels.Fit fit = entry.getValue();
            if (fit.failed()) {
                failures.add(fit.failure());
                continue;
            }
            breakdown.put(entry.getKey().id(), score.applyAsDouble(fit));
        }

        if (breakdown.isEmpty()) {
            String failure = failures.get(0) + constantPredictorNote(fits.values().iterator().next(), ctx, spec);
            return spec.id().startsWith("utility.tstr.") ? MetricResults.failed(spec, ctx.candidate(), failure)
                    : MetricResults.notApplicable(spec, ctx.candidate(), failure);
        }

        double mean = Stats.mean(breakdown.values());
        if (Double.isNaN(mean)) {
            return MetricResults.notApplicable(spec, ctx.candidate(), spec.id().endsWith(".auc")
                    ? "the holdout target has one class, so ROC AUC is undefined"
                    : "undefined on this holdout (constant target)");
        }
        return MetricResults.ok(spec, ctx.candidate(), mean, note, breakdown, null);
    }

    /** For a failed accuracy: what a constant predictor of the single synthetic class would score, labelled as such. */
    private static String constantPredictorNote(UtilityModels.Fit fit, AuditContext ctx, MetricSpec spec) {
        if (!spec.id().endsWith(".accuracy")) {
            return "";
        }
        TargetTask task = TargetTask.of(ctx);
        if (task.isRegression()) {
            return "";
        }
        int[] rows = task.labelledRows(ctx, Source.SYNTHETIC);
        String single = task.singleClass(ctx, Source.SYNTHETIC, rows);
        if (single == null || fit.holdoutRows().length == 0) {
            return "";
        }
        CategoryDictionary dict = Alignment.of(ctx).dictionary(task.target().name());
        int code = dict.levels().indexOf(single);
        long matches = 0;
        for (int row : fit.holdoutRows()) {
            if (dict.holdout()[row] == code) {
                matches++;
            }
        }
        return String.format(java.util.Locale.ROOT, "; a constant predictor of '%s' (not a trained model) would score "
                + "accuracy %d/%d = %.3f on the real holdout", single, matches, fit.holdoutRows().length,
                (double) matches / fit.holdoutRows().length);
    }

    private static MetricResult rankAgreement(AuditContext ctx, TargetTask task, Map<ModelKind, UtilityModels.Fit> tstr,
                                              Map<ModelKind, UtilityModels.Fit> trtr) {
        MetricSpec spec = output("utility.feature_importance.rank_agreement");
        UtilityModels.Fit synthetic = tstr.get(ModelKind.RANDOM_FOREST);
        UtilityModels.Fit real = trtr.get(ModelKind.RANDOM_FOREST);
        if (synthetic.failed()) {
            return MetricResults.failed(spec, ctx.candidate(), synthetic.failure());
        }

        if (real.failed() || task.features().size() < 2) {
            return MetricResults.notApplicable(spec, ctx.candidate(), real.failed() ? real.failure()
                    : "fewer than two features to rank");
        }

        double rho = Stats.spearman(synthetic.importance(), real.importance());
        if (Double.isNaN(rho)) {
            return MetricResults.notApplicable(spec, ctx.candidate(), "all features have equal importance in a model");
        }

        Map<String, Object> chart = new LinkedHashMap<>();
        List<String> names = task.features().stream().map(AlignedColumn::name).toList();
        chart.put("features", names);
        chart.put("tstr_importance", synthetic.importance());
        chart.put("trtr_importance", real.importance());
        return MetricResults.ok(spec, ctx.candidate(), rho, "random forest Gini importances", null, chart);
    }

    /** Notes on categories seen only in the holdout, which models encode as the unknown level. */
    private static String notes(AuditContext ctx, TargetTask task) {
        List<String> notes = new ArrayList<>();
        if (task.note() != null) {
            notes.add(task.note());
        }
        Alignment alignment = Alignment.of(ctx);
        for (AlignedColumn column : task.features()) {
            if (column.isNumeric()) {
                continue;
            }
            Map<String, Integer> holdoutOnly = alignment.dictionary(column.name()).holdoutOnly();
            if (!holdoutOnly.isEmpty()) {
                notes.add(column.name() + ": categories only in the holdout, encoded as unknown: "
                        + String.join(", ", holdoutOnly.keySet()));
            }
        }
        return notes.isEmpty() ? null : String.join("; ", notes);
    }
}
