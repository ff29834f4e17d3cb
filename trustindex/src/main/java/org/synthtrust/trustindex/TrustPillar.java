package org.synthtrust.trustindex;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;
import org.synthtrust.audit.Pillar;
import org.synthtrust.core.InvalidInputException;

/**
 * Pillars of the trust index: the four audit pillars plus robustness, which the trust index derives from the
 * spread of the pillar scores across repeated private runs of one candidate.
 */
public enum TrustPillar {
    PRIVACY,
    FIDELITY,
    UTILITY,
    FAIRNESS,
    ROBUSTNESS;

    @JsonValue
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static TrustPillar of(Pillar pillar) {
        return valueOf(pillar.name());
    }

    /** Parses a pillar id such as {@code privacy}; the setting name goes into the error message. */
    public static TrustPillar parse(String id, String setting) {
        for (TrustPillar pillar : values()) {
            if (pillar.id().equals(id.trim().toLowerCase(Locale.ROOT))) {
                return pillar;
            }
        }
        throw new InvalidInputException(setting + ": unknown pillar '" + id
                + "'; use privacy, fidelity, utility, fairness or robustness");
    }
}
