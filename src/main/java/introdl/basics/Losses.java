package introdl.basics;

import ai.djl.ndarray.NDArray;

/**
 * The lecture's loss functions, written out with array operations: mean squared error, binary
 * cross-entropy, (softmax) cross-entropy over one-hot targets, entropy and KL divergence, and the
 * empirical loss J(W), the mean of a loss over the data. Each is tested against DJL's
 * {@code Loss} where DJL has one (DJL has no KL divergence).
 *
 * <p>Predictions and targets have shape (n) or (n, k): n samples, k outputs or classes.
 */
public final class Losses {
    /** Probabilities are kept inside [ε, 1 − ε] before a log, as Keras does. */
    public static final float EPSILON = 1e-7f;

    private Losses() {}

    /** The empirical loss J(W) = (1/n) Σ L⁽ⁱ⁾: the mean of per-sample losses. */
    public static NDArray empirical(NDArray perSample) {
        return perSample.mean();
    }

    /** Mean squared error: mean over all values of (ŷ − y)². */
    public static NDArray meanSquaredError(NDArray predictions, NDArray targets) {
        sameShape(predictions, targets);
        return predictions.sub(targets).square().mean();
    }

    /**
     * Binary cross-entropy, mean over samples: −[y ln ŷ + (1 − y) ln(1 − ŷ)].
     *
     * @throws IllegalArgumentException if a prediction or label is outside [0, 1]
     */
    public static NDArray binaryCrossEntropy(NDArray probabilities, NDArray labels) {
        sameShape(probabilities, labels);
        requireProbabilities("probabilities", probabilities);
        requireProbabilities("labels", labels);
        NDArray p = probabilities.clip(EPSILON, 1 - EPSILON);
        return labels.mul(p.log()).add(labels.neg().add(1).mul(p.neg().add(1).log())).neg().mean();
    }

    /** Softmax along the last axis, computed stably as e^(z − max z) / Σ e^(z − max z). */
    public static NDArray softmax(NDArray logits) {
        NDArray shifted = logits.sub(logits.max(new int[] {-1}, true));
        NDArray e = shifted.exp();
        return e.div(e.sum(new int[] {-1}, true));
    }

    /**
     * Cross-entropy of each sample, −Σₖ yₖ log ŷₖ, in nats (natural log).
     *
     * @param probabilities predicted class probabilities, shape (n, k) or (k)
     * @param oneHot the true distribution (one-hot for a known class), same shape
     */
    public static NDArray crossEntropyPerSample(NDArray probabilities, NDArray oneHot) {
        sameShape(probabilities, oneHot);
        requireProbabilities("probabilities", probabilities);
        requireProbabilities("targets", oneHot);
        return oneHot.mul(probabilities.clip(EPSILON, 1).log()).sum(new int[] {-1}).neg();
    }

    /** Mean cross-entropy over samples, in nats. */
    public static NDArray crossEntropy(NDArray probabilities, NDArray oneHot) {
        return empirical(crossEntropyPerSample(probabilities, oneHot));
    }

    /** Mean cross-entropy over samples in bits (log base 2). */
    public static NDArray crossEntropyBits(NDArray probabilities, NDArray oneHot) {
        return crossEntropy(probabilities, oneHot).div((float) Math.log(2));
    }

    /** Cross-entropy straight from scores (logits): −Σₖ yₖ log softmax(z)ₖ, mean over samples. */
    public static NDArray softmaxCrossEntropy(NDArray logits, NDArray oneHot) {
        sameShape(logits, oneHot);
        requireProbabilities("targets", oneHot);
        NDArray logProbabilities = logits.sub(logits.max(new int[] {-1}, true));
        logProbabilities = logProbabilities.sub(logProbabilities.exp().sum(new int[] {-1}, true).log());
        return oneHot.mul(logProbabilities).sum(new int[] {-1}).neg().mean();
    }

    /** Entropy of each distribution, H(p) = −Σ p log p (0 log 0 = 0), in nats. */
    public static NDArray entropy(NDArray p) {
        requireProbabilities("p", p);
        return p.mul(p.clip(EPSILON, 1).log()).sum(new int[] {-1}).neg();
    }

    /**
     * KL divergence of each pair of distributions, KL(p ‖ q) = Σ p log(p / q), in nats. It is not
     * symmetric, and cross-entropy(p, q) = H(p) + KL(p ‖ q).
     */
    public static NDArray klDivergence(NDArray p, NDArray q) {
        sameShape(p, q);
        requireProbabilities("p", p);
        requireProbabilities("q", q);
        return p.mul(p.clip(EPSILON, 1).log().sub(q.clip(EPSILON, 1).log())).sum(new int[] {-1});
    }

    private static void sameShape(NDArray predictions, NDArray targets) {
        if (!predictions.getShape().equals(targets.getShape())) {
            throw new IllegalArgumentException("predictions have shape " + predictions.getShape()
                    + " but targets have shape " + targets.getShape() + "; they must match");
        }
    }

    private static void requireProbabilities(String name, NDArray values) {
        float min = values.min().getFloat();
        float max = values.max().getFloat();
        if (!(min >= 0 && max <= 1)) {
            throw new IllegalArgumentException(name + " must be probabilities in [0, 1], but range from " + min
                    + " to " + max + (name.equals("probabilities") ? "; pass scores through a sigmoid or softmax first"
                    : ""));
        }
    }
}
