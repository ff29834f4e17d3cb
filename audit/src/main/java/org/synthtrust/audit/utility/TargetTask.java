package org.synthtrust.audit.utility;

import java.util.ArrayList;
import java.util.List;
import org.synthtrust.audit.Alignment;
import org.synthtrust.audit.Alignment.AlignedColumn;
import org.synthtrust.audit.AuditContext;
import org.synthtrust.audit.CategoryDictionary;
import org.synthtrust.core.schema.Role;
import org.synthtrust.core.table.Column;

/**
 * The prediction task defined by the schema's target column: binary classification of the {@code positive}
 * class against the rest, or regression for a numeric target. {@link #problem()} is non-null when there is
 * no usable task, and gives the reason.
 */
public final class TargetTask {
    private final AlignedColumn target;
    private final List<AlignedColumn> features;
    private final boolean regression;
    private final int positiveCode;
    private final String positiveLabel;
    private final String problem;
    private final String note;

    private TargetTask(AlignedColumn target, List<AlignedColumn> features, boolean regression, int positiveCode,
                       String positiveLabel, String problem, String note) {
        this.target = target;
        this.features = features;
        this.regression = regression;
        this.positiveCode = positiveCode;
        this.positiveLabel = positiveLabel;
        this.problem = problem;
        this.note = note;
    }

    private static TargetTask problem(String problem) {
        return new TargetTask(null, List.of(), false, -1, null, problem, null);
    }

    public static TargetTask of(AuditContext ctx) {
        List<String> targets = ctx.schema().columnsWithRole(Role.TARGET);
        if (targets.isEmpty()) {
            return problem("the schema marks no column with the target role");
        }
        Alignment alignment = Alignment.of(ctx);
        AlignedColumn target = alignment.column(targets.get(0));
        if (target == null) {
            return problem("target column '" + targets.get(0) + "' is not present in both the real and synthetic "
                    + "tables");
        }

        if (!ctx.hasHoldout() || target.holdout() == null) {
            return problem("no holdout table with the target column '" + target.name() + "' to test on");
        }

        List<AlignedColumn> features = new ArrayList<>();
        for (AlignedColumn column : alignment.columns()) {
            if (column != target) {
                features.add(column);
            }
        }

        if (features.isEmpty()) {
            return problem("no feature column besides the target '" + target.name() + "'");
        }

        if (target.isNumeric()) {
            return new TargetTask(target, features, true, -1, null, null, null);
        }
        CategoryDictionary dict = alignment.dictionary(target.name());
        String positive = target.spec() == null ? null : target.spec().positive();
        String note = null;
        if (positive == null) {
            if (dict.realLevelCount() != 2) {
                // TODO: multiclass targets without a declared positive class are not scored yet.
                return problem("target '" + target.name() + "' has " + dict.realLevelCount() + " real classes and "
                        + "no positive class; set \"positive\" for it in the schema");
            }
            positive = dict.levels().get(1);
            note = "no positive class declared for '" + target.name() + "'; using '" + positive + "'";
        }

        int code = dict.levels().indexOf(positive);
        if (code < 0) {
            return problem("positive class '" + positive + "' of target '" + target.name()
                    + "' occurs in no table; check \"positive\" in the schema");
        }
        return new TargetTask(target, features, false, code, positive, null, note);
    }

    public String problem() {
        return problem;
    }

    public String note() {
        return note;
    }

    public AlignedColumn target() {
        return target;
    }

    public List<AlignedColumn> features() {
        return features;
    }

    public boolean isRegression() {
        return regression;
    }

    public String positiveLabel() {
        return positiveLabel;
    }

    /** Rows of a source whose target is present. */
    public int[] labelledRows(AuditContext ctx, Source source) {
        Column column = source.column(target);
        int[] rows = new int[column.size()];
        int n = 0;
        for (int row = 0; row < rows.length; row++) {
            if (!column.isMissing(row)) {
                rows[n++] = row;
            }
        }
        return java.util.Arrays.copyOf(rows, n);
    }

    /** 1 for the positive class, 0 otherwise, for the given rows. */
    public int[] labels(AuditContext ctx, Source source, int[] rows) {
        int[] codes = source.codes(Alignment.of(ctx).dictionary(target.name()));
        int[] y = new int[rows.length];
        for (int k = 0; k < rows.length; k++) {
            y[k] = codes[rows[k]] == positiveCode ? 1 : 0;
        }
        return y;
    }

    public double[] values(Source source, int[] rows) {
        Column column = source.column(target);
        double[] y = new double[rows.length];
        for (int k = 0; k < rows.length; k++) {
            y[k] = column.numericValue(rows[k]);
        }
        return y;
    }

    /** Returns the class label of a source's target when it has one class only, else null. */
    public String singleClass(AuditContext ctx, Source source, int[] rows) {
        int[] codes = source.codes(Alignment.of(ctx).dictionary(target.name()));
        int first = -2;
        for (int row : rows) {
            if (first == -2) {
                first = codes[row];
            } else if (codes[row] != first) {
                return null;
            }
        }
        return first < 0 ? null : Alignment.of(ctx).dictionary(target.name()).levels().get(first);
    }
}
