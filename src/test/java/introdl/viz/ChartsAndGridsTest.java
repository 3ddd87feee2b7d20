package introdl.viz;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ChartsAndGridsTest {
    @Test
    void lineChartIsWrittenAsPngOfTheAskedSize(@TempDir Path dir) throws Exception {
        double[] x = {1, 2, 3};
        Path file = LineChart.of("t").axes("epoch", "loss").size(400, 300)
                .series("train", x, new double[] {3, 2, 1})
                .dashed("validation", x, new double[] {3, Double.NaN, 2})
                .save(dir.resolve("charts/loss.png"));
        BufferedImage image = ImageIO.read(file.toFile());
        assertEquals(400, image.getWidth());
        assertEquals(300, image.getHeight());
    }

    @Test
    void seriesOfUnequalLengthIsRejected() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> LineChart.of("t").series("s", new double[2], new double[3]));
        assertTrue(e.getMessage().contains("'s'"), e.getMessage());
    }

    @Test
    void logScaleDropsNonPositivePointsInsteadOfFailing() {
        BufferedImage withZero = LineChart.of("t").logY()
                .series("s", new double[] {1, 2, 3}, new double[] {1e-3, 0, 10}).image();
        BufferedImage without = LineChart.of("t").logY().series("s", new double[] {1, 3}, new double[] {1e-3, 10})
                .image();
        BufferedImage linear = LineChart.of("t").series("s", new double[] {1, 3}, new double[] {1e-3, 10}).image();
        assertTrue(samePixels(withZero, without), "the point at 0 is left out, the others drawn as without it");
        assertTrue(!samePixels(without, linear), "and the axis is logarithmic");
    }

    private static boolean samePixels(BufferedImage a, BufferedImage b) {
        if (a.getWidth() != b.getWidth() || a.getHeight() != b.getHeight()) {
            return false;
        }
        for (int y = 0; y < a.getHeight(); y++) {
            for (int x = 0; x < a.getWidth(); x++) {
                if (a.getRGB(x, y) != b.getRGB(x, y)) {
                    return false;
                }
            }
        }
        return true;
    }

    @Test
    void gridPlacesScaledImagesWithCaptions() {
        float[] white = new float[4];
        java.util.Arrays.fill(white, 1f);
        ImageGrid grid = ImageGrid.columns(2).scale(5);
        for (int i = 0; i < 3; i++) {
            grid.add(white, new long[] {1, 2, 2}, "w" + i);
        }
        BufferedImage image = grid.image();
        // 2 columns of 10-pixel cells with 4-pixel gaps; 2 rows with 16-pixel captions
        assertEquals(2 * (10 + 4) + 4, image.getWidth());
        assertEquals(2 * (10 + 16 + 4) + 4, image.getHeight());
        assertEquals(0xffffff, image.getRGB(4 + 5, 4 + 5) & 0xffffff, "a white pixel scaled up");
    }

    @Test
    void toImageUnderstandsGreyAndColourAndRejectsOtherShapes() {
        BufferedImage colour = ImageGrid.toImage(new float[] {1, 0, 0.5f}, new long[] {3, 1, 1});
        assertEquals(0xff0080, colour.getRGB(0, 0) & 0xffffff);
        assertThrows(IllegalArgumentException.class, () -> ImageGrid.toImage(new float[8], new long[] {2, 2, 2}));
        assertThrows(IllegalArgumentException.class, () -> ImageGrid.toImage(new float[3], new long[] {2, 2}));
    }
}
