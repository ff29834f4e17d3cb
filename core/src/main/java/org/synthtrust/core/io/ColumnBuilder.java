package org.synthtrust.core.io;

import java.nio.file.Path;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.synthtrust.core.InvalidInputException;
import org.synthtrust.core.table.BooleanColumn;
import org.synthtrust.core.table.CategoricalColumn;
import org.synthtrust.core.table.Column;
import org.synthtrust.core.table.DateColumn;
import org.synthtrust.core.table.DateTimeColumn;
import org.synthtrust.core.table.IntegerColumn;
import org.synthtrust.core.table.RealColumn;
import org.synthtrust.core.table.TextColumn;

/**
 * Parses the values of one column straight into primitive arrays of its declared type. Arrays grow by half
 * their size when full and are trimmed once at the end. A value that does not parse is an InvalidInputException
 * naming file, line, column and value; missing values are checked against the column's markers first.
 */
abstract class ColumnBuilder {
    private static final int INITIAL_CAPACITY = 1024;

    final String name;
    final int position;
    final Path file;
    private final Set<String> missingMarkers;
    final BitSet missing = new BitSet();
    int size;
    private final boolean nullable;
    private long missingInNonNullable;
    private long firstMissingLine;

    ColumnBuilder(String name, int position, Path file, Set<String> missingMarkers, boolean nullable) {
        this.name = name;
        this.position = position;
        this.file = file;
        this.missingMarkers = missingMarkers;
        this.nullable = nullable;
    }

    static int initialCapacity(int expectedRows) {
        return Math.max(INITIAL_CAPACITY, expectedRows);
    }

    static int grow(int capacity) {
        return capacity + (capacity >> 1) + 1;
    }

    /** Adds one raw value read at physical {@code line}. */
    final void add(String raw, long line) {
        if (missingMarkers.contains(raw)) {
            if (!nullable) {
                if (missingInNonNullable == 0) {
                    firstMissingLine = line;
                }
                missingInNonNullable++;
            }
            missing.set(size);
            addMissing();
        } else {
            addValue(raw, line);
        }
        size++;
    }

    abstract void addMissing();

    abstract void addValue(String raw, long line);

    abstract Column build();

    /** Adds this column's warnings, such as missing values in a column declared not nullable. */
    void collectWarnings(List<String> warnings) {
        if (missingInNonNullable > 0) {
            warnings.add(file + ": column '" + name + "' is declared not nullable but has " + missingInNonNullable
                    + " missing value" + (missingInNonNullable == 1 ? "" : "s") + " (first on line " + firstMissingLine
                    + "); declare \"nullable\": true in the schema if missing values are possible");
        }
    }

    final InvalidInputException invalid(long line, String raw, String problem, String fix) {
        return new InvalidInputException(file + " line " + line + ", column " + position + " ('" + name + "'): value '"
                + abbreviate(raw) + "' " + problem + "; " + fix);
    }

    static String abbreviate(String value) {
        return value.length() <= 60 ? value : value.substring(0, 57) + "...";
    }

    /** Integer column: 64-bit values with a declared number syntax and optional bounds to warn about. */
    static final class Integers extends ColumnBuilder {
        private final NumberParser parser;
        private final BoundsCheck bounds;
        private long[] values;

        Integers(String name, int position, Path file, Set<String> markers, boolean nullable, NumberSyntax syntax,
                 BoundsCheck bounds, int expectedRows) {
            super(name, position, file, markers, nullable);
            this.parser = new NumberParser(syntax);
            this.bounds = bounds;
            this.values = new long[initialCapacity(expectedRows)];
        }

        @Override
        void addMissing() {
            ensure();
            values[size] = 0;
        }

        @Override
        void addValue(String raw, long line) {
            if (!parser.parseLong(raw)) {
                throw invalid(line, raw, "is not an integer" + syntaxHint(parser.syntax()),
                        "correct the value, declare the column as real or text, or add the spelling to missing_markers"
                                + decimalCommaHint(parser.syntax(), raw));
            }
            ensure();
            values[size] = parser.longValue();
            if (bounds != null) {
                bounds.check(parser.longValue(), raw, line);
            }
        }

        private void ensure() {
            if (size == values.length) {
                values = Arrays.copyOf(values, grow(values.length));
            }
        }

        @Override
        Column build() {
            return new IntegerColumn(name, Arrays.copyOf(values, size), missing);
        }

        @Override
        void collectWarnings(List<String> warnings) {
            super.collectWarnings(warnings);
            if (bounds != null) {
                bounds.collect(warnings);
            }
        }
    }

    /** Real column: finite doubles; NaN and infinities are rejected because they are not data. */
    static final class Reals extends ColumnBuilder {
        private final NumberParser parser;
        private final BoundsCheck bounds;
        private double[] values;

        Reals(String name, int position, Path file, Set<String> markers, boolean nullable, NumberSyntax syntax,
              BoundsCheck bounds, int expectedRows) {
            super(name, position, file, markers, nullable);
            this.parser = new NumberParser(syntax);
            this.bounds = bounds;
            this.values = new double[initialCapacity(expectedRows)];
        }

        @Override
        void addMissing() {
            ensure();
            values[size] = 0.0;
        }

        @Override
        void addValue(String raw, long line) {
            if (!parser.parseDouble(raw)) {
                throw invalid(line, raw, "is not a finite number" + syntaxHint(parser.syntax()),
                        "correct the value, declare the column as text, or add the spelling to missing_markers"
                                + decimalCommaHint(parser.syntax(), raw));
            }
            ensure();
            values[size] = parser.doubleValue();
            if (bounds != null) {
                bounds.check(parser.doubleValue(), raw, line);
            }
        }

        private void ensure() {
            if (size == values.length) {
                values = Arrays.copyOf(values, grow(values.length));
            }
        }

        @Override
        Column build() {
            return new RealColumn(name, Arrays.copyOf(values, size), missing);
        }

        @Override
        void collectWarnings(List<String> warnings) {
            super.collectWarnings(warnings);
            if (bounds != null) {
                bounds.collect(warnings);
            }
        }
    }

    private static String syntaxHint(NumberSyntax syntax) {
        return syntax.isPlain() ? "" : " with " + syntax.describe();
    }

    /** Suggests declaring a decimal comma for a plain-syntax column whose value looks like one. */
    private static String decimalCommaHint(NumberSyntax syntax, String raw) {
        return syntax.isPlain() && raw.indexOf(',') >= 0
                ? "; if the file writes numbers with a decimal comma, declare it (CsvOptions decimal separator ',' or"
                        + " describe --decimal-comma)" : "";
    }

    /**
     * Categorical column over a dictionary. With a declared domain the dictionary is the declared categories in
     * declared order and any other value is rejected, unless {@code extend} allows appending it with a warning.
     */
    static final class Categories extends ColumnBuilder {
        private final Map<String, Integer> codeByLevel = new HashMap<>();
        private final List<String> levels;
        private final boolean extend;
        private final boolean declared;
        private final Map<String, Long> added = new java.util.LinkedHashMap<>();
        private long firstAddedLine;
        private int[] codes;

        Categories(String name, int position, Path file, Set<String> markers, boolean nullable,
                   List<String> categories, boolean extend, boolean declared, int expectedRows) {
            super(name, position, file, markers, nullable);
            this.levels = new ArrayList<>(categories);
            for (int i = 0; i < levels.size(); i++) {
                codeByLevel.put(levels.get(i), i);
            }
            this.extend = extend;
            this.declared = declared;
            this.codes = new int[initialCapacity(expectedRows)];
        }

        @Override
        void addMissing() {
            ensure();
            codes[size] = CategoricalColumn.MISSING;
        }

        @Override
        void addValue(String raw, long line) {
            Integer code = codeByLevel.get(raw);
            if (code == null) {
                if (!extend) {
                    throw invalid(line, raw, "is not one of the declared categories " + preview(levels),
                            "add it to the column's categories in the schema, correct the value, or add it to "
                                    + "missing_markers");
                }
                code = levels.size();
                levels.add(raw);
                codeByLevel.put(raw, code);
                if (added.isEmpty()) {
                    firstAddedLine = line;
                }
                added.put(raw, 0L);
            }
            if (!added.isEmpty() && added.containsKey(raw)) {
                added.merge(raw, 1L, Long::sum);
            }
            ensure();
            codes[size] = code;
        }

        private void ensure() {
            if (size == codes.length) {
                codes = Arrays.copyOf(codes, grow(codes.length));
            }
        }

        @Override
        Column build() {
            return new CategoricalColumn(name, Arrays.copyOf(codes, size), levels);
        }

        @Override
        void collectWarnings(List<String> warnings) {
            super.collectWarnings(warnings);
            if (!added.isEmpty() && declared) {
                warnings.add(file + ": column '" + name + "' has " + added.size() + " value"
                        + (added.size() == 1 ? "" : "s") + " outside the declared categories (first on line "
                        + firstAddedLine + "): " + preview(new ArrayList<>(added.keySet()))
                        + "; they were added to the column's dictionary");
            }
        }

        private static String preview(List<String> values) {
            if (values.size() <= 12) {
                return values.toString();
            }
            return values.subList(0, 12).toString().replace("]", ", ... (" + values.size() + " in all)]");
        }
    }

    /** Boolean column in the common spellings; it keeps the first spelling seen for each side. */
    static final class Booleans extends ColumnBuilder {
        private final BitSet values = new BitSet();
        private String trueSpelling;
        private String falseSpelling;

        Booleans(String name, int position, Path file, Set<String> markers, boolean nullable) {
            super(name, position, file, markers, nullable);
        }

        @Override
        void addMissing() {
            // The value bit stays clear; the missing mask marks the row.
        }

        @Override
        void addValue(String raw, long line) {
            String value = raw.strip();
            int kind = BooleanSpellings.classify(value);
            if (kind == BooleanSpellings.NEITHER) {
                throw invalid(line, raw, "is not a boolean (true/false, yes/no, y/n, t/f)",
                        "correct the value, declare the column as categorical, or add it to missing_markers");
            }
            if (kind == BooleanSpellings.TRUE) {
                values.set(size);
                if (trueSpelling == null) {
                    trueSpelling = value;
                }
            } else if (falseSpelling == null) {
                falseSpelling = value;
            }
        }

        @Override
        Column build() {
            String trueText = trueSpelling != null ? trueSpelling
                    : falseSpelling != null ? BooleanSpellings.partner(falseSpelling) : "true";
            String falseText = falseSpelling != null ? falseSpelling : BooleanSpellings.partner(trueText);
            return new BooleanColumn(name, size, values, missing, trueText, falseText);
        }
    }

    /** ISO dates stored as epoch days. */
    static final class Dates extends ColumnBuilder {
        private int[] days;

        Dates(String name, int position, Path file, Set<String> markers, boolean nullable, int expectedRows) {
            super(name, position, file, markers, nullable);
            this.days = new int[initialCapacity(expectedRows)];
        }

        @Override
        void addMissing() {
            ensure();
            days[size] = 0;
        }

        @Override
        void addValue(String raw, long line) {
            int day = IsoDateTimes.parseDate(raw);
            if (day == IsoDateTimes.NOT_A_DATE) {
                throw invalid(line, raw, "is not an ISO date (yyyy-MM-dd)",
                        "write dates as yyyy-MM-dd, declare the column as text, or add the value to missing_markers");
            }
            ensure();
            days[size] = day;
        }

        private void ensure() {
            if (size == days.length) {
                days = Arrays.copyOf(days, grow(days.length));
            }
        }

        @Override
        Column build() {
            return new DateColumn(name, Arrays.copyOf(days, size), missing, DateTimeFormatter.ISO_LOCAL_DATE);
        }
    }

    /** ISO timestamps stored as epoch milliseconds in UTC; offsets are converted and reported. */
    static final class DateTimes extends ColumnBuilder {
        private final IsoDateTimes.Parsed parsed = new IsoDateTimes.Parsed();
        private final Set<String> offsets = new TreeSet<>();
        private long[] millis;
        private char separator;
        private boolean fraction;
        private long withOffset;
        private long withoutOffset;

        DateTimes(String name, int position, Path file, Set<String> markers, boolean nullable, int expectedRows) {
            super(name, position, file, markers, nullable);
            this.millis = new long[initialCapacity(expectedRows)];
        }

        @Override
        void addMissing() {
            ensure();
            millis[size] = 0;
        }

        @Override
        void addValue(String raw, long line) {
            if (!IsoDateTimes.parseDateTime(raw, parsed)) {
                throw invalid(line, raw, "is not an ISO timestamp (yyyy-MM-dd HH:mm[:ss[.fff]] with optional "
                        + "offset)", "correct the value, declare the column as text, or add it to missing_markers");
            }
            if (separator == 0) {
                separator = parsed.separator;
            }
            fraction |= parsed.hasFraction;
            if (parsed.hasOffset) {
                withOffset++;
                if (offsets.size() < 8) {
                    offsets.add(parsed.zulu ? "Z" : IsoDateTimes.formatOffset(parsed.offsetSeconds));
                }
            } else {
                withoutOffset++;
            }
            ensure();
            millis[size] = parsed.epochMillis;
        }

        private void ensure() {
            if (size == millis.length) {
                millis = Arrays.copyOf(millis, grow(millis.length));
            }
        }

        @Override
        Column build() {
            DateTimeFormatter formatter = IsoDateTimes.formatterFor(separator == 0 ? ' ' : separator, fraction,
                    withOffset > 0);
            return new DateTimeColumn(name, Arrays.copyOf(millis, size), missing, formatter);
        }

        @Override
        void collectWarnings(List<String> warnings) {
            super.collectWarnings(warnings);
            boolean onlyUtc = offsets.size() == 1 && (offsets.contains("Z") || offsets.contains("+00:00"));
            if (withOffset > 0 && !onlyUtc) {
                warnings.add(file + ": column '" + name + "': " + withOffset + " timestamp" + (withOffset == 1 ? "" : "s")
                        + " with UTC offsets " + offsets + " were converted to UTC and are written with 'Z'");
            }
            if (withOffset > 0 && withoutOffset > 0) {
                warnings.add(file + ": column '" + name + "': " + withoutOffset + " timestamps have no UTC offset and "
                        + "were taken as UTC, while " + withOffset + " have one; write every value with an offset");
            }
        }
    }

    /** Free text or identifiers, kept exactly as written. */
    static final class Texts extends ColumnBuilder {
        private String[] values;

        Texts(String name, int position, Path file, Set<String> markers, boolean nullable, int expectedRows) {
            super(name, position, file, markers, nullable);
            this.values = new String[initialCapacity(expectedRows)];
        }

        @Override
        void addMissing() {
            ensure();
            values[size] = null;
        }

        @Override
        void addValue(String raw, long line) {
            ensure();
            values[size] = raw;
        }

        private void ensure() {
            if (size == values.length) {
                values = Arrays.copyOf(values, grow(values.length));
            }
        }

        @Override
        Column build() {
            return new TextColumn(name, Arrays.copyOf(values, size));
        }
    }

    /** Counts values outside declared bounds; generators clip them, so this is a warning, not an error. */
    static final class BoundsCheck {
        private final String column;
        private final Path file;
        private final double lower;
        private final double upper;
        private long outside;
        private String firstValue;
        private long firstLine;

        BoundsCheck(String column, Path file, double lower, double upper) {
            this.column = column;
            this.file = file;
            this.lower = lower;
            this.upper = upper;
        }

        void check(double value, String raw, long line) {
            if (value < lower || value > upper) {
                if (outside == 0) {
                    firstValue = raw;
                    firstLine = line;
                }
                outside++;
            }
        }

        void collect(List<String> warnings) {
            if (outside > 0) {
                warnings.add(file + ": column '" + column + "' has " + outside + " value" + (outside == 1 ? "" : "s")
                        + " outside the declared bounds [" + format(lower) + ", " + format(upper) + "], first '"
                        + abbreviate(firstValue) + "' on line " + firstLine
                        + "; generators clip them to the bounds, so widen the bounds if these values are real");
            }
        }

        private static String format(double value) {
            return value == Math.rint(value) && Math.abs(value) < 1e15 ? Long.toString((long) value)
                    : Double.toString(value);
        }
    }
}
