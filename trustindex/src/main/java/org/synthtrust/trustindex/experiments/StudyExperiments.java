package org.synthtrust.trustindex.experiments;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import java.util.function.Predicate;
import org.synthtrust.audit.MetricResult;
import org.synthtrust.core.InvalidInputException;
import org.synthtrust.core.progress.CancellationToken;
import org.synthtrust.core.progress.ProgressListener;
import org.synthtrust.core.schema.Schema;
import org.synthtrust.core.table.Table;
import org.synthtrust.generators.Synthesizers;
import org.synthtrust.trustindex.study.StudyPlan.CandidatePlan;

/**
 * Runs the {@code audit.experiments} of a study for its fitted candidates and returns their results, one copy per
 * repeat of a candidate, so the trust index and the default constraint
 * {@code privacy.epsilon_audit.lower_bound<=epsilon} see them beside the other audit metrics. The synthetic
 * tables of the re-runs are scored in memory and never written.
 */
public final class StudyExperiments {

    private StudyExperiments() {
    }

    /**
     * Checks the settings and candidate names before anything is fitted.
     *
     * @throws InvalidInputException naming the setting, the bad value and the valid choices
     */
    public static void validate(ExperimentsSpec spec, List<CandidatePlan> candidates) {
        if (spec == null) {
            return;
        }
        if (spec.epsilonAudit() != null) {
            epsilonSettings(spec.epsilonAudit());
            selected(spec.epsilonAudit().candidates(), candidates, "audit.experiments.epsilon_audit.candidates");
        }
        if (spec.shadowModel() != null) {
            shadowSettings(spec.shadowModel());
            selected(spec.shadowModel().candidates(), candidates, "audit.experiments.shadow_model.candidates");
        }
    }

    /**
     * Runs the experiments; a candidate whose {@code fitted} test is false (it failed) is left out.
     *
     * @param log receives one line per experiment and candidate
     */
    public static List<MetricResult> run(ExperimentsSpec spec, List<CandidatePlan> candidates,
                                         Predicate<String> fitted, Table train, Schema schema, Consumer<String> log,
                                         ProgressListener progress, CancellationToken cancel) {
        List<MetricResult> results = new ArrayList<>();
        if (spec == null) {
            return results;
        }
        if (spec.epsilonAudit() != null) {
            EpsilonAuditExperiment.Settings settings = epsilonSettings(spec.epsilonAudit());
            for (CandidatePlan candidate : selected(spec.epsilonAudit().candidates(), candidates,
                    "audit.experiments.epsilon_audit.candidates")) {
                if (!fitted.test(candidate.name())) {
                    continue;
                }
                SynthesizerRun run = synthesizerRun(candidate, schema);
                ProgressListener stage = (name, fraction) -> progress.progress(candidate.name() + ": " + name,
                        fraction);
                MetricResult result = new EpsilonAuditExperiment(run, settings).run(train, candidate.name(), stage,
                        cancel).result();
                log.accept("epsilon audit of " + candidate.name() + ": " + describe(result));
                results.addAll(perRepeat(result, candidate));
            }
        }
        if (spec.shadowModel() != null) {
            ShadowModelExperiment.Settings settings = shadowSettings(spec.shadowModel());
            for (CandidatePlan candidate : selected(spec.shadowModel().candidates(), candidates,
                    "audit.experiments.shadow_model.candidates")) {
                if (!fitted.test(candidate.name())) {
                    continue;
                }
                SynthesizerRun run = synthesizerRun(candidate, schema);
                ProgressListener stage = (name, fraction) -> progress.progress(candidate.name() + ": " + name,
                        fraction);
                MetricResult result = new ShadowModelExperiment(run, settings).run(train, candidate.name(), stage,
                        cancel).result();
                log.accept("shadow-model attack on " + candidate.name() + ": " + describe(result));
                results.addAll(perRepeat(result, candidate));
            }
        }
        return results;
    }

    private static String describe(MetricResult result) {
        String value = result.value() == null ? result.status().name().toLowerCase(Locale.ROOT)
                : String.format(Locale.ROOT, "%.4g", result.value());
        return result.id() + " = " + value + "; " + result.reason();
    }

    /** Copies a candidate's result to every repeat's stem, because the experiment audits the method, not a table. */
    private static List<MetricResult> perRepeat(MetricResult result, CandidatePlan candidate) {
        List<MetricResult> copies = new ArrayList<>();
        for (int r = 0; r < candidate.repeats(); r++) {
            copies.add(new MetricResult(result.id(), candidate.stem(r), result.pillar(), result.direction(),
                    result.value(), result.lower(), result.upper(), result.status(), result.reason(),
                    result.breakdown(), result.chart()));
        }
        return copies;
    }

    /** Returns the candidate's synthesizer, budget and release size; the experiment settings may change the size. */
    private static SynthesizerRun synthesizerRun(CandidatePlan candidate, Schema schema) {
        return new SynthesizerRun(Synthesizers.byId(candidate.method()), schema, candidate.epsilon(),
                candidate.delta(), candidate.params(), candidate.rows() == null ? 0 : candidate.rows(),
                candidate.seed());
    }

    /** Returns the named candidates, or every candidate fitted by a method when {@code names} is null. */
    private static List<CandidatePlan> selected(List<String> names, List<CandidatePlan> candidates, String setting) {
        if (names == null) {
            return candidates.stream().filter(candidate -> !candidate.isExternal()).toList();
        }
        List<CandidatePlan> chosen = new ArrayList<>();
        List<String> valid = candidates.stream().filter(candidate -> !candidate.isExternal())
                .map(CandidatePlan::name).toList();
        for (String name : names) {
            CandidatePlan match = candidates.stream().filter(candidate -> candidate.name().equals(name)
                    && !candidate.isExternal()).findFirst().orElseThrow(() -> new InvalidInputException(setting
                    + ": '" + name + "' is not a candidate fitted by a method; valid names are " + valid));
            chosen.add(match);
        }
        return chosen;
    }

    static EpsilonAuditExperiment.Settings epsilonSettings(ExperimentsSpec.EpsilonAuditSpec spec) {
        EpsilonAuditExperiment.Settings defaults = EpsilonAuditExperiment.Settings.defaults();
        EpsilonAuditExperiment.CanaryChoice canary = defaults.canary();
        if (spec.canary() != null) {
            try {
                canary = EpsilonAuditExperiment.CanaryChoice.valueOf(spec.canary().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new InvalidInputException("audit.experiments.epsilon_audit.canary: '" + spec.canary()
                        + "' is invalid; use crafted, outlier or row (with canary_row)", e);
            }
        }
        if (canary == EpsilonAuditExperiment.CanaryChoice.ROW && spec.canaryRow() == null) {
            throw new InvalidInputException("audit.experiments.epsilon_audit.canary_row is missing; canary: row "
                    + "needs the 0-based training row, such as canary_row: 12");
        }
        return new EpsilonAuditExperiment.Settings(
                spec.runs() == null ? defaults.runs() : spec.runs(),
                spec.selectionFraction() == null ? defaults.selectionFraction() : spec.selectionFraction(),
                spec.rows() == null ? defaults.sampleRows() : spec.rows(),
                canary,
                spec.canaryRow() == null ? 0 : spec.canaryRow(),
                spec.oneRunCanaries() == null ? defaults.oneRunCanaries() : spec.oneRunCanaries(),
                spec.maxSeconds() == null ? defaults.maxSeconds() : spec.maxSeconds(),
                spec.threads() == null ? defaults.threads() : spec.threads(),
                defaults.alpha());
    }

    static ShadowModelExperiment.Settings shadowSettings(ExperimentsSpec.ShadowModelSpec spec) {
        ShadowModelExperiment.Settings defaults = ShadowModelExperiment.Settings.defaults();
        return new ShadowModelExperiment.Settings(
                spec.targets() == null ? defaults.targets() : spec.targets(),
                spec.targetRows() == null ? defaults.targetRows() : spec.targetRows(),
                spec.runs() == null ? defaults.runs() : spec.runs(),
                spec.subsetFraction() == null ? defaults.subsetFraction() : spec.subsetFraction(),
                spec.rows() == null ? defaults.sampleRows() : spec.rows(),
                spec.maxSeconds() == null ? defaults.maxSeconds() : spec.maxSeconds(),
                spec.threads() == null ? defaults.threads() : spec.threads());
    }
}
