package org.synthtrust.app.project;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** Where a candidate is in the run queue. */
public enum CandidateStatus {
    QUEUED, RUNNING, FINISHED, FAILED, CANCELLED;

    @JsonValue
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }
}
