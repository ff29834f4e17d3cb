package org.synthtrust.app.project;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import org.synthtrust.core.InvalidInputException;

/**
 * Reads and writes the files of a project folder: {@code study.json} and the workbench's stored audit results.
 * Writes go to a temporary file in the same folder and are then moved into place, so a crash never leaves a
 * half-written project.
 */
public final class ProjectStore {
    public static final String STUDY_FILE = "study.json";
    public static final String SCHEMA_FILE = "schema.json";
    public static final String AUDIT_FILE = "audit.json";
    public static final String SYNTHETIC_FOLDER = "synthetic";
    public static final String MODELS_FOLDER = "models";

    static final ObjectMapper JSON = new ObjectMapper()
            .enable(SerializationFeature.INDENT_OUTPUT)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private ProjectStore() {
    }

    public static ObjectMapper json() {
        return JSON;
    }

    /** Key of the workbench's own project state inside {@code study.json}. */
    public static final String WORKBENCH_KEY = "workbench";

    /**
     * Writes {@code study.json}: the engine's study record at the top level (what {@code synthtrust rank} and
     * {@code synthtrust report} read, in their snake_case layout) and the workbench's project state under
     * {@value #WORKBENCH_KEY}, which the engine ignores.
     */
    public static void writeStudy(Path folder, org.synthtrust.trustindex.study.StudyRecord record, ProjectFile study) {
        com.fasterxml.jackson.databind.node.ObjectNode root =
                org.synthtrust.trustindex.study.StudyJson.MAPPER.valueToTree(record);
        root.set(WORKBENCH_KEY, JSON.valueToTree(study));
        writeJson(folder.resolve(STUDY_FILE), root);
    }

    public static ProjectFile readStudy(Path folder) {
        Path file = folder.resolve(STUDY_FILE);
        if (!Files.isRegularFile(file)) {
            throw new InvalidInputException("'" + folder + "' is not a project folder: it has no " + STUDY_FILE
                    + "; choose a folder saved by File > Save project");
        }
        try {
            com.fasterxml.jackson.databind.JsonNode root = JSON.readTree(file.toFile());
            // Projects saved before the engine's study record was added contain the project state at the top level.
            com.fasterxml.jackson.databind.JsonNode state = root.has(WORKBENCH_KEY) ? root.get(WORKBENCH_KEY) : root;
            return JSON.treeToValue(state, ProjectFile.class);
        } catch (IOException e) {
            throw new InvalidInputException("cannot read " + file + ": " + e.getMessage()
                    + "; fix the JSON or save the project again", e);
        }
    }

    /** Writes any Jackson-mappable value as indented JSON through a temporary file and an atomic move. */
    public static void writeJson(Path file, Object value) {
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            Path temporary = Files.createTempFile(file.toAbsolutePath().getParent(), ".write-", ".tmp");
            try {
                JSON.writeValue(temporary.toFile(), value);
                moveIntoPlace(temporary, file);
            } finally {
                Files.deleteIfExists(temporary);
            }
        } catch (IOException e) {
            throw new InvalidInputException("cannot write " + file + ": " + e.getMessage()
                    + "; check that the folder exists and is writable", e);
        }
    }

    /** Creates a folder and its parents when missing; returns it. */
    public static Path createFolder(Path folder) {
        try {
            return Files.createDirectories(folder);
        } catch (IOException e) {
            throw new InvalidInputException("cannot create folder " + folder + ": " + e.getMessage()
                    + "; check the permissions of the project folder", e);
        }
    }

    static void moveIntoPlace(Path temporary, Path target) throws IOException {
        try {
            Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    /** Returns the path as written in study.json: relative to the folder when inside it, else absolute. */
    public static String relativize(Path folder, Path file) {
        Path absoluteFolder = folder.toAbsolutePath().normalize();
        Path absoluteFile = file.toAbsolutePath().normalize();
        if (absoluteFile.startsWith(absoluteFolder)) {
            return absoluteFolder.relativize(absoluteFile).toString();
        }
        return absoluteFile.toString();
    }

    public static Path resolve(Path folder, String path) {
        return path == null ? null : folder.resolve(path).normalize();
    }

    /** Lists the candidate entries' synthetic files that exist, for reopening without recomputing. */
    public static List<Path> existingSynthetic(Path folder, ProjectFile study) {
        List<Path> files = new ArrayList<>();
        if (study.candidates() == null) {
            return files;
        }
        for (ProjectFile.CandidateEntry entry : study.candidates()) {
            if (entry.synthetic() != null && Files.isRegularFile(folder.resolve(entry.synthetic()))) {
                files.add(folder.resolve(entry.synthetic()));
            }
        }
        return files;
    }
}
