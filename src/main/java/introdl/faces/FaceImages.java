package introdl.faces;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;

/**
 * Fits any picture to the face set's format: the centre square is cut out (a face detector sees
 * square crops, and squashing would distort faces), then scaled to 64x64 RGB and returned as
 * channel-first floats in [0, 1].
 *
 * <p>Shrinking is done by repeated halving with bilinear filtering, then one last bilinear step:
 * each halving averages 2x2 blocks, so a 200x200 photo keeps its detail without the aliasing (jagged
 * edges, moire) that a single bilinear jump from 200 to 64 gives. Enlarging (CIFAR's 32x32) is one
 * bilinear step.
 */
public final class FaceImages {
    private static final int SIDE = FaceSet.SIDE;

    private FaceImages() {}

    /** The image as 3x64x64 channel-first RGB floats in [0, 1]. */
    public static float[] pixels(BufferedImage image) {
        BufferedImage square = toSquare64(image);
        int[] argb = square.getRGB(0, 0, SIDE, SIDE, null, 0, SIDE);
        int plane = SIDE * SIDE;
        float[] out = new float[3 * plane];
        for (int i = 0; i < plane; i++) {
            int p = argb[i];
            out[i] = ((p >> 16) & 0xff) / 255f;
            out[plane + i] = ((p >> 8) & 0xff) / 255f;
            out[2 * plane + i] = (p & 0xff) / 255f;
        }
        return out;
    }

    /** The centre square of {@code image}, scaled to 64x64 RGB (transparent parts on white). */
    public static BufferedImage toSquare64(BufferedImage image) {
        int w = image.getWidth();
        int h = image.getHeight();
        int side = Math.min(w, h);
        // copy the centre square into plain RGB first: grey, indexed (GIF) and alpha images then
        // scale the same way, and the scaling loops below see one pixel format
        BufferedImage current = new BufferedImage(side, side, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = current.createGraphics();
        try {
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, side, side);
            g.drawImage(image, -(w - side) / 2, -(h - side) / 2, null);
        } finally {
            g.dispose();
        }
        while (current.getWidth() >= 2 * SIDE) {
            current = scale(current, current.getWidth() / 2);
        }
        return current.getWidth() == SIDE ? current : scale(current, SIDE);
    }

    /** {@code source} scaled to {@code side} x {@code side} (bilinear, quality rendering). */
    static BufferedImage scale(BufferedImage source, int side) {
        BufferedImage out = new BufferedImage(side, side, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = out.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
            g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
            g.drawImage(source, 0, 0, side, side, null);
        } finally {
            g.dispose();
        }
        return out;
    }
}
