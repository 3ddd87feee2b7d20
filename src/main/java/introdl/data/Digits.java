package introdl.data;

import ai.djl.ndarray.types.Shape;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;

/**
 * The bundled handwritten digits: OpenCV's {@code digits.png}, 5000 MNIST digits of 20x20
 * pixels, 500 per class, shipped inside the jar so every lab runs offline. The sheet has 50 rows
 * of 100 digits; rows 5k to 5k+4 hold the digit k. Pixels are scaled to 0..1 (white ink on black).
 */
public final class Digits {
    /** Side of one digit, in pixels. */
    public static final int SIDE = 20;
    /** How many digits the sheet holds. */
    public static final int COUNT = 5000;
    /** The default held-out part of {@link #split(long)}. */
    public static final int TEST_SIZE = 1000;
    /** Class names "0".."9". */
    public static final List<String> CLASSES = List.of("0", "1", "2", "3", "4", "5", "6", "7", "8", "9");

    private static final String RESOURCE = "/introdl/data/digits.png";
    private static final int COLUMNS = 100;
    private static final int ROWS = 50;
    private static final int ROWS_PER_CLASS = 5;
    private static volatile Examples cached;

    private Digits() {}

    /** All 5000 bundled digits, as samples of shape 1x20x20. */
    public static Examples load() {
        Examples all = cached;
        if (all == null) {
            try (InputStream in = Digits.class.getResourceAsStream(RESOURCE)) {
                if (in == null) {
                    throw new DataUnavailableException(
                            "the bundled digits (" + RESOURCE + ") are not on the classpath; rebuild with mvn package");
                }
                all = fromSheet(Images.read(in, "bundled digits.png"), "bundled digits.png");
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            cached = all;
        }
        return all;
    }

    /** Digits from a sheet laid out like OpenCV's {@code digits.png} (2000x1000, 20x20 cells). */
    public static Examples load(Path sheet) {
        return fromSheet(Images.read(sheet), sheet.toString());
    }

    /** The default stratified split: 4000 digits to train on, 1000 held out. */
    public static Split split(long seed) {
        return load().split(TEST_SIZE, seed);
    }

    private static Examples fromSheet(BufferedImage sheet, String source) {
        if (sheet.getWidth() != COLUMNS * SIDE || sheet.getHeight() != ROWS * SIDE) {
            throw new InvalidDataException(String.format(
                    "%s is %dx%d pixels; a digits sheet must be %dx%d (%d x %d cells of %dx%d)",
                    source, sheet.getWidth(), sheet.getHeight(), COLUMNS * SIDE, ROWS * SIDE,
                    COLUMNS, ROWS, SIDE, SIDE));
        }
        float[] grey = Images.grey(sheet);
        int width = COLUMNS * SIDE;
        float[] features = new float[COUNT * SIDE * SIDE];
        float[] labels = new float[COUNT];
        for (int row = 0; row < ROWS; row++) {
            for (int col = 0; col < COLUMNS; col++) {
                int n = row * COLUMNS + col;
                labels[n] = row / ROWS_PER_CLASS;
                for (int y = 0; y < SIDE; y++) {
                    System.arraycopy(grey, (row * SIDE + y) * width + col * SIDE,
                            features, n * SIDE * SIDE + y * SIDE, SIDE);
                }
            }
        }
        return Examples.of("digits", features, new Shape(1, SIDE, SIDE), labels, CLASSES);
    }
}
