package introdl.faces;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;
import introdl.generative.Architecture;
import introdl.generative.CoderBlock;
import introdl.generative.VaeBlock;

/**
 * The debiasing variational autoencoder (DB-VAE) of Lab 2 as one DJL block. Its encoder is the
 * standard classifier's convolutional stack with 2·latent + 1 outputs: the face logit, then μ and
 * log σ² of the face's latent code. z = μ + exp(½ log σ²) ⊙ ε (sampled in training, μ in
 * inference) is decoded back to the image. So one network both classifies and learns, without
 * labels, what faces vary in, which {@link Resampling} uses to find the rare ones.
 *
 * <p>Outputs: (face logit (batch, 1), pixel logits (batch, 3, 64, 64), μ, log σ², the input
 * images). The input is passed through because the fit loop's labels carry only face / not face,
 * and {@link DbVaeLoss} compares the reconstruction with the image.
 */
public final class DbVaeBlock extends CoderBlock {
    /**
     * A DB-VAE with a latent space of {@code latent} dimensions (the course uses 100).
     *
     * @throws IllegalArgumentException if latent is below 1
     */
    public DbVaeBlock(int latent) {
        super(FaceCnn.encoder(2 * requireLatent(latent) + 1), FaceCnn.decoder(), FaceSet.IMAGE, latent);
        Architecture.requireShape(decoder(), new Shape(2, latent), new Shape(2).addAll(FaceSet.IMAGE));
    }

    @Override
    public NDArray code(ParameterStore store, NDArray images) {
        return encode(store, images, false).get(1);
    }

    /** The face logit (batch, 1), μ and log σ² (batch, latent) of each image. */
    public NDList encode(ParameterStore store, NDArray images, boolean training) {
        NDArray out = encoder().forward(store, new NDList(images), training).head();
        return new NDList(out.get(new NDIndex(":, :1")), out.get(new NDIndex(":, 1:{}", latent() + 1)),
                out.get(new NDIndex(":, {}:", latent() + 1)));
    }

    @Override
    protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
        requireImages(inputShapes[0]);
        super.initializeChildBlocks(manager, dataType, inputShapes);
    }

    @Override
    protected NDList forwardInternal(ParameterStore store, NDList inputs, boolean training,
            PairList<String, Object> params) {
        NDArray images = inputs.head();
        NDList encoded = encode(store, images, training);
        NDArray mean = encoded.get(1);
        NDArray logVariance = encoded.get(2);
        NDArray z = training
                ? VaeBlock.reparameterize(mean, logVariance, mean.getManager().randomNormal(mean.getShape()))
                : mean;
        NDArray pixels = decoder().forward(store, new NDList(z), training, params).head();
        return new NDList(encoded.get(0), pixels, mean, logVariance, images);
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        requireImages(inputShapes[0]);
        long batch = inputShapes[0].get(0);
        return new Shape[] {new Shape(batch, 1), inputShapes[0], new Shape(batch, latent()), new Shape(batch, latent()),
            inputShapes[0]};
    }

    private static void requireImages(Shape batch) {
        if (batch.dimension() != 4 || !batch.slice(1).equals(FaceSet.IMAGE)) {
            throw new IllegalArgumentException("the DB-VAE takes batches of RGB 64x64 images (batch, 3, 64, 64), got "
                    + batch + "; resize the images to 64x64 (FaceFolders does) first");
        }
    }

    @Override
    public String toString() {
        return "DB-VAE(3x64x64 -> face logit + latent " + latent() + ")";
    }
}
