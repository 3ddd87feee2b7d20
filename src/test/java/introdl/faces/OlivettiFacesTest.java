package introdl.faces;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import introdl.data.InvalidDataException;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.zip.Deflater;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The Olivetti faces: MATLAB level-5 files read column-major, compressed or not, and checked. */
class OlivettiFacesTest {
    @TempDir
    Path dir;

    /** A MAT file with one 4096 x {@code images} uint8 matrix named "face", element k = f(k). */
    private static byte[] matFile(int images, boolean compressed) {
        int count = 4096 * images;
        ByteBuffer matrix = ByteBuffer.allocate(16 + 16 + 8 + 8 + count + 8).order(ByteOrder.LITTLE_ENDIAN);
        matrix.putInt(6).putInt(8).putInt(9).putInt(0); // array flags: uint8 class
        matrix.putInt(5).putInt(8).putInt(4096).putInt(images); // dimensions
        matrix.putInt((4 << 16) | 1).put("face".getBytes(java.nio.charset.StandardCharsets.US_ASCII)); // name: small element
        matrix.putInt(2).putInt(count);
        for (int k = 0; k < count; k++) {
            matrix.put((byte) value(k));
        }
        byte[] body = Arrays.copyOf(matrix.array(), matrix.position() + (8 - count % 8) % 8);
        ByteBuffer element = ByteBuffer.allocate(8 + body.length).order(ByteOrder.LITTLE_ENDIAN);
        element.putInt(14).putInt(body.length).put(body);
        byte[] data = element.array();
        if (compressed) {
            Deflater deflater = new Deflater();
            deflater.setInput(data);
            deflater.finish();
            ByteArrayOutputStream z = new ByteArrayOutputStream();
            byte[] chunk = new byte[4096];
            while (!deflater.finished()) {
                z.write(chunk, 0, deflater.deflate(chunk));
            }
            deflater.end();
            byte[] packed = z.toByteArray();
            data = ByteBuffer.allocate(8 + packed.length).order(ByteOrder.LITTLE_ENDIAN).putInt(15).putInt(packed.length)
                    .put(packed).array();
        }
        byte[] out = new byte[128 + data.length];
        byte[] text = "MATLAB 5.0 MAT-file, test".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        Arrays.fill(out, 0, 116, (byte) ' ');
        System.arraycopy(text, 0, out, 0, text.length);
        out[124] = 0;
        out[125] = 1;
        out[126] = 'I';
        out[127] = 'M';
        System.arraycopy(data, 0, out, 128, data.length);
        return out;
    }

    private static int value(int k) {
        return (k * 7 + k / 4096) % 251;
    }

    @Test
    void columnsAreImagesStoredColumnMajorInEveryChannel() throws Exception {
        for (boolean compressed : new boolean[] {true, false}) {
            Path file = Files.write(dir.resolve("faces-" + compressed + ".mat"), matFile(3, compressed));
            FaceSet faces = OlivettiFaces.load(file);
            assertEquals(3, faces.size());
            assertEquals(3, faces.faces().length, "every image is a face");
            for (int k = 0; k < 3; k++) {
                float[] image = faces.image(k);
                for (int[] rc : new int[][] {{0, 0}, {0, 1}, {1, 0}, {5, 63}, {63, 2}}) {
                    int row = rc[0];
                    int col = rc[1];
                    float expected = value(k * 4096 + col * 64 + row) / 255f;
                    int at = row * 64 + col;
                    assertEquals(expected, image[at], 1e-6, "image " + k + " pixel " + row + "," + col);
                    assertEquals(expected, image[4096 + at], 1e-6, "green is the same grey");
                    assertEquals(expected, image[2 * 4096 + at], 1e-6, "blue too");
                }
            }
        }
    }

    @Test
    void truncatedOrForeignFilesAreRefusedNamingTheFile() throws Exception {
        byte[] good = matFile(2, true);
        Path cut = Files.write(dir.resolve("cut.mat"), Arrays.copyOf(good, good.length / 2));
        InvalidDataException e = assertThrows(InvalidDataException.class, () -> OlivettiFaces.load(cut));
        assertTrue(e.getMessage().contains("cut.mat") && e.getMessage().contains("cut short"), e.getMessage());
        Path plain = Files.write(dir.resolve("plain.mat"), Arrays.copyOf(matFile(2, false), 128 + 8 + 100));
        e = assertThrows(InvalidDataException.class, () -> OlivettiFaces.load(plain));
        assertTrue(e.getMessage().contains("truncated"), e.getMessage());
        Path text = Files.writeString(dir.resolve("notes.mat"), "not a MAT file at all, just some words ".repeat(10));
        e = assertThrows(InvalidDataException.class, () -> OlivettiFaces.load(text));
        assertTrue(e.getMessage().contains("not a MATLAB level-5"), e.getMessage());
    }

    @Test
    void theRealFileHoldsFourHundredGreyFaces() {
        introdl.SharedData.require(OlivettiFaces.FOLDER);
        FaceSet faces = OlivettiFaces.load();
        assertEquals(OlivettiFaces.COUNT, faces.size());
        // read the right way round: a face is symmetric left to right, not top to bottom, so a
        // transposed reading would show the opposite in nearly every photograph
        int upright = 0;
        for (int k = 0; k < faces.size(); k++) {
            upright += asymmetry(faces.image(k), true) < asymmetry(faces.image(k), false) ? 1 : 0;
        }
        assertTrue(upright > 300, upright + " of 400 upright");
        // ten photographs per person, in order: a person's first photograph is closer to their other
        // nine, on average, than to the next person's ten
        int ordered = 0;
        for (int person = 0; person < 40; person++) {
            double own = 0;
            double next = 0;
            for (int k = 1; k < 10; k++) {
                own += distance(faces.image(10 * person), faces.image(10 * person + k));
                next += distance(faces.image(10 * person), faces.image((10 * person + 10 + k) % 400));
            }
            ordered += own < next ? 1 : 0;
        }
        assertTrue(ordered >= 30, ordered + " of 40 people's photographs together");
    }

    // the mean difference between the image and its mirror image left to right (or top to bottom)
    private static double asymmetry(float[] image, boolean leftToRight) {
        double sum = 0;
        for (int row = 0; row < 64; row++) {
            for (int col = 0; col < 64; col++) {
                int other = leftToRight ? row * 64 + 63 - col : (63 - row) * 64 + col;
                sum += Math.abs(image[row * 64 + col] - image[other]);
            }
        }
        return sum;
    }

    private static double distance(float[] a, float[] b) {
        double d = 0;
        for (int i = 0; i < a.length; i++) {
            d += (a[i] - b[i]) * (a[i] - b[i]);
        }
        return d;
    }
}
