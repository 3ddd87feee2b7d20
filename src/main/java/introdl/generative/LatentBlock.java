package introdl.generative;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.training.ParameterStore;

/**
 * A block with a latent space: it codes images as vectors and has a decoder from vectors back to
 * one logit per pixel. The autoencoder, the VAE and Lab 2's DB-VAE are all of this kind, so
 * {@link Latent}'s reconstructions, traversals and interpolations work on each of them.
 */
public interface LatentBlock {
    /** The shape of one image, e.g. (1, 20, 20). */
    Shape inputShape();

    /** The number of latent dimensions. */
    int latent();

    /** The decoder: (batch, latent) codes to pixel logits in the image shape. */
    Block decoder();

    /** The code of each image of a batch, (batch, latent), in inference: z, or the mean μ of a VAE. */
    NDArray code(ParameterStore store, NDArray images);
}
