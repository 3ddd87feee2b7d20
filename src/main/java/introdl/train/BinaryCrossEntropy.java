package introdl.train;

import introdl.nn.Scalars;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.training.loss.Loss;

/**
 * Binary cross-entropy computed from logits, the loss of a yes/no classifier with one output
 * (face or not). Written out rather than taken from DJL because DJL's
 * {@code SigmoidBinaryCrossEntropyLoss} with {@code fromSigmoid=true} returns the negated loss;
 * this form, max(l, 0) − l·y + log(1 + e^−|l|), is exact and never overflows for large logits.
 * The first prediction is used, so models with extra outputs (the DB-VAE) fit too.
 */
public final class BinaryCrossEntropy extends Loss {
    public BinaryCrossEntropy() {
        super("binary_cross_entropy");
    }

    @Override
    public NDArray evaluate(NDList labels, NDList predictions) {
        NDArray logits = predictions.head();
        return perSample(logits, labels.head().reshape(logits.getShape())).mean();
    }

    /**
     * The loss of each row: for a logit per sample (batch, 1) one value per sample; for a logit
     * per pixel, the sum over the sample's pixels (each pixel a yes/no variable).
     *
     * @param targets values in [0, 1] of the logits' shape
     */
    public static NDArray perSample(NDArray logits, NDArray targets) {
        NDArray perValue = Scalars.atLeast(logits, 0).sub(logits.mul(targets)).add(logits.abs().neg().exp().add(1).log());
        return perValue.reshape(perValue.getShape().get(0), -1).sum(new int[] {1});
    }
}
