package introdl.generative;

import introdl.nn.Scalars;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;

/**
 * A variational autoencoder as one DJL block. The encoder gives, for each image, the mean μ and
 * the log-variance log σ² of a Gaussian over the latent space; z is drawn from it by
 * reparameterisation, z = μ + σ ⊙ ε with ε ~ N(0, I), so the randomness sits outside the
 * network and gradients reach μ and σ; the decoder turns z into one logit per pixel. The output
 * is (logits, μ, log σ²), what {@link VaeLoss} needs. In training z is sampled; in inference it
 * is μ, the most likely code, so reconstructions are repeatable.
 */
public final class VaeBlock extends CoderBlock {
    /**
     * Joins an encoder giving 2 x latent numbers (μ then log σ²) and a decoder.
     *
     * @throws IllegalArgumentException if the shapes do not fit together
     */
    public VaeBlock(Block encoder, Block decoder, Shape input, int latent) {
        super(AutoencoderBlock.requireCoders(encoder, decoder, input, latent, 2 * latent), decoder, input, latent);
    }

    /** The VAE of an architecture. */
    public static VaeBlock of(Architecture architecture) {
        return new VaeBlock(architecture.encoder(2 * architecture.latent()), architecture.decoder(),
                architecture.input(), architecture.latent());
    }

    /** μ and log σ² of each image of a batch, each (batch, latent). */
    public NDList encode(ParameterStore store, NDArray images, boolean training) {
        NDArray both = encoder().forward(store, new NDList(images), training).head();
        return new NDList(both.get(new NDIndex(":, :{}", latent())), both.get(new NDIndex(":, {}:", latent())));
    }

    /** The mean μ of each image's code. */
    @Override
    public NDArray code(ParameterStore store, NDArray images) {
        return encode(store, images, false).get(0);
    }

    /** z = μ + exp(log σ² / 2) ⊙ ε: a sample whose gradient flows to μ and log σ². */
    public static NDArray reparameterize(NDArray mean, NDArray logVariance, NDArray noise) {
        return mean.add(Scalars.times(logVariance, 0.5).exp().mul(noise));
    }

    @Override
    protected NDList forwardInternal(ParameterStore store, NDList inputs, boolean training,
            PairList<String, Object> params) {
        NDList moments = encode(store, inputs.head(), training);
        NDArray mean = moments.get(0);
        NDArray logVariance = moments.get(1);
        NDArray z = training
                ? reparameterize(mean, logVariance, mean.getManager().randomNormal(mean.getShape()))
                : mean;
        NDArray logits = decoder().forward(store, new NDList(z), training, params).head();
        return new NDList(logits, mean, logVariance);
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        long batch = inputShapes[0].get(0);
        return new Shape[] {inputShapes[0], new Shape(batch, latent()), new Shape(batch, latent())};
    }

    @Override
    public String toString() {
        return "VAE(" + inputShape() + " -> latent " + latent() + ")";
    }
}
