package introdl.faces;

import introdl.nn.Scalars;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.nn.Activation;
import ai.djl.training.loss.Loss;
import introdl.generative.VaeLoss;
import introdl.train.BinaryCrossEntropy;

/**
 * The DB-VAE's loss for one image: BCE(y, face logit) + 1[y = face] · (c · KL + L1
 * reconstruction). Every image teaches the classifier; only faces teach the VAE, because the
 * latent space is meant to describe faces (a non-face has no face attributes to learn). The KL
 * term is the closed form of {@link VaeLoss#kl}; the reconstruction is the mean absolute pixel
 * error, as in the course. (The course's PyTorch solution puts the face indicator on the
 * classification term instead: the classifier then never learns from non-faces, which makes
 * debiasing look perfect, and non-faces pay a VAE loss; tests check each term separately.)
 */
public final class DbVaeLoss extends Loss {
    /** The course's weight on the KL term. */
    public static final double COURSE_KL_WEIGHT = 0.0005;

    /**
     * How each image's three terms make its loss: {@link #COURSE}'s formula, or a student's version
     * of it (notebook 07's exercise, which then trains with it).
     */
    @FunctionalInterface
    public interface Terms {
        /**
         * The loss of each image.
         *
         * @param classification the binary cross-entropy of each image's face logit
         * @param isFace 1 for a face, 0 for a non-face
         * @param kl each image's KL term
         * @param reconstruction each image's mean absolute pixel error
         * @param klWeight the weight c of the KL term
         */
        NDArray combine(NDArray classification, NDArray isFace, NDArray kl, NDArray reconstruction, double klWeight);
    }

    /** BCE + 1[face] · (c · KL + reconstruction). */
    public static final Terms COURSE = (classification, isFace, kl, reconstruction, c) ->
            classification.add(isFace.mul(vae(kl, reconstruction, c)));

    private final double klWeight;
    private final Terms terms;

    /**
     * A loss weighting the KL term by {@code klWeight} (the course uses 0.0005).
     *
     * @throws IllegalArgumentException if the weight is negative or not a number
     */
    public DbVaeLoss(double klWeight) {
        this(klWeight, COURSE);
    }

    /** A loss whose terms are combined by {@code terms} instead of {@link #COURSE}. */
    public DbVaeLoss(double klWeight, Terms terms) {
        super("db_vae");
        if (!(klWeight >= 0) || Double.isInfinite(klWeight)) {
            throw new IllegalArgumentException("the KL weight must be 0 or more, got " + klWeight);
        }
        this.klWeight = klWeight;
        this.terms = java.util.Objects.requireNonNull(terms, "terms");
    }

    public double klWeight() {
        return klWeight;
    }

    @Override
    public NDArray evaluate(NDList labels, NDList predictions) {
        return perImage(labels.head(), predictions).mean();
    }

    /**
     * The loss of each image of a batch.
     *
     * @param faces 1 for a face, 0 for a non-face, one per image
     * @param predictions the {@link DbVaeBlock}'s outputs
     */
    public NDArray perImage(NDArray faces, NDList predictions) {
        if (predictions.size() != 5) {
            throw new IllegalArgumentException("the DB-VAE loss needs the DB-VAE block's five outputs (logit, pixels, "
                    + "mean, log-variance, images), got " + predictions.size());
        }
        NDArray y = faces.reshape(-1);
        NDArray classification = BinaryCrossEntropy.perSample(predictions.get(0), y.reshape(-1, 1));
        NDArray kl = VaeLoss.kl(predictions.get(2), predictions.get(3));
        return terms.combine(classification, y, kl, reconstruction(predictions.get(1), predictions.get(4)), klWeight);
    }

    /** c · KL + mean absolute pixel error of each image: the part only faces pay. */
    public NDArray vae(NDList predictions) {
        NDArray kl = VaeLoss.kl(predictions.get(2), predictions.get(3));
        return vae(kl, reconstruction(predictions.get(1), predictions.get(4)), klWeight);
    }

    private static NDArray vae(NDArray kl, NDArray reconstruction, double klWeight) {
        return Scalars.times(kl, klWeight).add(reconstruction);
    }

    /** The mean absolute error between each image and the decoded pixels (logits through a sigmoid). */
    public static NDArray reconstruction(NDArray pixelLogits, NDArray images) {
        NDArray error = Activation.sigmoid(pixelLogits).sub(images).abs();
        return error.reshape(error.getShape().get(0), -1).mean(new int[] {1});
    }

    @Override
    public String toString() {
        return "DB-VAE loss (BCE + face x (" + klWeight + " x KL + L1))";
    }
}
