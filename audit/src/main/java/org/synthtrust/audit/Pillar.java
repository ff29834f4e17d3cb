package org.synthtrust.audit;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** The audit pillars a metric belongs to; robustness is derived by the trust index from repeats. */
public enum Pillar {
    FIDELITY,
    UTILITY,
    FAIRNESS,
    PRIVACY;

    @JsonValue
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }
}
