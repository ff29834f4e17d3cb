package org.synthtrust.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import org.synthtrust.core.InvalidInputException;
import org.synthtrust.core.io.CsvOptions;
import org.synthtrust.core.io.CsvReader;
import org.synthtrust.core.io.ReadResult;
import org.synthtrust.core.schema.Bins;
import org.synthtrust.core.schema.ColumnReport;
import org.synthtrust.core.schema.ColumnSpec;
import org.synthtrust.core.schema.Role;
import org.synthtrust.core.schema.Schema;
import org.synthtrust.core.schema.SchemaIO;
import org.synthtrust.core.schema.SchemaInference;
import org.synthtrust.core.table.Column;
import org.synthtrust.core.table.Table;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code synthtrust describe}: loads a CSV file with a declared schema, or infers one, and prints each
 * column's name, type, roles, missing and distinct counts, domain and inference notes. The output describes
 * the private table itself, so it is meant for the analyst and never released.
 */
@Command(name = "describe",
        mixinStandardHelpOptions = true,
        description = {
            "Print each column's type, roles, missing and distinct counts and domain, from a schema or inferred.",
            "The counts are exact statistics of the data: keep the output private."})
public final class DescribeCommand implements Callable<Integer> {
    /** Output formats of the column listing. */
    enum Format { text, json }

    /** Categories listed in the text output before the rest are summarised as a count. */
    private static final int CATEGORIES_SHOWN = 8;

    @Spec
    private CommandSpec spec;

    @Parameters(index = "0", paramLabel = "DATA", description = "CSV file to describe (UTF-8).")
    private Path data;

    @Option(names = "--schema", paramLabel = "FILE",
            description = "Schema file (JSON or YAML) declaring types, roles and domains; without it they are inferred.")
    private Path schemaFile;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "text",
            description = "Output format: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
    private Format format;

    @Option(names = "--write-schema", paramLabel = "FILE",
            description = "Write the declared or inferred schema to FILE (JSON, or YAML for .yaml/.yml) for editing.")
    private Path writeSchema;

    @Option(names = "--delimiter", paramLabel = "CHAR",
            description = "Field delimiter: ',', ';', '|' or 'tab' (default: detected).")
    private String delimiter;

    @Option(names = "--decimal-comma",
            description = "Read numbers with a decimal comma and '.' grouping, such as 1.234,5.")
    private boolean decimalComma;

    @Override
    public Integer call() {
        Schema declared = schemaFile == null ? null : SchemaIO.read(schemaFile);
        CsvOptions options = CsvOptions.defaults().withDelimiter(parseDelimiter(delimiter));
        if (decimalComma) {
            options = options.withNumberSyntax(',', '.');
        }
        ReadResult result = CsvReader.read(data, declared, options, CliContext.current().progress(),
                CliContext.current().cancel());
        List<ColumnSummary> columns = summarise(result);

        PrintWriter out = spec.commandLine().getOut();
        if (format == Format.json) {
            out.println(toJson(result, columns));
        } else {
            printText(out, result, columns);
        }
        if (writeSchema != null) {
            SchemaIO.write(result.schema(), writeSchema);
            spec.commandLine().getErr().println("schema written to " + writeSchema);
        }
        out.flush();
        return Main.EXIT_OK;
    }

    private static Character parseDelimiter(String text) {
        if (text == null) {
            return null;
        }
        if (text.equalsIgnoreCase("tab") || text.equals("\\t") || text.equals("\t")) {
            return '\t';
        }
        if (text.length() == 1 && ",;|".contains(text)) {
            return text.charAt(0);
        }
        throw new InvalidInputException("--delimiter '" + text + "' is not supported; use ',', ';', '|' or tab");
    }

    /** One column's line of the listing. */
    record ColumnSummary(String name, ColumnSpec spec, long missing, long distinct, List<String> notes) {
    }

    private static List<ColumnSummary> summarise(ReadResult result) {
        Table table = result.table();
        List<ColumnSummary> columns = new ArrayList<>();
        for (Column column : table.columns()) {
            ColumnReport report = result.inference() == null ? null : result.inference().column(column.name());
            long distinct = report != null ? report.distinctCount() : SchemaInference.distinctCount(column);
            List<String> notes = report != null ? report.notes() : List.of();
            columns.add(new ColumnSummary(column.name(), result.schema().spec(column.name()), column.missingCount(),
                    distinct, notes));
        }
        return columns;
    }

    private void printText(PrintWriter out, ReadResult result, List<ColumnSummary> columns) {
        Table table = result.table();
        out.println("data:    " + data);
        out.println("schema:  " + (schemaFile != null ? schemaFile + (result.inference() != null
                ? " (columns it does not declare were inferred)" : "")
                : "inferred from the data; inferred domains are not covered by a DP guarantee"));
        out.println("rows:    " + table.rowCount() + ", columns: " + table.columnCount() + ", delimiter: "
                + result.dialect().delimiterName());
        out.println();

        int nameWidth = 6;
        for (ColumnSummary column : columns) {
            nameWidth = Math.max(nameWidth, column.name().length());
        }
        nameWidth = Math.min(nameWidth, 40);
        String row = "%-" + nameWidth + "s  %-11s  %-28s  %8s  %8s  %s%n";
        out.printf(Locale.ROOT, row, "column", "type", "roles", "missing", "distinct", "domain");
        for (ColumnSummary column : columns) {
            out.printf(Locale.ROOT, row, column.name(), column.spec().type().id(), roles(column.spec()),
                    column.missing(), column.distinct(), domain(column.spec()));
        }

        List<String> notes = new ArrayList<>();
        for (ColumnSummary column : columns) {
            for (String note : column.notes()) {
                notes.add("column '" + column.name() + "': " + note);
            }
        }
        if (!notes.isEmpty()) {
            out.println();
            out.println("notes:");
            notes.forEach(note -> out.println("  " + note));
        }
        List<String> warnings = new ArrayList<>(result.warnings());
        warnings.removeAll(notes);
        if (!warnings.isEmpty()) {
            out.println();
            out.println("warnings:");
            warnings.forEach(warning -> out.println("  " + warning));
        }
    }

    private static String roles(ColumnSpec spec) {
        return spec.roles().isEmpty() ? "-" : spec.roles().stream().map(Role::id).collect(Collectors.joining(","));
    }

    /** Formats the domain as {a, b, ...}, or [lower, upper] with bins, plus nullability and provenance. */
    static String domain(ColumnSpec spec) {
        StringBuilder text = new StringBuilder();
        if (spec.categories() != null) {
            List<String> categories = spec.categories();
            text.append('{').append(String.join(", ", categories.subList(0, Math.min(CATEGORIES_SHOWN, categories.size()))));
            if (categories.size() > CATEGORIES_SHOWN) {
                text.append(", ... ").append(categories.size()).append(" categories");
            }
            text.append('}');
        } else if (spec.type() == org.synthtrust.core.table.ColumnType.BOOLEAN) {
            text.append("{true, false}");
        } else if (spec.hasBounds()) {
            text.append('[').append(number(spec.lowerBound())).append(", ").append(number(spec.upperBound())).append(']');
        } else {
            text.append('-');
        }
        if (spec.bins() != null) {
            text.append(" bins ").append(bins(spec.bins()));
        }
        if (spec.isNullable()) {
            text.append(", nullable");
        }
        if (spec.isInferred()) {
            text.append(" (inferred from data)");
        }
        return text.toString();
    }

    private static String bins(Bins bins) {
        if (bins.width() != null) {
            return "width " + number(bins.width());
        }
        if (bins.count() != null) {
            return "count " + bins.count();
        }
        if (bins.edges() != null) {
            return "edges " + bins.edges().stream().map(DescribeCommand::number).collect(Collectors.joining(", ", "[", "]"));
        }
        return "quantiles " + bins.quantiles();
    }

    private static String number(double value) {
        return value == Math.rint(value) && Math.abs(value) < 1e15 ? Long.toString((long) value) : Double.toString(value);
    }

    private String toJson(ReadResult result, List<ColumnSummary> columns) {
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("data", data.toString());
        root.put("schema_file", schemaFile == null ? null : schemaFile.toString());
        root.put("rows", result.table().rowCount());
        root.put("delimiter", String.valueOf(result.dialect().delimiter()));
        List<Map<String, Object>> list = new ArrayList<>();
        for (ColumnSummary column : columns) {
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("name", column.name());
            entry.put("type", column.spec().type());
            entry.put("roles", column.spec().roles());
            entry.put("missing", column.missing());
            entry.put("distinct", column.distinct());
            entry.put("spec", column.spec());
            entry.put("notes", column.notes());
            list.add(entry);
        }
        root.put("columns", list);
        root.put("warnings", result.warnings());
        try {
            return new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(root);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("description could not be serialised", e);
        }
    }
}
