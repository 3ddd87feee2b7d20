package introdl.basics;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import introdl.nn.Activation;
import java.util.Arrays;

/**
 * One neuron, written out: ŷ = g(w0 + xᵀw), with an explicit bias w0, weights w and an
 * activation g chosen by name. The lecture's first building block; {@link DenseLayer} puts many
 * of them side by side.
 */
public final class Perceptron {
    private final float bias;
    private final float[] weights;
    private final Activation activation;

    private Perceptron(float bias, float[] weights, Activation activation) {
        if (weights.length == 0) {
            throw new IllegalArgumentException("a perceptron needs at least one weight");
        }
        this.bias = bias;
        this.weights = weights;
        this.activation = activation;
    }

    /** A perceptron with activation {@code g}, bias {@code w0} and weights {@code w}. */
    public static Perceptron of(Activation g, double w0, double... w) {
        float[] weights = new float[w.length];
        for (int i = 0; i < w.length; i++) {
            weights[i] = (float) w[i];
        }
        return new Perceptron((float) w0, weights, g);
    }

    /** A perceptron whose activation is given by name ("sigmoid", "tanh", "relu", ...). */
    public static Perceptron of(String activation, double w0, double... w) {
        return of(Activation.of(activation), w0, w);
    }

    /**
     * The weighted sum z = w0 + xᵀw, for one input vector x of shape (m) or a batch of shape (n, m).
     *
     * @throws IllegalArgumentException if x does not have one value per weight
     */
    public NDArray z(NDArray x) {
        long inputs = x.getShape().isScalar() ? 1 : x.getShape().get(x.getShape().dimension() - 1);
        if (inputs != weights.length || x.getShape().dimension() > 2) {
            throw new IllegalArgumentException("x has shape " + x.getShape() + ", but this perceptron has "
                    + weights.length + " weights: x must have shape (" + weights.length + ") or (n, "
                    + weights.length + ")");
        }
        NDArray w = x.getManager().create(weights);
        return x.dot(w).add(bias);
    }

    /** The output ŷ = g(z). */
    public NDArray forward(NDArray x) {
        return activation.apply(z(x));
    }

    /** The output for one input vector, computed in a scratch manager. */
    public float forward(float... x) {
        try (NDManager manager = NDManager.newBaseManager()) {
            return forward(manager.create(x)).getFloat();
        }
    }

    public float bias() {
        return bias;
    }

    public float[] weights() {
        return weights.clone();
    }

    public Activation activation() {
        return activation;
    }

    @Override
    public String toString() {
        return "Perceptron[g=" + activation.label() + ", w0=" + bias + ", w=" + Arrays.toString(weights) + "]";
    }
}
