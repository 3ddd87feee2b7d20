package introdl.generative;

import ai.djl.ndarray.types.Shape;
import introdl.data.Examples;
import introdl.viz.ImageGrid;
import introdl.viz.LineChart;
import java.awt.Color;
import java.awt.image.BufferedImage;
import java.util.List;

/** The pictures of lecture 4: reconstructions beside originals, image grids, and the 2-D latent map. */
public final class Pictures {
    private Pictures() {}

    /** {@code count} images spread evenly over {@code images} (a test set sorted by class gives every class). */
    public static Examples spread(Examples images, int count) {
        return images.subset(spreadIndices(images.size(), count), images.name() + "/spread");
    }

    /** {@code count} indices (fewer if there are fewer items) spread evenly over {@code size} items. */
    public static int[] spreadIndices(int size, int count) {
        int n = Math.min(count, size);
        int[] indices = new int[n];
        for (int i = 0; i < n; i++) {
            indices[i] = (int) ((long) i * size / n);
        }
        return indices;
    }

    /** The first {@code count} images (top row) above what the model made of them (bottom row). */
    public static BufferedImage reconstructions(Examples images, float[][] reconstructions, int count, int scale) {
        int n = Math.min(count, images.size());
        long[] shape = images.sampleShape().getShape();
        ImageGrid grid = ImageGrid.columns(n).scale(scale);
        for (int i = 0; i < n; i++) {
            grid.add(images.sample(i), shape, i == 0 ? "input" : "");
        }
        for (int i = 0; i < n; i++) {
            grid.add(reconstructions[i], shape, i == 0 ? "output" : "");
        }
        return grid.image();
    }

    /** Images in rows of {@code columns}, uncaptioned (samples, traversals, interpolations). */
    public static BufferedImage grid(float[][] images, Shape shape, int columns, int scale) {
        ImageGrid grid = ImageGrid.columns(columns).scale(scale);
        for (float[] image : images) {
            grid.add(image, shape.getShape(), "");
        }
        return grid.image();
    }

    /** Images with a caption each (e.g. the most unusual ones with their scores), the marked ones in red. */
    public static BufferedImage captioned(List<float[]> images, List<String> captions, List<Boolean> marked,
            Shape shape, int columns, int scale) {
        ImageGrid grid = ImageGrid.columns(columns).scale(scale);
        for (int i = 0; i < images.size(); i++) {
            grid.add(images.get(i), shape.getShape(), captions.get(i), marked.get(i) ? Color.RED : Color.BLACK);
        }
        return grid.image();
    }

    /**
     * Two-dimensional codes as points, one colour per class (the labels were not used in
     * training: any grouping is the model's own).
     */
    public static LineChart latentMap(float[][] codes, int[] labels, List<String> classNames) {
        if (codes.length > 0 && codes[0].length != 2) {
            throw new IllegalArgumentException("a latent map needs 2-D codes, got " + codes[0].length + "-D");
        }
        LineChart chart = LineChart.of("Test images in the 2-D latent space").axes("z1", "z2").size(720, 600);
        for (int c = 0; c < classNames.size(); c++) {
            int count = 0;
            for (int label : labels) {
                count += label == c ? 1 : 0;
            }
            double[] x = new double[count];
            double[] y = new double[count];
            int k = 0;
            for (int i = 0; i < codes.length; i++) {
                if (labels[i] == c) {
                    x[k] = codes[i][0];
                    y[k++] = codes[i][1];
                }
            }
            chart.points(classNames.get(c), x, y);
        }
        return chart;
    }
}
