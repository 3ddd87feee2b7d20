package introdl.vision;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.nn.LambdaBlock;
import ai.djl.nn.SequentialBlock;
import introdl.nn.Activation;
import introdl.nn.Layers;
import java.util.List;
import java.util.stream.Collectors;

/**
 * A convolutional classifier: blocks of convolution (3x3 kernels, ReLU) and 2x2 max pooling,
 * then dense layers. {@link #lecture} is the lecture's network; batch norm and dropout are options.
 * The definition is a value; {@link #build()} turns it into a DJL block.
 *
 * @param input the shape of one image, C x H x W
 * @param filters the number of filters of each convolution block, first to last
 * @param kernel the side of every convolution kernel
 * @param dense the width of each hidden dense layer
 * @param classes the number of outputs
 * @param batchNorm whether each convolution and hidden dense layer is batch-normalised
 * @param dropout the dropout rate before each dense layer (0 for none)
 */
public record Cnn(Shape input, List<Integer> filters, int kernel, List<Integer> dense, int classes,
        boolean batchNorm, double dropout) {

    public Cnn {
        filters = List.copyOf(filters);
        dense = List.copyOf(dense);
        if (input.dimension() != 3) {
            throw new IllegalArgumentException("the input must be an image shape C x H x W, got " + input);
        }
        if (classes < 1 || kernel < 1 || filters.stream().anyMatch(f -> f < 1) || dense.stream().anyMatch(d -> d < 1)) {
            throw new IllegalArgumentException("filters, kernel, dense widths and classes must be positive: " + filters
                    + ", " + kernel + ", " + dense + ", " + classes);
        }
        if (!(dropout >= 0 && dropout < 1)) {
            throw new IllegalArgumentException("dropout must be in [0, 1), got " + dropout);
        }
        long side = Math.min(input.get(1), input.get(2));
        for (int f = 0; f < filters.size(); f++) {
            side = (side - kernel + 1) / 2;
            if (side < 1) {
                throw new IllegalArgumentException(input + " images are too small for " + filters.size()
                        + " blocks of a " + kernel + "x" + kernel + " convolution and 2x2 pooling");
            }
        }
    }

    /**
     * The lecture's network: conv 32 (3x3, ReLU), max-pool 2, conv 64 (3x3, ReLU), max-pool 2,
     * flatten, dense 1024 (ReLU), dense per class.
     */
    public static Cnn lecture(Shape input, int classes) {
        return new Cnn(input, List.of(32, 64), 3, List.of(1024), classes, false, 0);
    }

    public Cnn withBatchNorm(boolean on) {
        return new Cnn(input, filters, kernel, dense, classes, on, dropout);
    }

    public Cnn withDropout(double rate) {
        return new Cnn(input, filters, kernel, dense, classes, batchNorm, rate);
    }

    /** The network as a DJL block. */
    public Block build() {
        SequentialBlock net = new SequentialBlock();
        net.add(new LambdaBlock(this::checkInput, "check_input"));
        for (int f : filters) {
            // convolution, batch norm and ReLU in one block, whose output is the layer's feature maps
            SequentialBlock convolution = new SequentialBlock().add(Layers.conv2d(f, kernel));
            if (batchNorm) {
                convolution.add(Layers.batchNorm());
            }
            net.add(convolution.add(Activation.RELU.block()));
            net.add(Layers.maxPool(2));
        }
        net.add(Layers.flatten());
        for (int width : dense) {
            if (dropout > 0) {
                net.add(Layers.dropout(dropout));
            }
            net.add(Layers.dense(width));
            if (batchNorm) {
                net.add(Layers.batchNorm());
            }
            net.add(Activation.RELU.block());
        }
        if (dropout > 0) {
            net.add(Layers.dropout(dropout));
        }
        net.add(Layers.dense(classes));
        return net;
    }

    private NDList checkInput(NDList list) {
        NDArray x = list.singletonOrThrow();
        Shape shape = x.getShape();
        if (shape.dimension() != 4 || !shape.slice(1).equals(input)) {
            throw new IllegalArgumentException("this CNN takes images of " + describe(input) + " (channels x height x "
                    + "width), got a batch of shape " + shape + "; fit the images to the model first (Pixels.fit "
                    + "resizes them and converts grey and colour)");
        }
        return list;
    }

    private static String describe(Shape shape) {
        return shape.get(0) + "x" + shape.get(1) + "x" + shape.get(2);
    }

    @Override
    public String toString() {
        return "CNN " + describe(input) + " -> " + filters.stream().map(f -> "conv" + f + "+pool")
                .collect(Collectors.joining(" -> ")) + " -> " + dense.stream().map(d -> "dense" + d)
                .collect(Collectors.joining(" -> ")) + " -> " + classes + (batchNorm ? ", batch norm" : "")
                + (dropout > 0 ? ", dropout " + dropout : "");
    }
}
