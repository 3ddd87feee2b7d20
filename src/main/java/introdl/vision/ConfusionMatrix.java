package introdl.vision;

import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;

/**
 * How often each true class was predicted as each class: row = truth, column = prediction. The
 * diagonal holds the right answers; everything else shows which classes a model confuses.
 */
public final class ConfusionMatrix {
    private final List<String> classes;
    private final int[][] counts;

    private ConfusionMatrix(List<String> classes, int[][] counts) {
        this.classes = List.copyOf(classes);
        this.counts = counts;
    }

    /**
     * Counts the pairs (truth, prediction).
     *
     * @throws IllegalArgumentException if the arrays differ in length or hold an unknown class
     */
    public static ConfusionMatrix of(int[] truth, int[] predicted, List<String> classes) {
        if (truth.length != predicted.length) {
            throw new IllegalArgumentException(truth.length + " labels but " + predicted.length + " predictions");
        }
        int k = classes.size();
        int[][] counts = new int[k][k];
        for (int i = 0; i < truth.length; i++) {
            if (truth[i] < 0 || truth[i] >= k || predicted[i] < 0 || predicted[i] >= k) {
                throw new IllegalArgumentException("sample " + i + " has label " + truth[i] + " and prediction "
                        + predicted[i] + "; classes are 0.." + (k - 1));
            }
            counts[truth[i]][predicted[i]]++;
        }
        return new ConfusionMatrix(classes, counts);
    }

    /** How many samples of class {@code truth} were predicted as {@code predicted}. */
    public int count(int truth, int predicted) {
        return counts[truth][predicted];
    }

    public List<String> classes() {
        return classes;
    }

    /** The share of all samples on the diagonal. */
    public double accuracy() {
        long right = 0;
        long all = 0;
        for (int t = 0; t < counts.length; t++) {
            for (int p = 0; p < counts.length; p++) {
                all += counts[t][p];
                if (t == p) {
                    right += counts[t][p];
                }
            }
        }
        return all == 0 ? Double.NaN : (double) right / all;
    }

    /** The most frequent mistake: {truth, predicted, count}, or null if there is none. */
    public int[] worstConfusion() {
        int[] worst = null;
        for (int t = 0; t < counts.length; t++) {
            for (int p = 0; p < counts.length; p++) {
                if (t != p && counts[t][p] > 0 && (worst == null || counts[t][p] > worst[2])) {
                    worst = new int[] {t, p, counts[t][p]};
                }
            }
        }
        return worst;
    }

    /** The matrix as table rows: a header of predictions, then one row per true class. */
    public List<List<String>> rows() {
        List<List<String>> rows = new ArrayList<>();
        List<String> header = new ArrayList<>();
        header.add("truth \\ predicted");
        header.addAll(classes);
        rows.add(header);
        for (int t = 0; t < counts.length; t++) {
            List<String> row = new ArrayList<>();
            row.add(classes.get(t));
            for (int p = 0; p < counts.length; p++) {
                row.add(String.valueOf(counts[t][p]));
            }
            rows.add(row);
        }
        return rows;
    }

    /** A heat map: each cell shaded by its share of its row, with the count written in it. */
    public BufferedImage image() {
        int k = counts.length;
        int cell = 44;
        Font font = new Font(Font.SANS_SERIF, Font.PLAIN, 11);
        int margin = 34 + classes.stream().mapToInt(c -> labelWidth(font, shorten(c, 12))).max().orElse(0);
        int size = margin + k * cell + 10;
        BufferedImage out = new BufferedImage(size, size, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = out.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, size, size);
            g.setFont(font);
            FontMetrics metrics = g.getFontMetrics();
            for (int t = 0; t < k; t++) {
                int rowTotal = 0;
                for (int p = 0; p < k; p++) {
                    rowTotal += counts[t][p];
                }
                for (int p = 0; p < k; p++) {
                    double share = rowTotal == 0 ? 0 : (double) counts[t][p] / rowTotal;
                    Color shade = t == p ? blend(new Color(0x1a7f37), share) : blend(new Color(0xcf222e), Math.sqrt(share));
                    int x = margin + p * cell;
                    int y = margin + t * cell;
                    g.setColor(shade);
                    g.fillRect(x, y, cell - 1, cell - 1);
                    g.setColor(share > 0.5 ? Color.WHITE : Color.BLACK);
                    String text = String.valueOf(counts[t][p]);
                    g.drawString(text, x + (cell - metrics.stringWidth(text)) / 2, y + cell / 2 + metrics.getAscent() / 2 - 2);
                }
            }
            g.setColor(Color.BLACK);
            for (int c = 0; c < k; c++) {
                String name = shorten(classes.get(c), 12);
                g.drawString(name, margin - metrics.stringWidth(name) - 6, margin + c * cell + cell / 2 + 4);
                drawVertical(g, name, margin + c * cell + cell / 2 + 4, margin - 6);
            }
            g.drawString("truth", 4, 14);
            g.drawString("predicted", margin, 14);
        } finally {
            g.dispose();
        }
        return out;
    }

    private static int labelWidth(Font font, String text) {
        BufferedImage scratch = new BufferedImage(1, 1, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = scratch.createGraphics();
        try {
            return g.getFontMetrics(font).stringWidth(text);
        } finally {
            g.dispose();
        }
    }

    private static Color blend(Color colour, double share) {
        double s = Math.max(0, Math.min(1, share));
        int r = (int) Math.round(255 + (colour.getRed() - 255) * s);
        int gr = (int) Math.round(255 + (colour.getGreen() - 255) * s);
        int b = (int) Math.round(255 + (colour.getBlue() - 255) * s);
        return new Color(r, gr, b);
    }

    private static void drawVertical(Graphics2D g, String text, int x, int y) {
        Graphics2D rotated = (Graphics2D) g.create();
        rotated.translate(x, y);
        rotated.rotate(-Math.PI / 2);
        rotated.drawString(text, 0, 0);
        rotated.dispose();
    }

    private static String shorten(String name, int max) {
        return name.length() <= max ? name : name.substring(0, max - 1) + "…";
    }
}
