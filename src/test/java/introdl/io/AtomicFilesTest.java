package introdl.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AtomicFilesTest {
    @Test
    void aFailedWriteLeavesTheOldFileAndNoTemporaryFile(@TempDir Path dir) throws Exception {
        Path file = AtomicFiles.writeString(dir.resolve("state.txt"), "epoch 3");
        assertThrows(UncheckedIOException.class, () -> AtomicFiles.write(file, out -> {
            out.write("epoch 4, half wri".getBytes());
            throw new IOException("disk full");
        }));
        assertEquals("epoch 3", Files.readString(file));
        try (Stream<Path> files = Files.list(dir)) {
            assertEquals(1, files.count(), "no temporary file is left behind");
        }
    }

    @Test
    void createsMissingFolders(@TempDir Path dir) throws Exception {
        Path file = AtomicFiles.writeString(dir.resolve("a/b/c.txt"), "x");
        assertEquals("x", Files.readString(file));
    }
}
