package introdl.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.nn.Block;
import ai.djl.nn.LambdaBlock;
import introdl.viz.LineChart;
import java.util.Arrays;
import java.util.Locale;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;

/**
 * The non-linearities of the course, by name: g in y = g(w0 + xᵀw), each with its derivative
 * g'(z), which backpropagation multiplies by. g maps to DJL's own implementation, so a network
 * built from these names is an ordinary DJL network; g' is written out as the lecture gives it
 * and tested against DJL's autograd.
 */
public enum Activation {
    /** g(z) = z: no non-linearity (the output layer of a classifier, whose softmax is in the loss); g' = 1. */
    IDENTITY(z -> z, NDArray::onesLike),
    /** g(z) = max(0, z); g'(z) = 1 for z &gt; 0, else 0 (a step). */
    RELU(ai.djl.nn.Activation::relu, z -> z.gt(0).toType(DataType.FLOAT32, false)),
    /** g(z) = σ(z) = 1 / (1 + e^-z); g' = σ(1 − σ). */
    SIGMOID(ai.djl.nn.Activation::sigmoid, z -> {
        NDArray s = ai.djl.nn.Activation.sigmoid(z);
        return s.mul(s.neg().add(1));
    }),
    /** g(z) = tanh(z); g' = 1 − tanh². */
    TANH(ai.djl.nn.Activation::tanh, z -> ai.djl.nn.Activation.tanh(z).square().neg().add(1)),
    /** g(z) = z for z &gt; 0, 0.01 z otherwise; g' = 1 or 0.01. */
    LEAKY_RELU(z -> ai.djl.nn.Activation.leakyRelu(z, 0.01f),
            z -> z.gt(0).toType(DataType.FLOAT32, false).mul(0.99f).add(0.01f)),
    /** g(z) = z Φ(z), the Gaussian error linear unit; g' = Φ(z) + z φ(z). */
    GELU(ai.djl.nn.Activation::gelu, z -> {
        NDArray cdf = z.div((float) Math.sqrt(2)).erf().add(1).mul(0.5f);
        NDArray pdf = z.square().mul(-0.5f).exp().div((float) Math.sqrt(2 * Math.PI));
        return cdf.add(z.mul(pdf));
    }),
    /** g(z) = ln(1 + e^z), a smooth ReLU; g' = σ(z). */
    SOFTPLUS(ai.djl.nn.Activation::softPlus, ai.djl.nn.Activation::sigmoid);

    private final UnaryOperator<NDArray> function;
    private final UnaryOperator<NDArray> derivative;

    Activation(UnaryOperator<NDArray> function, UnaryOperator<NDArray> derivative) {
        this.function = function;
        this.derivative = derivative;
    }

    /** Applies g element-wise. */
    public NDArray apply(NDArray z) {
        return function.apply(z);
    }

    /** The derivative g'(z), element-wise. */
    public NDArray derivative(NDArray z) {
        return derivative.apply(z);
    }

    /** A chart of g (solid) and its derivative g' (dashed) for z in [-5, 5], as the lecture draws them. */
    public LineChart chart() {
        int points = 201;
        float[] z = new float[points];
        for (int i = 0; i < points; i++) {
            z[i] = -5 + 10f * i / (points - 1);
        }
        try (NDManager manager = NDManager.newBaseManager()) {
            NDArray values = manager.create(z);
            float[] g = apply(values).toFloatArray();
            float[] slope = derivative(values).toFloatArray();
            double[] x = new double[points];
            double[] gy = new double[points];
            double[] dy = new double[points];
            for (int i = 0; i < points; i++) {
                x[i] = z[i];
                gy[i] = g[i];
                dy[i] = slope[i];
            }
            return LineChart.of(label()).axes("z", "").size(360, 260).series("g(z)", x, gy).dashed("g'(z)", x, dy);
        }
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
