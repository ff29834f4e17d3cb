package org.synthtrust.audit;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.WeakHashMap;
import java.util.concurrent.ConcurrentHashMap;
import org.synthtrust.core.schema.ColumnSpec;
import org.synthtrust.core.table.BooleanColumn;
import org.synthtrust.core.table.Column;
import org.synthtrust.core.table.ColumnType;
import org.synthtrust.core.table.Table;

/**
 * Real and synthetic columns matched by name, with identifier and ignore columns left out. Columns the
 * synthetic table lacks, extra synthetic columns and type mismatches are listed in {@link #notes()} rather
 * than failing the audit. Categorical columns share one {@link CategoryDictionary} across train, holdout and
 * synthetic data.
 */
public final class Alignment {

    /** Comparison kind of a column: ordered numbers (integers, reals, dates and timestamps as instants) or categories. */
    public enum Kind { NUMERIC, CATEGORICAL }

    /** One column present in both the real training table and the synthetic table; {@code holdout} may be null. */
    public record AlignedColumn(String name, Kind kind, ColumnSpec spec, Column train, Column holdout,
                                Column synthetic) {
        public boolean isNumeric() {
            return kind == Kind.NUMERIC;
        }

        /** True for a column whose declared type is integer, so binning may truncate synthetic values. */
        public boolean isInteger() {
            return train.type() == ColumnType.INTEGER;
        }
    }

    private static final Map<AuditContext, Alignment> CACHE = Collections.synchronizedMap(new WeakHashMap<>());

    private final List<AlignedColumn> columns;
    private final Map<String, AlignedColumn> byName;
    private final List<String> excluded;
    private final List<String> missingInSynthetic;
    private final List<String> extraInSynthetic;
    private final List<String> missingInHoldout;
    private final List<String> typeMismatches;
    private final Map<String, CategoryDictionary> dictionaries = new ConcurrentHashMap<>();

    private Alignment(AuditContext ctx) {
        List<AlignedColumn> aligned = new ArrayList<>();
        List<String> excludedNames = new ArrayList<>();
        List<String> missing = new ArrayList<>();
        List<String> missingHoldout = new ArrayList<>();
        List<String> mismatches = new ArrayList<>();
        Table train = ctx.train();
        Table synthetic = ctx.synthetic();
        for (Column real : train.columns()) {
            ColumnSpec spec = ctx.schema().spec(real.name());
            if (spec != null && spec.isExcluded()) {
                excludedNames.add(real.name());
                continue;
            }
            Column synth = synthetic.findColumn(real.name()).orElse(null);
            if (synth == null) {
                missing.add(real.name());
                continue;
            }
            Kind kind = kindOf(real);
            if (kind != kindOf(synth)) {
                mismatches.add(real.name() + " (real " + real.type().id() + ", synthetic " + synth.type().id() + ")");
                continue;
            }
            Column hold = null;
            if (ctx.hasHoldout()) {
                hold = ctx.holdout().findColumn(real.name()).orElse(null);
                if (hold == null) {
                    missingHoldout.add(real.name());
                } else if (kindOf(hold) != kind) {
                    mismatches.add(real.name() + " (real " + real.type().id() + ", holdout " + hold.type().id() + ")");
                    hold = null;
                }
            }
            aligned.add(new AlignedColumn(real.name(), kind, spec, real, hold, synth));
        }

        List<String> extra = new ArrayList<>();
        for (String name : synthetic.columnNames()) {
            if (train.indexOf(name) < 0) {
                extra.add(name);
            }
        }
        this.columns = List.copyOf(aligned);
        Map<String, AlignedColumn> index = new LinkedHashMap<>();
        for (AlignedColumn column : aligned) {
            index.put(column.name(), column);
        }
        this.byName = Collections.unmodifiableMap(index);
        this.excluded = List.copyOf(excludedNames);
        this.missingInSynthetic = List.copyOf(missing);
        this.extraInSynthetic = List.copyOf(extra);
        this.missingInHoldout = List.copyOf(missingHoldout);
        this.typeMismatches = List.copyOf(mismatches);
    }

    /** Returns the alignment of a context, computed once per context object and shared by all its metrics. */
    public static Alignment of(AuditContext ctx) {
        synchronized (CACHE) {
            return CACHE.computeIfAbsent(ctx, Alignment::new);
        }
    }

    static Kind kindOf(Column column) {
        return column.type().isNumeric() ? Kind.NUMERIC : Kind.CATEGORICAL;
    }

    /** Compared columns in the real table's order. */
    public List<AlignedColumn> columns() {
        return columns;
    }

    public List<AlignedColumn> numericColumns() {
        return columns.stream().filter(AlignedColumn::isNumeric).toList();
    }

    public AlignedColumn column(String name) {
        return byName.get(name);
    }

    public List<String> excluded() {
        return excluded;
    }

    public List<String> missingInSynthetic() {
        return missingInSynthetic;
    }

    public List<String> extraInSynthetic() {
        return extraInSynthetic;
    }

    public List<String> missingInHoldout() {
        return missingInHoldout;
    }

    public List<String> typeMismatches() {
        return typeMismatches;
    }

    /** Returns the shared dictionary of a categorical column (built on first use). */
    public CategoryDictionary dictionary(String name) {
        AlignedColumn column = byName.get(name);
        if (column == null) {
            throw new IllegalArgumentException("column '" + name + "' is not compared; compared columns are "
                    + byName.keySet());
        }
        return dictionaries.computeIfAbsent(name, key -> CategoryDictionary.build(column));
    }

    /** Human-readable notes on columns left out or not matched, empty when the tables align exactly. */
    public List<String> notes() {
        List<String> notes = new ArrayList<>();
        if (!excluded.isEmpty()) {
            notes.add("identifier or ignore columns left out: " + String.join(", ", excluded));
        }

        if (!missingInSynthetic.isEmpty()) {
            notes.add("columns missing from the synthetic table: " + String.join(", ", missingInSynthetic));
        }

        if (!extraInSynthetic.isEmpty()) {
            notes.add("synthetic columns absent from the real table, ignored: " + String.join(", ", extraInSynthetic));
        }

        if (!missingInHoldout.isEmpty()) {
            notes.add("columns missing from the holdout table: " + String.join(", ", missingInHoldout));
        }

        if (!typeMismatches.isEmpty()) {
            notes.add("columns left out because their types differ: " + String.join(", ", typeMismatches));
        }
        return notes;
    }

    /** Returns the numeric value of every row (NaN when missing): dates as epoch days, timestamps as epoch ms. */
    public static double[] numeric(Column column) {
        double[] values = new double[column.size()];
        for (int row = 0; row < values.length; row++) {
            values[row] = column.numericValue(row);
        }
        return values;
    }

    /** Returns the category label of a row, or null when it is missing; booleans read as "true" or "false". */
    public static String label(Column column, int row) {
        if (column.isMissing(row)) {
            return null;
        }

        if (column instanceof BooleanColumn bool) {
            return bool.value(row) ? "true" : "false";
        }
        return column.format(row);
    }
}
