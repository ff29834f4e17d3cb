package org.synthtrust.audit;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import org.synthtrust.core.schema.Schema;

/**
 * Where an audit's numbers come from: the tool version, when it ran, SHA-256 hashes of the input files
 * (role or candidate name to hash; empty when the tables were built in memory), the schema, the version of
 * every metric definition and the settings including the seed. {@code audit.json} stays with the analyst, so
 * it may name the private input's hash; released reports do not copy it.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record AuditProvenance(
        @JsonProperty("tool_version") String toolVersion,
        @JsonProperty("created_at") String createdAt,
        @JsonProperty("input_sha256") Map<String, String> inputSha256,
        Schema schema,
        @JsonProperty("metric_versions") Map<String, String> metricVersions,
        AuditSettings settings) {

    /** Returns the hex SHA-256 of a file's bytes. */
    public static String sha256(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            byte[] buffer = new byte[1 << 16];
            int read;
            while ((read = in.read(buffer)) > 0) {
                digest.update(buffer, 0, read);
            }
            return HexFormat.of().formatHex(digest.digest());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException("cannot read " + file + " to hash it: " + e.getMessage(), e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this Java runtime", e);
        }
    }

    public AuditProvenance withInputs(Map<String, String> hashes) {
        return new AuditProvenance(toolVersion, createdAt, Map.copyOf(hashes), schema, metricVersions, settings);
    }
}
