package introdl.train;

import ai.djl.Model;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.training.ParameterStore;
import ai.djl.training.loss.Loss;
import introdl.data.Examples;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * Running a trained model on a dataset in inference mode (no dropout, batch-norm running
 * statistics, no gradients), in batches: raw outputs, predicted classes, loss and metrics.
 */
public final class Inference {
    /** Batch size for inference: large, since no gradients are kept. */
    public static final int BATCH_SIZE = 512;

    private Inference() {}

    /** The model's raw outputs (e.g. class scores before softmax), one row per sample. */
    public static float[][] outputs(Model model, Examples data) {
        try (NDManager manager = model.getNDManager().newSubManager()) {
            UnaryOperator<NDList> forward = forward(model, manager);
            NDArray x = data.features(manager);
            float[][] rows = new float[data.size()][];
            for (int start = 0; start < data.size(); start += BATCH_SIZE) {
                int end = Math.min(start + BATCH_SIZE, data.size());
                try (NDManager batch = manager.newSubManager()) {
                    NDArray xb = x.get(new NDIndex().addSliceDim(start, end));
                    xb.attach(batch);
                    NDArray out = forward.apply(new NDList(xb)).head();
                    int width = Math.toIntExact(out.getShape().size() / (end - start));
                    float[] flat = out.toFloatArray();
                    for (int i = start; i < end; i++) {
                        rows[i] = java.util.Arrays.copyOfRange(flat, (i - start) * width, (i - start + 1) * width);
                    }
                }
            }
            return rows;
        }
    }

    /** Class probabilities (softmax of the outputs), one row per sample. */
    public static float[][] probabilities(Model model, Examples data) {
        float[][] scores = outputs(model, data);
        for (float[] row : scores) {
            softmaxInPlace(row);
        }
        return scores;
    }

    /** The predicted class (highest output) of each sample. */
    public static int[] predict(Model model, Examples data) {
        float[][] scores = outputs(model, data);
        int[] out = new int[scores.length];
        for (int i = 0; i < scores.length; i++) {
            out[i] = argMax(scores[i]);
        }
        return out;
    }

    /** The share of samples whose predicted class is their label. */
    public static double accuracy(Model model, Examples data) {
        int[] predicted = predict(model, data);
        int correct = 0;
        for (int i = 0; i < predicted.length; i++) {
            if (predicted[i] == data.label(i)) {
                correct++;
            }
        }
        return (double) correct / data.size();
    }

    /** Mean loss and metrics over a dataset, keyed "loss", "accuracy"... */
    public static Map<String, Double> evaluate(Model model, Examples data, Loss loss, List<Metric> metrics) {
        try (NDManager manager = model.getNDManager().newSubManager()) {
            return evaluate(forward(model, manager), manager, data.features(manager), data.labels(manager),
                    loss, metrics, "");
        }
    }

    /**
     * Mean loss and metrics of {@code forward} over stacked features and labels; the keys carry
     * {@code prefix} ("val_" for validation).
     */
    static Map<String, Double> evaluate(UnaryOperator<NDList> forward, NDManager manager, NDArray x, NDArray y,
            Loss loss, List<Metric> metrics, String prefix) {
        long n = x.getShape().get(0);
        double lossSum = 0;
        double[] metricSums = new double[metrics.size()];
        for (long start = 0; start < n; start += BATCH_SIZE) {
            long end = Math.min(start + BATCH_SIZE, n);
            try (NDManager batch = manager.newSubManager()) {
                NDIndex rows = new NDIndex().addSliceDim(start, end);
                NDArray xb = x.get(rows);
                NDArray yb = y.get(rows);
                xb.attach(batch);
                yb.attach(batch);
                NDList predictions = forward.apply(new NDList(xb));
                lossSum += loss.evaluate(new NDList(yb), predictions).getFloat() * (end - start);
                for (int m = 0; m < metrics.size(); m++) {
                    metricSums[m] += Metric.read(metrics.get(m).batchSum(yb, predictions.head()));
                }
            }
        }
        Map<String, Double> out = new LinkedHashMap<>();
        out.put(prefix + History.LOSS, lossSum / n);
        for (int m = 0; m < metrics.size(); m++) {
            out.put(prefix + metrics.get(m).name(), metricSums[m] / n);
        }
        return out;
    }

    private static UnaryOperator<NDList> forward(Model model, NDManager manager) {
        ParameterStore store = new ParameterStore(manager, false);
        return input -> model.getBlock().forward(store, input, false);
    }

    /** The index of the largest value of {@code row} (the first, on ties). */
    public static int argMax(float[] row) {
        int best = 0;
        for (int k = 1; k < row.length; k++) {
            if (row[k] > row[best]) {
                best = k;
            }
        }
        return best;
    }

    private static void softmaxInPlace(float[] row) {
        float max = row[argMax(row)];
        double sum = 0;
        for (int k = 0; k < row.length; k++) {
            row[k] = (float) Math.exp(row[k] - max);
            sum += row[k];
        }
        for (int k = 0; k < row.length; k++) {
            row[k] /= (float) sum;
        }
    }
}
