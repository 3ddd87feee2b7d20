package introdl.nn;

import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.nn.Blocks;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.nn.core.Linear;
import ai.djl.nn.norm.BatchNorm;
import ai.djl.nn.norm.Dropout;
import ai.djl.nn.pooling.Pool;

/**
 * The layer vocabulary of the course, as short as the lecture's Keras snippets. Every method
 * returns a plain DJL {@link Block}, so a model built here is an ordinary DJL model.
 *
 * <pre>{@code
 * Block mlp = Layers.sequential(
 *         Layers.flatten(), Layers.dense(128, Activation.RELU), Layers.dense(10));
 * }</pre>
 */
public final class Layers {
    private Layers() {}

    /** Blocks applied one after another. */
    public static SequentialBlock sequential(Block... blocks) {
        SequentialBlock sequence = new SequentialBlock();
        for (Block block : blocks) {
            sequence.add(block);
        }
        return sequence;
    }

    /** A fully connected layer z = W x + b with {@code units} outputs (no activation). */
    public static Block dense(int units) {
        if (units < 1) {
            throw new IllegalArgumentException("a dense layer needs at least 1 unit, got " + units);
        }
        return Linear.builder().setUnits(units).build();
    }

    /** A fully connected layer followed by an activation: g(W x + b). */
    public static Block dense(int units, Activation activation) {
        if (activation == Activation.IDENTITY) {
            return dense(units);
        }
        return sequential(dense(units), activation.block());
    }

    /**
     * A 2-D convolution with {@code filters} kernels of {@code kernel x kernel} pixels, stride 1 and
     * no padding ("valid", as Keras's default), on channel-first images (N, C, H, W).
     */
    public static Block conv2d(int filters, int kernel) {
        if (filters < 1 || kernel < 1) {
            throw new IllegalArgumentException("a convolution needs at least 1 filter of at least 1x1 pixels, got "
                    + filters + " filters of " + kernel + "x" + kernel);
        }
        return Conv2d.builder().setFilters(filters).setKernelShape(new Shape(kernel, kernel)).build();
    }

    /** A 2-D convolution followed by an activation: g(W * x + b). */
    public static Block conv2d(int filters, int kernel, Activation activation) {
        return activation == Activation.IDENTITY ? conv2d(filters, kernel)
                : sequential(conv2d(filters, kernel), activation.block());
    }

    /** Max pooling over {@code size x size} windows with stride {@code size}. */
    public static Block maxPool(int size) {
        requireWindow(size);
        return Pool.maxPool2dBlock(new Shape(size, size), new Shape(size, size));
    }

    /** Average pooling over {@code size x size} windows with stride {@code size}. */
    public static Block avgPool(int size) {
        requireWindow(size);
        return Pool.avgPool2dBlock(new Shape(size, size), new Shape(size, size));
    }

    private static void requireWindow(int size) {
        if (size < 1) {
            throw new IllegalArgumentException("a pooling window must be at least 1x1, got " + size);
        }
    }

    /** Flattens each sample to a vector (images to pixels), keeping the batch axis. */
    public static Block flatten() {
        return Blocks.batchFlattenBlock();
    }

    /** Dropout: during training, zeroes each value with probability {@code rate}. */
    public static Block dropout(double rate) {
        if (!(rate >= 0 && rate < 1)) {
            throw new IllegalArgumentException("dropout rate must be in [0, 1), got " + rate);
        }
        return Dropout.builder().optRate((float) rate).build();
    }

    /** Batch normalisation over the feature (channel) axis. */
    public static Block batchNorm() {
        return BatchNorm.builder().build();
    }

    /** An activation as a layer of its own. */
    public static Block activation(Activation activation) {
        return activation.block();
    }
}
