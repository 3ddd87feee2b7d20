package introdl.viz;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.geom.AffineTransform;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Grouped bars with an interval on each bar (for example a detection rate per group with its
 * 95% confidence interval, one bar per model). Intervals may be asymmetric, as Wilson intervals
 * are, which is why this is drawn here rather than with the chart library's symmetric error bars.
 */
public final class BarChart {
    private final String title;
    private final List<String> categories;
    private final List<Series> series = new ArrayList<>();
    private String yLabel = "";
    private double yMin = 0;
    private double yMax = 1;
    private int width = 860;
    private int height = 460;

    private record Series(String name, double[] values, double[] low, double[] high) {}

    private BarChart(String title, List<String> categories) {
        this.title = title;
        this.categories = List.copyOf(categories);
    }

    /** A chart with one group of bars per category. */
    public static BarChart of(String title, List<String> categories) {
        if (categories.isEmpty()) {
            throw new IllegalArgumentException("a bar chart needs at least one category");
        }
        return new BarChart(title, categories);
    }

    /** Names the y axis and sets its range. */
    public BarChart yAxis(String label, double min, double max) {
        if (!(max > min)) {
            throw new IllegalArgumentException("the y axis needs max > min, got " + min + " to " + max);
        }
        this.yLabel = label;
        this.yMin = min;
        this.yMax = max;
        return this;
    }

    /** Sets the image size in pixels. */
    public BarChart size(int newWidth, int newHeight) {
        this.width = newWidth;
        this.height = newHeight;
        return this;
    }

    /** Adds one bar per category with an interval [low, high] drawn on it (NaN values are left out). */
    public BarChart series(String name, double[] values, double[] low, double[] high) {
        int n = categories.size();
        if (values.length != n || low.length != n || high.length != n) {
            throw new IllegalArgumentException("series '" + name + "' needs " + n + " values, lows and highs, got "
                    + values.length + ", " + low.length + ", " + high.length);
        }
        series.add(new Series(name, values.clone(), low.clone(), high.clone()));
        return this;
    }

    /** Renders the chart. */
    public BufferedImage image() {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = ChartText.canvas(image);
        int left = 70;
        int right = width - 20;
        int top = 50 + 18 * ((series.size() + 2) / 3);
        int bottom = height - 90;
        drawTitleAndLegend(g);
        drawAxes(g, left, right, top, bottom);
        double slot = (right - left) / (double) categories.size();
        double barWidth = slot * 0.8 / Math.max(1, series.size());
        for (int c = 0; c < categories.size(); c++) {
            for (int s = 0; s < series.size(); s++) {
                Series data = series.get(s);
                if (Double.isNaN(data.values()[c])) {
                    continue;
                }
                double x = left + c * slot + slot * 0.1 + s * barWidth;
                int y = yPixel(data.values()[c], top, bottom);
                g.setColor(LineChart.PALETTE[s % LineChart.PALETTE.length]);
                g.fillRect((int) x + 1, y, (int) barWidth - 2, bottom - y);
                drawInterval(g, x + barWidth / 2, yPixel(data.low()[c], top, bottom), yPixel(data.high()[c], top, bottom));
            }
            drawCategory(g, categories.get(c), left + c * slot + slot / 2, bottom);
        }
        g.dispose();
        return image;
    }

    /** Renders the chart and writes it as PNG (parent folders are created). */
    public Path save(Path file) {
        return ImageFiles.writePng(image(), file);
    }

    private int yPixel(double value, int top, int bottom) {
        double clamped = Math.max(yMin, Math.min(yMax, value));
        return (int) Math.round(bottom - (clamped - yMin) / (yMax - yMin) * (bottom - top));
    }

    private void drawTitleAndLegend(Graphics2D g) {
        ChartText.title(g, title, width);
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
        for (int s = 0; s < series.size(); s++) {
            int x = 80 + (s % 3) * (width - 100) / 3;
            int y = 42 + 18 * (s / 3);
            g.setColor(LineChart.PALETTE[s % LineChart.PALETTE.length]);
            g.fillRect(x, y - 10, 12, 12);
            g.setColor(Color.BLACK);
            g.drawString(series.get(s).name(), x + 18, y);
        }
    }

    private void drawAxes(Graphics2D g, int left, int right, int top, int bottom) {
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 11));
        FontMetrics fm = g.getFontMetrics();
        for (int t = 0; t <= 5; t++) {
            double value = yMin + t * (yMax - yMin) / 5;
            int y = yPixel(value, top, bottom);
            g.setColor(new Color(0xe5e5e5));
            g.drawLine(left, y, right, y);
            g.setColor(Color.DARK_GRAY);
            String label = String.format(Locale.ROOT, "%.2f", value);
            g.drawString(label, left - 6 - fm.stringWidth(label), y + 4);
        }
        g.setColor(Color.BLACK);
        g.drawLine(left, bottom, right, bottom);
        g.drawLine(left, top, left, bottom);
        AffineTransform saved = g.getTransform();
        g.rotate(-Math.PI / 2);
        g.drawString(yLabel, -(top + bottom) / 2 - fm.stringWidth(yLabel) / 2, 16);
        g.setTransform(saved);
    }

    private static void drawInterval(Graphics2D g, double x, int low, int high) {
        g.setColor(Color.BLACK);
        g.setStroke(new BasicStroke(1.5f));
        int cx = (int) Math.round(x);
        g.drawLine(cx, low, cx, high);
        g.drawLine(cx - 4, low, cx + 4, low);
        g.drawLine(cx - 4, high, cx + 4, high);
        g.setStroke(new BasicStroke(1f));
    }

    private static void drawCategory(Graphics2D g, String label, double centre, int bottom) {
        g.setColor(Color.BLACK);
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 11));
        FontMetrics fm = g.getFontMetrics();
        AffineTransform saved = g.getTransform();
        // slanted to end under the bar group, so long labels run into the left margin, never off the right edge
        g.translate(centre, bottom + 8);
        g.rotate(-Math.PI / 6);
        g.drawString(label, -fm.stringWidth(label), fm.getAscent());
        g.setTransform(saved);
    }
}
