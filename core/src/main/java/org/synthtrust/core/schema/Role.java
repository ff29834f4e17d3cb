package org.synthtrust.core.schema;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** Role of a column in modelling and auditing; the JSON spelling is the lower-case name. */
public enum Role {
    /** Direct identifier: excluded from modelling and metrics, regenerated as fresh unique values. */
    IDENTIFIER,
    /** Attribute an attacker may know and link on. */
    QUASI_IDENTIFIER,
    /** Secret attribute that attribute-inference attacks try to learn. */
    SENSITIVE,
    /** Prediction target for utility metrics (train on synthetic, test on real). */
    TARGET,
    /** Attribute whose groups fairness metrics compare. */
    PROTECTED,
    /** Dropped before modelling and auditing. */
    IGNORE;

    @JsonValue
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    @JsonCreator
    public static Role fromId(String id) {
        for (Role role : values()) {
            if (role.id().equals(id)) {
                return role;
            }
        }
        throw new IllegalArgumentException("unknown role '" + id + "'; valid roles are identifier, quasi_identifier, "
                + "sensitive, target, protected, ignore");
    }
}
