package introdl.viz;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.lines.SeriesLines;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * A line chart of one or more series, written as PNG or returned as an image for a notebook.
 * The one chart helper every lab and notebook uses for curves (loss, accuracy, sweeps).
 */
public final class LineChart {
    static final Color[] PALETTE = {
        new Color(0x1f77b4), new Color(0xff7f0e), new Color(0x2ca02c), new Color(0xd62728),
        new Color(0x9467bd), new Color(0x8c564b), new Color(0xe377c2), new Color(0x7f7f7f),
        new Color(0xbcbd22), new Color(0x17becf)
    };

    private final String title;
    private String xLabel = "";
    private String yLabel = "";
    private boolean logY;
    private int width = 720;
    private int height = 440;
    private final List<Series> series = new ArrayList<>();

    private enum Style { LINE, DASHED, POINTS }

    private record Series(String name, double[] x, double[] y, Style style) {}

    private boolean legendBelow;

    private LineChart(String title) {
        this.title = title;
    }

    /** A new chart with a title. */
    public static LineChart of(String title) {
        return new LineChart(title);
    }

    /** Names the axes. */
    public LineChart axes(String xLabel, String yLabel) {
        this.xLabel = xLabel;
        this.yLabel = yLabel;
        return this;
    }

    /** Draws the y axis on a log scale (for losses that fall over orders of magnitude). */
    public LineChart logY() {
        this.logY = true;
        return this;
    }

    /** Puts the legend under the plot instead of over its top right corner (for curves that reach up there). */
    public LineChart legendBelow() {
        this.legendBelow = true;
        return this;
    }

    /** Sets the image size in pixels. */
    public LineChart size(int width, int height) {
        this.width = width;
        this.height = height;
        return this;
    }

    /** Adds a solid line; points whose y is NaN or infinite are left out. */
    public LineChart series(String name, double[] x, double[] y) {
        return add(name, x, y, Style.LINE);
    }

    /** Adds a solid line from float values (as NDArray.toFloatArray() gives them). */
    public LineChart series(String name, float[] x, float[] y) {
        return add(name, toDoubles(x), toDoubles(y), Style.LINE);
    }

    /** Adds a dashed line (e.g. the validation curve beside the training one). */
    public LineChart dashed(String name, double[] x, double[] y) {
        return add(name, x, y, Style.DASHED);
    }

    /** Adds points with no line between them (data, beside fitted curves). */
    public LineChart points(String name, double[] x, double[] y) {
        return add(name, x, y, Style.POINTS);
    }

    private LineChart add(String name, double[] x, double[] y, Style style) {
        if (x.length != y.length) {
            throw new IllegalArgumentException(
                    "series '" + name + "' has " + x.length + " x values but " + y.length + " y values");
        }
        series.add(new Series(name, x, y, style));
        return this;
    }

    /** Renders the chart. */
    public BufferedImage image() {
        XYChart chart = new XYChartBuilder().width(width).height(height)
                .title(title).xAxisTitle(xLabel).yAxisTitle(yLabel).build();
        Styler styler = chart.getStyler();
        styler.setChartBackgroundColor(Color.WHITE);
        styler.setPlotBackgroundColor(Color.WHITE);
        styler.setLegendPosition(legendBelow ? Styler.LegendPosition.OutsideS : Styler.LegendPosition.InsideNE);
        styler.setLegendVisible(series.size() > 1);
        chart.getStyler().setYAxisLogarithmic(logY);
        int colour = 0;
        for (Series s : series) {
            double[][] clean = finitePoints(s, logY);
            if (clean[0].length == 0) {
                continue;
            }
            XYSeries line = chart.addSeries(s.name(), clean[0], clean[1]);
            line.setLineColor(PALETTE[colour % PALETTE.length]);
            line.setMarkerColor(PALETTE[colour % PALETTE.length]);
            line.setMarker(clean[0].length <= 30 || s.style() == Style.POINTS ? SeriesMarkers.CIRCLE : SeriesMarkers.NONE);
            if (s.style() == Style.POINTS) {
                line.setLineStyle(SeriesLines.NONE);
            } else if (s.style() == Style.DASHED) {
                line.setLineStyle(new BasicStroke(2f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND,
                        10f, new float[] {6f, 4f}, 0f));
            }
            colour++;
        }
        if (chart.getSeriesMap().isEmpty()) {
            chart.addSeries("(no data)", new double[] {0}, new double[] {logY ? 1 : 0});
        }
        return BitmapEncoder.getBufferedImage(chart);
    }

    /** Renders the chart and writes it as PNG (parent folders are created). */
    public Path save(Path file) {
        return ImageFiles.writePng(image(), file);
    }

    private static double[] toDoubles(float[] values) {
        double[] out = new double[values.length];
        for (int i = 0; i < values.length; i++) {
            out[i] = values[i];
        }
        return out;
    }

    private static double[][] finitePoints(Series s, boolean positiveOnly) {
        int n = 0;
        for (int i = 0; i < s.y().length; i++) {
            if (keep(s.x()[i], s.y()[i], positiveOnly)) {
                n++;
            }
        }
        double[][] out = new double[2][n];
        int k = 0;
        for (int i = 0; i < s.y().length; i++) {
            if (keep(s.x()[i], s.y()[i], positiveOnly)) {
                out[0][k] = s.x()[i];
                out[1][k++] = s.y()[i];
            }
        }
        return out;
    }

    private static boolean keep(double x, double y, boolean positiveOnly) {
        return Double.isFinite(x) && Double.isFinite(y) && (!positiveOnly || y > 0);
    }
}
