package introdl.sequence;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.DataType;
import ai.djl.training.loss.Loss;
import ai.djl.training.loss.SoftmaxCrossEntropyLoss;
import introdl.nn.Scalars;

/**
 * Softmax cross-entropy at every time step: scores (batch, time, classes) against class indices
 * (batch, time), averaged over all steps, so the value is in nats per character. DJL's
 * {@link SoftmaxCrossEntropyLoss} takes one label per sample; this flattens the steps for it.
 * Only the first prediction is scored (a model may return its attention weights beside it).
 *
 * <p>{@link #ignoring(int)} leaves out the steps whose label is a given value, and averages over
 * the rest: padding that only fills a short sequence, or the prompt before the answer that
 * fine-tuning should learn (Lab 3's answer mask). Without the mask a model would spend its effort
 * learning to write padding or to repeat the prompt.
 */
public final class SequenceLoss extends Loss {
    private final SoftmaxCrossEntropyLoss perStep = new SoftmaxCrossEntropyLoss("per-step");
    private final Integer ignored;

    public SequenceLoss() {
        this("SequenceSoftmaxCrossEntropy", null);
    }

    private SequenceLoss(String name, Integer ignored) {
        super(name);
        this.ignored = ignored;
    }

    /** The loss over the steps whose label is not {@code label}. */
    public static SequenceLoss ignoring(int label) {
        return new SequenceLoss("MaskedSequenceSoftmaxCrossEntropy", label);
    }

    @Override
    public NDArray evaluate(NDList labels, NDList predictions) {
        NDArray scores = predictions.head();
        long classes = scores.getShape().get(scores.getShape().dimension() - 1);
        if (ignored == null) {
            return perStep.evaluate(new NDList(labels.head().reshape(-1)), new NDList(scores.reshape(-1, classes)));
        }
        NDArray target = labels.head().reshape(-1).toType(DataType.INT64, false);
        NDArray real = target.neq(ignored).toType(DataType.FLOAT32, false);
        // an ignored label may be no class at all (-1): pick class 0 there, the mask removes it
        NDArray picked = Scalars.atLeast(target, 0).toType(DataType.INT64, false);
        NDArray logProbabilities = scores.reshape(-1, classes).logSoftmax(-1);
        NDArray nats = logProbabilities.get(new NDIndex().addAllDim().addPickDim(picked)).reshape(-1).neg();
        // at least 1: a batch with nothing to score has loss 0, not 0/0
        return nats.mul(real).sum().div(Scalars.atLeast(real.sum(), 1));
    }

    @Override
    public String toString() {
        return ignored == null ? "sequence cross-entropy" : "sequence cross-entropy ignoring label " + ignored;
    }
}
