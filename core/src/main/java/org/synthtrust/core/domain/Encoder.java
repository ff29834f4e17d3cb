package org.synthtrust.core.domain;

import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.random.RandomGenerator;
import org.synthtrust.core.InvalidInputException;
import org.synthtrust.core.privacy.PrivacyLedger;
import org.synthtrust.core.schema.Bins;
import org.synthtrust.core.schema.ColumnSpec;
import org.synthtrust.core.schema.Schema;
import org.synthtrust.core.table.BooleanColumn;
import org.synthtrust.core.table.CategoricalColumn;
import org.synthtrust.core.table.Column;
import org.synthtrust.core.table.ColumnType;
import org.synthtrust.core.table.DateColumn;
import org.synthtrust.core.table.DateTimeColumn;
import org.synthtrust.core.table.IntegerColumn;
import org.synthtrust.core.table.RealColumn;
import org.synthtrust.core.table.Table;
import org.synthtrust.core.table.TextColumn;

/**
 * Maps a table to int codes over the schema's public finite domain and back. Categorical, text and boolean
 * columns code their declared levels; numeric columns code the declared bins between the declared bounds,
 * after clipping values to the bounds; a nullable column codes missing as one extra code. Identifier
 * columns are not modelled and come back as fresh unique ids; ignored columns are dropped. Decoding a numeric
 * bin draws uniformly within the bin and within the bounds.
 *
 * <p>Nothing here reads a domain from the data except categories of a column that the schema marks
 * {@code inferred_from_data} or declares without categories; {@link #uncoveredColumns()} names those, since
 * no DP guarantee covers a domain read from the private table. The other exception is covered by DP:
 * {@link #fromSchemaWithDpBounds} estimates missing numeric bounds through the privacy ledger.
 */
public final class Encoder {
    /** Default number of equal-width bins for a bounded numeric column that declares no bins. */
    static final int DEFAULT_BIN_COUNT = 20;
    /** An integer column spanning at most this many values gets one bin per value when no bins are declared. */
    static final int ONE_BIN_PER_VALUE_LIMIT = 100;

    private final List<ColumnCoding> columns;
    private final List<ColumnCoding> modelled = new ArrayList<>();
    private final List<Map<String, Integer>> levelIndex = new ArrayList<>();
    private final Domain domain;

    /** Creates an encoder from saved codings, in output column order. */
    public Encoder(List<ColumnCoding> columns) {
        this.columns = List.copyOf(columns);
        List<String> names = new ArrayList<>();
        List<Integer> sizes = new ArrayList<>();
        for (ColumnCoding coding : this.columns) {
            if (coding.identifier()) {
                continue;
            }
            modelled.add(coding);
            Map<String, Integer> index = new HashMap<>();
            if (coding.levels() != null) {
                for (int i = 0; i < coding.levels().size(); i++) {
                    index.putIfAbsent(coding.levels().get(i), i);
                }
            }
            levelIndex.add(index);
            names.add(coding.name());
            sizes.add(coding.size());
        }
        this.domain = new Domain(names, sizes.stream().mapToInt(Integer::intValue).toArray());
    }

    /**
     * Builds the coding of every column that the schema declares and the table has, in the table's column
     * order; the table supplies only the column order, boolean spellings and, for columns without declared
     * categories, the dictionary (recorded as inferred).
     *
     * @throws InvalidInputException for a numeric column without bounds, quantile bins, a text column without
     *         categories, or a table column the schema does not declare
     */
    public static Encoder fromSchema(Schema schema, Table tableForColumnOrderOnly) {
        return build(schema, tableForColumnOrderOnly, Map.of());
    }

    /**
     * Builds the coding like {@link #fromSchema(Schema, Table)}, but estimates the bounds of every numeric
     * column that declares none under differential privacy, before anything else is measured, from a noisy
     * histogram over public power-of-two bins ({@link LogScaleBounds}) charged to the ledger as a pure
     * epsilon-DP "preprocessing:" line per column. The columns share {@code boundsEpsilon} equally. The
     * estimated bounds are DP outputs and become part of the released coding, and bins are built between them
     * as for declared bounds. When no column lacks bounds nothing is charged.
     *
     * @param boundsEpsilon pure epsilon spent on all estimated bounds together
     */
    public static Encoder fromSchemaWithDpBounds(Schema schema, Table table, PrivacyLedger ledger,
            double boundsEpsilon) {
        List<String> unbounded = unboundedNumericColumns(schema, table);
        Map<String, double[]> estimated = new LinkedHashMap<>();
        if (unbounded.isEmpty()) {
            return build(schema, table, estimated);
        }
        // Validates the whole schema first, so that an unrelated error costs no budget.
        Map<String, double[]> placeholders = new HashMap<>();
        for (String name : unbounded) {
            placeholders.put(name, new double[] {0, 1});
        }
        build(schema, table, placeholders);
        double share = boundsEpsilon / unbounded.size();
        for (String name : unbounded) {
            Column column = table.column(name);
            double[] values = new double[column.size()];
            for (int row = 0; row < values.length; row++) {
                values[row] = column.numericValue(row);
            }
            double[] bounds = LogScaleBounds.estimate(ledger, name, values, share);
            double lower = bounds[0];
            double upper = bounds[1];
            ColumnType type = schema.spec(name).type() == null ? column.type() : schema.spec(name).type();
            if (type != ColumnType.REAL) {
                // Post-processing: whole-valued types get whole bounds that contain the estimate.
                lower = Math.floor(lower);
                upper = Math.max(Math.ceil(upper), lower + 1);
            }
            estimated.put(name, new double[] {lower, upper});
        }
        return build(schema, table, estimated);
    }

    /** Returns the modelled numeric columns of the table that the schema gives no bounds, in table order. */
    public static List<String> unboundedNumericColumns(Schema schema, Table table) {
        List<String> names = new ArrayList<>();
        for (Column column : table.columns()) {
            ColumnSpec spec = schema.spec(column.name());
            if (spec == null || spec.hasRole(org.synthtrust.core.schema.Role.IGNORE)
                    || spec.hasRole(org.synthtrust.core.schema.Role.IDENTIFIER)) {
                continue;
            }
            ColumnType type = spec.type() == null ? column.type() : spec.type();
            if (isBinnedNumeric(type) && !spec.hasBounds()) {
                names.add(column.name());
            }
        }
        return names;
    }

    private static boolean isBinnedNumeric(ColumnType type) {
        return type == ColumnType.INTEGER || type == ColumnType.REAL || type == ColumnType.DATE
                || type == ColumnType.DATETIME;
    }

    private static Encoder build(Schema schema, Table tableForColumnOrderOnly, Map<String, double[]> estimated) {
        List<ColumnCoding> codings = new ArrayList<>();
        for (Column column : tableForColumnOrderOnly.columns()) {
            ColumnSpec spec = schema.spec(column.name());
            if (spec == null) {
                throw new InvalidInputException("column '" + column.name() + "' is not in the schema; declare it, "
                        + "or give it the role \"ignore\" to drop it");
            }
            if (spec.hasRole(org.synthtrust.core.schema.Role.IGNORE)) {
                continue;
            }
            ColumnType type = spec.type() == null ? column.type() : spec.type();
            if (spec.hasRole(org.synthtrust.core.schema.Role.IDENTIFIER)) {
                codings.add(new ColumnCoding(column.name(), type.id(), true, null, null, null, null, false, false));
                continue;
            }
            codings.add(codingOf(column, spec, type, estimated.get(column.name())));
        }
        if (codings.stream().noneMatch(coding -> !coding.identifier())) {
            throw new InvalidInputException("the schema leaves no column to model; every column is an identifier or "
                    + "ignored");
        }
        return new Encoder(codings);
    }

    private static ColumnCoding codingOf(Column column, ColumnSpec spec, ColumnType type, double[] estimated) {
        String name = column.name();
        boolean nullable = spec.isNullable();
        switch (type) {
            case CATEGORICAL:
            case TEXT:
                if (spec.categories() != null && !spec.categories().isEmpty()) {
                    return new ColumnCoding(name, type.id(), false, List.copyOf(spec.categories()), null, null, null,
                            nullable, spec.isInferred());
                }
                if (type == ColumnType.TEXT) {
                    throw new InvalidInputException("text column '" + name + "' has no declared categories; declare "
                            + "\"categories\" in the schema, or give it the role \"ignore\" or \"identifier\"");
                }
                return new ColumnCoding(name, type.id(), false, dictionaryOf(column), null, null, null, nullable, true);
            case BOOLEAN:
                String trueSpelling = "true";
                String falseSpelling = "false";
                if (column instanceof BooleanColumn booleans) {
                    trueSpelling = booleans.trueSpelling();
                    falseSpelling = booleans.falseSpelling();
                }
                return new ColumnCoding(name, type.id(), false, List.of(falseSpelling, trueSpelling), null, null,
                        null, nullable, false);
            default:
                return numericCoding(name, spec, type, nullable, estimated);
        }
    }

    private static List<String> dictionaryOf(Column column) {
        if (column instanceof CategoricalColumn categorical) {
            return categorical.levels();
        }
        Set<String> seen = new java.util.LinkedHashSet<>();
        for (int row = 0; row < column.size(); row++) {
            if (!column.isMissing(row)) {
                seen.add(column.format(row));
            }
        }
        return List.copyOf(seen);
    }

    private static ColumnCoding numericCoding(String name, ColumnSpec spec, ColumnType type, boolean nullable,
            double[] estimated) {
        if (!spec.hasBounds() && estimated == null) {
            throw new InvalidInputException("declare lower and upper bounds for numeric column '" + name
                    + "': add \"bounds\": [lower, upper] to its schema entry, or opt in to bounds estimated "
                    + "under differential privacy with the method parameter dp_bounds=true (--param "
                    + "dp_bounds=true), charged to the privacy ledger");
        }
        double lower = spec.hasBounds() ? spec.lowerBound() : estimated[0];
        double upper = spec.hasBounds() ? spec.upperBound() : estimated[1];
        if (!(lower < upper)) {
            throw new InvalidInputException("column '" + name + "' has bounds [" + lower + ", " + upper
                    + "]; the lower bound must be below the upper bound");
        }
        boolean discrete = type != ColumnType.REAL;
        // Discrete types cover [lower, upper + 1) so that the upper bound is a value of the last bin.
        double end = discrete ? upper + 1 : upper;
        Bins bins = spec.bins();
        double[] edges;
        if (bins != null && bins.quantiles() != null) {
            throw new InvalidInputException("column '" + name + "' declares quantile bins, which are read from the "
                    + "private data and allowed for the audit only; declare \"width\", \"count\" or \"edges\" for "
                    + "generation");
        } else if (bins != null && bins.edges() != null) {
            edges = explicitEdges(name, bins.edges(), lower, end);
        } else if (bins != null && bins.width() != null) {
            double width = bins.width();
            if (!(width > 0)) {
                throw new InvalidInputException("column '" + name + "' has bin width " + width + "; it must be > 0");
            }
            int count = (int) Math.max(1, Math.ceil((end - lower) / width - 1e-9));
            edges = new double[count + 1];
            for (int i = 0; i < count; i++) {
                edges[i] = lower + i * width;
            }
            edges[count] = end;
        } else {
            int count;
            if (bins != null && bins.count() != null) {
                count = bins.count();
                if (count < 1) {
                    throw new InvalidInputException("column '" + name + "' has bin count " + count + "; it must be >= 1");
                }
            } else if (discrete && end - lower <= ONE_BIN_PER_VALUE_LIMIT) {
                count = (int) Math.round(end - lower);
            } else {
                count = DEFAULT_BIN_COUNT;
            }
            edges = new double[count + 1];
            for (int i = 0; i <= count; i++) {
                edges[i] = lower + (end - lower) * i / count;
            }
        }
        return new ColumnCoding(name, type.id(), false, null, edges, lower, upper, nullable, false);
    }

    private static double[] explicitEdges(String name, List<Double> declared, double lower, double end) {
        List<Double> edges = new ArrayList<>();
        edges.add(lower);
        for (double edge : declared) {
            if (edge > lower && edge < end) {
                edges.add(edge);
            }
        }
        edges.add(end);
        double[] result = edges.stream().mapToDouble(Double::doubleValue).toArray();
        for (int i = 1; i < result.length; i++) {
            if (!(result[i] > result[i - 1])) {
                throw new InvalidInputException("column '" + name + "' has bin edges " + declared
                        + "; edges must increase strictly");
            }
        }
        return result;
    }

    public Domain domain() {
        return domain;
    }

    /** Returns the codings of all output columns (modelled and identifier), in output order. */
    public List<ColumnCoding> columns() {
        return columns;
    }

    /** Returns the names of modelled columns whose domain was read from the data. */
    public List<String> uncoveredColumns() {
        List<String> names = new ArrayList<>();
        for (ColumnCoding coding : modelled) {
            if (coding.inferred()) {
                names.add(coding.name());
            }
        }
        return names;
    }

    /** Codes of a table with the number of clipped values per column (a private fact for the analyst's log only). */
    public record Encoded(int[][] codes, Map<String, Integer> clippedCounts) { }

    /** Returns the codes of the modelled columns as {@code [attribute][row]}. */
    public int[][] encode(Table table) {
        return encodeWithReport(table).codes();
    }

    /**
     * Encodes a table and counts the numeric values clipped to the bounds and the categorical values mapped to
     * a declared {@code other} level.
     *
     * @throws InvalidInputException for a missing value in a column not declared nullable, or a category outside
     *         the declared levels when no {@code other} level is declared
     */
    public Encoded encodeWithReport(Table table) {
        int rows = table.rowCount();
        int[][] codes = new int[modelled.size()][];
        Map<String, Integer> clipped = new LinkedHashMap<>();
        for (int attribute = 0; attribute < modelled.size(); attribute++) {
            ColumnCoding coding = modelled.get(attribute);
            Column column = table.column(coding.name());
            int[] result = new int[rows];
            int clippedCount = coding.isNumeric() ? encodeNumeric(coding, column, result)
                    : encodeLevels(coding, levelIndex.get(attribute), column, result);
            if (clippedCount > 0) {
                clipped.put(coding.name(), clippedCount);
            }
            codes[attribute] = result;
        }
        return new Encoded(codes, clipped);
    }

    private static int encodeNumeric(ColumnCoding coding, Column column, int[] result) {
        double[] edges = coding.edges();
        int bins = edges.length - 1;
        int clipped = 0;
        for (int row = 0; row < result.length; row++) {
            if (column.isMissing(row)) {
                result[row] = missingOrReject(coding, row);
                continue;
            }
            double value = column.numericValue(row);
            if (value < coding.lower() || value > coding.upper()) {
                clipped++;
                value = Math.max(coding.lower(), Math.min(coding.upper(), value));
            }
            int position = Arrays.binarySearch(edges, value);
            int bin = position >= 0 ? position : -position - 2;
            result[row] = Math.max(0, Math.min(bins - 1, bin));
        }
        return clipped;
    }

    private static int encodeLevels(ColumnCoding coding, Map<String, Integer> index, Column column, int[] result) {
        Integer other = null;
        for (Map.Entry<String, Integer> entry : index.entrySet()) {
            if (entry.getKey().toLowerCase(Locale.ROOT).equals("other")) {
                other = entry.getValue();
            }
        }
        int clipped = 0;
        boolean booleanLevels = coding.type().equals(ColumnType.BOOLEAN.id());
        for (int row = 0; row < result.length; row++) {
            if (column.isMissing(row)) {
                result[row] = missingOrReject(coding, row);
                continue;
            }
            Integer code;
            if (booleanLevels && column instanceof BooleanColumn booleans) {
                code = booleans.value(row) ? 1 : 0;
            } else {
                code = index.get(column.format(row));
            }
            if (code == null) {
                if (other == null) {
                    throw new InvalidInputException("row " + (row + 1) + " of column '" + coding.name() + "' has value '"
                            + column.format(row) + "', which is not a declared category; add it to \"categories\" "
                            + "in the schema, or declare an \"other\" category to collect undeclared values");
                }
                code = other;
                clipped++;
            }
            result[row] = code;
        }
        return clipped;
    }

    private static int missingOrReject(ColumnCoding coding, int row) {
        if (!coding.nullable()) {
            throw new InvalidInputException("row " + (row + 1) + " of column '" + coding.name() + "' is missing, but the "
                    + "schema does not declare the column nullable; declare \"nullable\": true or fill the value");
        }
        return coding.missingCode();
    }

    /**
     * Builds a table from codes ({@code [attribute][row]}) with the original column names, types and
     * spellings: identifier columns get fresh unique ids, numeric bins a uniform value within the bin.
     */
    public Table decode(int[][] codes, RandomGenerator random) {
        int rows = codes.length == 0 ? 0 : codes[0].length;
        List<Column> output = new ArrayList<>();
        int attribute = 0;
        for (ColumnCoding coding : columns) {
            if (coding.identifier()) {
                output.add(freshIdentifiers(coding, rows, random));
                continue;
            }
            int[] column = codes[attribute++];
            output.add(coding.isNumeric() ? decodeNumeric(coding, column, random) : decodeLevels(coding, column));
        }
        return new Table(output);
    }

    private static Column decodeLevels(ColumnCoding coding, int[] codes) {
        int rows = codes.length;
        int missingCode = coding.missingCode();
        if (coding.type().equals(ColumnType.BOOLEAN.id())) {
            BitSet values = new BitSet(rows);
            BitSet missing = new BitSet(rows);
            for (int row = 0; row < rows; row++) {
                if (codes[row] == missingCode) {
                    missing.set(row);
                } else if (codes[row] == 1) {
                    values.set(row);
                }
            }
            return new BooleanColumn(coding.name(), rows, values, missing, coding.levels().get(1),
                    coding.levels().get(0));
        }
        if (coding.type().equals(ColumnType.TEXT.id())) {
            String[] values = new String[rows];
            for (int row = 0; row < rows; row++) {
                values[row] = codes[row] == missingCode ? null : coding.levels().get(codes[row]);
            }
            return new TextColumn(coding.name(), values);
        }
        int[] levelCodes = new int[rows];
        for (int row = 0; row < rows; row++) {
            levelCodes[row] = codes[row] == missingCode ? CategoricalColumn.MISSING : codes[row];
        }
        return new CategoricalColumn(coding.name(), levelCodes, coding.levels());
    }

    private static Column decodeNumeric(ColumnCoding coding, int[] codes, RandomGenerator random) {
        int rows = codes.length;
        int missingCode = coding.missingCode();
        double[] edges = coding.edges();
        double lower = coding.lower();
        double upper = coding.upper();
        BitSet missing = new BitSet(rows);
        ColumnType type = ColumnType.fromId(coding.type());
        long[] whole = new long[rows];
        double[] real = new double[rows];
        for (int row = 0; row < rows; row++) {
            int code = codes[row];
            if (code == missingCode) {
                missing.set(row);
                continue;
            }
            double from = edges[code];
            double to = edges[code + 1];
            if (type == ColumnType.REAL) {
                real[row] = Math.min(upper, Math.max(lower, from + (to - from) * random.nextDouble()));
            } else {
                // Whole values v with from <= v < to, within the bounds.
                long first = (long) Math.max(Math.ceil(from), Math.ceil(lower));
                long last = (long) Math.min(Math.ceil(to) - 1, Math.floor(upper));
                whole[row] = last > first ? first + random.nextLong(last - first + 1) : first;
            }
        }
        switch (type) {
            case REAL:
                return new RealColumn(coding.name(), real, missing);
            case DATE:
                int[] days = new int[rows];
                for (int row = 0; row < rows; row++) {
                    days[row] = (int) whole[row];
                }
                return new DateColumn(coding.name(), days, missing, DateTimeFormatter.ISO_LOCAL_DATE);
            case DATETIME:
                return new DateTimeColumn(coding.name(), whole, missing, DateTimeFormatter.ISO_LOCAL_DATE_TIME);
            default:
                return new IntegerColumn(coding.name(), whole, missing);
        }
    }

    /**
     * Fresh unique ids: random 16-digit numbers for integer identifiers, otherwise random 16-digit hexadecimal
     * strings. Sequential ids 1..n would repeat the real ids of a table numbered the same way, so a released
     * row would seem to point at a real person's record.
     */
    private static Column freshIdentifiers(ColumnCoding coding, int rows, RandomGenerator random) {
        if (coding.type().equals(ColumnType.INTEGER.id())) {
            // 16 digits keep the ids far from the small ids real tables use; collisions are redrawn.
            Set<Long> taken = new HashSet<>();
            long[] values = new long[rows];
            for (int row = 0; row < rows; row++) {
                long id;
                do {
                    id = random.nextLong(1_000_000_000_000_000L, 10_000_000_000_000_000L);
                } while (!taken.add(id));
                values[row] = id;
            }
            return new IntegerColumn(coding.name(), values, null);
        }
        Set<String> used = new HashSet<>();
        String[] values = new String[rows];
        for (int row = 0; row < rows; row++) {
            String id;
            do {
                id = String.format(Locale.ROOT, "%016x", random.nextLong());
            } while (!used.add(id));
            values[row] = id;
        }
        return new TextColumn(coding.name(), values);
    }
}
