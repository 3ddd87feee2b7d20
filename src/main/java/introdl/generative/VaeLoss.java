package introdl.generative;

import introdl.nn.Scalars;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.training.loss.Loss;
import introdl.train.BinaryCrossEntropy;

/**
 * The VAE's loss, the negative evidence lower bound per image: reconstruction + β · KL. The
 * reconstruction is the binary cross-entropy of the decoder's pixel logits against the image,
 * summed over pixels (each pixel a Bernoulli variable, as for MNIST); the KL divergence of
 * N(μ, σ²) from the prior N(0, I) is in closed form, −½ Σ (1 + log σ² − μ² − σ²). Both are in
 * nats; β = 1 is the true ELBO, larger β trades reconstruction for a smoother latent space.
 * Predictions are the {@link VaeBlock}'s (logits, μ, log σ²); the label is the image.
 */
public final class VaeLoss extends Loss {
    private final double beta;

    /**
     * A loss weighting the KL term by {@code beta}.
     *
     * @throws IllegalArgumentException if beta is negative or not a number
     */
    public VaeLoss(double beta) {
        super("vae");
        if (!(beta >= 0) || Double.isInfinite(beta)) {
            throw new IllegalArgumentException("beta weighs the KL term and must be 0 or more, got " + beta);
        }
        this.beta = beta;
    }

    public double beta() {
        return beta;
    }

    @Override
    public NDArray evaluate(NDList labels, NDList predictions) {
        if (predictions.size() != 3) {
            throw new IllegalArgumentException("the VAE loss needs the VAE block's (logits, mean, log-variance), got "
                    + predictions.size() + " output(s)");
        }
        NDArray reconstruction = reconstruction(predictions.get(0), labels.head());
        NDArray kl = kl(predictions.get(1), predictions.get(2));
        return reconstruction.add(Scalars.times(kl, beta)).mean();
    }

    /**
     * Binary cross-entropy of pixel logits against target pixels in [0, 1], summed over each
     * image: one value per image.
     */
    public static NDArray reconstruction(NDArray logits, NDArray target) {
        return BinaryCrossEntropy.perSample(logits, target);
    }

    /** KL(N(μ, σ²) ‖ N(0, I)) of each row, in closed form: −½ Σ (1 + log σ² − μ² − σ²). */
    public static NDArray kl(NDArray mean, NDArray logVariance) {
        return Scalars.times(logVariance.add(1).sub(mean.square()).sub(logVariance.exp()).sum(new int[] {1}), -0.5);
    }

    @Override
    public String toString() {
        return "VAE loss (reconstruction + " + beta + " x KL)";
    }
}
