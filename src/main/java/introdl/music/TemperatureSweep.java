package introdl.music;

import introdl.viz.LineChart;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The same model sampled at several temperatures, plainly and structure-aware, on the same seeds:
 * at each point the share of tunes whose bars all fit the meter (with and without those that copy
 * the collection) and the share of distinct bars, a measure of variety. Colder sampling is more
 * regular and more repetitive; this is the chart that chooses the lab's temperature.
 *
 * @param points one per temperature and sampling, temperatures in the order given
 */
public record TemperatureSweep(List<Point> points) {
    /** The temperatures a lab sweeps by default. */
    public static final double[] TEMPERATURES = {0.5, 0.6, 0.7, 0.8, 0.9, 1.0, 1.1, 1.2};

    /**
     * One point of the sweep.
     *
     * @param temperature the sampling temperature
     * @param sampling plain or structured
     * @param verdict what the tunes scored
     * @param distinctBars {@link Novelty#distinctBars} of the tunes
     */
    public record Point(double temperature, Composer.Sampling sampling, Composer.Verdict verdict, double distinctBars) {}

    public TemperatureSweep {
        points = List.copyOf(points);
    }

    /** Writes {@code tunes} tunes each way at each temperature, each batch seeded {@code seed}. */
    public static TemperatureSweep run(Composer composer, Novelty collection, double[] temperatures, int tunes,
            String prefix, long seed) {
        List<Point> points = new ArrayList<>();
        for (double temperature : temperatures) {
            for (Composer.Sampling sampling : Composer.Sampling.values()) {
                List<Composer.Composition> written = composer.compose(tunes, prefix, temperature, seed, sampling);
                points.add(new Point(temperature, sampling, Composer.judge(written, collection),
                        Novelty.distinctBars(written)));
            }
        }
        return new TemperatureSweep(points);
    }

    /** The well-formed share against temperature, each way, and the variety of plain sampling. */
    public LineChart chart() {
        LineChart chart = LineChart.of("Tunes against sampling temperature").axes("sampling temperature",
                "share of tunes (of bars, for distinct bars)").legendBelow();
        for (Composer.Sampling sampling : Composer.Sampling.values()) {
            chart.series("every bar fits, " + sampling, temperatures(sampling), shares(sampling, false));
        }
        chart.dashed("fits and copies nothing, structured", temperatures(Composer.Sampling.STRUCTURED),
                shares(Composer.Sampling.STRUCTURED, true));
        chart.points("distinct bars, plain", temperatures(Composer.Sampling.PLAIN), distinct(Composer.Sampling.PLAIN));
        return chart;
    }

    /** A table row per point: temperature, sampling, read, fit, fit and original, copies, corrected, distinct bars. */
    public List<List<String>> rows() {
        List<List<String>> rows = new ArrayList<>();
        for (Point p : points) {
            Composer.Verdict v = p.verdict();
            rows.add(List.of(String.format(Locale.ROOT, "%.2f", p.temperature()), p.sampling().toString(),
                    v.parse() + "/" + v.tunes(), v.barsMatch() + "/" + v.tunes(), v.barsMatchOriginal() + "/" + v.tunes(),
                    String.valueOf(v.copies()), String.valueOf(v.corrected()),
                    String.format(Locale.ROOT, "%.2f", p.distinctBars())));
        }
        return rows;
    }

    /** The header of {@link #rows()}. */
    public static List<String> header() {
        return List.of("temperature", "sampling", "read", "every bar fits", "fits, copies nothing", "copies",
                "corrected", "distinct bars");
    }

    @Override
    public String toString() {
        StringBuilder out = new StringBuilder(String.join(" | ", header()));
        for (List<String> row : rows()) {
            out.append('\n').append(String.join(" | ", row));
        }
        return out.toString();
    }

    private double[] temperatures(Composer.Sampling sampling) {
        return points.stream().filter(p -> p.sampling() == sampling).mapToDouble(Point::temperature).toArray();
    }

    private double[] shares(Composer.Sampling sampling, boolean original) {
        return points.stream().filter(p -> p.sampling() == sampling)
                .mapToDouble(p -> original ? p.verdict().barsMatchOriginalShare() : p.verdict().barsMatchShare())
                .toArray();
    }

    private double[] distinct(Composer.Sampling sampling) {
        return points.stream().filter(p -> p.sampling() == sampling).mapToDouble(Point::distinctBars).toArray();
    }
}
