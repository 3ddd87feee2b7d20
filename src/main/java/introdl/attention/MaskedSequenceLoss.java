package introdl.attention;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.DataType;
import ai.djl.training.loss.Loss;

/**
 * Softmax cross-entropy at every time step, like {@link introdl.sequence.SequenceLoss}, but
 * averaged over the real steps only: a step whose label is {@link DigitStrings#PAD} (a padded
 * target of a short string) adds nothing. Without the mask, short strings would teach the model
 * mostly to write padding. Scores (batch, time, tokens) against token labels (batch, time); only
 * the first prediction is scored (a model may return its attention weights beside it).
 */
public final class MaskedSequenceLoss extends Loss {
    public MaskedSequenceLoss() {
        super("MaskedSequenceSoftmaxCrossEntropy");
    }

    @Override
    public NDArray evaluate(NDList labels, NDList predictions) {
        NDArray scores = predictions.head();
        long tokens = scores.getShape().get(scores.getShape().dimension() - 1);
        NDArray target = labels.head().reshape(-1).toType(DataType.INT64, false);
        NDArray logProbabilities = scores.reshape(-1, tokens).logSoftmax(-1);
        NDArray perStep = logProbabilities.get(new NDIndex().addAllDim().addPickDim(target)).reshape(-1).neg();
        NDArray real = target.neq(DigitStrings.PAD).toType(DataType.FLOAT32, false);
        // max(1): a batch of nothing but padding has loss 0, not 0/0
        return perStep.mul(real).sum().div(real.sum().maximum(1f));
    }
}
