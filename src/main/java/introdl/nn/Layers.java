package introdl.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.nn.Blocks;
import ai.djl.nn.LambdaBlock;
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

    /**
     * A 2-D convolution moving {@code stride} pixels at a time, padded as Keras's "same": an
     * input of side n gives ceil(n / stride); stride 2 halves the image (an odd kernel is needed).
     */
    public static Block conv2d(int filters, int kernel, int stride, Activation activation) {
        if (filters < 1 || kernel < 1 || kernel % 2 == 0 || stride < 1) {
            throw new IllegalArgumentException("a strided convolution needs at least 1 filter, an odd kernel and a "
                    + "stride of at least 1, got " + filters + " filters of " + kernel + "x" + kernel + ", stride "
                    + stride);
        }
        Block conv = Conv2d.builder().setFilters(filters).setKernelShape(new Shape(kernel, kernel))
                .optStride(new Shape(stride, stride)).optPadding(new Shape(kernel / 2, kernel / 2)).build();
        return activation == Activation.IDENTITY ? conv : sequential(conv, activation.block());
    }

    /**
     * Doubles each side of a feature map (nearest-neighbour upsampling), then a 3x3 convolution
     * with {@code filters} kernels: how a decoder grows an image back from a small feature map.
     * (DJL's PyTorch engine has no transposed convolution; upsampling then convolving is also the
     * usual cure for the checkerboard artefacts transposed convolutions leave.)
     */
    public static Block upconv2d(int filters, Activation activation) {
        if (filters < 1) {
            throw new IllegalArgumentException("an upsampling convolution needs at least 1 filter, got " + filters);
        }
        return sequential(upsample2(), conv2d(filters, 3, 1, activation));
    }

    /** Nearest-neighbour upsampling of (N, C, H, W) to (N, C, 2H, 2W): each pixel becomes a 2x2 block. */
    public static Block upsample2() {
        return new LambdaBlock(list -> {
            NDArray x = list.head();
            Shape s = x.getShape();
            if (s.dimension() != 4) {
                throw new IllegalArgumentException("upsampling takes (batch, channels, height, width), got " + s);
            }
            long n = s.get(0);
            long c = s.get(1);
            long h = s.get(2);
            long w = s.get(3);
            return new NDList(x.reshape(n, c, h, 1, w, 1).broadcast(new Shape(n, c, h, 2, w, 2))
                    .reshape(n, c, 2 * h, 2 * w));
        }, "upsample2");
    }

    /** Reshapes each sample to {@code shape}, keeping the batch axis (a vector back to channels x height x width). */
    public static Block reshape(long... shape) {
        Shape target = new Shape(shape);
        if (target.size() < 1) {
            throw new IllegalArgumentException("a reshape needs a positive size, got " + target);
        }
        return new LambdaBlock(list -> new NDList(list.head().reshape(new Shape(-1).addAll(target))), "reshape");
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
