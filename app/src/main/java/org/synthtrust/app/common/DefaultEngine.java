package org.synthtrust.app.common;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.synthtrust.app.project.ProjectStore;
import org.synthtrust.core.io.CsvDialect;
import org.synthtrust.core.io.CsvOptions;
import org.synthtrust.core.io.CsvReader;
import org.synthtrust.core.io.CsvWriter;
import org.synthtrust.core.io.ReadResult;
import org.synthtrust.core.schema.SchemaIO;
import org.synthtrust.report.HtmlRenderer;
import org.synthtrust.report.PdfRenderer;
import org.synthtrust.report.ReportJson;
import org.synthtrust.report.ReportModel;
import org.synthtrust.report.ReportModelBuilder;
import org.synthtrust.trustindex.study.StudyJson;
import org.synthtrust.trustindex.study.StudyRanker;
import org.synthtrust.trustindex.study.StudyRanking;
import org.synthtrust.trustindex.study.StudyRecord;
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
import org.synthtrust.audit.Direction;
import org.synthtrust.audit.Metric;
import org.synthtrust.audit.MetricStatus;
import org.synthtrust.audit.Pillar;
import org.synthtrust.generators.ModelProvenance;
import org.synthtrust.trustindex.ScoreRules;
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
    private static final Logger LOG = LoggerFactory.getLogger(DefaultEngine.class);
    /** Small-cell threshold of exported reports, the command line's default for {@code report --k}. */
    static final int REPORT_SMALL_CELL_K = 10;

    @Override
    public LoadedData readCsv(Path file, Schema schemaOrNull) {
        ReadResult result = CsvReader.read(file, schemaOrNull, CsvOptions.defaults());
        CsvDialect dialect = result.dialect();
        // The reader decodes UTF-8 only and reports a byte order mark when the file starts with one.
        String encoding = dialect == null ? null : dialect.byteOrderMark() ? "UTF-8 with BOM" : "UTF-8";
        return new LoadedData(file, result.table(), result.schema(),
                dialect == null ? null : String.valueOf(dialect.delimiter()), encoding, result.warnings());
    }

    @Override
    public Schema readSchema(Path file) {
        return SchemaIO.read(file);
    }

    @Override
    public void writeSchema(Schema schema, Path file) {
        SchemaIO.write(schema, file);
    }

    @Override
    public void writeCsv(Table table, Path file) {
        CsvWriter.write(table, file);
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
        if (!(holdoutFraction > 0 && holdoutFraction < 1)) {
            throw new InvalidInputException("holdout fraction must be between 0 and 1 (exclusive); got "
                    + holdoutFraction);
        }
        int rows = table.rowCount();
        int holdoutRows = (int) Math.round(rows * holdoutFraction);
        if (holdoutRows < 1 || holdoutRows >= rows) {
            throw new InvalidInputException("holdout fraction " + holdoutFraction + " leaves no rows for training "
                    + "or for the holdout of a " + rows + "-row table; choose a fraction between 0.1 and 0.5");
        }
        // The engine's own split, so the workbench and `synthtrust run` hold out the same rows for the same seed.
        org.synthtrust.trustindex.study.StudyRunner.Split split =
                org.synthtrust.trustindex.study.StudyRunner.split(table, holdoutFraction, seed, "the loaded table");
        return new Split(split.train(), split.holdout());
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
            Map<String, Double> claimedEpsilons, Schema schema, ProgressListener progress, CancellationToken cancel) {
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
        AuditResult audit = new AuditRunner(ModelProvenance.currentVersion()).run(suite, contexts, progress, cancel);
        List<MetricResult> results = new ArrayList<>(audit.results());
        for (String candidate : synthetic.keySet()) {
            Double epsilon = claimedEpsilons.get(candidate);
            boolean computed = audit.find(candidate, ScoreRules.CLAIMED_EPSILON).isPresent();
            if (epsilon != null && !computed) {
                results.add(new MetricResult(ScoreRules.CLAIMED_EPSILON, candidate, Pillar.PRIVACY,
                        Direction.LOWER_IS_BETTER, epsilon, null, null, MetricStatus.OK, null, null, null));
            }
        }
        return new AuditResult(audit.provenance(), audit.candidates(), audit.notes(), results);
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
    public Ranking rank(List<MetricResult> results, Map<String, Double> epsilons,
            Map<String, List<String>> repeatStems, Map<String, Double> weights, List<String> constraints,
            String normalisation) {
        Map<String, List<MetricResult>> byStem = new LinkedHashMap<>();
        for (MetricResult result : results) {
            byStem.computeIfAbsent(result.candidate(), name -> new ArrayList<>()).add(result);
        }
        List<CandidateResults> candidates = new ArrayList<>();
        java.util.Set<String> grouped = new java.util.HashSet<>();
        repeatStems.forEach((name, stems) -> {
            List<List<MetricResult>> repeats = new ArrayList<>();
            for (String stem : stems) {
                List<MetricResult> list = byStem.get(stem);
                if (list != null) {
                    repeats.add(list);
                    grouped.add(stem);
                }
            }
            if (!repeats.isEmpty()) {
                candidates.add(new CandidateResults(name, epsilons.get(name), repeats, null));
            }
        });
        byStem.forEach((name, list) -> {
            if (!grouped.contains(name)) {
                candidates.add(CandidateResults.of(name, epsilons.get(name), list));
            }
        });
        return TrustIndex.rank(candidates, settings(weights, constraints, normalisation));
    }

    private static TrustSettings settings(Map<String, Double> weights, List<String> constraints,
            String normalisation) {
        Map<TrustPillar, Double> pillarWeights = new EnumMap<>(TrustPillar.class);
        weights.forEach((pillar, weight) -> pillarWeights.put(TrustPillar.parse(pillar, "weights"), weight));
        return TrustSettings.defaults()
                .withNormalisation(Normalisation.parse(normalisation))
                .withWeights(WeightProfile.CUSTOM.id(), pillarWeights)
                .withConstraints(constraints, true);
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
        // The report module builds its model from a study folder, so the report inputs are staged in a private
        // temporary folder; only the rendered files land in the destination.
        Path staging = null;
        try {
            staging = Files.createTempDirectory("synthtrust-report-");
            progress.progress("prepare report inputs", 0.1);
            input.audit().write(staging.resolve(StudyRanker.AUDIT_JSON));
            StudyJson.write(new StudyRanking(input.ranking(), List.of(), null),
                    staging.resolve(StudyRanker.RANKING_JSON));
            StudyRecord.Input facts = new StudyRecord.Input(input.dataFileName(), null, null, null, null,
                    input.holdoutFraction(), input.holdoutSeed(),
                    input.trainRows() == null ? 0 : input.trainRows(),
                    input.holdoutRows() == null ? 0 : input.holdoutRows());
            StudyRecord study = new StudyRecord(input.studyName(), java.time.Instant.now().toString(),
                    ModelProvenance.currentVersion(), null, null, facts, List.of(), null, null, null);
            StudyJson.write(study, staging.resolve(StudyRanker.STUDY_JSON));
            Path synthetic = Files.createDirectories(staging.resolve("synthetic"));
            for (Map.Entry<String, Object> provenance : input.provenance().entrySet()) {
                ProjectStore.writeJson(synthetic.resolve(provenance.getKey() + ".provenance.json"),
                        provenance.getValue());
            }
            cancel.throwIfCancelled();
            progress.progress("build the report model", 0.3);
            ReportModel model = ReportModelBuilder.fromStudyFolder(staging, REPORT_SMALL_CELL_K);
            Files.createDirectories(folder);
            List<Path> written = new ArrayList<>();
            double step = 0.6 / Math.max(1, formats.size());
            double done = 0.4;
            for (String format : formats) {
                cancel.throwIfCancelled();
                progress.progress("render " + format.toUpperCase(Locale.ROOT), done);
                Path file = folder.resolve("report." + format);
                switch (format) {
                    case "pdf" -> PdfRenderer.render(model, file);
                    case "html" -> HtmlRenderer.render(model, file);
                    case "json" -> ReportJson.write(model, file);
                    default -> throw new InvalidInputException("unknown report format '" + format
                            + "'; use pdf, html or json");
                }
                written.add(file);
                done += step;
            }
            progress.progress("done", 1.0);
            return written;
        } catch (IOException e) {
            throw new InvalidInputException("cannot write the report into " + folder + ": " + e.getMessage()
                    + "; check that the folder is writable", e);
        } finally {
            deleteQuietly(staging);
        }
    }

    private static void deleteQuietly(Path folder) {
        if (folder == null) {
            return;
        }
        try (var paths = Files.walk(folder)) {
            paths.sorted(java.util.Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            LOG.debug("could not delete the staging folder {}", folder, e);
        }
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

}
