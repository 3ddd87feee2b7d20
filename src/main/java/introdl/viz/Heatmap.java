package introdl.viz;

import java.awt.Color;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.geom.AffineTransform;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.List;

/**
 * A (rows × columns) matrix of weights in 0..1 drawn as coloured cells, white for 0 to dark blue
 * for 1, with labels on both sides and a colour bar: the picture of an attention map (query tokens
 * down the side, the key tokens they look at along the top), or of any other matrix of
 * proportions. {@link #grid} puts several in one image (layers × heads), each with its caption.
 *
 * <p>Cells are as large as fits about 480 pixels, but never under 6 pixels (a 64 × 64 map) nor over
 * 32; when cells are too small for every label, every k-th one is drawn. Values outside 0..1 are
 * drawn as the nearest end of the scale.
 */
public final class Heatmap {
    /**
     * matplotlib's "Blues", starting at pure white so a masked 0 reads as empty: a sequential scale
     * that reads as "more" from light to dark, also printed in grey.
     */
    private static final int[] BLUES = {0xffffff, 0xdeebf7, 0xc6dbef, 0x9ecae1, 0x6baed6, 0x4292c6, 0x2171b5,
        0x08519c, 0x08306b};
    private static final int TARGET = 480;
    private static final int MIN_CELL = 6;
    private static final int MAX_CELL = 32;
    /** Labels closer than this would overlap at the label font's size. */
    private static final int LABEL_SPACING = 13;
    private static final int PAD = 8;
    private static final int BAR_WIDTH = 12;
    /** A colour bar shorter than this shows no gradient worth reading. */
    private static final int MIN_BAR = 60;

    private final float[][] weights;
    private List<String> rowLabels = List.of();
    private List<String> columnLabels = List.of();
    private String title = "";
    private int cell;

    private Heatmap(float[][] weights) {
        this.weights = weights;
        int largest = Math.max(weights.length, weights[0].length);
        this.cell = Math.max(MIN_CELL, Math.min(MAX_CELL, TARGET / largest));
    }

    /**
     * A heatmap of {@code weights} (copied), row by row.
     *
     * @throws IllegalArgumentException if the matrix is empty, ragged, or holds NaN or infinity
     */
    public static Heatmap of(float[][] weights) {
        if (weights == null || weights.length == 0 || weights[0] == null || weights[0].length == 0) {
            throw new IllegalArgumentException("a heatmap needs at least one row and one column");
        }
        float[][] copy = new float[weights.length][];
        for (int r = 0; r < weights.length; r++) {
            if (weights[r] == null || weights[r].length != weights[0].length) {
                throw new IllegalArgumentException("the matrix is ragged: row " + r + " has "
                        + (weights[r] == null ? 0 : weights[r].length) + " values, row 0 has " + weights[0].length);
            }
            for (int c = 0; c < weights[r].length; c++) {
                if (!Float.isFinite(weights[r][c])) {
                    throw new IllegalArgumentException("the matrix holds " + weights[r][c] + " at row " + r
                            + ", column " + c);
                }
            }
            copy[r] = weights[r].clone();
        }
        return new Heatmap(copy);
    }

    /** Labels down the left side, one per row (for attention: the query tokens). */
    public Heatmap rows(List<String> labels) {
        this.rowLabels = checkedLabels(labels, weights.length, "row");
        return this;
    }

    /** Labels along the top, one per column (for attention: the key tokens). */
    public Heatmap columns(List<String> labels) {
        this.columnLabels = checkedLabels(labels, weights[0].length, "column");
        return this;
    }

    /** The title above the map; in a {@link #grid} it is the panel's caption. */
    public Heatmap title(String text) {
        this.title = text == null ? "" : text;
        return this;
    }

    /** Sets the side of a cell in pixels instead of the automatic size. */
    public Heatmap cellSize(int pixels) {
        if (pixels < 1) {
            throw new IllegalArgumentException("a cell needs at least 1 pixel, got " + pixels);
        }
        this.cell = pixels;
        return this;
    }

    /** The side of a cell in pixels. */
    public int cellSize() {
        return cell;
    }

    /** Renders the map with its title, labels and colour bar. */
    public BufferedImage image() {
        return render(true);
    }

    /** Renders the map and writes it as PNG (parent folders are created). */
    public Path save(Path file) {
        return ImageFiles.writePng(image(), file);
    }

    /**
     * Several maps in one image, {@code columns} to a row, each captioned with its own title, under
     * {@code title} and beside one colour bar that serves them all.
     */
    public static BufferedImage grid(List<Heatmap> maps, int columns, String title) {
        if (maps.isEmpty()) {
            throw new IllegalArgumentException("a grid of heatmaps needs at least one map");
        }
        ImageGrid panels = ImageGrid.columns(columns).scale(1);
        for (Heatmap map : maps) {
            panels.add(map.render(false), map.title);
        }
        BufferedImage inner = panels.image();
        int top = title == null || title.isEmpty() ? 0 : ChartText.TITLE_BASELINE + PAD;
        int barHeight = Math.min(inner.getHeight() - 2 * PAD, 240);
        BufferedImage out = new BufferedImage(inner.getWidth() + colourBarWidth(), top + inner.getHeight(),
                BufferedImage.TYPE_INT_RGB);
        Graphics2D g = ChartText.canvas(out);
        try {
            if (top > 0) {
                ChartText.title(g, title, out.getWidth());
            }
            g.drawImage(inner, 0, top, null);
            drawColourBar(g, inner.getWidth() + PAD, top + PAD, barHeight);
        } finally {
            g.dispose();
        }
        return out;
    }

    /** {@link #grid} written as PNG. */
    public static Path saveGrid(List<Heatmap> maps, int columns, String title, Path file) {
        return ImageFiles.writePng(grid(maps, columns, title), file);
    }

    /** The colour of a weight: the Blues scale interpolated, 0 (and below) white, 1 (and above) darkest. */
    static Color colour(float weight) {
        double x = Math.max(0, Math.min(1, weight)) * (BLUES.length - 1);
        int i = Math.min((int) x, BLUES.length - 2);
        double f = x - i;
        int a = BLUES[i];
        int b = BLUES[i + 1];
        return new Color(mix(a >> 16, b >> 16, f), mix(a >> 8, b >> 8, f), mix(a, b, f));
    }

    private static int mix(int a, int b, double f) {
        return (int) Math.round((a & 0xff) * (1 - f) + (b & 0xff) * f);
    }

    /** Where the cells start in {@link #image()}: {x, y} of cell (0, 0)'s top-left corner. */
    int[] origin() {
        return origin(!title.isEmpty());
    }

    private int[] origin(boolean titled) {
        FontMetrics fm = metrics();
        int left = PAD + (rowLabels.isEmpty() ? 0 : widest(rowLabels, fm) + PAD);
        int top = (titled ? ChartText.TITLE_BASELINE + PAD : PAD)
                + (columnLabels.isEmpty() ? 0 : widest(columnLabels, fm) + PAD);
        return new int[] {left, top};
    }

    /** The map alone, or (a whole picture) with its title above and the colour bar beside it. */
    private BufferedImage render(boolean whole) {
        boolean titled = whole && !title.isEmpty();
        int[] origin = origin(titled);
        int rows = weights.length;
        int cols = weights[0].length;
        int width = origin[0] + cols * cell + (whole ? colourBarWidth() : PAD);
        if (titled) {
            width = Math.max(width, metrics(ChartText.TITLE).stringWidth(title) + 2 * PAD);
        }
        int mapHeight = whole ? Math.max(rows * cell, MIN_BAR) : rows * cell;
        BufferedImage image = new BufferedImage(width, origin[1] + mapHeight + PAD, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = ChartText.canvas(image);
        try {
            if (titled) {
                ChartText.title(g, title, width);
            }
            drawCells(g, origin[0], origin[1]);
            drawLabels(g, origin[0], origin[1]);
            if (whole) {
                drawColourBar(g, origin[0] + cols * cell + 2 * PAD, origin[1], mapHeight);
            }
        } finally {
            g.dispose();
        }
        return image;
    }

    private void drawCells(Graphics2D g, int left, int top) {
        for (int r = 0; r < weights.length; r++) {
            for (int c = 0; c < weights[r].length; c++) {
                g.setColor(colour(weights[r][c]));
                g.fillRect(left + c * cell, top + r * cell, cell, cell);
            }
        }
        g.setColor(Color.GRAY);
        g.drawRect(left - 1, top - 1, weights[0].length * cell + 1, weights.length * cell + 1);
    }

    private void drawLabels(Graphics2D g, int left, int top) {
        g.setColor(Color.BLACK);
        g.setFont(ChartText.LABEL);
        FontMetrics fm = g.getFontMetrics();
        int stride = (LABEL_SPACING + cell - 1) / cell;
        int middle = (fm.getAscent() - fm.getDescent()) / 2; // lifts a baseline so the text centres on a cell
        for (int r = 0; r < rowLabels.size(); r += stride) {
            String label = rowLabels.get(r);
            g.drawString(label, left - PAD - fm.stringWidth(label), top + r * cell + cell / 2 + middle);
        }
        AffineTransform saved = g.getTransform();
        for (int c = 0; c < columnLabels.size(); c += stride) {
            // written upwards, ending just above its column, so long tokens need no more width than a cell
            g.setTransform(saved);
            g.translate(left + c * cell + cell / 2 + middle, top - PAD);
            g.rotate(-Math.PI / 2);
            g.drawString(columnLabels.get(c), 0, 0);
        }
        g.setTransform(saved);
    }

    private static int colourBarWidth() {
        return 2 * PAD + BAR_WIDTH + 4 + metrics().stringWidth("1.0") + PAD;
    }

    private static void drawColourBar(Graphics2D g, int x, int y, int height) {
        for (int i = 0; i < height; i++) {
            g.setColor(colour(1f - i / (float) (height - 1)));
            g.fillRect(x, y + i, BAR_WIDTH, 1);
        }
        g.setColor(Color.GRAY);
        g.drawRect(x, y, BAR_WIDTH, height - 1);
        g.setColor(Color.BLACK);
        g.setFont(ChartText.LABEL);
        int ascent = g.getFontMetrics().getAscent();
        g.drawString("1.0", x + BAR_WIDTH + 4, y + ascent - 2);
        g.drawString("0.0", x + BAR_WIDTH + 4, y + height);
    }

    private static List<String> checkedLabels(List<String> labels, int count, String what) {
        if (labels.size() != count) {
            throw new IllegalArgumentException(labels.size() + " " + what + " labels for " + count + " " + what + "s");
        }
        return labels.stream().map(l -> l == null ? "" : l).toList();
    }

    private static int widest(List<String> labels, FontMetrics fm) {
        return labels.stream().mapToInt(fm::stringWidth).max().orElse(0);
    }

    private static FontMetrics metrics() {
        return metrics(ChartText.LABEL);
    }

    private static FontMetrics metrics(java.awt.Font font) {
        BufferedImage scratch = new BufferedImage(1, 1, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = scratch.createGraphics();
        try {
            return g.getFontMetrics(font);
        } finally {
            g.dispose();
        }
    }
}
