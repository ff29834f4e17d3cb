package org.synthtrust.audit;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** Outcome of one metric on one candidate; the JSON spelling is the lower-case name. */
public enum MetricStatus {
    /** A value was computed. */
    OK,
    /** The metric is undefined for this data (for example a constant column); left out of scores. */
    NOT_APPLICABLE,
    /** The candidate is defective for this purpose (for example a one-class synthetic target); scored 0. */
    FAILED,
    /** An internal failure; left out of scores and shown as an error. */
    ERROR;

    @JsonValue
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }
}
