package introdl.lab;

import ai.djl.Model;
import ai.djl.training.loss.Loss;
import introdl.data.Examples;
import introdl.report.HtmlReport;
import introdl.train.History;
import introdl.train.Inference;
import introdl.train.Metric;
import introdl.train.Models;
import introdl.viz.ImageFiles;
import introdl.viz.ImageGrid;
import introdl.vision.ConfusionMatrix;
import java.awt.Color;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;

/** The outputs every classifier lab writes into its run folder, and its index.html. */
public final class Reports {
    private static final Color RIGHT = new Color(0x1a7f37);
    private static final Color WRONG = new Color(0xcf222e);
    private static final int GRID = 40;
    private static final int MISTAKES = 24;
    /** The machine-readable figures of a run. */
    public static final String RESULTS = "results.json";

    private Reports() {}

    /** What a classifier scored on its test set. */
    public record ClassifierResult(double accuracy, double loss, int[] predicted, double[] perClassAccuracy) {}

    /**
     * Evaluates a trained classifier on {@code test} and writes its run folder: the saved model,
     * history.csv, loss and accuracy charts, a grid of predictions, the most confident mistakes,
     * and index.html showing all of it.
     */
    public static ClassifierResult classifier(LabRun run, String title, String description, Model model,
            History history, Examples test) {
        return classifier(run, title, description, model, history, test, report -> {});
    }

    /**
     * As {@link #classifier(LabRun, String, String, Model, History, Examples)}, with more sections
     * (a lab's own pictures) added by {@code extra} before the history.
     */
    public static ClassifierResult classifier(LabRun run, String title, String description, Model model,
            History history, Examples test, Consumer<HtmlReport> extra) {
        float[][] probabilities = Inference.probabilities(model, test);
        ClassifierResult result = score(model, probabilities, test);
        model.setProperty("Epoch", String.valueOf(history.size()));
        Models.save(model, run.file("model"));
        history.writeCsv(run.file(LabRun.HISTORY));
        history.plotLoss(run.file("loss.png"));
        if (history.has(History.ACCURACY)) {
            history.plotAccuracy(run.file("accuracy.png"));
        }
        predictionGrid(test, probabilities, result.predicted()).save(run.file("predictions.png"));
        mistakeGrid(test, probabilities, result.predicted()).save(run.file("mistakes.png"));
        ConfusionMatrix confusion = ConfusionMatrix.of(test.labels(), result.predicted(), test.classNames());
        ImageFiles.writePng(confusion.image(), run.file("confusion.png"));

        Map<String, Object> results = new LinkedHashMap<>();
        results.put("model", description);
        results.put("test set", test.size() + " samples (" + test.name() + ")");
        results.put("test accuracy", percent(result.accuracy()));
        results.put("test loss (cross-entropy)", String.format(Locale.ROOT, "%.4f", result.loss()));
        results.put("epochs trained", history.size() + (history.stoppedEarly() ? " (stopped early)" : ""));
        if (history.restoredEpoch() > 0) {
            results.put("weights from epoch", history.restoredEpoch() + " (best validation loss)");
        }
        results.put("training time", String.format(Locale.ROOT, "%.1f s",
                history.totalSeconds()));
        List<List<String>> perClass = new ArrayList<>();
        for (int c = 0; c < result.perClassAccuracy().length; c++) {
            perClass.add(List.of(test.classNames().get(c), percent(result.perClassAccuracy()[c])));
        }
        HtmlReport report = run.report(title).table(results)
                .image("loss.png", "Loss per epoch");
        if (history.has(History.ACCURACY)) {
            report.image("accuracy.png", "Accuracy per epoch");
        }
        report.heading("Predictions")
                .image("predictions.png", GRID + " test samples from across the test set: prediction (confidence); red = wrong")
                .image("mistakes.png", "The most confident mistakes: prediction / truth")
                .heading("Accuracy per class").table(List.of("class", "accuracy"), perClass)
                .heading("Confusion matrix")
                .image("confusion.png", "Rows: the true class; columns: the prediction; green: right, red: mistakes")
                .table(confusion.rows().get(0), confusion.rows().subList(1, confusion.rows().size()));
        extra.accept(report);
        report.heading("History").csvTable(history.toCsv())
                .heading("Files")
                .link("model/", "Saved model (DJL format)")
                .link(LabRun.HISTORY, "history.csv")
                .link(RESULTS, "results.json")
                .link("config.json", "Configuration");
        report.write(run.file("index.html"));
        Map<String, Object> figures = new LinkedHashMap<>();
        figures.put("test_accuracy", result.accuracy());
        figures.put("test_loss", result.loss());
        figures.put("test_samples", test.size());
        figures.put("epochs", history.size());
        figures.put("per_class_accuracy", result.perClassAccuracy());
        figures.put("confusion_matrix", confusion.rows());
        run.folder().writeJson(RESULTS, figures);
        return result;
    }

    static ClassifierResult score(Model model, float[][] probabilities, Examples test) {
        Map<String, Double> figures = Inference.evaluate(model, test, Loss.softmaxCrossEntropyLoss(),
                List.of(Metric.accuracy()));
        int classes = Math.max(test.numClasses(), probabilities.length == 0 ? 0 : probabilities[0].length);
        int[] predicted = new int[test.size()];
        int[] correct = new int[classes];
        int[] total = new int[classes];
        for (int i = 0; i < test.size(); i++) {
            predicted[i] = Inference.argMax(probabilities[i]);
            total[test.label(i)]++;
            if (predicted[i] == test.label(i)) {
                correct[test.label(i)]++;
            }
        }
        double[] perClass = new double[classes];
        for (int c = 0; c < classes; c++) {
            perClass[c] = total[c] == 0 ? Double.NaN : (double) correct[c] / total[c];
        }
        return new ClassifierResult(figures.get("accuracy"), figures.get(History.LOSS), predicted, perClass);
    }

    private static ImageGrid predictionGrid(Examples test, float[][] probabilities, int[] predicted) {
        ImageGrid grid = ImageGrid.columns(10);
        int stride = Math.max(1, test.size() / GRID);
        for (int i = 0; i < test.size() && grid.size() < GRID; i += stride) {
            String caption = String.format(Locale.ROOT, "%s (%.0f%%)", test.classNames().get(predicted[i]),
                    100 * probabilities[i][predicted[i]]);
            grid.add(test.sample(i), test.sampleShape().getShape(), caption,
                    predicted[i] == test.label(i) ? RIGHT : WRONG);
        }
        return grid;
    }

    private static ImageGrid mistakeGrid(Examples test, float[][] probabilities, int[] predicted) {
        List<Integer> wrong = new ArrayList<>();
        for (int i = 0; i < test.size(); i++) {
            if (predicted[i] != test.label(i)) {
                wrong.add(i);
            }
        }
        wrong.sort(Comparator.comparingDouble(i -> -probabilities[i][predicted[i]]));
        ImageGrid grid = ImageGrid.columns(8);
        for (int i : wrong.subList(0, Math.min(MISTAKES, wrong.size()))) {
            grid.add(test.sample(i), test.sampleShape().getShape(),
                    test.classNames().get(predicted[i]) + " / " + test.classNames().get(test.label(i)), WRONG);
        }
        return grid;
    }

    static String percent(double share) {
        return String.format(Locale.ROOT, "%.2f%%", 100 * share);
    }
}
