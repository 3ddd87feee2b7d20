package introdl.generative;

import ai.djl.Model;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.nn.Block;
import introdl.data.Examples;
import introdl.train.Inference;
import java.util.Random;

/**
 * The latent space of a trained autoencoder or VAE: images to codes (the VAE's code is its mean
 * μ), codes to images, and the walks that show what the codes mean: samples from the prior,
 * traversals of one dimension, and interpolations between two images.
 */
public final class Latent {
    private Latent() {}

    /** The code of each image: z for an autoencoder, μ for a VAE. */
    public static float[][] encode(Model model, Examples images) {
        LatentBlock coder = coder(model);
        return Inference.map(model, images, coder::code);
    }

    /** The image of each code, pixels in [0, 1], flattened. */
    public static float[][] decode(Model model, float[][] codes) {
        Block decoder = decoder(model);
        return Inference.map(model, codes, new Shape(latentSize(model)),
                (store, z) -> Activation.sigmoid(decoder.forward(store, new NDList(z), false).head()));
    }

    /** What the model makes of each image: decode(encode(x)). */
    public static float[][] reconstruct(Model model, Examples images) {
        return decode(model, encode(model, images));
    }

    /** {@code count} new images: codes drawn from the prior N(0, I), decoded. */
    public static float[][] sample(Model model, int count, long seed) {
        Random random = new Random(seed);
        float[][] codes = new float[count][latentSize(model)];
        for (float[] code : codes) {
            for (int d = 0; d < code.length; d++) {
                code[d] = (float) random.nextGaussian();
            }
        }
        return decode(model, codes);
    }

    /**
     * A traversal: for each dimension in {@code dimensions}, {@code steps} codes equal to
     * {@code base} except that dimension, which runs from −range to +range. Row-major: one row of
     * images per dimension.
     */
    public static float[][] traverse(Model model, float[] base, int[] dimensions, int steps, double range) {
        requireSteps(steps);
        float[][] codes = new float[dimensions.length * steps][];
        for (int r = 0; r < dimensions.length; r++) {
            if (dimensions[r] < 0 || dimensions[r] >= base.length) {
                throw new IllegalArgumentException("dimension " + dimensions[r] + " is outside the latent space of "
                        + base.length);
            }
            for (int s = 0; s < steps; s++) {
                float[] code = base.clone();
                code[dimensions[r]] = (float) (-range + 2 * range * s / (steps - 1));
                codes[r * steps + s] = code;
            }
        }
        return decode(model, codes);
    }

    /** {@code steps} images on the straight line between two codes, both ends included. */
    public static float[][] interpolate(Model model, float[] from, float[] to, int steps) {
        requireSteps(steps);
        if (from.length != to.length) {
            throw new IllegalArgumentException("the two codes have " + from.length + " and " + to.length + " numbers");
        }
        float[][] codes = new float[steps][from.length];
        for (int s = 0; s < steps; s++) {
            double t = (double) s / (steps - 1);
            for (int d = 0; d < from.length; d++) {
                codes[s][d] = (float) ((1 - t) * from[d] + t * to[d]);
            }
        }
        return decode(model, codes);
    }

    /** The latent size of a model holding an autoencoder or a VAE. */
    public static int latentSize(Model model) {
        return coder(model).latent();
    }

    /** The image shape of a model with a latent space. */
    public static Shape imageShape(Model model) {
        return coder(model).inputShape();
    }

    private static Block decoder(Model model) {
        return coder(model).decoder();
    }

    /**
     * The {@code count} dimensions along which {@code codes} vary most, most varied first: the
     * ones worth traversing when a large latent space leaves many dimensions all but unused.
     */
    public static int[] mostVaried(float[][] codes, int count) {
        int dims = codes[0].length;
        double[] variance = new double[dims];
        for (int d = 0; d < dims; d++) {
            double mean = 0;
            for (float[] c : codes) {
                mean += c[d] / (double) codes.length;
            }
            for (float[] c : codes) {
                variance[d] += (c[d] - mean) * (c[d] - mean);
            }
        }
        return java.util.Arrays.stream(Outliers.ranking(variance)).limit(Math.min(count, dims)).toArray();
    }

    private static LatentBlock coder(Model model) {
        if (model.getBlock() instanceof LatentBlock coder) {
            return coder;
        }
        throw new IllegalArgumentException("the model holds " + model.getBlock().getClass().getSimpleName()
                + ", which has no latent space (expected an autoencoder, a VAE or a DB-VAE)");
    }

    private static void requireSteps(int steps) {
        if (steps < 2) {
            throw new IllegalArgumentException("a walk needs at least 2 steps, got " + steps);
        }
    }

    /** Per-image mean squared error between images and what the model makes of them. */
    static double[] squaredErrors(float[][] images, float[][] reconstructions) {
        double[] out = new double[images.length];
        for (int i = 0; i < images.length; i++) {
            double sum = 0;
            for (int p = 0; p < images[i].length; p++) {
                double d = images[i][p] - reconstructions[i][p];
                sum += d * d;
            }
            out[i] = sum / images[i].length;
        }
        return out;
    }
}
