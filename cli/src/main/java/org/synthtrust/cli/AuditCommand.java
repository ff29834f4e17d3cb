package org.synthtrust.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import org.synthtrust.audit.AuditContext;
import org.synthtrust.audit.AuditProvenance;
import org.synthtrust.audit.AuditResult;
import org.synthtrust.audit.AuditRunner;
import org.synthtrust.audit.AuditSettings;
import org.synthtrust.audit.Metric;
import org.synthtrust.audit.MetricRegistry;
import org.synthtrust.audit.MetricResult;
import org.synthtrust.core.InvalidInputException;
import org.synthtrust.core.io.CsvReader;
import org.synthtrust.core.schema.Schema;
import org.synthtrust.core.schema.SchemaIO;
import org.synthtrust.core.table.Table;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code synthtrust audit}: scores synthetic tables from any tool against the real training table and a real
 * holdout, writes {@code DIR/audit.json} (atomically) and prints one summary table with a column per
 * candidate.
 */
@Command(name = "audit", mixinStandardHelpOptions = true,
        description = "Audit synthetic tables against the real training table and a real holdout.")
public final class AuditCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Option(names = "--train", required = true, paramLabel = "FILE",
            description = "Real training table (CSV) the synthetic data was made from.")
    private Path train;

    @Option(names = "--holdout", required = true, paramLabel = "FILE",
            description = "Real holdout table (CSV) the generator never saw; utility and fairness test on it.")
    private Path holdout;

    @Option(names = "--synthetic", required = true, paramLabel = "NAME=FILE",
            description = "A synthetic candidate: its name and CSV file. Repeat for several candidates.")
    private Map<String, Path> synthetic = new LinkedHashMap<>();

    @Option(names = "--schema", required = true, paramLabel = "FILE",
            description = "Schema file (JSON or YAML) with column types, roles and domains.")
    private Path schemaFile;

    @Option(names = "--metrics", split = ",", paramLabel = "LIST",
            description = "Pillars, metric ids or id prefixes to compute, comma-separated (default: all).")
    private List<String> metrics = new ArrayList<>();

    @Option(names = "--group-column", paramLabel = "COL",
            description = "Column the k-marginal score crosses every feature pair with, for example PUMA.")
    private String groupColumn;

    @Option(names = "--min-group-size", defaultValue = "5", paramLabel = "N",
            description = "Real rows a protected group needs to enter fairness gaps (default: ${DEFAULT-VALUE}).")
    private int minGroupSize;

    @Option(names = "--seed", defaultValue = "7", paramLabel = "N",
            description = "Seed of cross-validation folds, subsamples and model training (default: ${DEFAULT-VALUE}).")
    private long seed;

    @Option(names = "--out", required = true, paramLabel = "DIR",
            description = "Output folder; receives audit.json. Must not exist unless --overwrite is given.")
    private Path out;

    @Option(names = "--overwrite", description = "Replace the results in an existing output folder.")
    private boolean overwrite;

    @Option(names = "--skip-heap-check",
            description = "Start even when the heap estimated from the input size exceeds the JVM's maximum heap.")
    private boolean skipHeapCheck;

    @Override
    public Integer call() {
        checkOutputFolder();
        Schema schema = SchemaIO.read(schemaFile);
        if (groupColumn != null && schema.spec(groupColumn) == null) {
            throw new InvalidInputException("--group-column '" + groupColumn + "' is not a column of the schema "
                    + schemaFile + "; columns are " + schema.columns().keySet());
        }

        List<Metric> suite = MetricRegistry.select(metrics);
        AuditSettings settings = AuditSettings.defaults().withSeed(seed).withMinGroupSize(minGroupSize)
                .withGroupColumn(groupColumn);
        CliContext context = CliContext.current();
        if (!skipHeapCheck) {
            HeapCheck.require(train, synthetic.size() + 1, Runtime.getRuntime().maxMemory(), "audit");
        }
        Table trainTable = read(train, schema, context);
        Table holdoutTable = read(holdout, schema, context);
        List<AuditContext> contexts = new ArrayList<>();
        Map<String, String> hashes = new LinkedHashMap<>();
        hashes.put("train", AuditProvenance.sha256(train));
        hashes.put("holdout", AuditProvenance.sha256(holdout));
        hashes.put("schema", AuditProvenance.sha256(schemaFile));
        for (Map.Entry<String, Path> candidate : synthetic.entrySet()) {
            String name = candidate.getKey().trim();
            if (name.isEmpty()) {
                throw new InvalidInputException("--synthetic needs NAME=FILE; got an empty name for "
                        + candidate.getValue());
            }
            Table table = read(candidate.getValue(), schemaForSynthetic(schema, candidate.getValue()), context);
            contexts.add(new AuditContext(trainTable, holdoutTable, table, schema, name, settings));
            hashes.put("synthetic:" + name, AuditProvenance.sha256(candidate.getValue()));
        }
        AuditResult result = new AuditRunner(Optional.ofNullable(Main.class.getPackage().getImplementationVersion())
                .orElse("development")).run(suite, contexts, CliContext.current().progress(),
                        CliContext.current().cancel());
        result = result.withProvenance(result.provenance().withInputs(hashes));
        try {
            Files.createDirectories(out);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the output folder " + out + ": " + e.getMessage(), e);
        }
        result.write(out.resolve("audit.json"));
        printSummary(spec.commandLine().getOut(), result);
        return Main.EXIT_OK;
    }

    private void checkOutputFolder() {
        if (!Files.exists(out)) {
            return;
        }

        if (!Files.isDirectory(out)) {
            throw new InvalidInputException("--out " + out + " is a file; give a folder path");
        }

        boolean empty;
        try (Stream<Path> entries = Files.list(out)) {
            empty = entries.findAny().isEmpty();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + out + ": " + e.getMessage(), e);
        }

        if (!empty && !overwrite) {
            throw new InvalidInputException("output folder " + out + " already exists and is not empty; choose "
                    + "another --out or add --overwrite");
        }
    }

    /** Prints one line per metric id and one column per candidate: the value, or the status when there is none. */
    static void printSummary(PrintWriter out, AuditResult result) {
        LinkedHashSet<String> ids = new LinkedHashSet<>();
        for (MetricResult r : result.results()) {
            ids.add(r.id());
        }

        int idWidth = Math.max(6, ids.stream().mapToInt(String::length).max().orElse(6));
        StringBuilder header = new StringBuilder(String.format(Locale.ROOT, "%-" + idWidth + "s", "metric"));
        for (String candidate : result.candidates()) {
            header.append("  ").append(String.format(Locale.ROOT, "%14s", candidate));
        }
        out.println(header);
        for (String id : ids) {
            StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "%-" + idWidth + "s", id));
            for (String candidate : result.candidates()) {
                String cell = result.find(candidate, id).map(AuditCommand::cell).orElse("-");
                line.append("  ").append(String.format(Locale.ROOT, "%14s", cell));
            }
            out.println(line);
        }

        for (Map.Entry<String, List<String>> notes : result.notes().entrySet()) {
            for (String note : notes.getValue()) {
                out.println("note (" + notes.getKey() + "): " + note);
            }
        }
        out.flush();
    }

    private static String cell(MetricResult result) {
        if (result.isOk()) {
            return String.format(Locale.ROOT, "%.4f", result.value());
        }
        return result.status().id();
    }

    /**
     * Returns the schema for reading a synthetic table. Generators leave out identifier and ignored columns, so
     * those are dropped from the schema when the file's header does not have them.
     */
    static Schema schemaForSynthetic(Schema schema, Path file) {
        java.util.Set<String> header = new java.util.HashSet<>();
        try (java.io.Reader reader = Files.newBufferedReader(file, java.nio.charset.StandardCharsets.UTF_8);
             org.apache.commons.csv.CSVParser parser = org.apache.commons.csv.CSVFormat.DEFAULT.parse(reader)) {
            java.util.Iterator<org.apache.commons.csv.CSVRecord> records = parser.iterator();
            if (records.hasNext()) {
                for (String name : records.next()) {
                    header.add(name.strip().replace("\uFEFF", ""));
                }
            }
        } catch (IOException | RuntimeException e) {
            return schema; // The reader reports an unreadable file with the file, line and column.
        }
        Map<String, org.synthtrust.core.schema.ColumnSpec> kept = new LinkedHashMap<>();
        schema.columns().forEach((name, spec) -> {
            if (!spec.isExcluded() || header.contains(name)) {
                kept.put(name, spec);
            }
        });
        return kept.size() == schema.columns().size() ? schema : new Schema(schema.missingMarkers(), kept);
    }

    private static Table read(Path file, Schema schema, CliContext context) {
        return CsvReader.read(file, schema, org.synthtrust.core.io.CsvOptions.defaults(), context.progress(),
                context.cancel()).table();
    }
}
