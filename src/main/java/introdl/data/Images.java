package introdl.data;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import javax.imageio.ImageIO;

/** Reads image files (PNG, JPEG, ...) with errors that name the file and say what is wrong. */
public final class Images {
    private Images() {}

    /** Reads an image file. */
    public static BufferedImage read(Path file) {
        return DataFiles.read(file, "image file", in -> read(in, file.toString()));
    }

    /**
     * Reads an image from a stream; {@code source} names it in errors.
     *
     * @throws InvalidDataException if the bytes are not a complete image in a known format
     */
    public static BufferedImage read(InputStream in, String source) {
        BufferedImage image;
        try {
            image = ImageIO.read(in);
        } catch (IOException | RuntimeException e) {
            throw new InvalidDataException(
                    source + " is not a readable image (" + e.getMessage()
                            + "); the file is truncated or corrupt", e);
        }
        if (image == null) {
            throw new InvalidDataException(source + " is not an image in a format Java can read (PNG, JPEG, GIF, BMP)");
        }
        return image;
    }

    /** The grey level 0..1 of every pixel, row by row (colour images are averaged). */
    public static float[] grey(BufferedImage image) {
        int w = image.getWidth();
        int h = image.getHeight();
        float[] out = new float[w * h];
        if (image.getType() == BufferedImage.TYPE_BYTE_GRAY) {
            var raster = image.getRaster();
            for (int y = 0; y < h; y++) {
                for (int x = 0; x < w; x++) {
                    out[y * w + x] = raster.getSample(x, y, 0) / 255f;
                }
            }
            return out;
        }
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int rgb = image.getRGB(x, y);
                int sum = ((rgb >> 16) & 0xff) + ((rgb >> 8) & 0xff) + (rgb & 0xff);
                out[y * w + x] = sum / (3 * 255f);
            }
        }
        return out;
    }
}
