package introdl.sequence;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.training.loss.Loss;
import ai.djl.training.loss.SoftmaxCrossEntropyLoss;

/**
 * Softmax cross-entropy at every time step: scores (batch, time, classes) against class indices
 * (batch, time), averaged over all steps, so the value is in nats per character. DJL's
 * {@link SoftmaxCrossEntropyLoss} takes one label per sample; this flattens the steps for it.
 */
public final class SequenceLoss extends Loss {
    private final SoftmaxCrossEntropyLoss perStep = new SoftmaxCrossEntropyLoss("per-step");

    public SequenceLoss() {
        super("SequenceSoftmaxCrossEntropy");
    }

    @Override
    public NDArray evaluate(NDList labels, NDList predictions) {
        NDArray scores = predictions.singletonOrThrow();
        long classes = scores.getShape().get(scores.getShape().dimension() - 1);
        return perStep.evaluate(new NDList(labels.singletonOrThrow().reshape(-1)),
                new NDList(scores.reshape(-1, classes)));
    }
}
