package introdl.faces;

import introdl.data.DataDirectory;
import introdl.data.DataUnavailableException;
import introdl.data.InvalidDataException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;

/**
 * The Olivetti (AT&amp;T / ORL) faces: 400 grey 64x64 photographs of 40 people, taken in a
 * laboratory in 1992-94, that no introdl model trains on. Lab 2 uses them as a second set of
 * photographed faces from elsewhere, to see whether a face detector finds faces it was not tuned
 * to (the set has no demographic labels, so it says nothing about bias).
 *
 * <p>Read from Sam Roweis's {@code olivettifaces.mat} (a MATLAB level-5 file, one 4096 x 400
 * matrix, one column per image, stored column-major), found in the data folder under
 * {@value #FOLDER}/. The grey level is copied into all three channels.
 */
public final class OlivettiFaces {
    /** The data-folder sub-folder holding {@value #FILE}. */
    public static final String FOLDER = "olivetti-faces";
    /** The file's name. */
    public static final String FILE = "olivettifaces.mat";
    /** The number of faces in the file. */
    public static final int COUNT = 400;

    private static final int SIDE = 64;
    private static final int MI_INT8 = 1;
    private static final int MI_UINT8 = 2;
    private static final int MI_DOUBLE = 9;
    private static final int MI_MATRIX = 14;
    private static final int MI_COMPRESSED = 15;

    private OlivettiFaces() {}

    /** The 400 faces if the data folder has the file ({@link #load(Path)}), else empty. */
    public static Optional<FaceSet> find() {
        return find(DataDirectory.fromSettings());
    }

    /** The 400 faces if {@code data} has the file, else empty. */
    public static Optional<FaceSet> find(DataDirectory data) {
        return data.subfolder(FOLDER).map(folder -> folder.resolve(FILE)).filter(Files::isRegularFile)
                .map(OlivettiFaces::load);
    }

    /**
     * The 400 faces from the data folder.
     *
     * @throws DataUnavailableException if the data folder has no {@value #FOLDER}/{@value #FILE}
     */
    public static FaceSet load() {
        return find().orElseThrow(() -> new DataUnavailableException("the Olivetti faces are not on this machine: put "
                + FILE + " (Sam Roweis's 64x64 version, as scikit-learn's fetch_olivetti_faces uses) in $"
                + DataDirectory.ENV + "/" + FOLDER + "/ (" + DataDirectory.describe() + ")"));
    }

    /**
     * The faces in {@code file}, in the file's order (image k is person k / 10), as a face set with
     * no groups.
     *
     * @throws InvalidDataException if the file is not a level-5 MAT file holding one 4096 x N
     *     matrix of grey levels, saying what was found
     */
    public static FaceSet load(Path file) {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (IOException e) {
            throw new InvalidDataException("cannot read the Olivetti faces file " + file + ": " + e.getMessage(), e);
        }
        double[] grey;
        int columns;
        try {
            ByteBuffer matrix = matrixElement(bytes, file);
            int[] dims = dimensions(matrix, file);
            if (dims.length != 2 || dims[0] != SIDE * SIDE || dims[1] < 1) {
                throw invalid(file, "the matrix is " + Arrays.toString(dims) + ", not 4096 x N (one 64x64 image per column)");
            }
            columns = dims[1];
            skipElement(matrix); // the variable's name
            grey = values(matrix, dims[0] * dims[1], file);
        } catch (java.nio.BufferUnderflowException | IndexOutOfBoundsException e) {
            throw invalid(file, "it ends in the middle of its data (truncated?)");
        }
        return faces(file, grey, columns);
    }

    private static FaceSet faces(Path file, double[] grey, int columns) {
        int plane = SIDE * SIDE;
        float[] pixels = new float[columns * 3 * plane];
        List<String> sources = new ArrayList<>();
        for (int k = 0; k < columns; k++) {
            for (int row = 0; row < SIDE; row++) {
                for (int col = 0; col < SIDE; col++) {
                    // column-major: the pixel at (row, col) of image k is element row + 64 col of column k
                    double v = grey[k * plane + col * SIDE + row];
                    if (!(v >= 0 && v <= 255)) {
                        throw invalid(file, "image " + k + " has a grey level of " + v + ", outside 0..255");
                    }
                    float p = (float) (v / 255);
                    int at = k * 3 * plane + row * SIDE + col;
                    pixels[at] = p;
                    pixels[at + plane] = p;
                    pixels[at + 2 * plane] = p;
                }
            }
            sources.add(FOLDER + "/" + FILE + "#" + k);
        }
        float[] labels = new float[columns];
        Arrays.fill(labels, 1);
        int[] groups = new int[columns];
        Arrays.fill(groups, FaceSet.NO_GROUP);
        return FaceSet.of("Olivetti faces", pixels, labels, groups, List.of(), sources);
    }

    // the first matrix in the file, inflated when it is stored compressed
    private static ByteBuffer matrixElement(byte[] bytes, Path file) {
        if (bytes.length < 136 || bytes[126] != 'I' || bytes[127] != 'M') {
            throw invalid(file, "it is not a MATLAB level-5 MAT file (no 'IM' marker at byte 126)");
        }
        ByteBuffer in = ByteBuffer.wrap(bytes, 128, bytes.length - 128).order(ByteOrder.LITTLE_ENDIAN);
        int type = in.getInt();
        int size = in.getInt();
        if (type == MI_COMPRESSED) {
            byte[] inflated = inflate(bytes, in.position(), size, file);
            in = ByteBuffer.wrap(inflated).order(ByteOrder.LITTLE_ENDIAN);
            type = in.getInt();
            size = in.getInt();
        }
        if (type != MI_MATRIX) {
            throw invalid(file, "its first variable is of MAT type " + type + ", not a matrix");
        }
        return in.slice(in.position(), size).order(ByteOrder.LITTLE_ENDIAN);
    }

    private static byte[] inflate(byte[] bytes, int offset, int size, Path file) {
        if (size < 0 || offset + (long) size > bytes.length) {
            throw invalid(file, "its compressed data is cut short (" + (bytes.length - offset) + " of " + size + " bytes)");
        }
        Inflater inflater = new Inflater();
        try {
            inflater.setInput(bytes, offset, size);
            java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream(4 * SIDE * SIDE * COUNT);
            byte[] chunk = new byte[1 << 16];
            while (!inflater.finished()) {
                int n = inflater.inflate(chunk);
                if (n == 0 && (inflater.needsInput() || inflater.needsDictionary())) {
                    throw invalid(file, "its compressed data ends early (truncated?)");
                }
                out.write(chunk, 0, n);
            }
            return out.toByteArray();
        } catch (DataFormatException e) {
            throw invalid(file, "its compressed data is corrupt (" + e.getMessage() + ")");
        } finally {
            inflater.end();
        }
    }

    private static int[] dimensions(ByteBuffer matrix, Path file) {
        skipElement(matrix); // array flags
        int type = matrix.getInt();
        int size = matrix.getInt();
        if (type != 5) {
            throw invalid(file, "the matrix's dimensions are of MAT type " + type + ", not int32");
        }
        int[] dims = new int[size / 4];
        for (int i = 0; i < dims.length; i++) {
            dims[i] = matrix.getInt();
        }
        matrix.position(matrix.position() + padding(size));
        return dims;
    }

    private static double[] values(ByteBuffer matrix, int count, Path file) {
        int type = matrix.getInt();
        int size = matrix.getInt();
        int width = type == MI_UINT8 || type == MI_INT8 ? 1 : type == MI_DOUBLE ? 8 : 0;
        if (width == 0) {
            throw invalid(file, "its values are of MAT type " + type + "; expected uint8 or double grey levels");
        }
        if (size != count * width) {
            throw invalid(file, "its values take " + size + " bytes, not " + count * width);
        }
        double[] out = new double[count];
        for (int i = 0; i < count; i++) {
            out[i] = type == MI_UINT8 ? Byte.toUnsignedInt(matrix.get()) : type == MI_INT8 ? matrix.get() : matrix.getDouble();
        }
        return out;
    }

    // a data element: either a small element (size in the upper half of the tag, data in the next 4 bytes) or tag + data + padding
    private static void skipElement(ByteBuffer in) {
        int tag = in.getInt();
        if ((tag >>> 16) != 0) {
            in.position(in.position() + 4);
            return;
        }
        int size = in.getInt();
        in.position(in.position() + size + padding(size));
    }

    private static int padding(int size) {
        return (8 - size % 8) % 8;
    }

    private static InvalidDataException invalid(Path file, String problem) {
        return new InvalidDataException("the Olivetti faces file " + file + " cannot be read: " + problem
                + "; it should be Sam Roweis's olivettifaces.mat (400 grey 64x64 faces)");
    }
}
