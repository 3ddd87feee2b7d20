package introdl.vision;

import introdl.viz.ImageFiles;
import introdl.viz.ImageGrid;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Classic hand-made 3x3 filters, the features a network learns for itself: sharpening, blurring
 * and edge detection. Convolving an image with one ({@link #apply}) shows what it picks out.
 */
public enum Filter {
    /** Boosts each pixel against its neighbours. */
    SHARPEN(new float[][] {{0, -1, 0}, {-1, 5, -1}, {0, -1, 0}}),
    /** Edges in every direction (the lecture's "edge detect": a Laplacian). */
    EDGE_DETECT(new float[][] {{0, 1, 0}, {1, -4, 1}, {0, 1, 0}}),
    /** Stronger edges, diagonals included (the lecture's "strong edge detect"). */
    STRONG_EDGE_DETECT(new float[][] {{-1, -1, -1}, {-1, 8, -1}, {-1, -1, -1}}),
    /** The mean of each 3x3 neighbourhood. */
    BLUR(new float[][] {{1 / 9f, 1 / 9f, 1 / 9f}, {1 / 9f, 1 / 9f, 1 / 9f}, {1 / 9f, 1 / 9f, 1 / 9f}}),
    /** Horizontal change: vertical edges. */
    SOBEL_X(new float[][] {{-1, 0, 1}, {-2, 0, 2}, {-1, 0, 1}}),
    /** Vertical change: horizontal edges. */
    SOBEL_Y(new float[][] {{-1, -2, -1}, {0, 0, 0}, {1, 2, 1}});

    private final float[][] kernel;

    Filter(float[][] kernel) {
        this.kernel = kernel;
    }

    /** A copy of the 3x3 kernel. */
    public float[][] kernel() {
        float[][] copy = new float[3][];
        for (int i = 0; i < 3; i++) {
            copy[i] = kernel[i].clone();
        }
        return copy;
    }

    /** The filtered image, the same size as the input (zero padding). */
    public float[][] apply(float[][] image) {
        return Convolution.same(image, kernel);
    }

    public String label() {
        return name().toLowerCase(Locale.ROOT).replace('_', ' ');
    }

    /** The image and its version under every filter, side by side, each rescaled to black..white. */
    public static ImageGrid gallery(float[][] image, int scale) {
        long[] shape = {image.length, image[0].length};
        ImageGrid grid = ImageGrid.columns(values().length + 1).scale(scale)
                .add(Pixels.rescaled(Pixels.flat(image)), shape, "original");
        for (Filter f : values()) {
            grid.add(Pixels.rescaled(Pixels.flat(f.apply(image))), shape, f.label());
        }
        return grid;
    }

    /**
     * Writes the image and each filtered version as PNG files {@code <name>-original.png},
     * {@code <name>-sharpen.png}... in {@code folder}, and returns the files.
     */
    public static List<Path> writeAll(float[][] image, Path folder, String name) {
        List<Path> files = new ArrayList<>();
        files.add(ImageFiles.writePng(Pixels.image(image), folder.resolve(name + "-original.png")));
        for (Filter f : values()) {
            files.add(ImageFiles.writePng(Pixels.image(f.apply(image)),
                    folder.resolve(name + "-" + f.label().replace(' ', '-') + ".png")));
        }
        return files;
    }
}
