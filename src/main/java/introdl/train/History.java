package introdl.train;

import introdl.io.AtomicFiles;
import introdl.viz.LineChart;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * What happened in training, epoch by epoch: the training and validation loss and metrics, the
 * learning rate and the time taken. Exported as CSV and drawn as PNG charts.
 */
public final class History {
    /** Column of the training loss. */
    public static final String LOSS = "loss";
    /** Column of the training accuracy. */
    public static final String ACCURACY = "accuracy";
    /** Column of the validation loss. */
    public static final String VAL_LOSS = "val_loss";
    /** Column of the validation accuracy. */
    public static final String VAL_ACCURACY = "val_accuracy";
    /** Column of the learning rate at the end of the epoch. */
    public static final String LR = "lr";
    /** Column of the epoch's wall time in seconds. */
    public static final String SECONDS = "seconds";

    /**
     * One epoch's figures.
     *
     * @param number the epoch, counted from 1
     * @param values the figures by column name, in column order
     */
    public record Epoch(int number, Map<String, Double> values) {
        public Epoch {
            values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
        }

        /** The figure in column {@code key}, or NaN if the epoch has none. */
        public double get(String key) {
            Double v = values.get(key);
            return v == null ? Double.NaN : v;
        }

        /** The epoch as the console shows it: "epoch 10: loss 0.0003 accuracy 1.0000 (2.5s)". */
        @Override
        public String toString() {
            return describe(this);
        }
    }

    private final List<Epoch> epochs = new ArrayList<>();
    private int bestEpoch;
    private int restoredEpoch;
    private boolean stoppedEarly;
    private final List<String> warnings = new ArrayList<>();

    /** Appends an epoch; epochs must come in order 1, 2, 3... */
    public void add(Epoch epoch) {
        if (epoch.number() != epochs.size() + 1) {
            throw new IllegalArgumentException("expected epoch " + (epochs.size() + 1) + ", got " + epoch.number());
        }
        epochs.add(epoch);
    }

    public List<Epoch> epochs() {
        return Collections.unmodifiableList(epochs);
    }

    public int size() {
        return epochs.size();
    }

    public boolean isEmpty() {
        return epochs.isEmpty();
    }

    /** The last epoch. */
    public Epoch last() {
        if (epochs.isEmpty()) {
            throw new IllegalStateException("the history is empty: no epoch has finished");
        }
        return epochs.get(epochs.size() - 1);
    }

    /** The column {@code key} over all epochs (NaN where an epoch has no value). */
    public double[] series(String key) {
        return epochs.stream().mapToDouble(e -> e.get(key)).toArray();
    }

    /** Whether any epoch has a value in column {@code key}. */
    public boolean has(String key) {
        return epochs.stream().anyMatch(e -> e.values().containsKey(key));
    }

    /** The column names, in order of first appearance. */
    public List<String> columns() {
        Set<String> keys = new LinkedHashSet<>();
        epochs.forEach(e -> keys.addAll(e.values().keySet()));
        return List.copyOf(keys);
    }

    /** The epoch early stopping judged best (0 if it was not used). */
    public int bestEpoch() {
        return bestEpoch;
    }

    /** The epoch whose weights the model holds after training, if they were restored (else 0). */
    public int restoredEpoch() {
        return restoredEpoch;
    }

    /** The epoch whose weights the model holds: the one early stopping restored, else the last. */
    public Epoch kept() {
        if (restoredEpoch > 0) {
            for (Epoch e : epochs) {
                if (e.number() == restoredEpoch) {
                    return e;
                }
            }
        }
        return last();
    }

    /** Whether early stopping ended training before the last epoch. */
    public boolean stoppedEarly() {
        return stoppedEarly;
    }

    /** What training warned of (for example a loss that exploded without becoming NaN); empty if all went well. */
    public List<String> warnings() {
        return Collections.unmodifiableList(warnings);
    }

    void warn(String warning) {
        if (!warnings.contains(warning)) {
            warnings.add(warning);
        }
    }

    void markBest(int epoch) {
        bestEpoch = epoch;
    }

    void markStoppedEarly() {
        stoppedEarly = true;
    }

    void markRestored(int epoch) {
        restoredEpoch = epoch;
    }

    /** The history as CSV: a header "epoch,loss,..." then one row per epoch. */
    public String toCsv() {
        List<String> columns = columns();
        StringBuilder sb = new StringBuilder("epoch");
        columns.forEach(c -> sb.append(',').append(c));
        sb.append('\n');
        for (Epoch e : epochs) {
            sb.append(e.number());
            for (String c : columns) {
                double v = e.get(c);
                sb.append(',').append(Double.isNaN(v) && !e.values().containsKey(c) ? "" : format(v));
            }
            sb.append('\n');
        }
        return sb.toString();
    }

    private static String format(double v) {
        return String.format(Locale.ROOT, "%.6g", v);
    }

    /** The seconds of every epoch added up (training and validation). */
    public double totalSeconds() {
        return epochs.stream().mapToDouble(e -> e.get(SECONDS)).sum();
    }

    /** Writes the CSV atomically. */
    public Path writeCsv(Path file) {
        return AtomicFiles.writeString(file, toCsv());
    }

    /** Reads a history written by {@link #writeCsv}. */
    public static History readCsv(Path file) {
        try {
            return fromCsv(Files.readString(file, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read history " + file + ": " + e.getMessage(), e);
        }
    }

    /** Parses CSV written by {@link #toCsv}. */
    public static History fromCsv(String csv) {
        String[] lines = csv.strip().split("\r?\n");
        String[] header = lines[0].split(",", -1);
        if (!header[0].equals("epoch")) {
            throw new IllegalArgumentException("not a history CSV: the first column is '" + header[0] + "', expected 'epoch'");
        }
        History history = new History();
        for (int i = 1; i < lines.length; i++) {
            String[] cells = lines[i].split(",", -1);
            if (cells.length != header.length) {
                throw new IllegalArgumentException("history CSV line " + (i + 1) + " has " + cells.length
                        + " cells, expected " + header.length);
            }
            Map<String, Double> values = new LinkedHashMap<>();
            for (int c = 1; c < cells.length; c++) {
                if (!cells[c].isEmpty()) {
                    values.put(header[c], Double.parseDouble(cells[c]));
                }
            }
            history.add(new Epoch(Integer.parseInt(cells[0]), values));
        }
        return history;
    }

    /** Training and validation loss per epoch. */
    public LineChart lossChart() {
        return chart("Loss", LOSS, VAL_LOSS, "loss");
    }

    /** Training and validation accuracy per epoch. */
    public LineChart accuracyChart() {
        return chart("Accuracy", ACCURACY, VAL_ACCURACY, "accuracy");
    }

    private LineChart chart(String title, String train, String validation, String yLabel) {
        double[] x = epochs.stream().mapToDouble(Epoch::number).toArray();
        LineChart chart = LineChart.of(title).axes("epoch", yLabel);
        if (has(train)) {
            chart.series("train", x, series(train));
        }
        if (has(validation)) {
            chart.dashed("validation", x, series(validation));
        }
        return chart;
    }

    /** Writes the loss chart as PNG. */
    public Path plotLoss(Path file) {
        return lossChart().save(file);
    }

    /** Writes the accuracy chart as PNG. */
    public Path plotAccuracy(Path file) {
        return accuracyChart().save(file);
    }

    /** One line per epoch, as the console shows it. */
    public static String describe(Epoch e) {
        StringBuilder sb = new StringBuilder(String.format(Locale.ROOT, "epoch %d:", e.number()));
        e.values().forEach((k, v) -> {
            if (!k.equals(SECONDS) && !k.equals(LR)) {
                sb.append(String.format(Locale.ROOT, " %s %.4f", k, v));
            }
        });
        sb.append(String.format(Locale.ROOT, " (%.1fs)", e.get(SECONDS)));
        return sb.toString();
    }

    @Override
    public String toString() {
        return epochs.isEmpty() ? "History[empty]" : "History[" + epochs.size() + " epochs, last: " + describe(last()) + "]";
    }
}
