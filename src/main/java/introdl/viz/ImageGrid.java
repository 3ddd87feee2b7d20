package introdl.viz;

import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A grid of small images with optional captions, for looking at samples, predictions,
 * reconstructions or filters. Pixels are floats in 0..1, channel-first (C x H x W, C = 1 or 3).
 */
public final class ImageGrid {
    private static final int CAPTION_HEIGHT = 16;
    private static final int GAP = 4;

    private final int columns;
    private int scale = 3;
    private final List<Cell> cells = new ArrayList<>();

    private record Cell(BufferedImage image, String caption, Color colour) {}

    private ImageGrid(int columns) {
        if (columns < 1) {
            throw new IllegalArgumentException("columns must be at least 1, got " + columns);
        }
        this.columns = columns;
    }

    /** A grid with this many images per row. */
    public static ImageGrid columns(int columns) {
        return new ImageGrid(columns);
    }

    /** Each image pixel becomes a {@code scale x scale} block. */
    public ImageGrid scale(int scale) {
        if (scale < 1) {
            throw new IllegalArgumentException("scale must be at least 1, got " + scale);
        }
        this.scale = scale;
        return this;
    }

    /** Adds an image given as C x H x W floats in 0..1. */
    public ImageGrid add(float[] pixels, long[] shape, String caption) {
        return add(pixels, shape, caption, Color.BLACK);
    }

    /** Adds an image with a caption in the given colour (e.g. red for a wrong prediction). */
    public ImageGrid add(float[] pixels, long[] shape, String caption, Color colour) {
        cells.add(new Cell(toImage(pixels, shape), caption, colour));
        return this;
    }

    /** Adds a picture that is already drawn (a chart, a heatmap panel), scaled like the others. */
    public ImageGrid add(BufferedImage image, String caption) {
        cells.add(new Cell(image, caption, Color.BLACK));
        return this;
    }

    /** The number of images added so far. */
    public int size() {
        return cells.size();
    }

    /** Converts C x H x W floats in 0..1 (C = 1 or 3; also H x W) into an RGB image. */
    public static BufferedImage toImage(float[] pixels, long[] shape) {
        int c;
        int h;
        int w;
        if (shape.length == 2) {
            c = 1;
            h = (int) shape[0];
            w = (int) shape[1];
        } else if (shape.length == 3 && (shape[0] == 1 || shape[0] == 3)) {
            c = (int) shape[0];
            h = (int) shape[1];
            w = (int) shape[2];
        } else {
            throw new IllegalArgumentException("an image must be HxW or CxHxW with C = 1 or 3, got shape "
                    + java.util.Arrays.toString(shape));
        }
        if ((long) c * h * w != pixels.length) {
            throw new IllegalArgumentException("shape " + java.util.Arrays.toString(shape) + " needs "
                    + (long) c * h * w + " pixels, got " + pixels.length);
        }
        BufferedImage image = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        int plane = h * w;
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int i = y * w + x;
                int r = level(pixels[i]);
                int g = c == 3 ? level(pixels[plane + i]) : r;
                int b = c == 3 ? level(pixels[2 * plane + i]) : r;
                image.setRGB(x, y, (r << 16) | (g << 8) | b);
            }
        }
        return image;
    }

    private static int level(float v) {
        return Math.max(0, Math.min(255, Math.round(v * 255f)));
    }

    /** Renders the grid. */
    public BufferedImage image() {
        if (cells.isEmpty()) {
            return new BufferedImage(1, 1, BufferedImage.TYPE_INT_RGB);
        }
        int cellW = 0;
        int cellH = 0;
        for (Cell cell : cells) {
            cellW = Math.max(cellW, cell.image().getWidth() * scale);
            cellH = Math.max(cellH, cell.image().getHeight() * scale);
        }
        boolean captions = cells.stream().anyMatch(c -> c.caption() != null && !c.caption().isEmpty());
        Font font = new Font(Font.SANS_SERIF, Font.PLAIN, 11);
        int captionH = captions ? CAPTION_HEIGHT : 0;
        int cols = Math.min(columns, cells.size());
        int rows = (cells.size() + columns - 1) / columns;
        int width = cols * (cellW + GAP) + GAP;
        int height = rows * (cellH + captionH + GAP) + GAP;
        BufferedImage out = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = out.createGraphics();
        try {
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, width, height);
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_NEAREST_NEIGHBOR);
            g.setFont(font);
            FontMetrics metrics = g.getFontMetrics();
            for (int k = 0; k < cells.size(); k++) {
                Cell cell = cells.get(k);
                int x = GAP + (k % columns) * (cellW + GAP);
                int y = GAP + (k / columns) * (cellH + captionH + GAP);
                g.drawImage(cell.image(), x, y, cell.image().getWidth() * scale, cell.image().getHeight() * scale, null);
                if (captions && cell.caption() != null) {
                    g.setColor(cell.colour());
                    String text = cell.caption();
                    int tx = x + Math.max(0, (cellW - metrics.stringWidth(text)) / 2);
                    g.drawString(text, tx, y + cellH + metrics.getAscent());
                }
            }
        } finally {
            g.dispose();
        }
        return out;
    }

    /** Renders the grid and writes it as PNG. */
    public Path save(Path file) {
        return ImageFiles.writePng(image(), file);
    }
}
