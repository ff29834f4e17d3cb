package org.synthtrust.generators;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import org.synthtrust.core.schema.Schema;

/**
 * Provenance of a fitted model. It is released with the model, so it carries no fact about the private
 * table beyond what the ledger released: no row count, no raw counts of clipped values, no hash of the input.
 *
 * @param method synthesizer id
 * @param parameters resolved parameter values
 * @param epsilon budget epsilon
 * @param delta budget delta
 * @param ledger the ledger snapshot (every mechanism, query, noise scale and cost)
 * @param isPrivate false for a seeded test run, whose output is not differentially private
 * @param uncoveredColumns columns whose domain was read from the data, which the DP guarantee does not cover
 * @param notices plain sentences about the run a reader must know (test mode, caps that bound)
 * @param schema the schema the model was fitted with
 * @param libraryVersion SynthTrust version that fitted the model
 */
public record ModelProvenance(
        String method,
        Map<String, String> parameters,
        double epsilon,
        double delta,
        JsonNode ledger,
        @JsonProperty("private") boolean isPrivate,
        @JsonProperty("uncovered_columns") List<String> uncoveredColumns,
        List<String> notices,
        Schema schema,
        @JsonProperty("library_version") String libraryVersion) {

    /** Returns the running library version from the jar manifest, or {@code development} outside a jar. */
    public static String currentVersion() {
        String version = ModelProvenance.class.getPackage().getImplementationVersion();
        return version == null ? "development" : version;
    }
}
