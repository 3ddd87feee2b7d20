package introdl.faces;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import introdl.data.InvalidDataException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The course file cut short by an interrupted download, laid out as h5py writes it (labels before images). */
class CourseFacesTruncationTest {
    private static final int N = 400;
    private static final int IMAGE_BYTES = 64 * 64 * 3;
    private static final int END_OF_FILE_FIELD = 40; // in a version 0 superblock

    /** 400 images, image i with every byte i % 200 + 1; even images are faces. */
    private static Path courseLayout(Path file) {
        float[] labels = new float[N];
        byte[] images = new byte[N * IMAGE_BYTES];
        for (int i = 0; i < N; i++) {
            labels[i] = i % 2 == 0 ? 1 : 0;
            Arrays.fill(images, i * IMAGE_BYTES, (i + 1) * IMAGE_BYTES, (byte) (i % 200 + 1));
        }
        return H5pyLayout.write(file, labels, images);
    }

    private static Path cut(Path file, Path to, long length) throws Exception {
        return Files.write(to, Arrays.copyOf(Files.readAllBytes(file), Math.toIntExact(length)));
    }

    @Test
    void theIntactFileReadsEveryImageWithItsLabel(@TempDir Path dir) {
        FaceSet set = CourseFaces.read(courseLayout(dir.resolve("train_face.h5")));
        assertEquals(N, set.size());
        for (int i : new int[] {0, 39, 40, 360, 399}) {
            assertEquals(i % 2 == 0, set.isFace(i), "label of image " + i);
            assertEquals((i % 200 + 1) / 255f, set.image(i)[FaceSet.PIXELS - 1], 1e-6, "pixels of image " + i);
        }
    }

    @Test
    void aFileCutShortIsRefusedSayingHowLongItShouldBeAndToDownloadItAgain(@TempDir Path dir) throws Exception {
        Path whole = courseLayout(dir.resolve("whole.h5"));
        long size = Files.size(whole);
        for (double fraction : new double[] {0.1, 0.9}) {
            long length = (long) (size * fraction);
            Path truncated = cut(whole, dir.resolve("train_face-" + fraction + ".h5"), length);
            // jHDF alone read these, repeating the bytes that are there in place of the missing images
            InvalidDataException e = assertThrows(InvalidDataException.class, () -> CourseFaces.sample(truncated, 50, 1));
            String message = e.getMessage();
            assertTrue(message.startsWith(truncated + " is truncated (expected at least " + size + " bytes, found "
                    + length + ")") && message.contains("download train_face.h5 again from " + CourseFaces.URL),
                    message);
        }
    }

    @Test
    void aDatasetPastTheEndIsRefusedEvenIfTheSuperblockAgreesWithTheCut(@TempDir Path dir) throws Exception {
        Path whole = courseLayout(dir.resolve("whole.h5"));
        long size = Files.size(whole);
        long length = size / 2;
        Path truncated = cut(whole, dir.resolve("train_face.h5"), length);
        byte[] bytes = Files.readAllBytes(truncated);
        ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).putLong(END_OF_FILE_FIELD, length);
        Files.write(truncated, bytes);
        InvalidDataException e = assertThrows(InvalidDataException.class, () -> CourseFaces.read(truncated));
        assertTrue(e.getMessage().startsWith(truncated + " is truncated (expected at least " + size + " bytes, found "
                + length + "): dataset 'images' ends at byte " + size), e.getMessage());
    }
}
