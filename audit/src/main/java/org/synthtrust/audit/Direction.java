package org.synthtrust.audit;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** Whether a larger metric value is better or worse for the candidate. */
public enum Direction {
    HIGHER_IS_BETTER,
    LOWER_IS_BETTER,
    /** Informational values such as a claimed epsilon's raw number or a count; scored by their own rule. */
    NEUTRAL;

    @JsonValue
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }
}
