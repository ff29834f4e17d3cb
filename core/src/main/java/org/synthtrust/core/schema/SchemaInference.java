package org.synthtrust.core.schema;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.synthtrust.core.io.CsvOptions;
import org.synthtrust.core.io.CsvReader;
import org.synthtrust.core.io.NumberSyntax;
import org.synthtrust.core.io.ReadResult;
import org.synthtrust.core.table.CategoricalColumn;
import org.synthtrust.core.table.Column;
import org.synthtrust.core.table.ColumnType;
import org.synthtrust.core.table.Table;
import org.synthtrust.core.table.TextColumn;

/**
 * Infers column types, roles and domains from the data when no schema declares them. The rules, applied to
 * the non-missing values of each column in this order:
 * <ol>
 *   <li>no values: text, low confidence;</li>
 *   <li>every value a boolean spelling (true/false, yes/no, y/n, t/f) with one spelling per side: boolean,
 *       written back in that spelling;</li>
 *   <li>every value a whole number: integer; every value a number: real. Plain numbers come first; a decimal
 *       comma or thousands grouping is used only when declared, or when at least one value allows only that
 *       reading (a grouping separator counts only when exactly three digits follow it);</li>
 *   <li>every value an ISO date: date; every value an ISO timestamp: datetime, with offsets converted to UTC
 *       and noted (a mix of values with and without offset stays text);</li>
 *   <li>at least half the values numeric but not all: text, and the note gives how many are not numeric with
 *       an example;</li>
 *   <li>at most {@value ColumnProfile#CATEGORY_LIMIT} distinct values, and at most half as many as values:
 *       categorical; otherwise text.</li>
 * </ol>
 * Roles: a text column whose values are all distinct, with at least {@value #IDENTIFIER_MIN_ROWS} values, and an
 * integer or text column whose name marks it as an id ({@code id}, {@code *_id}, {@code *_no}, {@code uuid},
 * ...) become identifiers and are excluded from modelling. Real columns and integer columns with other names
 * are measurements and never identifiers, however many distinct values they have. A text column that is not an
 * identifier but has more than {@value #HIGH_CARDINALITY_SHARE_PERCENT}% distinct values is flagged as high
 * cardinality. Every inferred spec carries {@code inferred_from_data: true}, because its domain (categories,
 * bounds, nullable) was read from the private data and is not covered by a DP guarantee.
 */
public final class SchemaInference {
    /** Fewer all-distinct values than this are too few to call a column an identifier. */
    public static final int IDENTIFIER_MIN_ROWS = 20;
    /** Share of distinct values, in percent, above which a text column is flagged as high cardinality. */
    public static final int HIGH_CARDINALITY_SHARE_PERCENT = 50;

    private SchemaInference() {
    }

    /** Reads a CSV file without a schema and returns the inferred schema with its per-column report. */
    public static InferenceReport infer(Path file, CsvOptions options) {
        ReadResult result = CsvReader.read(file, null, options);
        return result.inference();
    }

    /** Type decision for one column from its profile, before the table is built. */
    public record Decision(ColumnType type, NumberSyntax numberSyntax, List<String> categories, List<String> notes,
                           boolean lowConfidence) {
    }

    /** Decides a column's type from its profile. */
    public static Decision decide(ColumnProfile profile) {
        List<String> notes = new ArrayList<>();
        long n = profile.values;
        boolean lowConfidence = n <= 1;
        if (n == 0) {
            notes.add(profile.missing == 0 ? "the file has no data rows, so the type is text by default; declare it "
                    + "in a schema" : "all " + profile.missing + " values are missing, so the type is text by default; "
                    + "declare it in a schema");
            return new Decision(ColumnType.TEXT, null, null, notes, true);
        }
        if (lowConfidence) {
            notes.add("type inferred from 1 value, so it is low confidence; declare it in a schema");
        }

        if (profile.trues + profile.falses == n && profile.trueSpellings.size() <= 1
                && profile.falseSpellings.size() <= 1) {
            return new Decision(ColumnType.BOOLEAN, null, null, notes, lowConfidence);
        }

        Decision numeric = decideNumeric(profile, notes, lowConfidence);
        if (numeric != null) {
            return numeric;
        }

        if (profile.dates == n) {
            return new Decision(ColumnType.DATE, null, null, notes, lowConfidence);
        }
        if (profile.dateTimes == n) {
            if (profile.dateTimesWithOffset == 0 || profile.dateTimesWithOffset == n) {
                if (profile.dateTimesWithOffset > 0 && !(profile.offsets.size() == 1
                        && (profile.offsets.contains("Z") || profile.offsets.contains("+00:00")))) {
                    notes.add("timestamps carry UTC offsets " + new TreeSet<>(profile.offsets)
                            + " and were converted to UTC");
                }
                return new Decision(ColumnType.DATETIME, null, null, notes, lowConfidence);
            }
            notes.add(profile.dateTimesWithOffset + " of " + n + " timestamps have a UTC offset and the others none, "
                    + "so the column is text; write every value with an offset or none");
            return new Decision(ColumnType.TEXT, null, null, notes, lowConfidence);
        }

        long notNumeric = n - profile.numericLike;
        if (profile.numericLike * 2 >= n && notNumeric > 0) {
            notes.add(notNumeric + " of " + n + " values are not numeric, for example " + profile.firstNonNumeric
                    + ", so the column is text");
            return new Decision(ColumnType.TEXT, null, null, notes, lowConfidence);
        }

        if (!profile.distinctOverflow && profile.distinct.size() <= Math.max(1, n / 2)) {
            List<String> categories = new ArrayList<>(new TreeSet<>(profile.distinct));
            return new Decision(ColumnType.CATEGORICAL, null, categories, notes, lowConfidence);
        }
        return new Decision(ColumnType.TEXT, null, null, notes, lowConfidence);
    }

    private static Decision decideNumeric(ColumnProfile profile, List<String> notes, boolean lowConfidence) {
        long n = profile.values;
        NumberSyntax declared = profile.declaredSyntax();
        if (declared != null && profile.declaredDouble == n) {
            return new Decision(profile.declaredLong == n ? ColumnType.INTEGER : ColumnType.REAL, declared, null, notes,
                    lowConfidence);
        }
        if (profile.plainLong == n) {
            return new Decision(ColumnType.INTEGER, NumberSyntax.PLAIN, null, notes, lowConfidence);
        }
        if (profile.plainDouble == n) {
            return new Decision(ColumnType.REAL, NumberSyntax.PLAIN, null, notes, lowConfidence);
        }
        if (declared != null) {
            return null;
        }
        if (profile.commaDecimalDouble == n && profile.commaDecimalEvidence > 0 && profile.commaGroupingEvidence == 0) {
            notes.add("numbers use a decimal comma (for example " + profile.firstValue + ")");
            return new Decision(profile.commaDecimalLong == n ? ColumnType.INTEGER : ColumnType.REAL,
                    NumberSyntax.COMMA_DECIMAL, null, notes, lowConfidence);
        }
        if (profile.commaGroupingDouble == n && profile.commaGroupingEvidence > 0 && profile.commaDecimalEvidence == 0) {
            notes.add("numbers use ',' to group thousands (for example " + profile.firstValue + ")");
            return new Decision(profile.commaGroupingLong == n ? ColumnType.INTEGER : ColumnType.REAL,
                    NumberSyntax.COMMA_GROUPING, null, notes, lowConfidence);
        }
        if (profile.ambiguousExample != null
                && (profile.commaDecimalDouble == n || profile.commaGroupingDouble == n)) {
            notes.add("values such as " + profile.ambiguousExample + " may use ',' as the decimal or as the thousands "
                    + "separator, so the column is text; declare the separators to read it as numbers");
            return new Decision(ColumnType.TEXT, null, null, notes, lowConfidence);
        }
        return null;
    }

    /**
     * Completes the inferred specs once the table is built: nullable and bounds from the values, identifier
     * roles, distinct counts and high-cardinality flags.
     */
    public static InferenceReport finish(Table table, Map<String, Decision> decisions) {
        Map<String, ColumnSpec> specs = new LinkedHashMap<>();
        List<ColumnReport> reports = new ArrayList<>();
        for (Column column : table.columns()) {
            Decision decision = decisions.get(column.name());
            if (decision == null) {
                continue;
            }
            ColumnReport report = finishColumn(column, decision);
            specs.put(column.name(), report.spec());
            reports.add(report);
        }
        return new InferenceReport(new Schema(null, specs), reports);
    }

    private static ColumnReport finishColumn(Column column, Decision decision) {
        List<String> notes = new ArrayList<>(decision.notes());
        int missing = column.missingCount();
        long values = column.size() - missing;
        long distinct = distinctCount(column);
        ColumnSpec.Builder spec = ColumnSpec.builder(column.type()).nullable(missing > 0).inferredFromData(true);

        if (column instanceof CategoricalColumn categorical) {
            spec.categories(categorical.levels());
        }
        if (column.type() == ColumnType.INTEGER || column.type() == ColumnType.REAL) {
            double[] range = range(column);
            if (range != null && range[0] < range[1]) {
                spec.bounds(range[0], range[1]);
            }
        }

        boolean identifier = false;
        boolean highCardinality = false;
        boolean idName = isIdentifierName(column.name());
        if (column.type() == ColumnType.TEXT && values >= IDENTIFIER_MIN_ROWS && distinct == values) {
            identifier = true;
            notes.add("all " + values + " values are distinct, so it is an identifier and is excluded from modelling");
        } else if (idName && (column.type() == ColumnType.TEXT || column.type() == ColumnType.INTEGER)) {
            identifier = true;
            notes.add("the name marks an identifier, so it is excluded from modelling");
        } else if (column.type() == ColumnType.TEXT && values > 0
                && distinct * 100 > values * HIGH_CARDINALITY_SHARE_PERCENT && values > 1) {
            highCardinality = true;
            notes.add("high cardinality: " + distinct + " distinct values in " + values + " rows; drop the column or "
                    + "generalise it (for example to a prefix or a coarser category) before modelling");
        }
        if (identifier) {
            spec.addRole(Role.IDENTIFIER);
        }
        return new ColumnReport(column.name(), spec.build(), missing, distinct, decision.lowConfidence(),
                highCardinality, notes);
    }

    /**
     * Returns whether a column name marks an identifier: {@code id}, {@code uuid}, {@code guid}, or a name
     * ending in a separator followed by {@code id}, {@code no} or {@code nr} ({@code person_id}, {@code invoice_no}),
     * starting with {@code id} and a separator, or a camel-case {@code ...Id}.
     */
    public static boolean isIdentifierName(String name) {
        String lower = name.toLowerCase(Locale.ROOT).strip();
        if (lower.equals("id") || lower.equals("uuid") || lower.equals("guid") || lower.equals("key")) {
            return true;
        }
        String[] suffixes = {"id", "no", "nr", "uuid", "guid"};
        for (String suffix : suffixes) {
            if (lower.length() > suffix.length() + 1 && lower.endsWith(suffix)) {
                char separator = lower.charAt(lower.length() - suffix.length() - 1);
                if (separator == '_' || separator == '-' || separator == ' ' || separator == '.') {
                    return true;
                }
            }
        }
        if (lower.length() > 3 && lower.startsWith("id") && "_- .".indexOf(lower.charAt(2)) >= 0) {
            return true;
        }
        return name.length() > 2 && name.endsWith("Id") && Character.isLowerCase(name.charAt(name.length() - 3));
    }

    /** Counts the distinct non-missing values of a column. */
    public static long distinctCount(Column column) {
        if (column instanceof CategoricalColumn categorical) {
            boolean[] used = new boolean[categorical.levelCount()];
            long count = 0;
            for (int row = 0; row < categorical.size(); row++) {
                int code = categorical.code(row);
                if (code >= 0 && !used[code]) {
                    used[code] = true;
                    count++;
                }
            }
            return count;
        }
        if (column instanceof TextColumn text) {
            Set<String> seen = new HashSet<>();
            for (int row = 0; row < text.size(); row++) {
                if (!text.isMissing(row)) {
                    seen.add(text.value(row));
                }
            }
            return seen.size();
        }
        if (column.type() == ColumnType.BOOLEAN) {
            boolean seenTrue = false;
            boolean seenFalse = false;
            for (int row = 0; row < column.size(); row++) {
                if (!column.isMissing(row)) {
                    if (column.numericValue(row) > 0.5) {
                        seenTrue = true;
                    } else {
                        seenFalse = true;
                    }
                }
            }
            return (seenTrue ? 1 : 0) + (seenFalse ? 1 : 0);
        }
        double[] sorted = new double[column.size() - column.missingCount()];
        int index = 0;
        for (int row = 0; row < column.size(); row++) {
            if (!column.isMissing(row)) {
                sorted[index++] = column.numericValue(row);
            }
        }
        Arrays.sort(sorted);
        long count = 0;
        for (int i = 0; i < sorted.length; i++) {
            if (i == 0 || sorted[i] != sorted[i - 1]) {
                count++;
            }
        }
        return count;
    }

    private static double[] range(Column column) {
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (int row = 0; row < column.size(); row++) {
            if (!column.isMissing(row)) {
                double value = column.numericValue(row);
                min = Math.min(min, value);
                max = Math.max(max, value);
            }
        }
        return min <= max ? new double[] {min, max} : null;
    }
}
