package org.synthtrust.app.project;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.synthtrust.audit.MetricResult;
import org.synthtrust.core.InvalidInputException;

/** Reads the stored metric results of a project ({@code audit.json}, a {@code results} array of metric results). */
final class AuditFile {
    private AuditFile() {
    }

    static List<MetricResult> read(Path file) {
        if (!Files.isRegularFile(file)) {
            return List.of();
        }
        try {
            JsonNode root = ProjectStore.JSON.readTree(file.toFile());
            JsonNode results = root.isArray() ? root : root.path("results");
            List<MetricResult> list = new ArrayList<>();
            for (JsonNode node : results) {
                list.add(ProjectStore.JSON.treeToValue(node, MetricResult.class));
            }
            return list;
        } catch (IOException e) {
            throw new InvalidInputException("cannot read " + file + ": " + e.getMessage()
                    + "; delete the file to audit again", e);
        }
    }
}
