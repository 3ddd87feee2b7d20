package introdl.generative;

import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import introdl.nn.Activation;
import introdl.nn.Layers;
import java.util.Arrays;
import java.util.Locale;

/**
 * The encoder and decoder of an autoencoder or VAE, built from the course's layer vocabulary:
 * dense (flatten → hidden layers → latent, and back) or convolutional (two stride-2 convolutions
 * → latent, and two upsampling convolutions back). The decoder ends in logits, one per pixel; a
 * sigmoid turns them into an image. Every shape is checked when the architecture is made, so a
 * mismatch is a clear error here, not a failure deep inside training.
 */
public final class Architecture {
    /** Filters of the convolutional variant's two layers. */
    private static final int[] CONV_FILTERS = {32, 64};

    private final Shape input;
    private final int latent;
    private final boolean convolutional;
    private final int[] hidden;

    private Architecture(Shape input, int latent, boolean convolutional, int[] hidden) {
        if (latent < 1) {
            throw new IllegalArgumentException("the latent size must be at least 1, got " + latent);
        }
        if (input.dimension() != 3 || input.size() < 1) {
            throw new IllegalArgumentException("an autoencoder takes images of channels x height x width, got " + input);
        }
        for (int h : hidden) {
            if (h < 1) {
                throw new IllegalArgumentException("hidden layer widths must be at least 1, got " + Arrays.toString(hidden));
            }
        }
        this.input = input;
        this.latent = latent;
        this.convolutional = convolutional;
        this.hidden = hidden.clone();
    }

    /** Dense: the image flattened, then {@code hidden} layers (ReLU) down to the latent, mirrored back. */
    public static Architecture dense(Shape input, int latent, int... hidden) {
        return new Architecture(input, latent, false, hidden);
    }

    /**
     * Convolutional: 3x3 convolutions of 32 and 64 filters with stride 2 (each halves the image),
     * a dense layer to the latent; back through a dense layer and two upsampling convolutions.
     *
     * @throws IllegalArgumentException if the image sides are not multiples of 4
     */
    public static Architecture conv(Shape input, int latent) {
        Architecture a = new Architecture(input, latent, true, new int[0]);
        if (input.get(1) % 4 != 0 || input.get(2) % 4 != 0) {
            throw new IllegalArgumentException("the convolutional autoencoder halves the image twice, so its sides must "
                    + "be multiples of 4; got " + input.get(1) + "x" + input.get(2) + " (use Architecture.dense, or "
                    + "resize the images)");
        }
        return a;
    }

    public Shape input() {
        return input;
    }

    public int latent() {
        return latent;
    }

    /** The encoder: an image → {@code outputs} numbers (the latent, or μ and log σ² side by side). */
    public Block encoder(int outputs) {
        if (!convolutional) {
            Block[] layers = new Block[hidden.length + 2];
            layers[0] = Layers.flatten();
            for (int i = 0; i < hidden.length; i++) {
                layers[i + 1] = Layers.dense(hidden[i], Activation.RELU);
            }
            layers[layers.length - 1] = Layers.dense(outputs);
            return Layers.sequential(layers);
        }
        return Layers.sequential(normalized(Layers.conv2d(CONV_FILTERS[0], 3, 2, Activation.IDENTITY)),
                normalized(Layers.conv2d(CONV_FILTERS[1], 3, 2, Activation.IDENTITY)), Layers.flatten(),
                Layers.dense(outputs));
    }

    /** The decoder: a latent vector → one logit per pixel, in the input's shape. */
    public Block decoder() {
        Block decoder;
        if (!convolutional) {
            Block[] layers = new Block[hidden.length + 2];
            for (int i = 0; i < hidden.length; i++) {
                layers[i] = Layers.dense(hidden[hidden.length - 1 - i], Activation.RELU);
            }
            layers[hidden.length] = Layers.dense(Math.toIntExact(input.size()));
            layers[hidden.length + 1] = Layers.reshape(input.getShape());
            decoder = Layers.sequential(layers);
        } else {
            long h = input.get(1) / 4;
            long w = input.get(2) / 4;
            decoder = Layers.sequential(Layers.dense(Math.toIntExact(CONV_FILTERS[1] * h * w), Activation.RELU),
                    Layers.reshape(CONV_FILTERS[1], h, w), normalized(Layers.upconv2d(CONV_FILTERS[0], Activation.IDENTITY)),
                    Layers.upconv2d(Math.toIntExact(input.get(0)), Activation.IDENTITY));
        }
        requireShape(decoder, new Shape(2, latent), new Shape(2).addAll(input));
        return decoder;
    }

    /** A layer followed by batch normalisation and a ReLU, which keeps the convolutional variant trainable at higher rates. */
    private static Block normalized(Block layer) {
        return Layers.sequential(layer, Layers.batchNorm(), Layers.activation(Activation.RELU));
    }

    /**
     * Checks that {@code decoder} turns a batch of latent vectors back into images of the input's
     * shape.
     *
     * @throws IllegalArgumentException naming both shapes if it does not
     */
    public static void requireShape(Block decoder, Shape latentBatch, Shape expected) {
        Shape actual = decoder.getOutputShapes(new Shape[] {latentBatch})[0];
        if (!actual.equals(expected)) {
            throw new IllegalArgumentException("the decoder turns latent vectors " + latentBatch + " into " + actual
                    + ", but the images are " + expected + "; its output must have the input's shape");
        }
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "%s %s -> latent %d -> %s", convolutional ? "convolutional" : "dense",
                input, latent, convolutional ? "2 upsampling convolutions" : "dense " + Arrays.toString(hidden));
    }
}
