package introdl.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.nn.Block;
import ai.djl.nn.LambdaBlock;
import java.util.Arrays;
import java.util.Locale;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;

/**
 * The non-linearities of the course, by name: g in y = g(w0 + xᵀw). Each maps to DJL's own
 * implementation, so a network built from these names is an ordinary DJL network.
 */
public enum Activation {
    /** g(z) = z: no non-linearity (the output layer of a classifier, whose softmax is in the loss). */
    IDENTITY(z -> z),
    /** g(z) = max(0, z). */
    RELU(ai.djl.nn.Activation::relu),
    /** g(z) = 1 / (1 + e^-z). */
    SIGMOID(ai.djl.nn.Activation::sigmoid),
    /** g(z) = tanh(z). */
    TANH(ai.djl.nn.Activation::tanh),
    /** g(z) = z for z &gt; 0, 0.01 z otherwise. */
    LEAKY_RELU(z -> ai.djl.nn.Activation.leakyRelu(z, 0.01f)),
    /** g(z) = z Φ(z), the Gaussian error linear unit. */
    GELU(ai.djl.nn.Activation::gelu),
    /** g(z) = ln(1 + e^z), a smooth ReLU. */
    SOFTPLUS(ai.djl.nn.Activation::softPlus);

    private final UnaryOperator<NDArray> function;

    Activation(UnaryOperator<NDArray> function) {
        this.function = function;
    }

    /** Applies g element-wise. */
    public NDArray apply(NDArray z) {
        return function.apply(z);
    }

    /** g as a DJL block, to place in a network. */
    public Block block() {
        return new LambdaBlock(list -> new NDList(apply(list.singletonOrThrow())), "activation_" + label());
    }

    /** The lower-case name used on command lines and in reports ("relu", "leaky_relu"). */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * The activation with this name, ignoring case, '-' and '_' ("ReLU", "leaky-relu").
     *
     * @throws IllegalArgumentException naming the known activations if there is none
     */
    public static Activation of(String name) {
        String key = name == null ? "" : name.trim().toUpperCase(Locale.ROOT).replace('-', '_');
        for (Activation a : values()) {
            if (a.name().equals(key) || a.name().replace("_", "").equals(key.replace("_", ""))) {
                return a;
            }
        }
        throw new IllegalArgumentException("unknown activation '" + name + "'; expected one of "
                + Arrays.stream(values()).map(Activation::label).collect(Collectors.joining(", ")));
    }
}
