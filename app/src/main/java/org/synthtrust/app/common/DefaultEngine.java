package org.synthtrust.app.common;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.synthtrust.app.project.LoadedData;
import org.synthtrust.audit.AuditContext;
import org.synthtrust.audit.AuditResult;
import org.synthtrust.audit.AuditRunner;
import org.synthtrust.audit.AuditSettings;
import org.synthtrust.audit.Metric;
import org.synthtrust.audit.MetricRegistry;
import org.synthtrust.audit.MetricResult;
import org.synthtrust.core.InvalidInputException;
import org.synthtrust.core.progress.CancellationToken;
import org.synthtrust.core.progress.ProgressListener;
import org.synthtrust.core.schema.Schema;
import org.synthtrust.core.privacy.DpRandom;
import org.synthtrust.core.privacy.LedgerEntry;
import org.synthtrust.core.privacy.PrivacyBudget;
import org.synthtrust.core.privacy.PrivacyLedger;
import org.synthtrust.core.table.Table;
import org.synthtrust.generators.FittedModel;
import org.synthtrust.generators.ParameterDescriptor;
import org.synthtrust.generators.Synthesizer;
import org.synthtrust.generators.Synthesizers;
import org.synthtrust.app.project.LedgerLine;
import org.synthtrust.trustindex.CandidateResults;
import org.synthtrust.trustindex.Constraint;
import org.synthtrust.trustindex.Normalisation;
import org.synthtrust.trustindex.Ranking;
import org.synthtrust.trustindex.TrustIndex;
import org.synthtrust.trustindex.TrustPillar;
import org.synthtrust.trustindex.TrustSettings;
import org.synthtrust.trustindex.WeightProfile;

/** The engine as the command line uses it: thin adapters from the workbench's calls to the engine modules. */
public final class DefaultEngine implements Engine {

    @Override
    public LoadedData readCsv(Path file, Schema schemaOrNull) {
        throw missing("reading CSV files");
    }

    @Override
    public Schema readSchema(Path file) {
        throw missing("reading schema files");
    }

    @Override
    public void writeSchema(Schema schema, Path file) {
        throw missing("writing schema files");
    }

    @Override
    public void writeCsv(Table table, Path file) {
        throw missing("writing CSV files");
    }

    @Override
    public List<SynthesizerInfo> synthesizers() {
        List<SynthesizerInfo> list = new ArrayList<>();
        for (Synthesizer synthesizer : Synthesizers.all()) {
            List<ParameterInfo> parameters = new ArrayList<>();
            for (ParameterDescriptor descriptor : synthesizer.parameters()) {
                parameters.add(new ParameterInfo(descriptor.name(), descriptor.type(), descriptor.defaultValue(),
                        descriptor.help(), descriptor.choices(), value -> {
                            try {
                                descriptor.validate(synthesizer.id(), value);
                                return null;
                            } catch (InvalidInputException e) {
                                return e.getMessage();
                            }
                        }));
            }
            list.add(new SynthesizerInfo(synthesizer.id(), synthesizer.description(), parameters));
        }
        return list;
    }

    @Override
    public void validateBudget(double epsilon, double delta) {
        PrivacyBudget.of(epsilon, delta);
    }

    @Override
    public Split split(Table table, Schema schema, double holdoutFraction, long seed) {
        throw missing("the holdout split");
    }

    @Override
    public FitOutcome fit(String method, Map<String, String> params, double epsilon, double delta, Integer rows,
            Table train, Schema schema, ProgressListener progress, CancellationToken cancel) {
        Synthesizer synthesizer = Synthesizers.byId(method);
        PrivacyLedger ledger = new PrivacyLedger(PrivacyBudget.of(epsilon, delta), DpRandom.secure());
        FittedModel model = synthesizer.fit(train, schema, ledger, params, progress, cancel);
        cancel.throwIfCancelled();
        int sampleRows = rows == null ? model.defaultRows() : rows;
        progress.progress("sample " + sampleRows + " rows", 1.0);
        // Sampling is post-processing of the noisy model, so it draws from the ledger's generator.
        Table synthetic = model.sample(sampleRows, ledger.random().generator());
        List<LedgerLine> lines = new ArrayList<>();
        for (LedgerEntry entry : ledger.entries()) {
            lines.add(new LedgerLine(entry.mechanism(), entry.query(), entry.costType(), entry.cost(),
                    entry.runningEpsilon()));
        }
        return new FitOutcome(synthetic, model, lines, ledger.totalEpsilon(), ledger.isTestMode());
    }

    @Override
    public AuditResult audit(List<String> groups, Table train, Table holdout, Map<String, Table> synthetic,
            Schema schema, ProgressListener progress, CancellationToken cancel) {
        List<Metric> suite = MetricRegistry.select(groups);
        if (suite.isEmpty()) {
            throw new InvalidInputException("no metric is registered for the groups " + groups
                    + "; this build has no metrics of those pillars");
        }
        List<AuditContext> contexts = new ArrayList<>();
        for (Map.Entry<String, Table> candidate : synthetic.entrySet()) {
            contexts.add(new AuditContext(train, holdout, candidate.getValue(), schema, candidate.getKey(),
                    AuditSettings.defaults()));
        }
        return new AuditRunner().run(suite, contexts, progress, cancel);
    }

    @Override
    public Ranking rank(List<MetricResult> results, Map<String, Double> epsilons, Map<String, Double> weights,
            List<String> constraints, String normalisation) {
        Map<String, List<MetricResult>> byCandidate = new LinkedHashMap<>();
        for (MetricResult result : results) {
            byCandidate.computeIfAbsent(result.candidate(), name -> new ArrayList<>()).add(result);
        }
        List<CandidateResults> candidates = new ArrayList<>();
        byCandidate.forEach((name, list) -> candidates.add(CandidateResults.of(name, epsilons.get(name), list)));
        Map<TrustPillar, Double> pillarWeights = new EnumMap<>(TrustPillar.class);
        weights.forEach((pillar, weight) -> pillarWeights.put(TrustPillar.parse(pillar, "weights"), weight));
        TrustSettings settings = TrustSettings.defaults()
                .withNormalisation(Normalisation.parse(normalisation))
                .withWeights(WeightProfile.CUSTOM.id(), pillarWeights)
                .withConstraints(constraints, true);
        return TrustIndex.rank(candidates, settings);
    }

    @Override
    public void validateConstraint(String expression) {
        Constraint.parse(expression, false, "constraint");
    }

    @Override
    public Map<String, Double> profileWeights(String profile) {
        Map<String, Double> weights = new LinkedHashMap<>();
        WeightProfile.parse(profile).weights().forEach((pillar, weight) -> weights.put(pillar.id(), weight));
        return weights;
    }

    @Override
    public List<Path> exportReport(ReportInput input, List<String> formats, Path folder, ProgressListener progress,
            CancellationToken cancel) {
        throw missing("report export");
    }

    @Override
    public Map<String, String> versions() {
        Map<String, String> versions = new LinkedHashMap<>();
        String own = DefaultEngine.class.getPackage().getImplementationVersion();
        versions.put("SynthTrust", own == null ? "development build" : own);
        versions.put("Java", System.getProperty("java.version"));
        versions.put("JavaFX", System.getProperty("javafx.runtime.version", "unknown"));
        return versions;
    }

    // TODO: replace with the engine call once the module that provides this feature is merged into this build.
    private static InvalidInputException missing(String feature) {
        return new InvalidInputException(feature + " is not available in this build of the workbench");
    }
}
