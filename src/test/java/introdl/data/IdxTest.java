package introdl.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IdxTest {
    @TempDir
    Path dir;

    static byte[] idx(int magic, int[] dims, int payload) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        DataOutputStream out = new DataOutputStream(bytes);
        out.writeInt(magic);
        for (int d : dims) {
            out.writeInt(d);
        }
        for (int i = 0; i < payload; i++) {
            out.writeByte(i * 7);
        }
        return bytes.toByteArray();
    }

    static Path gzip(Path file, byte[] content) throws IOException {
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(file))) {
            out.write(content);
        }
        return file;
    }

    @Test
    void readsPlainAndCompressedFiles() throws IOException {
        byte[] content = idx(0x0803, new int[] {3, 2, 2}, 12);
        Path plain = Files.write(dir.resolve("x-idx3-ubyte"), content);
        Path packed = gzip(dir.resolve("x-idx3-ubyte.gz"), content);
        for (Path file : new Path[] {plain, packed}) {
            Idx.Array array = Idx.read(file);
            assertArrayEquals(new int[] {3, 2, 2}, array.dims());
            assertEquals(3, array.count());
            assertEquals((11 * 7) & 0xff, array.unsigned(11));
        }
    }

    @Test
    void truncatedFileIsRejectedNamingTheFile() throws IOException {
        Path file = gzip(dir.resolve("short-images.gz"), idx(0x0803, new int[] {10, 28, 28}, 100));
        InvalidDataException e = assertThrows(InvalidDataException.class, () -> Idx.read(file));
        assertTrue(e.getMessage().contains("short-images.gz") && e.getMessage().contains("truncated"), e.getMessage());
    }

    @Test
    void extraBytesAfterThePayloadAreRejected() throws IOException {
        Path file = Files.write(dir.resolve("long-labels"), idx(0x0801, new int[] {4}, 5));
        InvalidDataException e = assertThrows(InvalidDataException.class, () -> Idx.read(file));
        assertTrue(e.getMessage().contains("long-labels"), e.getMessage());
    }

    @Test
    void wrongMagicNumberIsRejected() throws IOException {
        Path file = Files.write(dir.resolve("floats"), idx(0x0D03, new int[] {1, 1, 1}, 4));
        InvalidDataException e = assertThrows(InvalidDataException.class, () -> Idx.read(file));
        assertTrue(e.getMessage().contains("floats") && e.getMessage().contains("magic"), e.getMessage());
    }

    @Test
    void corruptGzipIsRejectedNamingTheFile() throws IOException {
        byte[] packed = Files.readAllBytes(gzip(dir.resolve("ok.gz"), idx(0x0803, new int[] {50, 28, 28}, 50 * 784)));
        byte[] damaged = Arrays.copyOf(packed, packed.length / 2);
        Path file = Files.write(dir.resolve("damaged.gz"), damaged);
        InvalidDataException e = assertThrows(InvalidDataException.class, () -> Idx.read(file));
        assertTrue(e.getMessage().contains("damaged.gz"), e.getMessage());
    }

    @Test
    void missingFileSaysSo() {
        DataUnavailableException e = assertThrows(DataUnavailableException.class,
                () -> Idx.read(dir.resolve("nothing.gz")));
        assertTrue(e.getMessage().contains("nothing.gz"), e.getMessage());
    }
}
