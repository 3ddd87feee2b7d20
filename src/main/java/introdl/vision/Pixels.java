package introdl.vision;

import ai.djl.ndarray.types.Shape;
import introdl.data.Images;
import introdl.viz.ImageGrid;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;

/**
 * Images as arrays of numbers and back: a picture's grey levels as a [rows][columns] array, an
 * array drawn as a picture (rescaled so its smallest value is black and its largest white), and
 * any picture fitted to the input a trained model expects.
 */
public final class Pixels {
    private Pixels() {}

    /**
     * An image prepared for a model.
     *
     * @param pixels the values, channel first, in 0..1
     * @param changes what was done to the image, in words ("resized from 64x48 to 20x20")
     */
    public record Prepared(float[] pixels, List<String> changes) {}

    /** The grey levels 0..1 of an image, [rows][columns]. */
    public static float[][] grey(BufferedImage image) {
        return rows(Images.grey(image), image.getHeight(), image.getWidth());
    }

    /** A flat row-major array as [rows][columns]. */
    public static float[][] rows(float[] flat, int rows, int columns) {
        if ((long) rows * columns != flat.length) {
            throw new IllegalArgumentException(flat.length + " values do not make " + rows + "x" + columns);
        }
        float[][] out = new float[rows][columns];
        for (int r = 0; r < rows; r++) {
            System.arraycopy(flat, r * columns, out[r], 0, columns);
        }
        return out;
    }

    /** [rows][columns] as one flat row-major array. */
    public static float[] flat(float[][] values) {
        int columns = values[0].length;
        float[] out = new float[values.length * columns];
        for (int r = 0; r < values.length; r++) {
            System.arraycopy(values[r], 0, out, r * columns, columns);
        }
        return out;
    }

    /** The values rescaled to 0..1 (smallest black, largest white), flat. */
    public static float[] rescaled(float[] values) {
        float min = Float.POSITIVE_INFINITY;
        float max = Float.NEGATIVE_INFINITY;
        for (float v : values) {
            min = Math.min(min, v);
            max = Math.max(max, v);
        }
        float range = max - min;
        float[] out = new float[values.length];
        for (int i = 0; i < values.length; i++) {
            out[i] = range == 0 ? 0.5f : (values[i] - min) / range;
        }
        return out;
    }

    /** A picture of [rows][columns] values, rescaled to black..white. */
    public static BufferedImage image(float[][] values) {
        return ImageGrid.toImage(rescaled(flat(values)), new long[] {values.length, values[0].length});
    }

    /**
     * Fits an image to a model's input shape (C x H x W): to grey or colour as the model needs, and
     * resized if its size differs; with {@code darkInk}, an image of dark strokes on a light
     * background (mean above one half) is inverted, to match white-on-black digits.
     *
     * @throws IllegalArgumentException if the model's input is not an image of 1 or 3 channels
     */
    public static Prepared fit(BufferedImage image, Shape sampleShape, boolean darkInk) {
        if (sampleShape.dimension() != 3 || (sampleShape.get(0) != 1 && sampleShape.get(0) != 3)) {
            throw new IllegalArgumentException("the model takes samples of shape " + sampleShape
                    + ", not images of 1 or 3 channels (C x H x W)");
        }
        int channels = (int) sampleShape.get(0);
        int height = (int) sampleShape.get(1);
        int width = (int) sampleShape.get(2);
        List<String> changes = new ArrayList<>();
        BufferedImage sized = image;
        if (image.getWidth() != width || image.getHeight() != height) {
            sized = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
            Graphics2D g = sized.createGraphics();
            g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
            g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
            g.drawImage(image, 0, 0, width, height, null);
            g.dispose();
            changes.add("resized from " + image.getWidth() + "x" + image.getHeight() + " to " + width + "x" + height);
        }
        boolean colour = image.getColorModel().getNumColorComponents() >= 3;
        float[] pixels;
        if (channels == 1) {
            pixels = Images.grey(sized);
            if (colour) {
                changes.add("converted from colour to grey");
            }
        } else {
            pixels = rgb(sized);
            if (!colour) {
                changes.add("grey copied to red, green and blue");
            }
        }
        if (darkInk && mean(pixels) > 0.5) {
            for (int i = 0; i < pixels.length; i++) {
                pixels[i] = 1 - pixels[i];
            }
            changes.add("inverted (dark strokes on light paper) to match the training images");
        }
        return new Prepared(pixels, changes);
    }

    private static float[] rgb(BufferedImage image) {
        int w = image.getWidth();
        int h = image.getHeight();
        float[] out = new float[3 * w * h];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int rgb = image.getRGB(x, y);
                out[y * w + x] = ((rgb >> 16) & 0xff) / 255f;
                out[w * h + y * w + x] = ((rgb >> 8) & 0xff) / 255f;
                out[2 * w * h + y * w + x] = (rgb & 0xff) / 255f;
            }
        }
        return out;
    }

    private static double mean(float[] values) {
        double sum = 0;
        for (float v : values) {
            sum += v;
        }
        return sum / values.length;
    }
}
