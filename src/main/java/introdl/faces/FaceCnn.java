package introdl.faces;

import ai.djl.nn.Block;
import introdl.nn.Activation;
import introdl.nn.Layers;

/**
 * The course's Lab 2 networks for 64x64 RGB images ({@link FaceSet#IMAGE}). The standard classifier is four strided
 * convolutions (12, 24, 48, 72 filters; 5, 5, 3, 3 pixels; each halves the image, each followed
 * by batch normalisation), a dense layer of 512 and one logit: face or not. The DB-VAE uses the
 * same stack as its encoder with more outputs, and a decoder that mirrors it back to an image.
 */
public final class FaceCnn {
    /** Filters of the first convolution; the next ones have 2, 4 and 6 times as many. */
    public static final int FILTERS = 12;
    /** The side of the feature map after four halvings of 64. */
    static final int CODE_SIDE = 4;

    private FaceCnn() {}

    /** The standard classifier: one logit per image, positive for a face. */
    public static Block classifier() {
        return encoder(1);
    }

    /** The convolutional stack ending in {@code outputs} numbers per image. */
    public static Block encoder(int outputs) {
        if (outputs < 1) {
            throw new IllegalArgumentException("the encoder needs at least 1 output, got " + outputs);
        }
        return Layers.sequential(
                normalized(Layers.conv2d(FILTERS, 5, 2, Activation.RELU)),
                normalized(Layers.conv2d(2 * FILTERS, 5, 2, Activation.RELU)),
                normalized(Layers.conv2d(4 * FILTERS, 3, 2, Activation.RELU)),
                normalized(Layers.conv2d(6 * FILTERS, 3, 2, Activation.RELU)),
                Layers.flatten(), Layers.dense(512, Activation.RELU), Layers.dense(outputs));
    }

    /**
     * The DB-VAE's decoder: a dense layer to 72 maps of 4x4, then four upsampling convolutions
     * (48, 24, 12, 3 filters), each doubling the side, to one logit per pixel of a 3x64x64 image.
     * The course uses transposed convolutions; DJL's PyTorch engine has none, and upsampling then
     * convolving does the same job without checkerboard artefacts.
     */
    public static Block decoder() {
        return Layers.sequential(
                Layers.dense(6 * FILTERS * CODE_SIDE * CODE_SIDE, Activation.RELU),
                Layers.reshape(6 * FILTERS, CODE_SIDE, CODE_SIDE),
                Layers.upconv2d(4 * FILTERS, Activation.RELU),
                Layers.upconv2d(2 * FILTERS, Activation.RELU),
                Layers.upconv2d(FILTERS, Activation.RELU),
                Layers.upconv2d(3, Activation.IDENTITY));
    }

    /** A layer followed by batch normalisation, as in the course. */
    private static Block normalized(Block layer) {
        return Layers.sequential(layer, Layers.batchNorm());
    }
}
