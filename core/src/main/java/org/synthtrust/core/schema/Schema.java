package org.synthtrust.core.schema;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Column types, roles and public domains of a table, in the schema file format: a {@code columns} object
 * in column order and the file-level {@code missing_markers}.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Schema(
        @JsonProperty("missing_markers") List<String> missingMarkers,
        Map<String, ColumnSpec> columns) {

    /** Default missing-value markers when a schema declares none. */
    public static final List<String> DEFAULT_MISSING_MARKERS = List.of("", "NA", "N/A", "null", "?");

    public Schema {
        missingMarkers = missingMarkers == null ? DEFAULT_MISSING_MARKERS : List.copyOf(missingMarkers);
        columns = columns == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(columns));
    }

    /** Returns the spec of a column, or null when the schema does not list it. */
    public ColumnSpec spec(String column) {
        return columns.get(column);
    }

    /** Returns the names of columns that carry a role, in schema order. */
    public List<String> columnsWithRole(Role role) {
        List<String> names = new ArrayList<>();
        for (Map.Entry<String, ColumnSpec> entry : columns.entrySet()) {
            if (entry.getValue().hasRole(role)) {
                names.add(entry.getKey());
            }
        }
        return names;
    }

    /** Returns the names of columns that take part in modelling and metrics (not identifier or ignore). */
    public List<String> modelledColumns() {
        List<String> names = new ArrayList<>();
        for (Map.Entry<String, ColumnSpec> entry : columns.entrySet()) {
            if (!entry.getValue().isExcluded()) {
                names.add(entry.getKey());
            }
        }
        return names;
    }
}
