package org.synthtrust.app.common;

import java.nio.file.Path;
import java.util.ArrayList;
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
import org.synthtrust.core.table.Table;

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
        return List.of();
    }

    @Override
    public void validateBudget(double epsilon, double delta) {
        throw missing("privacy budgets");
    }

    @Override
    public Split split(Table table, Schema schema, double holdoutFraction, long seed) {
        throw missing("the holdout split");
    }

    @Override
    public FitOutcome fit(String method, Map<String, String> params, double epsilon, double delta, Integer rows,
            Table train, Schema schema, ProgressListener progress, CancellationToken cancel) {
        throw missing("fitting synthesizers");
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
        throw missing("the trust index");
    }

    @Override
    public List<Path> exportReport(ReportInput input, List<String> formats, Path folder, ProgressListener progress,
            CancellationToken cancel) {
        throw missing("report export");
    }

    @Override
    public List<Object> charts(List<MetricResult> results, String candidate) {
        return List.of();
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
