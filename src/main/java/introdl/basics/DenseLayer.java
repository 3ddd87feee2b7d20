package introdl.basics;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.core.Linear;
import introdl.nn.Activation;
import introdl.train.NoGrad;

/**
 * Many perceptrons side by side: z = W x + b, ŷ = g(z), with the weight matrix W (one row per
 * output) and bias vector b given explicitly. {@link #toBlock} builds DJL's {@code Linear}
 * layer holding the same numbers, to check that the two agree.
 */
public final class DenseLayer {
    private final NDArray weights;
    private final NDArray bias;
    private final Activation activation;

    private DenseLayer(NDArray weights, NDArray bias, Activation activation) {
        this.weights = weights;
        this.bias = bias;
        this.activation = activation;
    }

    /**
     * A layer with weights W of shape (outputs, inputs), bias b of shape (outputs) and activation g.
     *
     * @throws IllegalArgumentException if the shapes do not fit together
     */
    public static DenseLayer of(NDArray weights, NDArray bias, Activation g) {
        Shape w = weights.getShape();
        if (w.dimension() != 2) {
            throw new IllegalArgumentException("weights must be a matrix (outputs, inputs), got shape " + w);
        }
        if (bias.getShape().dimension() != 1 || bias.getShape().get(0) != w.get(0)) {
            throw new IllegalArgumentException("bias must have shape (" + w.get(0) + "), one per output row of the "
                    + "weights " + w + ", got " + bias.getShape());
        }
        return new DenseLayer(weights, bias, g);
    }

    /** A layer of {@code outputs} units on {@code inputs} inputs with weights drawn from N(0, 1/inputs). */
    public static DenseLayer random(NDManager manager, int inputs, int outputs, Activation g) {
        NDArray w = manager.randomNormal(0, (float) Math.sqrt(1.0 / inputs), new Shape(outputs, inputs),
                DataType.FLOAT32);
        return of(w, manager.zeros(new Shape(outputs)), g);
    }

    public int inputs() {
        return Math.toIntExact(weights.getShape().get(1));
    }

    public int outputs() {
        return Math.toIntExact(weights.getShape().get(0));
    }

    public NDArray weights() {
        return weights;
    }

    public NDArray bias() {
        return bias;
    }

    public Activation activation() {
        return activation;
    }

    /**
     * The pre-activations z = x Wᵀ + b for a batch x of shape (n, inputs).
     *
     * @throws IllegalArgumentException if x does not have {@link #inputs()} values per row
     */
    public NDArray z(NDArray x) {
        Shape shape = x.getShape();
        if (shape.dimension() != 2 || shape.get(1) != inputs()) {
            throw new IllegalArgumentException("x must have shape (n, " + inputs() + ") for a layer with weights "
                    + weights.getShape() + ", got " + shape);
        }
        return x.matMul(weights.transpose()).add(bias);
    }

    /** The layer's output g(z). */
    public NDArray forward(NDArray x) {
        return activation.apply(z(x));
    }

    /** DJL's {@code Linear} layer (followed by g) holding these weights, initialised by {@code manager}. */
    public Block toBlock(NDManager manager) {
        Linear linear = Linear.builder().setUnits(outputs()).build();
        linear.initialize(manager, DataType.FLOAT32, new Shape(1, inputs()));
        NoGrad.run(() -> {
            linear.getParameters().get("weight").getArray().set(new NDIndex("..."), weights);
            linear.getParameters().get("bias").getArray().set(new NDIndex("..."), bias);
        });
        SequentialBlock block = new SequentialBlock().add(linear);
        if (activation != Activation.IDENTITY) {
            block.add(activation.block());
        }
        return block;
    }

    @Override
    public String toString() {
        return "DenseLayer[" + inputs() + " -> " + outputs() + ", " + activation.label() + "]";
    }
}
