package org.synthtrust.core.privacy;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.util.List;

/**
 * An immutable JSON view of a {@link PrivacyLedger}, stored in model provenance and reports.
 *
 * @param budget the target (epsilon, delta)
 * @param entries every mechanism invocation, in order
 * @param totalEpsilon the composed total at {@code delta}
 * @param delta the delta of the total
 * @param testMode true for a seeded run, whose outputs are not private
 * @param accounting "none", "pure_epsilon", "zcdp" or "rdp": the common currency of the composition
 * @param privacy {@link DpRandom#NOT_PRIVATE_LABEL} in test mode, otherwise the private label
 * @param notes caveats a report must show, such as the floating-point caveat of DP-SGD noise
 */
public record LedgerSnapshot(Budget budget, List<LedgerEntry> entries,
                             @JsonProperty("total_epsilon") double totalEpsilon, double delta,
                             @JsonProperty("test_mode") boolean testMode, String accounting, String privacy,
                             List<String> notes) {

    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    public LedgerSnapshot {
        entries = List.copyOf(entries);
        notes = List.copyOf(notes);
    }

    /** The target budget as written to JSON. */
    public record Budget(double epsilon, double delta) {
    }

    public String toJson() {
        try {
            return MAPPER.writeValueAsString(this);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("ledger snapshot could not be written as JSON", e);
        }
    }

    /** Parses a snapshot written by {@link #toJson()}. */
    public static LedgerSnapshot fromJson(String json) {
        try {
            return MAPPER.readValue(json, LedgerSnapshot.class);
        } catch (JsonProcessingException e) {
            throw new org.synthtrust.core.InvalidInputException("invalid privacy ledger JSON at line "
                    + (e.getLocation() == null ? "?" : e.getLocation().getLineNr()) + ": " + e.getOriginalMessage(),
                    e);
        }
    }
}
