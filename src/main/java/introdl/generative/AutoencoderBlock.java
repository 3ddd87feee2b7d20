package introdl.generative;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.nn.Block;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;

/**
 * An autoencoder as one DJL block: encoder → latent vector z → decoder → sigmoid, so its output is
 * an image in [0, 1] of the input's shape, trained to reproduce the input. The encoder and decoder
 * stay reachable, to map images to their latent vectors and latent vectors to images.
 */
public final class AutoencoderBlock extends CoderBlock {
    /**
     * Joins an encoder and a decoder.
     *
     * @param input the shape of one image (channels, height, width)
     * @param latent the size of z
     * @throws IllegalArgumentException if the encoder does not give {@code latent} numbers or the
     *     decoder does not give back the input's shape
     */
    public AutoencoderBlock(Block encoder, Block decoder, Shape input, int latent) {
        super(requireCoders(encoder, decoder, input, latent, latent), decoder, input, latent);
    }

    /** The autoencoder of an architecture. */
    public static AutoencoderBlock of(Architecture architecture) {
        return new AutoencoderBlock(architecture.encoder(architecture.latent()), architecture.decoder(),
                architecture.input(), architecture.latent());
    }

    /** Checks that the encoder gives {@code encoderOutputs} numbers and the decoder the input's shape; returns the encoder. */
    static Block requireCoders(Block encoder, Block decoder, Shape input, int latent, int encoderOutputs) {
        requireLatent(latent);
        Shape encoded = encoder.getOutputShapes(new Shape[] {new Shape(2).addAll(input)})[0];
        if (!encoded.equals(new Shape(2, encoderOutputs))) {
            throw new IllegalArgumentException("the encoder turns images " + new Shape(2).addAll(input) + " into "
                    + encoded + "; expected " + new Shape(2, encoderOutputs));
        }
        Architecture.requireShape(decoder, new Shape(2, latent), new Shape(2).addAll(input));
        return encoder;
    }

    @Override
    public NDArray code(ParameterStore store, NDArray images) {
        return encoder().forward(store, new NDList(images), false).head();
    }

    @Override
    protected NDList forwardInternal(ParameterStore store, NDList inputs, boolean training,
            PairList<String, Object> params) {
        NDList z = encoder().forward(store, inputs, training, params);
        NDList logits = decoder().forward(store, z, training, params);
        return new NDList(Activation.sigmoid(logits.head()));
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        return new Shape[] {inputShapes[0]};
    }

    @Override
    public String toString() {
        return "Autoencoder(" + inputShape() + " -> latent " + latent() + ")";
    }
}
