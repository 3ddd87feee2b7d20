package introdl.train;

import ai.djl.ndarray.NDArray;
import java.util.function.BiFunction;

/**
 * A per-sample score that the fit loop averages over an epoch, beside the loss: for example
 * accuracy. {@link #batchSum} returns the sum over a batch; the loop divides by the sample count.
 * (DJL's {@code Accuracy} evaluator computes the same count in six operations with type
 * conversions, which cost 2-3% of a small model's epoch; this takes three.)
 */
public interface Metric {
    /** The column name in the history ("accuracy"; validation adds the prefix "val_"). */
    String name();

    /** The metric summed over the batch, as a scalar array. */
    NDArray batchSum(NDArray labels, NDArray predictions);

    /** Reads a scalar of any numeric type (the sums above may be integers) as a double. */
    static double read(NDArray scalar) {
        return scalar.toArray()[0].doubleValue();
    }

    /** A metric named {@code name} whose batch sum is {@code batchSum(labels, predictions)}. */
    static Metric of(String name, BiFunction<NDArray, NDArray, NDArray> batchSum) {
        return new Metric() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public NDArray batchSum(NDArray labels, NDArray predictions) {
                return batchSum.apply(labels, predictions);
            }
        };
    }

    /**
     * Share of predictions whose highest-scoring class is the label (labels are class indices).
     * With a label per time step (batch, time), each sample counts the share of its steps right.
     */
    static Metric accuracy() {
        return of("accuracy", (labels, predictions) -> {
            // eq promotes the integer class index to the labels' type: no conversions needed
            NDArray correct = predictions.argMax(-1).eq(labels).countNonzero();
            long perSample = labels.size() / Math.max(1, labels.getShape().get(0));
            return perSample == 1 ? correct : correct.toType(ai.djl.ndarray.types.DataType.FLOAT32, false).div(perSample);
        });
    }

    /** Share of samples where a single logit's sign (positive = class 1) matches a 0/1 label. */
    static Metric binaryAccuracy() {
        return of("accuracy", (labels, predictions) ->
                predictions.reshape(-1).gt(0).eq(labels.reshape(-1).gt(0.5f)).countNonzero());
    }
}
