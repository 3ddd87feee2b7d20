package introdl.data;

import ai.djl.ndarray.types.Shape;
import java.util.Locale;
import java.util.Random;

/**
 * Data augmentation for images: each epoch the fit loop shows the model a slightly different
 * version of every training image (moved, turned, zoomed, and for photographs mirrored, lit and
 * coloured differently), so it learns the object rather than the exact pixels, the framing or the
 * lighting of one collection. Geometry is a random affine warp with bilinear sampling; colour is
 * a random brightness, contrast and saturation change and, now and then, grey; each drawn
 * independently per image. Immutable: each {@code with...} method returns a new augmentation.
 */
public final class Augment {
    private final double maxShift;
    private final double maxDegrees;
    private final double minZoom;
    private final double maxZoom;
    private final boolean flips;
    private final double brightness;
    private final double contrast;
    private final double saturation;
    private final double greyShare;

    private Augment(double maxShift, double maxDegrees, double minZoom, double maxZoom, boolean flips,
            double brightness, double contrast, double saturation, double greyShare) {
        this.maxShift = maxShift;
        this.maxDegrees = maxDegrees;
        this.minZoom = minZoom;
        this.maxZoom = maxZoom;
        this.flips = flips;
        this.brightness = brightness;
        this.contrast = contrast;
        this.saturation = saturation;
        this.greyShare = greyShare;
    }

    /**
     * Random affine warps: a shift of up to {@code maxShift} pixels on each axis, a rotation of up
     * to {@code maxDegrees} either way, and a zoom of up to ±{@code maxScale} (0.1 = 10%).
     */
    public static Augment affine(double maxShift, double maxDegrees, double maxScale) {
        if (!(maxShift >= 0) || !(maxDegrees >= 0) || !(maxScale >= 0 && maxScale < 1)) {
            throw new IllegalArgumentException(String.format(Locale.ROOT,
                    "augmentation needs shift >= 0, degrees >= 0 and scale in [0, 1), got %s, %s, %s",
                    maxShift, maxDegrees, maxScale));
        }
        return new Augment(maxShift, maxDegrees, 1 - maxScale, 1 + maxScale, false, 0, 0, 0, 0);
    }

    /** Random shifts of up to {@code maxShift} pixels on each axis. */
    public static Augment shift(double maxShift) {
        return affine(maxShift, 0, 0);
    }

    /**
     * The same, zooming by a factor drawn uniformly from [{@code min}, {@code max}] instead: above 1
     * shows a part of the image enlarged (a random crop, moved by the shift), below 1 the whole image
     * smaller on black.
     */
    public Augment withZoom(double min, double max) {
        if (!(min > 0 && min <= max && Double.isFinite(max))) {
            throw new IllegalArgumentException("the zoom range must satisfy 0 < min <= max, got " + min + " to " + max);
        }
        return new Augment(maxShift, maxDegrees, min, max, flips, brightness, contrast, saturation, greyShare);
    }

    /** The same, mirrored left to right half of the time (for pictures whose mirror image is as likely). */
    public Augment withFlips() {
        return new Augment(maxShift, maxDegrees, minZoom, maxZoom, true, brightness, contrast, saturation, greyShare);
    }

    /**
     * The same, with each image's brightness, contrast and saturation multiplied by factors drawn
     * from 1 ± the given amounts (0.3 = up to 30% either way); pixels stay in [0, 1]. For
     * three-channel images.
     */
    public Augment withColourJitter(double brightness, double contrast, double saturation) {
        for (double amount : new double[] {brightness, contrast, saturation}) {
            if (!(amount >= 0 && amount < 1)) {
                throw new IllegalArgumentException("colour jitter amounts must be in [0, 1), got " + brightness + ", "
                        + contrast + ", " + saturation);
            }
        }
        return new Augment(maxShift, maxDegrees, minZoom, maxZoom, flips, brightness, contrast, saturation, greyShare);
    }

    /** The same, turning the share {@code share} of images grey (the mean of the three channels). */
    public Augment withGreyscale(double share) {
        if (!(share >= 0 && share <= 1)) {
            throw new IllegalArgumentException("the share of images turned grey must be in [0, 1], got " + share);
        }
        return new Augment(maxShift, maxDegrees, minZoom, maxZoom, flips, brightness, contrast, saturation, share);
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
            double scale = minZoom + random.nextDouble() * (maxZoom - minZoom);
            double dx = (2 * random.nextDouble() - 1) * maxShift;
            double dy = (2 * random.nextDouble() - 1) * maxShift;
            // inverse map: output pixel -> source position
            double cos = Math.cos(angle) / scale;
            double sin = Math.sin(angle) / scale;
            // the extra draws come after the warp's, so a warp-only augmentation draws as it always has
            double mirror = flips && random.nextBoolean() ? -1 : 1;
            for (int c = 0; c < channels; c++) {
                int base = s * perSample + c * plane;
                for (int y = 0; y < h; y++) {
                    for (int x = 0; x < w; x++) {
                        double u = mirror * (x - cx) - dx;
                        double v = y - cy - dy;
                        double sx = cos * u + sin * v + cx;
                        double sy = -sin * u + cos * v + cy;
                        out[base + y * w + x] = bilinear(features, base, w, h, sx, sy);
                    }
                }
            }
            if (changesColour()) {
                if (channels != 3) {
                    throw new IllegalArgumentException("colour jitter and greyscale need 3-channel images, got "
                            + channels + " channel(s) of shape " + sampleShape);
                }
                recolour(out, s * perSample, plane, random);
            }
        }
        return out;
    }

    private boolean changesColour() {
        return brightness > 0 || contrast > 0 || saturation > 0 || greyShare > 0;
    }

    // brightness scales every pixel, contrast moves pixels from the image's mean grey, saturation
    // from each pixel's own grey; grey replaces the colour by that grey
    private void recolour(float[] image, int base, int plane, Random random) {
        double b = 1 + (2 * random.nextDouble() - 1) * brightness;
        double c = 1 + (2 * random.nextDouble() - 1) * contrast;
        double s = random.nextDouble() < greyShare ? 0 : 1 + (2 * random.nextDouble() - 1) * saturation;
        double mean = 0;
        for (int i = 0; i < plane; i++) {
            mean += grey(image, base, plane, i);
        }
        mean /= plane;
        for (int i = 0; i < plane; i++) {
            double g = grey(image, base, plane, i);
            for (int ch = 0; ch < 3; ch++) {
                int at = base + ch * plane + i;
                double v = g + s * (image[at] - g);
                v = mean + c * (v - mean);
                image[at] = (float) Math.min(1, Math.max(0, b * v));
            }
        }
    }

    // ITU-R 601 luma, the grey torchvision's transforms use
    private static double grey(float[] image, int base, int plane, int i) {
        return 0.299 * image[base + i] + 0.587 * image[base + plane + i] + 0.114 * image[base + 2 * plane + i];
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
        String out = String.format(Locale.ROOT, "affine (shift %.3g px, rotate %.3g°, zoom %.3g to %.3g)", maxShift,
                maxDegrees, minZoom, maxZoom);
        if (flips) {
            out += ", mirrored half the time";
        }
        if (brightness > 0 || contrast > 0 || saturation > 0) {
            out += String.format(Locale.ROOT, ", colour jitter (brightness ±%.3g, contrast ±%.3g, saturation ±%.3g)",
                    brightness, contrast, saturation);
        }
        if (greyShare > 0) {
            out += String.format(Locale.ROOT, ", %.3g grey", greyShare);
        }
        return out;
    }
}
