package introdl.data;

import ai.djl.ndarray.types.Shape;
import java.util.Locale;
import java.util.Random;

/**
 * Data augmentation for images: each epoch the fit loop shows the model a slightly different
 * version of every training image (moved, turned, scaled), so it learns the digit rather than
 * the exact pixels. A random affine warp with bilinear sampling, drawn independently per image.
 */
public final class Augment {
    private final double maxShift;
    private final double maxDegrees;
    private final double maxScale;

    private Augment(double maxShift, double maxDegrees, double maxScale) {
        if (!(maxShift >= 0) || !(maxDegrees >= 0) || !(maxScale >= 0 && maxScale < 1)) {
            throw new IllegalArgumentException(String.format(Locale.ROOT,
                    "augmentation needs shift >= 0, degrees >= 0 and scale in [0, 1), got %s, %s, %s",
                    maxShift, maxDegrees, maxScale));
        }
        this.maxShift = maxShift;
        this.maxDegrees = maxDegrees;
        this.maxScale = maxScale;
    }

    /**
     * Random affine warps: a shift of up to {@code maxShift} pixels on each axis, a rotation of up
     * to {@code maxDegrees} either way, and a zoom of up to ±{@code maxScale} (0.1 = 10%).
     */
    public static Augment affine(double maxShift, double maxDegrees, double maxScale) {
        return new Augment(maxShift, maxDegrees, maxScale);
    }

    /** Random shifts of up to {@code maxShift} pixels on each axis. */
    public static Augment shift(double maxShift) {
        return new Augment(maxShift, 0, 0);
    }

    /**
     * Warps every sample of a batch of images (C x H x W each).
     *
     * @param features all samples one after another
     * @param sampleShape the shape of one sample: H x W or C x H x W
     * @param random the source of the random warps
     * @return a new array of warped samples
     */
    public float[] apply(float[] features, Shape sampleShape, Random random) {
        int dims = sampleShape.dimension();
        if (dims < 2) {
            throw new IllegalArgumentException("augmentation needs images (H x W or C x H x W), got samples of shape "
                    + sampleShape);
        }
        int h = (int) sampleShape.get(dims - 2);
        int w = (int) sampleShape.get(dims - 1);
        int plane = h * w;
        int perSample = Math.toIntExact(sampleShape.size());
        int channels = perSample / plane;
        float[] out = new float[features.length];
        double cy = (h - 1) / 2.0;
        double cx = (w - 1) / 2.0;
        for (int s = 0; s < features.length / perSample; s++) {
            double angle = Math.toRadians((2 * random.nextDouble() - 1) * maxDegrees);
            double scale = 1 + (2 * random.nextDouble() - 1) * maxScale;
            double dx = (2 * random.nextDouble() - 1) * maxShift;
            double dy = (2 * random.nextDouble() - 1) * maxShift;
            // inverse map: output pixel -> source position
            double cos = Math.cos(angle) / scale;
            double sin = Math.sin(angle) / scale;
            for (int c = 0; c < channels; c++) {
                int base = s * perSample + c * plane;
                for (int y = 0; y < h; y++) {
                    for (int x = 0; x < w; x++) {
                        double u = x - cx - dx;
                        double v = y - cy - dy;
                        double sx = cos * u + sin * v + cx;
                        double sy = -sin * u + cos * v + cy;
                        out[base + y * w + x] = bilinear(features, base, w, h, sx, sy);
                    }
                }
            }
        }
        return out;
    }

    private static float bilinear(float[] src, int base, int w, int h, double x, double y) {
        int x0 = (int) Math.floor(x);
        int y0 = (int) Math.floor(y);
        double fx = x - x0;
        double fy = y - y0;
        return (float) ((1 - fy) * ((1 - fx) * at(src, base, w, h, x0, y0) + fx * at(src, base, w, h, x0 + 1, y0))
                + fy * ((1 - fx) * at(src, base, w, h, x0, y0 + 1) + fx * at(src, base, w, h, x0 + 1, y0 + 1)));
    }

    private static float at(float[] src, int base, int w, int h, int x, int y) {
        return x < 0 || y < 0 || x >= w || y >= h ? 0f : src[base + y * w + x];
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "affine (shift %.3g px, rotate %.3g°, scale %.3g)", maxShift, maxDegrees, maxScale);
    }
}
