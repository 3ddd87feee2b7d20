package introdl.io;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;

/**
 * Writes files atomically: the content goes to a temporary file in the same folder, is flushed
 * to disk, and is then renamed over the target. A crash at any moment leaves either the old file
 * or the new one, never half of one. Every output of introdl (checkpoints, charts, CSV, HTML) is
 * written this way.
 */
public final class AtomicFiles {
    /** Writes the content of a file to a stream. */
    @FunctionalInterface
    public interface Writer {
        void writeTo(OutputStream out) throws IOException;
    }

    private static final String TMP = ".tmp";

    private AtomicFiles() {}

    /** Writes {@code file} atomically (parent folders are created) and returns it. */
    public static Path write(Path file, Writer writer) {
        Path target = file.toAbsolutePath();
        Path tmp = null;
        try {
            Files.createDirectories(target.getParent());
            tmp = Files.createTempFile(target.getParent(), "." + target.getFileName(), TMP);
            try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(tmp), 1 << 16)) {
                writer.writeTo(out);
            }
            try (FileChannel channel = FileChannel.open(tmp, StandardOpenOption.WRITE)) {
                channel.force(true);
            }
            keepOrDefaultPermissions(tmp, target);
            try {
                Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
            }
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
        } finally {
            if (tmp != null) {
                try {
                    Files.deleteIfExists(tmp);
                } catch (IOException ignored) {
                    // the temporary file is hidden and harmless; the error that matters was thrown
                }
            }
        }
    }

    /**
     * Deletes the temporary files that writes into {@code dir} (and the folders below it) left when
     * their process was killed before the rename; returns how many. Call it only on a folder no
     * other process is writing into, such as a run folder being resumed.
     */
    public static int removeLeftovers(Path dir) {
        if (!Files.isDirectory(dir)) {
            return 0;
        }
        try (java.util.stream.Stream<Path> files = Files.walk(dir, 4)) {
            int removed = 0;
            for (Path file : files.filter(AtomicFiles::isLeftover).toList()) {
                if (Files.deleteIfExists(file)) {
                    removed++;
                }
            }
            return removed;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot clean up " + dir + ": " + e.getMessage(), e);
        }
    }

    /** A temporary file of {@link #write}: hidden, named after its target, ending {@code .tmp}. */
    private static boolean isLeftover(Path file) {
        String name = file.getFileName().toString();
        return name.startsWith(".") && name.endsWith(TMP) && Files.isRegularFile(file);
    }

    /**
     * Temporary files are private (rw-------); the file they replace keeps its permissions, and a
     * new one gets the usual rw-r--r--.
     */
    private static void keepOrDefaultPermissions(Path tmp, Path target) throws IOException {
        if (!tmp.getFileSystem().supportedFileAttributeViews().contains("posix")) {
            return;
        }
        Set<PosixFilePermission> permissions = Files.exists(target)
                ? Files.getPosixFilePermissions(target) : PosixFilePermissions.fromString("rw-r--r--");
        Files.setPosixFilePermissions(tmp, permissions);
    }

    /** Writes a UTF-8 text file atomically. */
    public static Path writeString(Path file, String text) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        return write(file, out -> out.write(bytes));
    }
}
