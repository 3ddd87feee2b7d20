package introdl.nn;

import ai.djl.ndarray.NDArray;

/**
 * Arithmetic with a constant that is safe inside a training step. DJL's {@code x.mul(0.5)} and
 * {@code x.div(c)} make the constant a one-element array over a Java buffer and close it as soon as
 * the operation returns; but PyTorch's autograd keeps that constant to compute the backward pass
 * (d(x·c)/dx = c), and once the Java buffer is collected the backward pass reads freed memory: a
 * rare, random wrong gradient or NaN. Here the constant lives in {@code x}'s manager (in the fit
 * loop, the batch's) until the step is over.
 */
public final class Scalars {
    private Scalars() {}

    /** {@code x · c}, the constant kept alive with {@code x}'s manager. */
    public static NDArray times(NDArray x, double c) {
        return x.mul(constant(x, c));
    }

    /** {@code x / c}, the constant kept alive with {@code x}'s manager. */
    public static NDArray dividedBy(NDArray x, double c) {
        return x.div(constant(x, c));
    }

    /** {@code max(x, c)} element by element, the constant kept alive with {@code x}'s manager. */
    public static NDArray atLeast(NDArray x, double c) {
        return x.maximum(constant(x, c));
    }

    private static NDArray constant(NDArray x, double c) {
        return x.getManager().create((float) c).toType(x.getDataType(), false);
    }
}
