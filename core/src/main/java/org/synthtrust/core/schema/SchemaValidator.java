package org.synthtrust.core.schema;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.synthtrust.core.InvalidInputException;
import org.synthtrust.core.table.ColumnType;

/**
 * Checks the rules of the schema format that JSON typing cannot express. Every column needs a type, and its
 * domain must fit that type: bounds with lower below upper, exactly one form of bins, distinct categories
 * and a positive class that is one of them. Messages name the key path and the fix.
 */
public final class SchemaValidator {
    private SchemaValidator() {
    }

    /** Validates a schema; {@code source} names the file in messages. */
    public static void validate(Schema schema, String source) {
        if (schema.columns().isEmpty()) {
            throw invalid(source, "columns", "declares no columns; list each column of the table under \"columns\"");
        }
        checkMarkers(schema.missingMarkers(), "missing_markers", source);
        for (Map.Entry<String, ColumnSpec> entry : schema.columns().entrySet()) {
            String path = "columns." + entry.getKey();
            if (entry.getKey().isEmpty()) {
                throw invalid(source, "columns", "contains an empty column name; use the name from the CSV header");
            }
            if (entry.getValue() == null) {
                throw invalid(source, path, "is null; give an object with at least a \"type\"");
            }
            validateColumn(entry.getValue(), path, source);
        }
    }

    private static void validateColumn(ColumnSpec spec, String path, String source) {
        ColumnType type = spec.type();
        if (type == null) {
            throw invalid(source, path + ".type", "is missing; use one of categorical, integer, real, boolean, date, "
                    + "datetime, text");
        }
        checkRoles(spec.roles(), path + ".roles", source);
        checkMarkers(spec.missingMarkers(), path + ".missing_markers", source);
        checkCategories(spec, path, source);
        checkBounds(spec, path, source);
        checkBins(spec, path, source);
        checkPositive(spec, path, source);
    }

    private static void checkRoles(List<Role> roles, String path, String source) {
        Set<Role> seen = new HashSet<>();
        for (int i = 0; i < roles.size(); i++) {
            if (roles.get(i) == null) {
                throw invalid(source, path + "[" + i + "]", "is null; use a role name");
            }
            if (!seen.add(roles.get(i))) {
                throw invalid(source, path + "[" + i + "]", "repeats role '" + roles.get(i).id() + "'; list it once");
            }
        }
    }

    private static void checkMarkers(List<String> markers, String path, String source) {
        if (markers == null) {
            return;
        }
        for (int i = 0; i < markers.size(); i++) {
            if (markers.get(i) == null) {
                throw invalid(source, path + "[" + i + "]", "is null; write the marker as a string, \"\" for empty");
            }
        }
    }

    private static void checkCategories(ColumnSpec spec, String path, String source) {
        List<String> categories = spec.categories();
        if (categories == null) {
            return;
        }
        if (spec.type() != ColumnType.CATEGORICAL) {
            throw invalid(source, path + ".categories", "is only allowed for type categorical, but the type is "
                    + spec.type().id() + "; remove it or change the type");
        }
        if (categories.isEmpty()) {
            throw invalid(source, path + ".categories", "is empty; list at least one category");
        }
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < categories.size(); i++) {
            String category = categories.get(i);
            if (category == null) {
                throw invalid(source, path + ".categories[" + i + "]", "is null; write each category as a string");
            }
            if (!seen.add(category)) {
                throw invalid(source, path + ".categories[" + i + "]", "repeats category '" + category
                        + "'; list each category once");
            }
        }
    }

    private static void checkBounds(ColumnSpec spec, String path, String source) {
        List<Double> bounds = spec.bounds();
        if (bounds == null) {
            return;
        }
        if (spec.type() != ColumnType.INTEGER && spec.type() != ColumnType.REAL) {
            throw invalid(source, path + ".bounds", "is only allowed for integer and real columns, but the type is "
                    + spec.type().id() + "; remove it or change the type");
        }
        if (bounds.size() != 2) {
            throw invalid(source, path + ".bounds", "has " + bounds.size() + " values; write [lower, upper]");
        }
        for (int i = 0; i < 2; i++) {
            if (bounds.get(i) == null || !Double.isFinite(bounds.get(i))) {
                throw invalid(source, path + ".bounds[" + i + "]", "must be a finite number, got " + bounds.get(i));
            }
        }
        if (!(bounds.get(0) < bounds.get(1))) {
            throw invalid(source, path + ".bounds", "has lower " + format(bounds.get(0)) + " not below upper "
                    + format(bounds.get(1)) + "; write [lower, upper] with lower < upper");
        }
    }

    private static void checkBins(ColumnSpec spec, String path, String source) {
        Bins bins = spec.bins();
        if (bins == null) {
            return;
        }
        String binsPath = path + ".bins";
        if (spec.type() != ColumnType.INTEGER && spec.type() != ColumnType.REAL) {
            throw invalid(source, binsPath, "is only allowed for integer and real columns, but the type is "
                    + spec.type().id());
        }
        int forms = (bins.width() != null ? 1 : 0) + (bins.count() != null ? 1 : 0) + (bins.edges() != null ? 1 : 0)
                + (bins.quantiles() != null ? 1 : 0);
        if (forms != 1) {
            throw invalid(source, binsPath, "gives " + forms + " forms; give exactly one of width, count, edges, "
                    + "quantiles");
        }
        if ((bins.width() != null || bins.count() != null) && !spec.hasBounds()) {
            throw invalid(source, binsPath, "uses " + (bins.width() != null ? "width" : "count")
                    + ", which needs bounds; add \"bounds\": [lower, upper] to the column");
        }
        if (bins.width() != null && !(bins.width() > 0 && Double.isFinite(bins.width()))) {
            throw invalid(source, binsPath + ".width", "must be a positive number, got " + bins.width());
        }
        if (bins.count() != null && bins.count() < 1) {
            throw invalid(source, binsPath + ".count", "must be at least 1, got " + bins.count());
        }
        if (bins.quantiles() != null && bins.quantiles() < 2) {
            throw invalid(source, binsPath + ".quantiles", "must be at least 2, got " + bins.quantiles());
        }
        if (bins.edges() != null) {
            checkEdges(bins.edges(), spec, binsPath + ".edges", source);
        }
    }

    private static void checkEdges(List<Double> edges, ColumnSpec spec, String path, String source) {
        if (edges.size() < 2) {
            throw invalid(source, path, "has " + edges.size() + " edges; give at least 2");
        }
        for (int i = 0; i < edges.size(); i++) {
            Double edge = edges.get(i);
            if (edge == null || !Double.isFinite(edge)) {
                throw invalid(source, path + "[" + i + "]", "must be a finite number, got " + edge);
            }
            if (i > 0 && !(edges.get(i - 1) < edge)) {
                throw invalid(source, path + "[" + i + "]", "is " + format(edge) + ", not above the previous edge "
                        + format(edges.get(i - 1)) + "; list edges in increasing order");
            }
        }
        if (spec.hasBounds() && (edges.get(0) > spec.lowerBound() || edges.get(edges.size() - 1) < spec.upperBound())) {
            throw invalid(source, path, "covers [" + format(edges.get(0)) + ", " + format(edges.get(edges.size() - 1))
                    + "], which does not contain the bounds [" + format(spec.lowerBound()) + ", "
                    + format(spec.upperBound()) + "]; widen the first or last edge");
        }
    }

    private static void checkPositive(ColumnSpec spec, String path, String source) {
        if (spec.positive() == null) {
            return;
        }
        if (spec.type() == ColumnType.BOOLEAN) {
            return;
        }
        if (spec.categories() == null) {
            throw invalid(source, path + ".positive", "needs a categorical column with categories; add "
                    + "\"categories\" or remove \"positive\"");
        }
        if (!spec.categories().contains(spec.positive())) {
            throw invalid(source, path + ".positive", "is '" + spec.positive() + "', which is not one of the categories "
                    + spec.categories() + "; use one of them");
        }
    }

    private static String format(double value) {
        return value == Math.rint(value) && Math.abs(value) < 1e15 ? Long.toString((long) value) : Double.toString(value);
    }

    private static InvalidInputException invalid(String source, String path, String problem) {
        return new InvalidInputException(path + " " + problem + " (schema " + source + ")");
    }
}
