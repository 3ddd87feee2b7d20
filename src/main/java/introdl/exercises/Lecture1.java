package introdl.exercises;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import introdl.basics.DenseLayer;
import introdl.nn.Activation;
import java.util.Arrays;
import java.util.Locale;

/** Checks for lecture 1's exercises (notebook 01): the perceptron's forward pass and a dense layer. */
public final class Lecture1 {
    /** The lecture's example: x = (-1, 2), bias w0 = 1, weights w = (3, -2). */
    static final float[] X = {-1, 2};
    static final float[] W = {3, -2};
    static final float W0 = 1;

    private Lecture1() {}

    /** A dense layer as the student writes it: z = W x + b for one input vector x. */
    @FunctionalInterface
    public interface Dense {
        NDArray apply(NDArray weights, NDArray x, NDArray bias);
    }

    /**
     * Checks the perceptron's weighted sum {@code z} and output {@code yHat} on the lecture's example
     * (z = -6, y-hat = σ(-6) ≈ 0.00247).
     */
    public static Verdict perceptron(NDArray z, NDArray yHat) {
        float expectedZ = W0 + X[0] * W[0] + X[1] * W[1];
        Float zValue = scalar(z);
        Float yValue = scalar(yHat);
        if (zValue == null || yValue == null) {
            return Verdict.notYet("z and y-hat should each be one number (a scalar NDArray), got shapes "
                    + shape(z) + " and " + shape(yHat));
        }
        if (!Compare.close(zValue, expectedZ)) {
            if (Compare.close(zValue, expectedZ - W0)) {
                return Verdict.notYet("z is " + Compare.fmt(zValue) + ", the weighted sum x·w without the bias: add w0 = 1");
            }
            return Verdict.notYet("z is " + Compare.fmt(zValue) + "; it should be w0 + x·w = 1 + (-1)(3) + (2)(-2) = -6");
        }
        double sigmoid = 1 / (1 + Math.exp(-expectedZ));
        if (Compare.close(yValue, sigmoid)) {
            return Verdict.correct("z = -6 and y-hat = σ(-6) = " + String.format(Locale.ROOT, "%.5f", sigmoid)
                    + ", as in the lecture");
        }
        if (Compare.close(yValue, expectedZ)) {
            return Verdict.notYet("y-hat is z itself: pass z through the activation g, the sigmoid");
        }
        if (Compare.close(yValue, Math.tanh(expectedZ)) || yValue == 0f) {
            return Verdict.notYet("y-hat is " + Compare.fmt(yValue) + ", the value of tanh or ReLU: this exercise uses the "
                    + "sigmoid σ(z) = 1 / (1 + e^-z)");
        }
        return Verdict.notYet("y-hat is " + Compare.fmt(yValue) + "; σ(-6) = 1 / (1 + e^6) ≈ 0.00247");
    }

    /**
     * Checks a dense layer's z = W x + b against introdl's {@link DenseLayer} on a seeded random
     * layer of 3 units on 4 inputs.
     */
    public static Verdict denseLayer(Dense dense) {
        try (NDManager manager = NDManager.newBaseManager()) {
            manager.getEngine().setRandomSeed(191);
            NDArray w = manager.randomNormal(new Shape(3, 4));
            NDArray x = manager.randomNormal(new Shape(4));
            NDArray b = manager.randomNormal(new Shape(3));
            float[] expected = DenseLayer.of(w, b, Activation.IDENTITY).z(x.reshape(1, 4)).toFloatArray();
            NDArray got;
            try {
                got = dense.apply(w, x, b);
            } catch (RuntimeException e) {
                return Verdict.notYet("the layer failed on W of shape (3, 4), x of shape (4) and b of shape (3): "
                        + e.getMessage());
            }
            if (got == null) {
                return Verdict.notYet("the layer returned nothing: return W x + b");
            }
            float[] values = got.toType(DataType.FLOAT32, false).toFloatArray();
            if (values.length != 3) {
                return Verdict.notYet("the layer gave " + values.length + " numbers (shape " + got.getShape() + "); a "
                        + "layer of 3 units gives 3, one per row of W: multiply W (3x4) by x (4)");
            }
            if (Compare.close(values, expected)) {
                return Verdict.correct("z = W x + b, one number per unit, as introdl's DenseLayer computes it");
            }
            if (Compare.close(values, w.matMul(x).toFloatArray())) {
                return Verdict.notYet("these are W x without the bias: add b");
            }
            if (Arrays.equals(values, new float[3])) {
                return Verdict.notYet("the layer gives only zeros: compute W x + b (W.matMul(x).add(b))");
            }
            return Verdict.notYet("the layer gives " + Arrays.toString(values) + "; W x + b is "
                    + Arrays.toString(expected));
        }
    }

    private static Float scalar(NDArray a) {
        return a != null && a.size() == 1 ? a.toType(DataType.FLOAT32, false).toFloatArray()[0] : null;
    }

    private static String shape(NDArray a) {
        return a == null ? "none" : a.getShape().toString();
    }
}
