package org.synthtrust.trustindex;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;
import org.synthtrust.core.InvalidInputException;

/**
 * Mapping from a metric value to a score in [0, 1].
 *
 * <p>{@link #ABSOLUTE} applies the per-metric rule of {@link ScoreRules}, so a score does not depend on the
 * other candidates. {@link #RELATIVE} follows Belgodere et al. (2023), "Auditing and Generating Synthetic Data
 * with Controllable Trust Trade-offs": each metric, oriented so that higher is better, is replaced by its
 * empirical CDF over the candidates being compared, using mid-ranks {@code (rank - 0.5) / N} so the worst
 * candidate scores {@code 0.5 / N} and not 0 (a 0 would zero every geometric mean). Relative scores change
 * when the pool of candidates changes.
 */
public enum Normalisation {
    ABSOLUTE,
    RELATIVE;

    @JsonValue
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    @JsonCreator
    public static Normalisation parse(String id) {
        for (Normalisation value : values()) {
            if (value.id().equals(id.trim().toLowerCase(Locale.ROOT))) {
                return value;
            }
        }
        throw new InvalidInputException("normalisation: unknown value '" + id + "'; use absolute or relative");
    }
}
