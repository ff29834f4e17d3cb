package org.synthtrust.core.schema;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import org.synthtrust.core.table.ColumnType;

/**
 * Declared type, roles and public domain of one column. The domain ({@code categories}, or {@code bounds}
 * with {@code bins}, and {@code nullable}) is a public input; {@code inferredFromData} marks a domain that was
 * read from the data instead, which no DP guarantee covers.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ColumnSpec(
        ColumnType type,
        List<Role> roles,
        Boolean nullable,
        List<String> categories,
        List<Double> bounds,
        Bins bins,
        String positive,
        @JsonProperty("missing_markers") List<String> missingMarkers,
        @JsonProperty("inferred_from_data") Boolean inferredFromData) {

    public ColumnSpec {
        roles = roles == null ? List.of() : List.copyOf(roles);
    }

    public boolean hasRole(Role role) {
        return roles.contains(role);
    }

    /** True when the column takes no part in modelling or metrics (identifier or ignore role). */
    @JsonIgnore
    public boolean isExcluded() {
        return roles.contains(Role.IDENTIFIER) || roles.contains(Role.IGNORE);
    }

    @JsonIgnore
    public boolean isNullable() {
        return Boolean.TRUE.equals(nullable);
    }

    @JsonIgnore
    public boolean isInferred() {
        return Boolean.TRUE.equals(inferredFromData);
    }

    @JsonIgnore
    public boolean hasBounds() {
        return bounds != null && bounds.size() == 2;
    }

    @JsonIgnore
    public double lowerBound() {
        return bounds.get(0);
    }

    @JsonIgnore
    public double upperBound() {
        return bounds.get(1);
    }
}
