package org.synthtrust.app.common;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.synthtrust.app.project.LedgerLine;
import org.synthtrust.app.project.LoadedData;
import org.synthtrust.audit.AuditResult;
import org.synthtrust.audit.MetricResult;
import org.synthtrust.core.progress.CancellationToken;
import org.synthtrust.core.progress.ProgressListener;
import org.synthtrust.core.schema.Schema;
import org.synthtrust.core.table.Table;
import org.synthtrust.generators.FittedModel;
import org.synthtrust.trustindex.Ranking;

/**
 * The engine calls the workbench makes, the same ones the command line makes. Screens talk to this interface
 * only, so every statistic, privacy decision and file format stays in the engine modules. Methods that take a
 * {@link ProgressListener} are long and must be called from a worker thread.
 */
public interface Engine {

    /** Reads a CSV file with a declared schema, or infers one when {@code schemaOrNull} is null. */
    LoadedData readCsv(Path file, Schema schemaOrNull);

    Schema readSchema(Path file);

    void writeSchema(Schema schema, Path file);

    /** Writes a synthetic table as CSV (atomic write). */
    void writeCsv(Table table, Path file);

    /** The registered synthesizers with their parameters. */
    List<SynthesizerInfo> synthesizers();

    /** Checks an (epsilon, delta) budget; throws InvalidInputException naming the bad value and the valid range. */
    void validateBudget(double epsilon, double delta);

    /** Splits the table into train and holdout the way the study pipeline does. */
    Split split(Table table, Schema schema, double holdoutFraction, long seed);

    /** Fits one candidate on the training table under its budget and samples its synthetic table. */
    FitOutcome fit(String method, Map<String, String> params, double epsilon, double delta, Integer rows,
            Table train, Schema schema, ProgressListener progress, CancellationToken cancel);

    /**
     * Audits every synthetic table against train and holdout with the metrics of the given groups, and adds each
     * candidate's claimed epsilon as the {@code privacy.claimed.epsilon} result, as {@code synthtrust run} does.
     */
    AuditResult audit(List<String> groups, Table train, Table holdout, Map<String, Table> synthetic,
            Map<String, Double> claimedEpsilons, Schema schema, ProgressListener progress, CancellationToken cancel);

    /** Ranks the candidates from stored audit results under weights and constraints; no metric is recomputed. */
    Ranking rank(List<MetricResult> results, Map<String, Double> epsilons, Map<String, Double> weights,
            List<String> constraints, String normalisation);

    /**
     * Ranks as {@link #rank(List, Map, Map, List, String)}, but combines the audit results of each candidate's
     * repeats (audit names listed in {@code repeatStems} under the candidate's name) into one candidate, so the
     * trust index derives its robustness pillar from the spread across repeats. Audit names that no entry lists
     * stay candidates of their own.
     */
    Ranking rank(List<MetricResult> results, Map<String, Double> epsilons, Map<String, List<String>> repeatStems,
            Map<String, Double> weights, List<String> constraints, String normalisation);

    /** Checks a constraint expression such as {@code epsilon<=3}; throws InvalidInputException when malformed. */
    void validateConstraint(String expression);

    /** Pillar weights of a named profile ("balanced", "privacy-first", "utility-first", "fairness-first"). */
    Map<String, Double> profileWeights(String profile);

    /** Renders the report of a project folder in the given formats ("pdf", "html", "json"); returns the files. */
    List<Path> exportReport(ReportInput input, List<String> formats, Path folder, ProgressListener progress,
            CancellationToken cancel);

    /** Versions of the engine and of the libraries shown in the About box. */
    Map<String, String> versions();

    /** A synthesizer as the Generate screen lists it. */
    record SynthesizerInfo(String id, String description, List<ParameterInfo> parameters) {
        @Override
        public String toString() {
            return id;
        }
    }

    /**
     * One parameter of a synthesizer: name, kind ("int", "double", "string", "choice", "boolean"), default
     * value as text, help text, and a validator that returns null for a valid value or the error message.
     */
    record ParameterInfo(String name, String kind, String defaultValue, String help, List<String> choices,
            java.util.function.Function<String, String> validator) {
    }

    record Split(Table train, Table holdout) {
    }

    /**
     * A fitted candidate: its synthetic table, the model (a released artefact to save), the ledger lines, the
     * composed epsilon actually spent, and whether the run was a seeded, non-private test run.
     */
    record FitOutcome(Table synthetic, FittedModel model, List<LedgerLine> ledger, double spentEpsilon,
            boolean testMode) {
    }

    /**
     * Inputs of a report: the study name, the input file's name (never its path or hash), the audit, the
     * ranking, each candidate's model provenance (method, parameters, ledger snapshot) and the holdout split
     * (the report rounds the row counts to hundreds).
     */
    record ReportInput(String studyName, String dataFileName, AuditResult audit, Ranking ranking,
            Map<String, Object> provenance, Double holdoutFraction, Long holdoutSeed, Integer trainRows,
            Integer holdoutRows) {
    }
}
