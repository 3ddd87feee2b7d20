package introdl.faces;

import introdl.data.DataDirectory;
import introdl.data.DataUnavailableException;
import introdl.data.InvalidDataException;
import io.jhdf.HdfFile;
import io.jhdf.api.Dataset;
import io.jhdf.api.Node;
import io.jhdf.api.dataset.ChunkedDataset;
import io.jhdf.api.dataset.ContiguousDataset;
import io.jhdf.exceptions.HdfFilterException;
import io.jhdf.exceptions.UnsupportedHdfException;
import io.jhdf.object.datatype.DataType;
import io.jhdf.object.datatype.FixedPoint;
import io.jhdf.storage.HdfBackingStorage;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;

/**
 * The course's own Lab 2 training set, {@code train_face.h5}: about 110,000 images of 64x64,
 * faces (CelebA) and non-faces (ImageNet), with no group labels. The file holds two HDF5 datasets:
 * {@code images}, N x 64 x 64 x 3 unsigned bytes in <b>BGR</b> order (OpenCV's), and {@code labels},
 * N x 1 (1 = face). Images come out as RGB, channel-first, in [0, 1], as the course's loader turns
 * them (it reverses the channel axis and divides by 255).
 *
 * <p>It is read with jHDF, a pure-Java HDF5 reader, so nothing native is needed. The whole file is
 * over 5 GB as floats; {@link #sample} and {@link #readFirst} read only the images they keep.
 *
 * <p>A file cut short (an interrupted download) is refused before anything is read, as h5py refuses
 * it: the superblock's recorded end of file and the end of each dataset's bytes must lie within it.
 */
public final class CourseFaces {
    /** The file name the course uses. */
    public static final String FILE = "train_face.h5";
    /** The data-folder sub-folder it is looked for in. */
    public static final String FOLDER = "mit6s191";
    /** Where the course's Lab 2 downloads it from. */
    public static final String URL = "https://www.dropbox.com/s/hlz8atheyozp1yx/train_face.h5?dl=1";

    private static final int SIDE = FaceSet.SIDE;
    private static final int PLANE = SIDE * SIDE;
    private static final int IMAGE_BYTES = 3 * PLANE;
    // the fallback's slices: at most this many images each (jHDF returns nested arrays), reading
    // through gaps of up to GAP unwanted images rather than starting a new slice
    private static final int BLOCK = 256;
    private static final int GAP = 32;

    private CourseFaces() {}

    /**
     * {@code <data folder>/mit6s191/train_face.h5}.
     *
     * @throws DataUnavailableException if it is not there, saying where to download it and where to put it
     */
    public static Path locate() {
        return locate(DataDirectory.fromSettings());
    }

    /**
     * {@code data}'s {@code mit6s191/train_face.h5}.
     *
     * @throws DataUnavailableException if it is not there, saying where to download it and where to put it
     */
    public static Path locate(DataDirectory data) {
        Path file = data.path().map(r -> r.resolve(FOLDER).resolve(FILE)).orElse(null);
        if (file != null && Files.isRegularFile(file)) {
            return file;
        }
        String where = file == null
                ? "a data folder of your choice as " + FOLDER + "/" + FILE + " and set " + DataDirectory.ENV
                        + " (or -D" + DataDirectory.PROPERTY + ") to that folder"
                : file + " (" + data.description() + ")";
        throw new DataUnavailableException("the course's face set " + FILE + " is not on this machine"
                + (file == null ? "" : " (looked for " + file + ")") + ". The course's Lab 2 downloads it from "
                + URL + " (about 1 GB); save it in " + where + ". Offline, use SyntheticFaces, or FaceFolders "
                + "for folders of images");
    }

    /** A seeded random sample of {@code n} images of the located file ({@link #locate()}), in file order. */
    public static FaceSet load(int n, long seed) {
        return sample(locate(), n, seed);
    }

    /** Every image of {@code file} (the full course file needs about 5.5 GB of heap as floats). */
    public static FaceSet read(Path file) {
        return read(file, null, "");
    }

    /**
     * The first {@code n} images of {@code file} (all if it has fewer). The file may be sorted by
     * label, so the first images can all be faces; {@link #sample} gives a mix.
     */
    public static FaceSet readFirst(Path file, int n) {
        positive(n);
        return read(file, count -> IntStream.range(0, Math.min(n, count)).toArray(), "first" + n);
    }

    /** {@code n} images of {@code file} chosen at random by {@code seed}, in file order (all if it has fewer). */
    public static FaceSet sample(Path file, int n, long seed) {
        positive(n);
        return read(file, count -> FaceFolders.sample(count, n, seed), "sample" + n);
    }

    /** Which images of a file of {@code count} to read, in increasing order; null means all. */
    private interface Chooser {
        int[] choose(int count);
    }

    private static void positive(int n) {
        if (n < 1) {
            throw new IllegalArgumentException("the number of images must be at least 1, got " + n);
        }
    }

    private static FaceSet read(Path file, Chooser chooser, String part) {
        if (!Files.exists(file)) {
            throw new DataUnavailableException(file + " does not exist. The course's Lab 2 downloads " + FILE
                    + " from " + URL + "; save it there or pass the path where you saved it");
        }
        try (HdfFile hdf = new HdfFile(file)) {
            requireNotTruncated(file, hdf);
            Dataset images = dataset(hdf, file, "images");
            Dataset labels = dataset(hdf, file, "labels");
            requireWithinFile(file, hdf, images);
            requireWithinFile(file, hdf, labels);
            int n = checkImages(file, images);
            float[] allLabels = readLabels(file, labels, n);
            int[] chosen = chooser == null ? IntStream.range(0, n).toArray() : chooser.choose(n);
            float[] pixels = readImages(file, images, chosen);
            float[] y = new float[chosen.length];
            List<String> sources = new ArrayList<>(chosen.length);
            String name = file.getFileName().toString();
            for (int k = 0; k < chosen.length; k++) {
                y[k] = allLabels[chosen[k]];
                sources.add(name + " #" + chosen[k]);
            }
            int[] groups = new int[chosen.length];
            Arrays.fill(groups, FaceSet.NO_GROUP);
            return FaceSet.checked(part.isEmpty() ? name : name + "/" + part, pixels, y, groups, List.of(), sources,
                    List.of());
        } catch (InvalidDataException e) {
            throw e;
        } catch (HdfFilterException | UnsupportedHdfException e) {
            throw new InvalidDataException(file + " uses an HDF5 feature the pure-Java reader cannot decode ("
                    + e.getMessage() + "); save it again uncompressed (h5repack -f NONE) or download " + FILE
                    + " again from " + URL, e);
        } catch (RuntimeException e) {
            // jHDF signals a file that is not HDF5, or is truncated, with unchecked exceptions of its own
            throw new InvalidDataException(file + " cannot be read as an HDF5 file (" + e.getClass().getSimpleName()
                    + ": " + e.getMessage() + "); it is not HDF5, or truncated or corrupt. Download " + FILE
                    + " again from " + URL, e);
        }
    }

    /**
     * Refuses a file shorter than its superblock says it is, as h5py does ("truncated file: eof = ...,
     * stored_eof = ..."): an interrupted download. jHDF alone reads such a file without a word, filling
     * the missing bytes with repeats of the bytes that are there, and a lab would train on wrong images.
     */
    private static void requireNotTruncated(Path file, HdfFile hdf) {
        HdfBackingStorage storage = hdf.getHdfBackingStorage();
        // unlike the file's other addresses, this one is absolute (HDF5 adds the base address, the
        // user block's size, when it writes it), so the file's length is compared with it as it is
        long storedEnd = storage.getSuperblock().getEndOfFileAddress();
        if (storedEnd >= 0) { // all ones, negative here, is HDF5's "undefined address": nothing recorded
            requireLength(file, storage.size(), storedEnd, "its HDF5 superblock records its end at byte " + storedEnd);
        }
    }

    /**
     * Refuses a dataset whose bytes lie past the end of the file. Contiguous data (h5py's default,
     * the course file's layout) is checked here; jHDF does not expose where chunks are stored, so
     * chunked data relies on the superblock's end of file ({@link #requireNotTruncated}).
     */
    private static void requireWithinFile(Path file, HdfFile hdf, Dataset dataset) {
        if (dataset instanceof ContiguousDataset contiguous && !dataset.isEmpty()) {
            HdfBackingStorage storage = hdf.getHdfBackingStorage();
            long end = storage.getSuperblock().getBaseAddressByte() + contiguous.getDataAddress()
                    + dataset.getSizeInBytes();
            requireLength(file, storage.size(), end, "dataset '" + dataset.getName() + "' ends at byte " + end);
        }
    }

    private static void requireLength(Path file, long actual, long needed, String why) {
        if (actual < needed) {
            throw new InvalidDataException(file + " is truncated (expected at least " + needed + " bytes, found "
                    + actual + "): " + why + ". The download or copy stopped early; download " + FILE + " again from "
                    + URL);
        }
    }

    private static Dataset dataset(HdfFile hdf, Path file, String name) {
        Node node = hdf.getChildren().get(name);
        if (!(node instanceof Dataset dataset)) {
            throw new InvalidDataException(file + " has no dataset '" + name + "' at its root (it holds "
                    + hdf.getChildren().keySet() + "); a face set needs 'images' (N x 64 x 64 x 3 bytes, BGR) and "
                    + "'labels' (N or N x 1, 1 = face)");
        }
        return dataset;
    }

    private static int checkImages(Path file, Dataset images) {
        int[] dims = images.getDimensions();
        if (dims.length != 4 || dims[1] != SIDE || dims[2] != SIDE || dims[3] != 3) {
            throw new InvalidDataException(file + ": dataset 'images' has shape " + Arrays.toString(dims)
                    + "; expected N x 64 x 64 x 3 (64x64 pixels, 3 channels BGR)");
        }
        DataType type = images.getDataType();
        if (!(type instanceof FixedPoint) || type.getSize() != 1) {
            throw new InvalidDataException(file + ": dataset 'images' holds " + describe(images)
                    + "; expected 8-bit unsigned integers (uint8), 0-255 per channel");
        }
        return dims[0];
    }

    private static float[] readLabels(Path file, Dataset labels, int n) {
        int[] dims = labels.getDimensions();
        if (!(dims.length == 1 || (dims.length == 2 && dims[1] == 1))) {
            throw new InvalidDataException(file + ": dataset 'labels' has shape " + Arrays.toString(dims)
                    + "; expected N or N x 1 (one label per image)");
        }
        if (dims[0] != n) {
            throw new InvalidDataException(file + ": dataset 'labels' has " + dims[0] + " labels but 'images' has "
                    + n + " images; they must match one to one");
        }
        double[] values = toDoubles(file, labels.getDataFlat());
        float[] out = new float[n];
        for (int i = 0; i < n; i++) {
            if (values[i] != 0 && values[i] != 1) {
                throw new InvalidDataException(file + ": label " + i + " is " + values[i]
                        + "; expected 1 (face) or 0 (non-face)");
            }
            out[i] = (float) values[i];
        }
        return out;
    }

    private static double[] toDoubles(Path file, Object flat) {
        if (flat instanceof float[] a) {
            return IntStream.range(0, a.length).mapToDouble(i -> a[i]).toArray();
        } else if (flat instanceof double[] a) {
            return a;
        } else if (flat instanceof int[] a) {
            return Arrays.stream(a).asDoubleStream().toArray();
        } else if (flat instanceof long[] a) {
            return Arrays.stream(a).asDoubleStream().toArray();
        } else if (flat instanceof short[] a) {
            return IntStream.range(0, a.length).mapToDouble(i -> a[i]).toArray();
        } else if (flat instanceof byte[] a) {
            return IntStream.range(0, a.length).mapToDouble(i -> a[i]).toArray();
        } else if (flat instanceof boolean[] a) {
            return IntStream.range(0, a.length).mapToDouble(i -> a[i] ? 1 : 0).toArray();
        }
        throw new InvalidDataException(file + ": dataset 'labels' holds " + flat.getClass().getSimpleName()
                + " values; expected numbers (1 = face, 0 = non-face)");
    }

    /** The images at {@code chosen} (increasing), BGR HWC bytes to RGB CHW floats. */
    private static float[] readImages(Path file, Dataset images, int[] chosen) {
        float[] out = new float[Math.multiplyExact(chosen.length, FaceSet.PIXELS)];
        // jHDF's general slice reading builds nested Java arrays element by element (about 3 ms an image);
        // the two layouts h5py writes are read here as raw bytes instead, about 100 times faster
        if (images instanceof ContiguousDataset contiguous && images.getSizeInBytes() <= Integer.MAX_VALUE) {
            ByteBuffer data = contiguous.getBuffer();
            byte[] image = new byte[IMAGE_BYTES];
            for (int k = 0; k < chosen.length; k++) {
                data.get(chosen[k] * IMAGE_BYTES, image);
                toRgb(image, 0, out, k * FaceSet.PIXELS);
            }
        } else if (images instanceof ChunkedDataset chunked && holdsWholeImages(chunked.getChunkDimensions())) {
            int perChunk = chunked.getChunkDimensions()[0];
            byte[] chunk = null;
            int chunkStart = -1;
            for (int k = 0; k < chosen.length; k++) {
                int start = chosen[k] / perChunk * perChunk;
                if (start != chunkStart) { // chosen is increasing: each chunk is decompressed once
                    chunk = chunked.getDecompressedChunk(new int[] {start, 0, 0, 0});
                    chunkStart = start;
                    if (chunk.length < perChunk * IMAGE_BYTES) {
                        throw new InvalidDataException(file + ": the chunk of 'images' at image " + start + " holds "
                                + chunk.length + " bytes; expected " + perChunk * IMAGE_BYTES);
                    }
                }
                toRgb(chunk, (chosen[k] - start) * IMAGE_BYTES, out, k * FaceSet.PIXELS);
            }
        } else {
            readSlices(file, images, chosen, out);
        }
        return out;
    }

    /** Whether chunks of this shape hold whole images (n x 64 x 64 x 3). */
    private static boolean holdsWholeImages(int[] chunk) {
        return chunk.length == 4 && chunk[1] == SIDE && chunk[2] == SIDE && chunk[3] == 3;
    }

    /** One image of 64 x 64 x 3 bytes (B, G, R per pixel) from {@code bytes[from]} into RGB planes at {@code out[at]}. */
    private static void toRgb(byte[] bytes, int from, float[] out, int at) {
        for (int i = 0; i < PLANE; i++) {
            int p = from + 3 * i;
            out[at + i] = (bytes[p + 2] & 0xff) / 255f;
            out[at + PLANE + i] = (bytes[p + 1] & 0xff) / 255f;
            out[at + 2 * PLANE + i] = (bytes[p] & 0xff) / 255f;
        }
    }

    /** Any other layout, through jHDF's slices: a run of nearby chosen images per call. */
    private static void readSlices(Path file, Dataset images, int[] chosen, float[] out) {
        int k = 0;
        while (k < chosen.length) {
            int start = chosen[k];
            int end = k;
            while (end + 1 < chosen.length && chosen[end + 1] - chosen[end] <= GAP
                    && chosen[end + 1] - start < BLOCK) {
                end++;
            }
            int length = chosen[end] - start + 1;
            Object block = images.getData(new long[] {start, 0, 0, 0}, new int[] {length, SIDE, SIDE, 3});
            Object[] rows = (Object[]) block;
            for (int j = k; j <= end; j++) {
                toRgb(file, (Object[]) rows[chosen[j] - start], chosen[j], out, j * FaceSet.PIXELS);
            }
            k = end + 1;
        }
    }

    private static void toRgb(Path file, Object[] image, int index, float[] out, int at) {
        for (int y = 0; y < SIDE; y++) {
            Object[] row = (Object[]) image[y];
            for (int x = 0; x < SIDE; x++) {
                Object pixel = row[x];
                int i = at + y * SIDE + x;
                // stored B, G, R: reversed into the R, G, B planes
                out[i] = level(file, index, pixel, 2) / 255f;
                out[i + PLANE] = level(file, index, pixel, 1) / 255f;
                out[i + 2 * PLANE] = level(file, index, pixel, 0) / 255f;
            }
        }
    }

    private static int level(Path file, int index, Object pixel, int channel) {
        // jHDF widens unsigned bytes to a larger Java type; a signed byte dataset holds the same bits
        int v;
        if (pixel instanceof int[] a) {
            v = a[channel];
        } else if (pixel instanceof short[] a) {
            v = a[channel];
        } else if (pixel instanceof byte[] a) {
            v = a[channel] & 0xff;
        } else if (pixel instanceof long[] a) {
            v = (int) Math.max(-1, Math.min(256, a[channel]));
        } else {
            throw new InvalidDataException(file + ": dataset 'images' holds " + pixel.getClass().getSimpleName()
                    + " values; expected 8-bit unsigned integers");
        }
        if (v < 0 || v > 255) {
            throw new InvalidDataException(file + ": image " + index + " has channel value " + v
                    + "; expected 0-255");
        }
        return v;
    }

    private static String describe(Dataset dataset) {
        DataType type = dataset.getDataType();
        return dataset.getJavaType().getSimpleName() + " values of " + type.getSize() + " byte(s) ("
                + type.getClass().getSimpleName() + ")";
    }
}
