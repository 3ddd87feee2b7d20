package introdl.basics;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.nn.Block;
import ai.djl.nn.LambdaBlock;
import ai.djl.nn.SequentialBlock;
import introdl.nn.Activation;
import introdl.nn.Init;
import introdl.nn.Layers;
import java.util.List;
import java.util.stream.Collectors;

/**
 * A multi-layer perceptron: inputs, hidden layers of a chosen width and activation (each
 * optionally followed by batch norm and dropout), and one output per class. The definition is a
 * value; {@link #build()} turns it into a DJL block.
 *
 * @param inputs the number of input values per sample (e.g. 400 for a 20x20 image)
 * @param hidden the width of each hidden layer, first to last
 * @param classes the number of outputs (classes)
 * @param activation the activation of the hidden layers
 * @param dropout the dropout rate after each hidden layer (0 for none)
 * @param batchNorm whether each hidden layer is batch-normalised before its activation
 * @param init how the weights start, or null for DJL's default
 */
public record Mlp(int inputs, List<Integer> hidden, int classes, Activation activation,
        double dropout, boolean batchNorm, Init init) {

    public Mlp {
        hidden = List.copyOf(hidden);
        if (inputs < 1) {
            throw new IllegalArgumentException("an MLP needs at least 1 input, got " + inputs);
        }
        if (classes < 1) {
            throw new IllegalArgumentException("an MLP needs at least 1 output, got " + classes);
        }
        for (int width : hidden) {
            if (width < 1) {
                throw new IllegalArgumentException("hidden layer widths must be positive, got " + hidden);
            }
        }
        if (!(dropout >= 0 && dropout < 1)) {
            throw new IllegalArgumentException("dropout must be in [0, 1), got " + dropout);
        }
    }

    /** A plain ReLU MLP, e.g. {@code Mlp.of(400, 10, 128, 64)} for 400-128-64-10. */
    public static Mlp of(int inputs, int classes, int... hidden) {
        return new Mlp(inputs, java.util.Arrays.stream(hidden).boxed().toList(), classes,
                Activation.RELU, 0, false, null);
    }

    public Mlp withActivation(Activation newActivation) {
        return new Mlp(inputs, hidden, classes, newActivation, dropout, batchNorm, init);
    }

    public Mlp withDropout(double rate) {
        return new Mlp(inputs, hidden, classes, activation, rate, batchNorm, init);
    }

    public Mlp withBatchNorm(boolean on) {
        return new Mlp(inputs, hidden, classes, activation, dropout, on, init);
    }

    public Mlp withInit(Init scheme) {
        return new Mlp(inputs, hidden, classes, activation, dropout, batchNorm, scheme);
    }

    /** The network as a DJL block: flatten, hidden layers, then a linear output per class. */
    public Block build() {
        SequentialBlock net = new SequentialBlock();
        net.add(Layers.flatten());
        net.add(new LambdaBlock(this::checkInputs, "check_inputs"));
        for (int width : hidden) {
            net.add(Layers.dense(width));
            if (batchNorm) {
                net.add(Layers.batchNorm());
            }
            net.add(activation.block());
            if (dropout > 0) {
                net.add(Layers.dropout(dropout));
            }
        }
        net.add(Layers.dense(classes));
        return init == null ? net : init.applyTo(net);
    }

    private NDList checkInputs(NDList list) {
        NDArray x = list.singletonOrThrow();
        long got = x.getShape().size() / Math.max(1, x.getShape().get(0));
        if (got != inputs) {
            throw new IllegalArgumentException("this MLP takes " + inputs + " values per sample, but got "
                    + got + " (input shape " + x.getShape() + "); resize the images or build the MLP with "
                    + got + " inputs");
        }
        return list;
    }

    /** A one-line description, e.g. "MLP 400-256-128-10, relu, batch norm, dropout 0.2". */
    @Override
    public String toString() {
        String sizes = inputs + "-" + hidden.stream().map(String::valueOf).collect(Collectors.joining("-"))
                + (hidden.isEmpty() ? "" : "-") + classes;
        return "MLP " + sizes + ", " + activation.label() + (batchNorm ? ", batch norm" : "")
                + (dropout > 0 ? ", dropout " + dropout : "") + (init == null ? "" : ", " + init.label() + " init");
    }
}
