package org.synthtrust.core.table;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** Storage and value type of a column; the JSON spelling is the lower-case name, as in schema files. */
public enum ColumnType {
    CATEGORICAL,
    INTEGER,
    REAL,
    BOOLEAN,
    DATE,
    DATETIME,
    TEXT;

    @JsonValue
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Parses a schema spelling such as {@code "integer"}; returns null for an unknown name. */
    public static ColumnType fromId(String id) {
        for (ColumnType type : values()) {
            if (type.id().equals(id)) {
                return type;
            }
        }
        return null;
    }

    /** True for types whose values are ordered numbers (dates and timestamps count as instants). */
    public boolean isNumeric() {
        return this == INTEGER || this == REAL || this == DATE || this == DATETIME;
    }
}
