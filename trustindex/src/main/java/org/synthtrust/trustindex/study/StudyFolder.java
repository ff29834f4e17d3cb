package org.synthtrust.trustindex.study;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.synthtrust.core.InvalidInputException;

/**
 * Layout of a study folder: {@code study.json}, {@code synthetic/NAME.csv} with {@code NAME.provenance.json}
 * beside it, {@code models/NAME.json}, {@code audit.json}, {@code ranking.json}, the reports and
 * {@code run.log}. With repeats, {@code NAME} becomes {@code NAME-r1}, {@code NAME-r2}, ….
 */
public final class StudyFolder {

    /** Handling of an existing folder. */
    public enum Mode {
        /** The folder must not exist or must be empty. */
        NEW,
        /** Keep finished candidates and fit the others. */
        RESUME,
        /** Delete the files of the earlier study, then run from scratch. */
        OVERWRITE
    }

    /** Entries a study writes; {@link Mode#OVERWRITE} deletes only these, never other files in the folder. */
    static final List<String> ENTRIES = List.of(StudyRanker.STUDY_JSON, StudyRanker.AUDIT_JSON,
            StudyRanker.RANKING_JSON, "run.log", "report.pdf", "report.html", "report.json", "synthetic", "models");

    private final Path root;

    public StudyFolder(Path root) {
        this.root = root.toAbsolutePath().normalize();
    }

    public Path root() {
        return root;
    }

    public Path syntheticCsv(String stem) {
        return root.resolve("synthetic").resolve(stem + ".csv");
    }

    public Path provenance(String stem) {
        return root.resolve("synthetic").resolve(stem + ".provenance.json");
    }

    public Path model(String stem) {
        return root.resolve("models").resolve(stem + ".json");
    }

    public Path file(String name) {
        return root.resolve(name);
    }

    /** Tests whether repeat {@code stem} finished earlier; its provenance is written after its table. */
    public boolean isFinished(String stem) {
        return Files.isRegularFile(syntheticCsv(stem)) && Files.isRegularFile(provenance(stem));
    }

    /** Prepares the folder for a run in {@code mode}, rejecting an existing study unless resumed or replaced. */
    public void prepare(Mode mode) {
        try {
            if (Files.exists(root) && !Files.isDirectory(root)) {
                throw new InvalidInputException("--out " + root + " is a file; give a folder");
            }
            boolean hasContent = Files.isDirectory(root) && !isEmpty(root);
            if (hasContent && mode == Mode.NEW) {
                throw new InvalidInputException("study folder " + root + " already exists; use --resume to finish "
                        + "it, --overwrite to replace it, or another --out folder");
            }
            if (hasContent && mode == Mode.OVERWRITE) {
                if (ENTRIES.stream().noneMatch(entry -> Files.exists(root.resolve(entry)))) {
                    throw new InvalidInputException("--overwrite: " + root + " is not a study folder (it has no "
                            + "study.json, audit.json or run.log), so nothing was deleted; choose a new folder");
                }
                for (String entry : ENTRIES) {
                    deleteRecursively(root.resolve(entry));
                }
            }
            Files.createDirectories(root.resolve("synthetic"));
            Files.createDirectories(root.resolve("models"));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot prepare study folder " + root + ": " + e.getMessage(), e);
        }
    }

    private static boolean isEmpty(Path folder) throws IOException {
        try (Stream<Path> entries = Files.list(folder)) {
            return entries.findAny().isEmpty();
        }
    }

    private static void deleteRecursively(Path path) throws IOException {
        if (!Files.exists(path)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(path)) {
            for (Path entry : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(entry);
            }
        }
    }
}
