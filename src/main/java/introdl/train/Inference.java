package introdl.train;

import ai.djl.Model;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.ParameterStore;
import ai.djl.training.loss.Loss;
import introdl.data.Examples;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * Running a trained model on a dataset in inference mode (no dropout, batch-norm running
 * statistics, no gradients), in batches: raw outputs, class probabilities, predicted classes,
 * loss and metrics.
 */
public final class Inference {
    /** Batch size for inference: large, since no gradients are kept. */
    public static final int BATCH_SIZE = 512;

    private Inference() {}

    /** What to do with each batch: its rows [start, end), inputs, labels and the model's outputs. */
    @FunctionalInterface
    interface BatchConsumer {
        void accept(long start, long end, NDArray labels, NDList outputs);
    }

    /** The model's raw outputs (e.g. class scores before softmax), one row per sample. */
    public static float[][] outputs(Model model, Examples data) {
        return rows(model, data, false);
    }

    /** Class probabilities (the softmax of the outputs), one row per sample. */
    public static float[][] probabilities(Model model, Examples data) {
        return rows(model, data, true);
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
        return evaluate(model, data, Loss.softmaxCrossEntropyLoss(), List.of(Metric.accuracy())).get("accuracy");
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
        return evaluate(forward, manager, x, y, loss, metrics, prefix, BATCH_SIZE);
    }

    /**
     * As above, {@code rows} samples at a time: every intermediate array of a batch lives until the
     * batch is done, so a model whose samples are long sequences (a GPT's windows, whose attention
     * grows with the square of the length) needs smaller batches than {@link #BATCH_SIZE}.
     */
    static Map<String, Double> evaluate(UnaryOperator<NDList> forward, NDManager manager, NDArray x, NDArray y,
            Loss loss, List<Metric> metrics, String prefix, int rows) {
        double[] sums = new double[metrics.size() + 1];
        inBatches(forward, manager, x, y, rows, (start, end, labels, outputs) -> {
            sums[0] += loss.evaluate(new NDList(labels), outputs).getFloat() * (end - start);
            for (int m = 0; m < metrics.size(); m++) {
                sums[m + 1] += Metric.read(metrics.get(m).batchSum(labels, outputs.head()));
            }
        });
        long n = x.getShape().get(0);
        Map<String, Double> out = new LinkedHashMap<>();
        out.put(prefix + History.LOSS, sums[0] / n);
        for (int m = 0; m < metrics.size(); m++) {
            out.put(prefix + metrics.get(m).name(), sums[m + 1] / n);
        }
        return out;
    }

    /**
     * Something computed from a model for each sample, batch by batch: {@code compute} gets the
     * model's parameter store and a batch of inputs (in its own manager, without autograd) and
     * returns an array whose first axis is the batch. Each sample's row comes back flattened.
     */
    @FunctionalInterface
    public interface BatchFunction {
        NDArray apply(ParameterStore store, NDArray inputs);
    }

    /** {@code compute} over every sample of {@code data}: one row per sample. */
    public static float[][] map(Model model, Examples data, BatchFunction compute) {
        try (NDManager manager = model.getNDManager().newSubManager()) {
            return rows(model, manager, data.features(manager), compute);
        }
    }

    /** {@code compute} over inputs given as rows (e.g. latent vectors), each of shape {@code rowShape}. */
    public static float[][] map(Model model, float[][] inputs, Shape rowShape, BatchFunction compute) {
        float[] flat = new float[Math.toIntExact(inputs.length * rowShape.size())];
        for (int i = 0; i < inputs.length; i++) {
            if (inputs[i].length != rowShape.size()) {
                throw new IllegalArgumentException("row " + i + " has " + inputs[i].length + " values; expected "
                        + rowShape.size() + " (" + rowShape + ")");
            }
            System.arraycopy(inputs[i], 0, flat, Math.toIntExact(i * rowShape.size()), inputs[i].length);
        }
        try (NDManager manager = model.getNDManager().newSubManager()) {
            return rows(model, manager, manager.create(flat, new Shape(inputs.length).addAll(rowShape)), compute);
        }
    }

    private static float[][] rows(Model model, Examples data, boolean softmax) {
        return map(model, data, (store, x) -> {
            NDArray out = model.getBlock().forward(store, new NDList(x), false).head();
            return softmax ? out.softmax(-1) : out;
        });
    }

    private static float[][] rows(Model model, NDManager manager, NDArray x, BatchFunction compute) {
        float[][] rows = new float[Math.toIntExact(x.getShape().get(0))][];
        ParameterStore store = new ParameterStore(manager, false);
        inBatches(input -> new NDList(compute.apply(store, input.head())), manager, x, null,
                (start, end, labels, outputs) -> {
                    NDArray out = outputs.head();
                    int width = Math.toIntExact(out.getShape().size() / (end - start));
                    float[] flat = out.toFloatArray();
                    for (long i = start; i < end; i++) {
                        int r = (int) (i - start);
                        rows[(int) i] = java.util.Arrays.copyOfRange(flat, r * width, (r + 1) * width);
                    }
                });
        return rows;
    }

    /** Runs {@code forward} over the rows of x (and y, if given) in batches, each in its own manager. */
    private static void inBatches(UnaryOperator<NDList> forward, NDManager manager, NDArray x, NDArray y,
            BatchConsumer consumer) {
        inBatches(forward, manager, x, y, BATCH_SIZE, consumer);
    }

    private static void inBatches(UnaryOperator<NDList> forward, NDManager manager, NDArray x, NDArray y,
            int batchRows, BatchConsumer consumer) {
        long n = x.getShape().get(0);
        for (long start = 0; start < n; start += batchRows) {
            long first = start;
            long end = Math.min(start + batchRows, n);
            try (NDManager batch = manager.newSubManager()) {
                NDIndex rows = new NDIndex().addSliceDim(start, end);
                NDArray xb = x.get(rows);
                xb.attach(batch);
                NDArray yb = null;
                if (y != null) {
                    yb = y.get(rows);
                    yb.attach(batch);
                }
                NDArray labels = yb;
                // no autograd graph for inference, on whichever thread this runs
                NoGrad.run(() -> consumer.accept(first, end, labels, forward.apply(new NDList(xb))));
            }
        }
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
}
