package introdl.train;

import introdl.viz.LineChart;
import java.util.ArrayList;
import java.util.List;

/**
 * Several training runs side by side (optimisers, learning rates, batch sizes...), each with its
 * history and a one-line verdict, drawn on one chart against epochs, samples seen or time.
 */
public final class Comparison {
    /**
     * One run.
     *
     * @param name its label in charts
     * @param history what happened, epoch by epoch (the epochs before a divergence, if it diverged)
     * @param outcome a short verdict ("converges", "diverged in epoch 3"...)
     */
    public record Run(String name, History history, String outcome) {}

    private final String title;
    private final List<Run> runs = new ArrayList<>();

    private Comparison(String title) {
        this.title = title;
    }

    /** An empty comparison with a chart title. */
    public static Comparison titled(String title) {
        return new Comparison(title);
    }

    /** Adds a run. */
    public Comparison add(String name, History history, String outcome) {
        runs.add(new Run(name, history, outcome));
        return this;
    }

    public List<Run> runs() {
        return List.copyOf(runs);
    }

    /** The run named {@code name}. */
    public Run run(String name) {
        return runs.stream().filter(r -> r.name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no run named '" + name + "'"));
    }

    /** {@code column} (e.g. "loss") per epoch, one line per run. */
    public LineChart chart(String column) {
        LineChart chart = LineChart.of(title).axes("epoch", column);
        for (Run run : runs) {
            chart.series(run.name(), run.history().epochs().stream().mapToDouble(History.Epoch::number).toArray(),
                    run.history().series(column));
        }
        return chart;
    }

    /** {@code column} against the number of samples whose gradient was computed so far. */
    public LineChart chartBySamples(String column, int samplesPerEpoch) {
        LineChart chart = LineChart.of(title).axes("gradient evaluations (samples)", column);
        for (Run run : runs) {
            chart.series(run.name(), run.history().epochs().stream()
                    .mapToDouble(e -> (double) e.number() * samplesPerEpoch).toArray(), run.history().series(column));
        }
        return chart;
    }

    /** {@code column} against training time in seconds. */
    public LineChart chartByTime(String column) {
        LineChart chart = LineChart.of(title).axes("training time (s)", column);
        for (Run run : runs) {
            double[] seconds = run.history().series(History.SECONDS);
            double[] elapsed = new double[seconds.length];
            double total = 0;
            for (int i = 0; i < seconds.length; i++) {
                total += seconds[i];
                elapsed[i] = total;
            }
            chart.series(run.name(), elapsed, run.history().series(column));
        }
        return chart;
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder(title).append(':');
        for (Run run : runs) {
            sb.append(String.format(java.util.Locale.ROOT, "%n  %-24s %s, last loss %.4f", run.name(), run.outcome(),
                    run.history().isEmpty() ? Double.NaN : run.history().last().get(History.LOSS)));
        }
        return sb.toString();
    }
}
