package introdl.viz;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HeatmapTest {
    @Test
    void theImageGrowsByOneCellPerRowAndColumn() {
        BufferedImage small = Heatmap.of(new float[8][10]).cellSize(10).image();
        BufferedImage wider = Heatmap.of(new float[8][15]).cellSize(10).image();
        BufferedImage taller = Heatmap.of(new float[12][10]).cellSize(10).image();
        assertEquals(50, wider.getWidth() - small.getWidth(), "5 more columns of 10 px");
        assertEquals(small.getHeight(), wider.getHeight());
        assertEquals(40, taller.getHeight() - small.getHeight(), "4 more rows of 10 px");
        assertEquals(small.getWidth(), taller.getWidth());
    }

    @Test
    void cellsStayReadableFromTenToSixtyFourTokens() {
        assertTrue(Heatmap.of(new float[10][10]).cellSize() >= 24);
        assertTrue(Heatmap.of(new float[64][64]).cellSize() >= 6);
        assertTrue(Heatmap.of(new float[300][300]).cellSize() >= 6, "never below 6 px, the image grows instead");
        assertTrue(Heatmap.of(new float[2][2]).cellSize() <= 32, "a tiny map does not become huge");
    }

    @Test
    void aWeightOfOneIsDarkerThanAWeightOfZeroAtTheCellCentre() {
        float[][] weights = {{0, 1}, {0.5f, 0}};
        Heatmap map = Heatmap.of(weights).rows(List.of("a", "b")).columns(List.of("a", "b")).title("t");
        BufferedImage image = map.image();
        int[] origin = map.origin();
        int cell = map.cellSize();
        float zero = brightness(image.getRGB(origin[0] + cell / 2, origin[1] + cell / 2));
        float one = brightness(image.getRGB(origin[0] + cell + cell / 2, origin[1] + cell / 2));
        float half = brightness(image.getRGB(origin[0] + cell / 2, origin[1] + cell + cell / 2));
        assertTrue(one < half && half < zero, "darker as the weight grows: " + zero + ", " + half + ", " + one);
        assertTrue(zero > 0.95f, "0 is (nearly) white, brightness " + zero);
        Color darkest = new Color(image.getRGB(origin[0] + cell + cell / 2, origin[1] + cell / 2));
        assertTrue(darkest.getBlue() > darkest.getRed(), "and 1 is blue");
    }

    @Test
    void badMatricesAndLabelsAreRejectedSayingWhat() {
        assertMessage("ragged: row 1 has 1 values, row 0 has 2", () -> Heatmap.of(new float[][] {{0, 1}, {0}}));
        assertMessage("at least one row", () -> Heatmap.of(new float[0][0]));
        assertMessage("NaN at row 0, column 1", () -> Heatmap.of(new float[][] {{0, Float.NaN}}));
        Heatmap map = Heatmap.of(new float[2][3]);
        assertMessage("3 row labels for 2 rows", () -> map.rows(List.of("a", "b", "c")));
        assertMessage("2 column labels for 3 columns", () -> map.columns(List.of("a", "b")));
        assertMessage("at least one map", () -> Heatmap.grid(List.of(), 2, "t"));
    }

    @Test
    void saveWritesAReadablePngOfTheImageAndAGridHoldsEveryPanel(@TempDir Path dir) throws Exception {
        float[][] weights = {{1, 0, 0}, {0.5f, 0.5f, 0}, {0.2f, 0.3f, 0.5f}};
        Heatmap map = Heatmap.of(weights).rows(List.of("the", "cat", "sat")).columns(List.of("the", "cat", "sat"))
                .title("one head");
        BufferedImage expected = map.image();
        BufferedImage read = ImageIO.read(map.save(dir.resolve("maps/head.png")).toFile());
        assertEquals(expected.getWidth(), read.getWidth());
        assertEquals(expected.getHeight(), read.getHeight());
        int[] origin = map.origin();
        assertEquals(expected.getRGB(origin[0] + 2, origin[1] + 2), read.getRGB(origin[0] + 2, origin[1] + 2));

        BufferedImage one = Heatmap.grid(List.of(map), 2, "2 x 2");
        BufferedImage row = Heatmap.grid(List.of(map, map), 2, "2 x 2");
        BufferedImage square = Heatmap.grid(List.of(map, map, map, map), 2, "2 x 2");
        int side = 3 * map.cellSize();
        assertTrue(row.getWidth() - one.getWidth() > side, "a second panel beside the first");
        assertEquals(row.getHeight(), one.getHeight());
        assertTrue(square.getHeight() - row.getHeight() > side, "a second row of panels under the first");
        assertEquals(row.getWidth(), square.getWidth());
        assertTrue(ImageIO.read(Heatmap.saveGrid(List.of(map), 1, "", dir.resolve("grid.png")).toFile()) != null);
    }

    private static float brightness(int rgb) {
        Color c = new Color(rgb);
        return Color.RGBtoHSB(c.getRed(), c.getGreen(), c.getBlue(), null)[2];
    }

    private static void assertMessage(String part, org.junit.jupiter.api.function.Executable bad) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, bad);
        assertTrue(e.getMessage().contains(part), e.getMessage());
    }
}
