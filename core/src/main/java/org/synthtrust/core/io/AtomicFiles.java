package org.synthtrust.core.io;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import org.synthtrust.core.InvalidInputException;

/**
 * Writes files atomically: the content goes to a temporary file in the target's folder, which is then moved
 * over the target, so a reader never sees a half-written file and a failed write leaves the old file intact.
 */
public final class AtomicFiles {
    private AtomicFiles() {
    }

    /** Body of an atomic write; it may throw IOException, which the caller turns into a clear error. */
    @FunctionalInterface
    public interface WriterBody {
        void write(Writer writer) throws IOException;
    }

    /** Writes UTF-8 text through {@code body} and moves it over {@code target}. */
    public static void writeText(Path target, WriterBody body) {
        writeText(target, false, body);
    }

    /** Writes UTF-8 text, with a byte order mark first when {@code byteOrderMark} is set. */
    public static void writeText(Path target, boolean byteOrderMark, WriterBody body) {
        Path absolute = target.toAbsolutePath();
        Path folder = absolute.getParent();
        Path temporary = null;
        try {
            if (folder != null) {
                Files.createDirectories(folder);
            }
            temporary = Files.createTempFile(folder, "." + absolute.getFileName(), ".tmp");
            try (OutputStream out = Files.newOutputStream(temporary);
                    Writer writer = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 1 << 16)) {
                if (byteOrderMark) {
                    writer.write('\uFEFF');
                }
                body.write(writer);
            }
            moveIntoPlace(temporary, absolute);
            temporary = null;
        } catch (IOException e) {
            throw new InvalidInputException("failed to write " + target + ": " + e.getMessage()
                    + "; check that the folder exists and is writable", e);
        } finally {
            if (temporary != null) {
                try {
                    Files.deleteIfExists(temporary);
                } catch (IOException ignored) {
                    // The write already failed; a leftover temporary file is reported by that failure's message.
                }
            }
        }
    }

    private static void moveIntoPlace(Path temporary, Path target) throws IOException {
        try {
            Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            // Some file systems cannot rename atomically; a plain replace is the best they offer.
            Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING);
        }
    }
}
