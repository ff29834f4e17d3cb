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
        @JsonInclude(JsonInclude.Include.NON_EMPTY) List<Role> roles,
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
    /** Starts a spec of the given type with no roles and no domain. */
    public static Builder builder(ColumnType type) {
        return new Builder().type(type);
    }

    /** Returns a builder that starts from this spec, for changing one part of it. */
    public Builder toBuilder() {
        return new Builder().type(type).roles(roles).nullable(nullable).categories(categories).bounds(bounds)
                .bins(bins).positive(positive).missingMarkers(missingMarkers).inferredFromData(inferredFromData);
    }

    /** Mutable builder of a {@link ColumnSpec}; unset parts stay null and are left out of schema files. */
    public static final class Builder {
        private ColumnType type;
        private List<Role> roles = List.of();
        private Boolean nullable;
        private List<String> categories;
        private List<Double> bounds;
        private Bins bins;
        private String positive;
        private List<String> missingMarkers;
        private Boolean inferredFromData;

        public Builder type(ColumnType value) {
            this.type = value;
            return this;
        }

        public Builder roles(List<Role> value) {
            this.roles = value == null ? List.of() : List.copyOf(value);
            return this;
        }

        public Builder addRole(Role role) {
            if (!roles.contains(role)) {
                java.util.ArrayList<Role> extended = new java.util.ArrayList<>(roles);
                extended.add(role);
                roles = List.copyOf(extended);
            }
            return this;
        }

        public Builder nullable(Boolean value) {
            this.nullable = value;
            return this;
        }

        public Builder categories(List<String> value) {
            this.categories = value == null ? null : List.copyOf(value);
            return this;
        }

        public Builder bounds(double lower, double upper) {
            this.bounds = List.of(lower, upper);
            return this;
        }

        public Builder bounds(List<Double> value) {
            this.bounds = value == null ? null : List.copyOf(value);
            return this;
        }

        public Builder bins(Bins value) {
            this.bins = value;
            return this;
        }

        public Builder positive(String value) {
            this.positive = value;
            return this;
        }

        public Builder missingMarkers(List<String> value) {
            this.missingMarkers = value == null ? null : List.copyOf(value);
            return this;
        }

        public Builder inferredFromData(Boolean value) {
            this.inferredFromData = value;
            return this;
        }

        public ColumnSpec build() {
            return new ColumnSpec(type, roles, nullable, categories, bounds, bins, positive, missingMarkers,
                    inferredFromData);
        }
    }
}
