package org.synthtrust.core.io;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.synthtrust.core.InvalidInputException;
import org.synthtrust.core.progress.CancellationToken;
import org.synthtrust.core.progress.ProgressListener;
import org.synthtrust.core.schema.ColumnProfile;
import org.synthtrust.core.schema.ColumnSpec;
import org.synthtrust.core.schema.InferenceReport;
import org.synthtrust.core.schema.Schema;
import org.synthtrust.core.schema.SchemaInference;
import org.synthtrust.core.table.CategoricalColumn;
import org.synthtrust.core.table.Column;
import org.synthtrust.core.table.Table;

/**
 * Reads a CSV file into a {@link Table}. The file is UTF-8 with or without a byte order mark; the delimiter is
 * detected among {@code , ; \t |} unless the options force one; quoted fields may contain delimiters, line
 * breaks and doubled quotes. With a schema, each declared column is parsed into its declared type in one pass
 * (categorical columns use the declared categories, in declared order, as the dictionary). Columns the schema
 * does not declare, or all columns without a schema, are first profiled in one pass and typed by
 * {@link SchemaInference}, then parsed in a second pass; values go straight into primitive arrays.
 *
 * <p>Every problem with the input is an {@link InvalidInputException} naming the file, the 1-based line and
 * column, the value and the fix.
 */
public final class CsvReader {
    /** Records between cancellation checks and progress reports: often enough for a prompt cancel, cheap. */
    static final int CHECK_EVERY_RECORDS = 8192;

    private CsvReader() {
    }

    /** Reads with a declared schema, or infers one when {@code schemaOrNull} is null, with default options. */
    public static Table readTable(Path file, Schema schemaOrNull) {
        return read(file, schemaOrNull, CsvOptions.defaults()).table();
    }

    /** Reads a file; see the class description. */
    public static ReadResult read(Path file, Schema schemaOrNull, CsvOptions options) {
        return read(file, schemaOrNull, options, ProgressListener.NONE, CancellationToken.NONE);
    }

    /**
     * Reads a file, reporting progress per pass ("profile columns", then "parse values") as an estimated
     * fraction of the file's lines, and checking {@code cancel} every {@value #CHECK_EVERY_RECORDS} records.
     */
    public static ReadResult read(Path file, Schema schemaOrNull, CsvOptions options, ProgressListener progress,
                                  CancellationToken cancel) {
        CsvOptions settings = options == null ? CsvOptions.defaults() : options;
        if (!Files.isRegularFile(file)) {
            throw new InvalidInputException("data file " + file + " not found or not a regular file; check the path");
        }
        CsvDialect dialect = DialectSniffer.sniff(file, settings.delimiter());
        List<String> fileMarkers = settings.missingMarkers() != null ? settings.missingMarkers()
                : schemaOrNull != null ? schemaOrNull.missingMarkers() : Schema.DEFAULT_MISSING_MARKERS;
        List<String> warnings = new ArrayList<>();
        Monitor monitor = new Monitor(progress, cancel, DialectSniffer.estimateLines(file));

        List<String> names;
        Map<String, SchemaInference.Decision> decisions = new LinkedHashMap<>();
        int rows = 0;
        Table table = null;
        try (CsvRecordStream stream = new CsvRecordStream(file, dialect)) {
            names = stream.names();
            warnings.addAll(stream.warnings());
            List<String> undeclared = undeclaredColumns(file, names, schemaOrNull);
            if (undeclared.isEmpty()) {
                table = build(stream, names, schemaOrNull, decisions, fileMarkers, settings, warnings, 0,
                        monitor.stage("parse values"));
            } else {
                rows = profile(stream, names, undeclared, fileMarkers, settings, decisions,
                        monitor.stage("profile columns"));
                if (schemaOrNull != null) {
                    for (String name : undeclared) {
                        warnings.add(file + ": column '" + name + "' is not in the schema, so its type was inferred "
                                + "from the data (inferred_from_data: true); declare it in the schema");
                    }
                }
            }
        }
        if (table == null) {
            try (CsvRecordStream stream = new CsvRecordStream(file, dialect)) {
                table = build(stream, names, schemaOrNull, decisions, fileMarkers, settings, new ArrayList<>(), rows,
                        monitor.stage("parse values"));
            }
        }

        InferenceReport inference = decisions.isEmpty() ? null : SchemaInference.finish(table, decisions);
        if (inference != null) {
            warnings.addAll(inference.notes());
        }
        Schema schema = mergeSchema(table, schemaOrNull, inference, fileMarkers, warnings, file);
        CsvDialect found = withDecimal(dialect, settings, decisions)
                .withMissingMarker(fileMarkers.isEmpty() ? "" : fileMarkers.get(0));
        return new ReadResult(table, schema, warnings, found, inference);
    }

    private static List<String> undeclaredColumns(Path file, List<String> names, Schema schema) {
        if (schema == null) {
            return names;
        }
        Set<String> present = new HashSet<>(names);
        for (String declared : schema.columns().keySet()) {
            // Synthesizers drop ignored columns, so their output must still read with the schema it came from.
            boolean ignored = schema.spec(declared).hasRole(org.synthtrust.core.schema.Role.IGNORE);
            if (!present.contains(declared) && !ignored) {
                throw new InvalidInputException("schema column '" + declared + "' is not in the header of " + file
                        + "; the header has " + names + ". Rename the schema entry or remove it");
            }
        }
        List<String> undeclared = new ArrayList<>();
        for (String name : names) {
            if (schema.spec(name) == null) {
                undeclared.add(name);
            }
        }
        return undeclared;
    }

    /** Profiles the undeclared columns in one pass and returns the number of data rows. */
    private static int profile(CsvRecordStream stream, List<String> names, List<String> undeclared,
                               List<String> fileMarkers, CsvOptions options, Map<String, SchemaInference.Decision> out,
                               Monitor monitor) {
        int[] positions = new int[undeclared.size()];
        ColumnProfile[] profiles = new ColumnProfile[undeclared.size()];
        @SuppressWarnings("unchecked")
        Set<String>[] markers = new Set[undeclared.size()];
        NumberSyntax declaredSyntax = options.declaredNumberSyntax();
        for (int i = 0; i < undeclared.size(); i++) {
            positions[i] = names.indexOf(undeclared.get(i));
            profiles[i] = new ColumnProfile(undeclared.get(i), declaredSyntax);
            markers[i] = new HashSet<>(fileMarkers);
        }
        int rows = 0;
        String[] values;
        while ((values = stream.next()) != null) {
            rows++;
            monitor.record(stream.line());
            for (int i = 0; i < positions.length; i++) {
                String value = values[positions[i]];
                profiles[i].accept(value, markers[i].contains(value));
            }
        }
        monitor.done();
        for (ColumnProfile profile : profiles) {
            out.put(profile.name(), SchemaInference.decide(profile));
        }
        return rows;
    }

    private static Table build(CsvRecordStream stream, List<String> names, Schema schema,
                               Map<String, SchemaInference.Decision> decisions, List<String> fileMarkers,
                               CsvOptions options, List<String> warnings, int expectedRows, Monitor monitor) {
        ColumnBuilder[] builders = new ColumnBuilder[names.size()];
        for (int i = 0; i < names.size(); i++) {
            String name = names.get(i);
            ColumnSpec spec = schema == null ? null : schema.spec(name);
            builders[i] = spec != null
                    ? declaredBuilder(stream.file(), name, i + 1, spec, fileMarkers, options, expectedRows)
                    : inferredBuilder(stream.file(), name, i + 1, decisions.get(name), fileMarkers, expectedRows);
        }
        String[] values;
        while ((values = stream.next()) != null) {
            long line = stream.line();
            monitor.record(line);
            for (int i = 0; i < builders.length; i++) {
                builders[i].add(values[i], line);
            }
        }
        if (stream.skippedBlankLines() > 0) {
            warnings.add(stream.file() + ": " + stream.skippedBlankLines() + " blank line"
                    + (stream.skippedBlankLines() == 1 ? " was" : "s were") + " skipped");
        }
        monitor.done();
        List<Column> columns = new ArrayList<>(builders.length);
        for (ColumnBuilder builder : builders) {
            builder.collectWarnings(warnings);
            columns.add(builder.build());
        }
        return new Table(columns);
    }

    private static ColumnBuilder declaredBuilder(Path file, String name, int position, ColumnSpec spec,
                                                 List<String> fileMarkers, CsvOptions options, int expectedRows) {
        Set<String> markers = new HashSet<>(spec.missingMarkers() != null ? spec.missingMarkers() : fileMarkers);
        // CsvWriter writes a missing value as an empty field by default, so an empty field always reads back as
        // missing, unless the schema declares the empty string as a category.
        if (spec.categories() == null || !spec.categories().contains("")) {
            markers.add("");
        }
        // An inferred domain records what the data held, so missing values are no surprise there.
        boolean nullable = spec.isNullable() || spec.isInferred() || spec.nullable() == null;
        NumberSyntax syntax = options.declaredNumberSyntax() == null ? NumberSyntax.PLAIN : options.declaredNumberSyntax();
        ColumnBuilder.BoundsCheck bounds = spec.hasBounds()
                ? new ColumnBuilder.BoundsCheck(name, file, spec.lowerBound(), spec.upperBound()) : null;
        switch (spec.type()) {
            case CATEGORICAL:
                boolean hasCategories = spec.categories() != null;
                return new ColumnBuilder.Categories(name, position, file, markers, nullable,
                        hasCategories ? spec.categories() : List.of(),
                        !hasCategories || spec.isInferred() || options.allowUndeclaredCategories(), hasCategories,
                        expectedRows);
            case INTEGER:
                return new ColumnBuilder.Integers(name, position, file, markers, nullable, syntax, bounds, expectedRows);
            case REAL:
                return new ColumnBuilder.Reals(name, position, file, markers, nullable, syntax, bounds, expectedRows);
            case BOOLEAN:
                return new ColumnBuilder.Booleans(name, position, file, markers, nullable);
            case DATE:
                return new ColumnBuilder.Dates(name, position, file, markers, nullable, expectedRows);
            case DATETIME:
                return new ColumnBuilder.DateTimes(name, position, file, markers, nullable, expectedRows);
            case TEXT:
                return new ColumnBuilder.Texts(name, position, file, markers, nullable, expectedRows);
            default:
                throw new IllegalStateException("unhandled column type " + spec.type());
        }
    }

    private static ColumnBuilder inferredBuilder(Path file, String name, int position,
                                                 SchemaInference.Decision decision, List<String> fileMarkers,
                                                 int expectedRows) {
        Set<String> markers = new HashSet<>(fileMarkers);
        switch (decision.type()) {
            case CATEGORICAL:
                return new ColumnBuilder.Categories(name, position, file, markers, true, decision.categories(), true,
                        false, expectedRows);
            case INTEGER:
                return new ColumnBuilder.Integers(name, position, file, markers, true, decision.numberSyntax(), null,
                        expectedRows);
            case REAL:
                return new ColumnBuilder.Reals(name, position, file, markers, true, decision.numberSyntax(), null,
                        expectedRows);
            case BOOLEAN:
                return new ColumnBuilder.Booleans(name, position, file, markers, true);
            case DATE:
                return new ColumnBuilder.Dates(name, position, file, markers, true, expectedRows);
            case DATETIME:
                return new ColumnBuilder.DateTimes(name, position, file, markers, true, expectedRows);
            case TEXT:
                return new ColumnBuilder.Texts(name, position, file, markers, true, expectedRows);
            default:
                throw new IllegalStateException("unhandled column type " + decision.type());
        }
    }

    /**
     * Returns the schema the table was read with: the declared specs, inferred specs for undeclared columns, and
     * categories read from the data for categorical columns that declare none (marked inferred from data).
     */
    private static Schema mergeSchema(Table table, Schema declared, InferenceReport inference,
                                      List<String> fileMarkers, List<String> warnings, Path file) {
        Map<String, ColumnSpec> columns = new LinkedHashMap<>();
        boolean changed = declared == null || inference != null;
        for (Column column : table.columns()) {
            String name = column.name();
            ColumnSpec spec = declared == null ? null : declared.spec(name);
            if (spec == null && inference != null) {
                spec = inference.schema().spec(name);
            } else if (spec != null && spec.categories() == null && column instanceof CategoricalColumn categorical) {
                spec = spec.toBuilder().categories(categorical.levels()).inferredFromData(true).build();
                changed = true;
                warnings.add(file + ": column '" + name + "' is categorical but declares no categories, so they were "
                        + "read from the data (inferred_from_data: true) and no DP guarantee covers them; declare them "
                        + "in the schema");
            }
            columns.put(name, spec);
        }
        if (!changed) {
            return declared;
        }
        return new Schema(declared != null ? declared.missingMarkers() : fileMarkers, columns);
    }

    private static CsvDialect withDecimal(CsvDialect dialect, CsvOptions options,
                                          Map<String, SchemaInference.Decision> decisions) {
        if (options.decimalSeparator() != null) {
            return dialect.withDecimalSeparator(options.decimalSeparator());
        }
        for (SchemaInference.Decision decision : decisions.values()) {
            if (decision.numberSyntax() != null && decision.numberSyntax().decimalSeparator() == ',') {
                return dialect.withDecimalSeparator(',');
            }
        }
        return dialect;
    }

    /** Reports progress and checks cancellation every {@value #CHECK_EVERY_RECORDS} records of a pass. */
    private static final class Monitor {
        private final ProgressListener progress;
        private final CancellationToken cancel;
        private final long estimatedLines;
        private String stage = "";
        private int sinceCheck;

        Monitor(ProgressListener progress, CancellationToken cancel, long estimatedLines) {
            this.progress = progress == null ? ProgressListener.NONE : progress;
            this.cancel = cancel == null ? CancellationToken.NONE : cancel;
            this.estimatedLines = estimatedLines;
        }

        Monitor stage(String name) {
            stage = name;
            sinceCheck = 0;
            cancel.throwIfCancelled();
            progress.progress(stage, 0.0);
            return this;
        }

        void record(long line) {
            if (++sinceCheck < CHECK_EVERY_RECORDS) {
                return;
            }
            sinceCheck = 0;
            cancel.throwIfCancelled();
            // The line count is an estimate from the first bytes, so the fraction is capped below 1.
            progress.progress(stage, Math.min(0.99, (double) line / estimatedLines));
        }

        void done() {
            progress.progress(stage, 1.0);
        }
    }
}
