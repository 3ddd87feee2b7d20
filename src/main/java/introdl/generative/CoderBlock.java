package introdl.generative;

import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Block;

/**
 * What the autoencoder, the VAE and Lab 2's DB-VAE have in common: an encoder and a decoder as
 * child blocks, the image shape and the latent size, and their initialisation (the decoder takes
 * a batch of latent vectors). Each subclass says what the encoder's outputs mean and how the
 * forward pass goes from them to the decoder.
 */
public abstract class CoderBlock extends AbstractBlock implements LatentBlock {
    private final Block encoder;
    private final Block decoder;
    private final Shape input;
    private final int latent;

    /** Joins an encoder and a decoder (their shapes are the subclass's to check). */
    protected CoderBlock(Block encoder, Block decoder, Shape input, int latent) {
        this.encoder = addChildBlock("encoder", encoder);
        this.decoder = addChildBlock("decoder", decoder);
        this.input = input;
        this.latent = requireLatent(latent);
    }

    /**
     * Returns {@code latent} if it is a usable latent size.
     *
     * @throws IllegalArgumentException if it is below 1
     */
    public static int requireLatent(int latent) {
        if (latent < 1) {
            throw new IllegalArgumentException("the latent size must be at least 1, got " + latent);
        }
        return latent;
    }

    public Block encoder() {
        return encoder;
    }

    @Override
    public Block decoder() {
        return decoder;
    }

    @Override
    public Shape inputShape() {
        return input;
    }

    @Override
    public int latent() {
        return latent;
    }

    @Override
    protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
        encoder.initialize(manager, dataType, inputShapes[0]);
        decoder.initialize(manager, dataType, new Shape(inputShapes[0].get(0), latent));
    }
}
