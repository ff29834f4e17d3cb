package org.synthtrust.generators;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.ServiceLoader;
import org.synthtrust.core.InvalidInputException;

/** Loading and atomic saving of model files; the {@code format} field selects a {@link ModelLoader}. */
public final class Models {
    /**
     * Shared mapper: unknown fields are errors, so a damaged or foreign file is not half-read. Map entries are
     * written in key order so that a seeded test-mode fit saves a byte-identical file every time.
     */
    public static final ObjectMapper MAPPER = new ObjectMapper()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
            .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS);

    private Models() {
    }

    /**
     * Reads a model file.
     *
     * @throws InvalidInputException when the file is missing, is not JSON or has an unknown format
     */
    public static FittedModel load(Path file) {
        JsonNode root;
        try {
            root = MAPPER.readTree(file.toFile());
        } catch (NoSuchFileException | java.io.FileNotFoundException e) {
            throw new InvalidInputException("model file " + file + " not found");
        } catch (IOException e) {
            throw new InvalidInputException("model file " + file + " is not valid JSON: " + e.getMessage(), e);
        }
        String format = root == null || root.get("format") == null ? null : root.get("format").asText();
        List<String> known = new ArrayList<>();
        for (ModelLoader loader : ServiceLoader.load(ModelLoader.class, Models.class.getClassLoader())) {
            if (loader.format().equals(format)) {
                try {
                    return loader.load(root);
                } catch (IllegalArgumentException e) {
                    throw new InvalidInputException("model file " + file + " is invalid: " + e.getMessage(), e);
                }
            }
            known.add(loader.format());
        }
        throw new InvalidInputException("model file " + file + " has format '" + format + "'; readable formats are "
                + known);
    }

    /**
     * Binds a model file's JSON tree to the loader's record type and checks its format version. Both failures
     * throw IllegalArgumentException, which {@link #load} reports as an invalid model file.
     */
    public static <T> T readModelFile(JsonNode root, Class<T> type, java.util.function.ToIntFunction<T> formatVersion,
                                      int supportedVersion) {
        T file;
        try {
            file = MAPPER.treeToValue(root, type);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalArgumentException(e.getOriginalMessage(), e);
        }
        int version = formatVersion.applyAsInt(file);
        if (version != supportedVersion) {
            throw new IllegalArgumentException("format_version " + version + " is not supported; this version reads "
                    + supportedVersion);
        }
        return file;
    }

    /** Writes a JSON tree to a temporary file beside {@code file} and moves it into place. */
    public static void writeAtomically(Object value, Path file) {
        Path absolute = file.toAbsolutePath();
        Path directory = absolute.getParent();
        try {
            Files.createDirectories(directory);
            Path temporary = Files.createTempFile(directory, absolute.getFileName().toString(), ".tmp");
            try {
                MAPPER.writeValue(temporary.toFile(), value);
                try {
                    Files.move(temporary, absolute, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
                } catch (AtomicMoveNotSupportedException e) {
                    Files.move(temporary, absolute, StandardCopyOption.REPLACE_EXISTING);
                }
            } finally {
                Files.deleteIfExists(temporary);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("could not write model file " + file, e);
        }
    }
}
