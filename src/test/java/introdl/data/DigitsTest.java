package introdl.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DigitsTest {
    @Test
    void bundledSheetHolds500DigitsOfEachClass() {
        Examples digits = Digits.load();
        assertEquals(5000, digits.size());
        assertEquals(1, digits.sampleShape().get(0));
        assertEquals(20, digits.sampleShape().get(1));
        assertEquals(20, digits.sampleShape().get(2));
        int[] counts = digits.classCounts();
        for (int c = 0; c < 10; c++) {
            assertEquals(500, counts[c], "digits of class " + c);
        }
        // rows 5k..5k+4 are class k: the first sample is a 0, the last a 9
        assertEquals(0, digits.label(0));
        assertEquals(9, digits.label(4999));
    }

    @Test
    void pixelsAreScaledToZeroOneWithInkOnBlack() {
        float[] first = Digits.load().sample(0);
        float min = 1;
        float max = 0;
        double mean = 0;
        for (float v : first) {
            min = Math.min(min, v);
            max = Math.max(max, v);
            mean += v / first.length;
        }
        assertEquals(0f, min, 1e-6);
        assertTrue(max > 0.9f, "some pixels are bright ink");
        assertTrue(mean < 0.35, "most of the cell is dark background, mean " + mean);
    }

    @Test
    void defaultSplitIsStratifiedDisjointAndSeeded() {
        Split split = Digits.split(7);
        assertEquals(4000, split.train().size());
        assertEquals(1000, split.test().size());
        for (int c = 0; c < 10; c++) {
            assertEquals(100, split.test().classCounts()[c]);
            assertEquals(400, split.train().classCounts()[c]);
        }
        Set<Integer> trainSamples = new HashSet<>();
        for (int i = 0; i < split.train().size(); i++) {
            trainSamples.add(Arrays.hashCode(split.train().sample(i)));
        }
        int shared = 0;
        for (int i = 0; i < split.test().size(); i++) {
            if (trainSamples.contains(Arrays.hashCode(split.test().sample(i)))) {
                shared++;
            }
        }
        assertTrue(shared <= 2, "train and test share " + shared + " images (at most a couple of exact duplicates exist)");

        Split again = Digits.split(7);
        assertArrayEquals(split.test().sample(123), again.test().sample(123));
        Split other = Digits.split(8);
        assertNotEquals(Arrays.hashCode(split.test().sample(123)), Arrays.hashCode(other.test().sample(123)));
    }

    @Test
    void sheetOfTheWrongSizeIsRejectedNamingTheFile(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("small.png");
        ImageIO.write(new BufferedImage(100, 50, BufferedImage.TYPE_BYTE_GRAY), "png", file.toFile());
        InvalidDataException e = assertThrows(InvalidDataException.class, () -> Digits.load(file));
        assertTrue(e.getMessage().contains("small.png") && e.getMessage().contains("2000x1000"), e.getMessage());
    }
}
