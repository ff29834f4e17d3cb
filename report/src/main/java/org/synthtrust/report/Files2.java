package org.synthtrust.report;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/** Atomic file writes: a reader never sees half a report. */
final class Files2 {
    private Files2() { }

    static void writeAtomically(Path file, byte[] bytes) {
        Path absolute = file.toAbsolutePath();
        try {
            Path parent = absolute.getParent();
            Files.createDirectories(parent);
            Path temporary = Files.createTempFile(parent, absolute.getFileName().toString(), ".tmp");
            Files.write(temporary, bytes);
            try {
                Files.move(temporary, absolute, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temporary, absolute, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + absolute + ": " + e.getMessage(), e);
        }
    }
}
