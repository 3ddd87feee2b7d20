package introdl.data;

import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;

/**
 * Reader for the IDX format of MNIST and Fashion-MNIST (unsigned bytes), plain or gzip-compressed.
 * The header is checked against the payload, so a truncated or padded file is reported, not read.
 */
public final class Idx {
    private static final int UNSIGNED_BYTE = 0x08;
    private static final long MAX_VALUES = Integer.MAX_VALUE - 8;

    /** The content of an IDX file: its dimensions and the values, row-major. */
    public record Array(int[] dims, byte[] data) {
        /** The number of items along the first axis (images or labels). */
        public int count() {
            return dims[0];
        }

        /** Value {@code i} as an unsigned number 0..255. */
        public int unsigned(int i) {
            return data[i] & 0xff;
        }
    }

    private Idx() {}

    /** Reads an IDX file of unsigned bytes; files ending in {@code .gz} are decompressed. */
    public static Array read(Path file) {
        return DataFiles.read(file, "IDX file", raw -> {
            try (InputStream in = file.toString().endsWith(".gz")
                    ? new GZIPInputStream(new BufferedInputStream(raw), 1 << 16)
                    : new BufferedInputStream(raw, 1 << 16)) {
                return read(in, file);
            } catch (ZipException | EOFException e) {
                throw new InvalidDataException(file + " is not a valid gzip-compressed IDX file (" + e.getMessage()
                        + "); the file is truncated or corrupt: download it again", e);
            }
        });
    }

    private static Array read(InputStream stream, Path file) throws IOException {
        DataInputStream in = new DataInputStream(stream);
        int magic = in.readInt();
        int type = (magic >>> 8) & 0xff;
        int rank = magic & 0xff;
        if ((magic >>> 16) != 0 || type != UNSIGNED_BYTE || rank < 1 || rank > 4) {
            throw new InvalidDataException(String.format(
                    "%s is not an IDX file of unsigned bytes: magic number 0x%08x (expected 0x0000080N, N = 1..4)",
                    file, magic));
        }
        int[] dims = new int[rank];
        long total = 1;
        for (int d = 0; d < rank; d++) {
            dims[d] = in.readInt();
            if (dims[d] <= 0) {
                throw new InvalidDataException(file + ": dimension " + d + " is " + dims[d] + " in the header");
            }
            total *= dims[d];
            if (total > MAX_VALUES) {
                throw new InvalidDataException(file + ": header dimensions " + Arrays.toString(dims) + " are too large");
            }
        }
        byte[] data = new byte[(int) total];
        int read = in.readNBytes(data, 0, data.length);
        if (read < data.length) {
            throw new InvalidDataException(String.format(
                    "%s is truncated: its header promises %s = %d values but it holds %d; download it again",
                    file, Arrays.toString(dims), total, read));
        }
        if (in.read() != -1) {
            throw new InvalidDataException(String.format(
                    "%s has data after the %d values its header %s promises; it is not a valid IDX file",
                    file, total, Arrays.toString(dims)));
        }
        return new Array(dims, data);
    }
}
