package org.synthtrust.report;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.synthtrust.audit.AuditResult;
import org.synthtrust.audit.Metric;
import org.synthtrust.audit.MetricRegistry;
import org.synthtrust.audit.MetricResult;
import org.synthtrust.audit.Pillar;
import org.synthtrust.core.InvalidInputException;
import org.synthtrust.core.privacy.LedgerEntry;
import org.synthtrust.core.privacy.LedgerSnapshot;
import org.synthtrust.core.schema.ColumnSpec;
import org.synthtrust.core.schema.Schema;
import org.synthtrust.trustindex.Ranking;
import org.synthtrust.trustindex.study.StudyJson;
import org.synthtrust.trustindex.study.StudyRanker;
import org.synthtrust.trustindex.study.StudyRanking;
import org.synthtrust.trustindex.study.StudyRecord;

/**
 * Builds a {@link ReportModel} from a study folder as written by the trust index's study runner:
 * {@code audit.json} (required), {@code ranking.json}, {@code study.json} and
 * {@code synthetic/NAME.provenance.json}. Every number computed from the real table
 * passes through {@link SmallCells}; the raw chart data of the metric results is converted into suppressed
 * charts and then dropped, so it never reaches a rendered report.
 */
public final class ReportModelBuilder {
    /** Text printed on every cover. */
    public static final String DP_NOTICE =
            "This report is computed from the real data and is not covered by differential privacy.";

    private static final ObjectMapper SNAKE = JsonMapper.builder()
            .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();
    private static final ObjectMapper CAMEL = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    private final Path dir;
    private final int k;

    private ReportModelBuilder(Path dir, int k) {
        this.dir = dir;
        this.k = k;
    }

    /**
     * Reads the study folder {@code dir} and builds the report model with small-cell threshold {@code k}.
     *
     * @throws InvalidInputException when audit.json is missing or a file is not valid JSON
     */
    public static ReportModel fromStudyFolder(Path dir, int k) {
        SmallCells.checkK(k);
        if (!Files.isDirectory(dir)) {
            throw new InvalidInputException("study folder " + dir + " not found; pass the folder written by "
                    + "'synthtrust run' or 'synthtrust audit'");
        }
        return new ReportModelBuilder(dir, k).build();
    }

    private ReportModel build() {
        Path auditFile = dir.resolve(StudyRanker.AUDIT_JSON);
        if (!Files.isRegularFile(auditFile)) {
            throw new InvalidInputException(auditFile + " not found; a study folder needs audit.json (run "
                    + "'synthtrust audit' or 'synthtrust run' first)");
        }
        AuditResult audit = AuditResult.fromJson(read(auditFile));
        StudyRecord study = StudyRanker.readRecord(dir);
        Path rankingFile = dir.resolve(StudyRanker.RANKING_JSON);
        StudyRanking studyRanking = Files.isRegularFile(rankingFile)
                ? StudyJson.read(rankingFile, StudyRanking.class) : null;
        Ranking ranking = studyRanking == null ? null : studyRanking.ranking();
        Schema schema = audit.provenance() == null ? null : audit.provenance().schema();

        List<ReportModel.Candidate> candidates = new ArrayList<>();
        for (String name : audit.candidates()) {
            candidates.add(candidate(name));
        }
        String recommended = null;
        if (ranking != null) {
            for (Ranking.CandidateScore score : ranking.candidates()) {
                if (score.rank() != null && score.rank() == 1) {
                    recommended = score.name();
                }
            }
        }
        String version = study != null && study.toolVersion() != null ? study.toolVersion()
                : audit.provenance() == null ? "unknown" : audit.provenance().toolVersion();
        String created = study != null && study.createdAt() != null ? study.createdAt()
                : audit.provenance() == null || audit.provenance().createdAt() == null ? LocalDate.now().toString()
                : audit.provenance().createdAt();
        String folderName = dir.toAbsolutePath().normalize().getFileName().toString();
        String studyId = study != null && study.studyFile() != null
                ? fileName(study.studyFile()) + " in " + folderName : folderName;
        ReportModel.Cover cover = new ReportModel.Cover(study != null && study.name() != null ? study.name() : folderName,
                studyId, created, study == null || study.input() == null ? "not recorded" : fileName(study.input().data()),
                version, DP_NOTICE, recommended, verdict(recommended, candidates, ranking, audit));

        List<ReportModel.PillarSection> pillars = new ArrayList<>();
        for (Pillar pillar : Pillar.values()) {
            pillars.add(PillarCharts.section(pillar, audit, ranking, candidates, recommended, k, schema));
        }
        return new ReportModel(ReportModel.FORMAT_VERSION, cover,
                new ReportModel.Disclosure(k, "counts below k shown as \"< k\" and left out of per-group rates"),
                dataSummary(study, schema), candidates, trust(ranking), pillars,
                methods(audit, study, studyRanking, version));
    }

    // ---- inputs --------------------------------------------------------------------------------------------

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new InvalidInputException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    private static JsonNode readTree(Path file) {
        if (!Files.isRegularFile(file)) {
            return null;
        }
        try {
            return CAMEL.readTree(file.toFile());
        } catch (IOException e) {
            throw new InvalidInputException("invalid JSON in " + file + ": " + e.getMessage(), e);
        }
    }

    /** Returns the last path element only; the path and hash of the input stay in study.json. */
    private static String fileName(String path) {
        if (path == null) {
            return "not recorded";
        }
        Path name = Path.of(path).getFileName();
        return name == null ? path : name.toString();
    }

    // ---- sections ------------------------------------------------------------------------------------------

    private ReportModel.Candidate candidate(String name) {
        JsonNode provenance = readTree(dir.resolve("synthetic").resolve(name + ".provenance.json"));
        if (provenance == null) {
            provenance = readTree(dir.resolve("synthetic").resolve(name + "-r1.provenance.json"));
        }
        // The study runner wraps the model provenance with the candidate, repeat and sampled row count.
        if (provenance != null && provenance.has("model") && provenance.get("model").isObject()) {
            provenance = provenance.get("model");
        }
        String method = provenance != null && provenance.hasNonNull("method") ? provenance.get("method").asText()
                : "external";
        Map<String, String> parameters = new LinkedHashMap<>();
        if (provenance != null && provenance.has("parameters")) {
            provenance.get("parameters").fields().forEachRemaining(e -> parameters.put(e.getKey(), e.getValue().asText()));
        }
        LedgerSnapshot snapshot = null;
        if (provenance != null && provenance.hasNonNull("ledger")) {
            snapshot = LedgerSnapshot.fromJson(provenance.get("ledger").toString());
        }
        if (snapshot == null) {
            return new ReportModel.Candidate(name, method, parameters, null, null, false, null);
        }
        List<ReportModel.LedgerRow> rows = new ArrayList<>();
        for (LedgerEntry entry : snapshot.entries()) {
            rows.add(new ReportModel.LedgerRow(entry.mechanism(), entry.query(), entry.sensitivity(),
                    entry.noiseScale(), entry.costType(), entry.cost(), entry.runningEpsilon()));
        }
        return new ReportModel.Candidate(name, method, parameters, snapshot.budget().epsilon(),
                snapshot.budget().delta(), snapshot.testMode(),
                new ReportModel.Ledger(snapshot.accounting(), snapshot.delta(), snapshot.totalEpsilon(), rows));
    }

    // TODO: study.json records no missing-value counts yet, so the data summary shows "not recorded" for them.
    private ReportModel.DataSummary dataSummary(StudyRecord study, Schema schema) {
        Long rows = study == null || study.input() == null ? null
                : SmallCells.roundToHundred((long) study.input().trainRows() + study.input().holdoutRows());
        List<ReportModel.ColumnSummary> columns = new ArrayList<>();
        if (schema != null) {
            for (Map.Entry<String, ColumnSpec> entry : schema.columns().entrySet()) {
                ColumnSpec spec = entry.getValue();
                columns.add(new ReportModel.ColumnSummary(entry.getKey(),
                        spec.type() == null ? "unknown" : spec.type().toString().toLowerCase(Locale.ROOT),
                        spec.roles().stream().map(r -> r.id()).toList(), "not recorded",
                        spec.isInferred() ? "inferred" : "declared", domain(spec)));
            }
        }
        return new ReportModel.DataSummary(rows, columns.size(), columns);
    }

    /** Describes a column's domain without listing inferred bounds, which would be real extreme values. */
    private static String domain(ColumnSpec spec) {
        if (spec.isExcluded()) {
            return "excluded";
        }
        if (spec.categories() != null) {
            return spec.categories().size() + " categories";
        }
        if (spec.hasBounds()) {
            return spec.isInferred() ? "bounds inferred (not shown)"
                    : "bounds [" + Fmt.num(spec.lowerBound()) + ", " + Fmt.num(spec.upperBound()) + "]";
        }
        return "";
    }

    private static ReportModel.TrustSection trust(Ranking ranking) {
        if (ranking == null) {
            return new ReportModel.TrustSection(Map.of(), "not ranked (ranking.json missing)", List.of(), List.of(),
                    Map.of(), "none", List.of());
        }
        List<String> pillars = new ArrayList<>(ranking.weights().keySet());
        List<ReportModel.RankingRow> rows = new ArrayList<>();
        Map<String, Double> first = new LinkedHashMap<>();
        List<ReportModel.Chart> charts = new ArrayList<>();
        List<ReportModel.Line> scatter = new ArrayList<>();
        for (Ranking.CandidateScore score : ranking.candidates()) {
            Map<String, Double> pillarScores = new LinkedHashMap<>();
            for (String pillar : pillars) {
                Ranking.PillarScore ps = score.pillars() == null ? null : score.pillars().get(pillar);
                pillarScores.put(pillar, ps == null ? null : ps.score());
            }
            rows.add(new ReportModel.RankingRow(score.rank(), score.name(), score.index(), pillarScores,
                    score.disqualified(), score.disqualificationReasons() == null ? null
                    : String.join("; ", score.disqualificationReasons())));
            first.put(score.name(), score.probabilityFirst() == null ? 0.0 : score.probabilityFirst());
            charts.add(new ReportModel.Chart("radar", "Pillar scores of " + score.name(), null, null, pillars,
                    List.of(new ReportModel.Series(score.name(), new ArrayList<>(pillarScores.values()), null, null)),
                    null, null, null, null));
            Double privacy = pillarScores.get("privacy");
            Double utility = pillarScores.get("utility");
            if (privacy != null && utility != null) {
                scatter.add(new ReportModel.Line(score.name(), List.of(privacy), List.of(utility)));
            }
        }
        if (!scatter.isEmpty()) {
            charts.add(new ReportModel.Chart("scatter", "Pareto front: privacy against utility", "privacy score",
                    "utility score", null, null, scatter, null, null,
                    "Pareto front over all pillars: " + String.join(", ", ranking.paretoFront())));
        }
        charts.add(new ReportModel.Chart("bar", "Probability of ranking first", "candidate", "probability",
                new ArrayList<>(first.keySet()), List.of(new ReportModel.Series("P(rank 1)",
                new ArrayList<>(first.values()), null, null)), null, null, null, null));
        String normalisation = ranking.normalisation().id() + " normalisation, " + ranking.aggregation().id()
                + " aggregation, weight profile " + ranking.profile();
        String sensitivity = ranking.sensitivity() == null ? "none" : ranking.sensitivity().samples()
                + " Dirichlet weight draws, concentration " + Fmt.num(ranking.sensitivity().concentration())
                + ", seed " + ranking.sensitivity().seed();
        return new ReportModel.TrustSection(ranking.weights(), normalisation, rows, ranking.paretoFront(), first,
                sensitivity, charts);
    }

    private static String verdict(String recommended, List<ReportModel.Candidate> candidates, Ranking ranking,
                                  AuditResult audit) {
        if (recommended == null) {
            return "No candidate is recommended: " + (ranking == null ? "the study has not been ranked."
                    : "every candidate was disqualified by the trust index constraints (see the trust index section).");
        }
        ReportModel.Candidate chosen = candidates.stream().filter(c -> c.name().equals(recommended)).findFirst()
                .orElseThrow();
        StringBuilder sb = new StringBuilder();
        if (chosen.testMode()) {
            sb.append("Candidate ").append(recommended).append(" ranks first but was produced in seeded test mode: "
                    + "it is NOT PRIVATE and must not be released. ");
        } else if (chosen.ledger() == null) {
            sb.append("Candidate ").append(recommended).append(" ranks first, but no privacy ledger was found for "
                    + "it, so this study makes no privacy claim about it. ");
        } else {
            sb.append("Candidate ").append(recommended).append(" (").append(chosen.method())
                    .append(") may be released under (epsilon = ").append(Fmt.num(chosen.ledger().totalEpsilon()))
                    .append(", delta = ").append(Fmt.num(chosen.ledger().delta()))
                    .append(") differential privacy, which protects one row of the table. ");
        }
        List<String> risks = new ArrayList<>();
        for (MetricResult result : audit.resultsFor(recommended)) {
            if (result.status() == org.synthtrust.audit.MetricStatus.FAILED) {
                risks.add(result.id() + " failed" + (result.reason() == null ? "" : " (" + result.reason() + ")"));
            }
        }
        Ranking.CandidateScore score = ranking.candidate(recommended);
        if (score != null && score.pillars() != null && !score.pillars().isEmpty()) {
            Map.Entry<String, Ranking.PillarScore> weakest = score.pillars().entrySet().stream()
                    .min(Comparator.comparingDouble(e -> e.getValue().score())).orElseThrow();
            sb.append("Its trust index is ").append(Fmt.score(score.index())).append("; its weakest pillar is ")
                    .append(weakest.getKey()).append(" (score ").append(Fmt.score(weakest.getValue().score()))
                    .append("). ");
        }
        sb.append(risks.isEmpty() ? "No metric failed for it." : "Main risks found: " + String.join("; ", risks) + ".");
        return sb.toString();
    }

    private static ReportModel.Methods methods(AuditResult audit, StudyRecord study, StudyRanking ranking,
                                               String version) {
        Map<String, String> descriptions = new LinkedHashMap<>();
        for (Metric metric : MetricRegistry.all()) {
            descriptions.put(metric.id(), metric.description());
        }
        List<ReportModel.MetricNote> notes = new ArrayList<>();
        audit.results().stream().map(MetricResult::id).distinct().forEach(id ->
                notes.add(new ReportModel.MetricNote(id, descriptions.getOrDefault(id, "see audit.json"))));
        List<String> guarantees = List.of(
                "Differential privacy bounds how much any one row of the training table can change the synthetic "
                        + "output. It protects one row: a person with several rows is protected less, roughly in "
                        + "proportion to the number of their rows.",
                "The guarantee covers the synthetic tables, the models and their provenance files, not this report.",
                "Epsilon and delta are the totals composed over every ledger entry of the candidate.");
        List<String> limitations = new ArrayList<>(List.of(
                "Choosing the recommended candidate by this audit uses the real data; the selection is not covered "
                        + "by differential privacy.",
                "Domains inferred from the data (flagged in the data summary) are not covered by differential privacy.",
                "Seeded test-mode output is not private.",
                "Attack-based privacy metrics give empirical lower bounds on risk; passing them proves no guarantee."));
        if (ranking != null && ranking.budget() != null && ranking.budget().statement() != null) {
            limitations.add(ranking.budget().statement());
        }
        if (ranking != null && ranking.selections() != null) {
            ranking.selections().forEach(selection -> limitations.add(selection.statement()));
        }
        Map<String, String> reproducibility = new LinkedHashMap<>();
        reproducibility.put("study record", "study.json (stays with the analyst: it holds the input's hash)");
        if (study != null && study.studyFile() != null) {
            reproducibility.put("study file", fileName(study.studyFile()));
        }
        reproducibility.put("SynthTrust version", version);
        if (audit.provenance() != null && audit.provenance().settings() != null) {
            reproducibility.put("audit settings", audit.provenance().settings().toString());
        }
        if (study != null && study.input() != null && study.input().holdoutSeed() != null) {
            reproducibility.put("holdout split seed", study.input().holdoutSeed().toString());
        }
        reproducibility.put("Java", System.getProperty("java.version"));
        return new ReportModel.Methods(notes, guarantees, limitations, reproducibility);
    }
}
