package introdl.basics;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.nn.Block;
import ai.djl.nn.SequentialBlock;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Dense layers stacked: each layer's output is the next one's input. The forward pass is
 * written out layer by layer; {@link #toBlock} is the same network as DJL blocks.
 */
public final class DenseNetwork {
    private final List<DenseLayer> layers;

    private DenseNetwork(List<DenseLayer> layers) {
        this.layers = List.copyOf(layers);
    }

    /**
     * A network of these layers, first to last.
     *
     * @throws IllegalArgumentException if a layer's inputs do not match the previous layer's outputs
     */
    public static DenseNetwork of(DenseLayer... layers) {
        if (layers.length == 0) {
            throw new IllegalArgumentException("a network needs at least one layer");
        }
        for (int i = 1; i < layers.length; i++) {
            if (layers[i].inputs() != layers[i - 1].outputs()) {
                throw new IllegalArgumentException("layer " + (i + 1) + " takes " + layers[i].inputs()
                        + " inputs but layer " + i + " gives " + layers[i - 1].outputs() + " outputs");
            }
        }
        return new DenseNetwork(List.of(layers));
    }

    public List<DenseLayer> layers() {
        return layers;
    }

    /** The network's output for a batch x of shape (n, inputs of the first layer). */
    public NDArray forward(NDArray x) {
        NDArray out = x;
        for (DenseLayer layer : layers) {
            out = layer.forward(out);
        }
        return out;
    }

    /** The same network as DJL blocks, holding the same weights. */
    public Block toBlock(NDManager manager) {
        SequentialBlock block = new SequentialBlock();
        layers.forEach(layer -> block.add(layer.toBlock(manager)));
        return block;
    }

    @Override
    public String toString() {
        return layers.stream().map(DenseLayer::toString).collect(Collectors.joining(" -> ", "DenseNetwork[", "]"));
    }
}
