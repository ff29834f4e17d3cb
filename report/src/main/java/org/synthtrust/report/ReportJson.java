package org.synthtrust.report;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import org.synthtrust.audit.MetricResult;

/** Writes and reads {@link ReportModel} as JSON with snake_case field names. */
public final class ReportJson {
    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            .enable(SerializationFeature.INDENT_OUTPUT)
            .addMixIn(MetricResult.class, MetricResultFields.class)
            .build();

    /** Keeps the derived {@code isOk()} accessor of MetricResult out of the JSON, so a model round-trips. */
    @JsonIgnoreProperties(value = {"ok"}, ignoreUnknown = true)
    private abstract static class MetricResultFields { }

    private ReportJson() { }

    public static ObjectMapper mapper() {
        return MAPPER;
    }

    public static String toJson(ReportModel model) {
        try {
            return MAPPER.writeValueAsString(model);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Writes the model to {@code file} atomically (temporary file, then move). */
    public static void write(ReportModel model, Path file) {
        Files2.writeAtomically(file, toJson(model).getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    public static ReportModel read(Path file) {
        try {
            return MAPPER.readValue(file.toFile(), ReportModel.class);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read report model " + file + ": " + e.getMessage(), e);
        }
    }
}
