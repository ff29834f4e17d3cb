package org.synthtrust.audit;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.synthtrust.core.InvalidInputException;

/**
 * Every metric result of one audit run, as stored in {@code audit.json}: the provenance, the candidate names
 * in input order, per-candidate notes (columns left out or unmatched) and the results, grouped by candidate
 * in suite order.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record AuditResult(AuditProvenance provenance, List<String> candidates, Map<String, List<String>> notes,
                          List<MetricResult> results) {

    private static final ObjectMapper MAPPER = new ObjectMapper()
            .enable(SerializationFeature.INDENT_OUTPUT)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    public AuditResult {
        candidates = List.copyOf(candidates);
        notes = notes == null ? Map.of() : Map.copyOf(notes);
        results = List.copyOf(results);
    }

    /** Returns the results of one candidate in suite order. */
    public List<MetricResult> resultsFor(String candidate) {
        return results.stream().filter(r -> r.candidate().equals(candidate)).toList();
    }

    /** Returns the result with this id for this candidate, if the suite produced one. */
    public Optional<MetricResult> find(String candidate, String id) {
        return results.stream().filter(r -> r.candidate().equals(candidate) && r.id().equals(id)).findFirst();
    }

    public AuditResult withProvenance(AuditProvenance newProvenance) {
        return new AuditResult(newProvenance, candidates, notes, results);
    }

    @JsonIgnore
    public String toJson() {
        try {
            return MAPPER.writeValueAsString(this);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot serialise the audit result: " + e.getMessage(), e);
        }
    }

    public static AuditResult fromJson(String json) {
        try {
            return MAPPER.readValue(json, AuditResult.class);
        } catch (IOException e) {
            throw new InvalidInputException("invalid audit result JSON: " + e.getMessage(), e);
        }
    }

    /** Writes the JSON to {@code file} atomically: a temporary file in the same folder, then a rename. */
    public void write(Path file) {
        try {
            Path parent = file.toAbsolutePath().getParent();
            Files.createDirectories(parent);
            Path temp = Files.createTempFile(parent, file.getFileName().toString(), ".tmp");
            try {
                Files.writeString(temp, toJson());
                try {
                    Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
                } catch (AtomicMoveNotSupportedException e) {
                    Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING);
                }
            } finally {
                Files.deleteIfExists(temp);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
        }
    }

    /** Reads an {@code audit.json}; a malformed file raises {@link InvalidInputException} naming it. */
    public static AuditResult read(Path file) {
        try {
            return MAPPER.readValue(file.toFile(), AuditResult.class);
        } catch (IOException e) {
            throw new InvalidInputException("cannot read audit result " + file + ": " + e.getMessage(), e);
        }
    }
}
