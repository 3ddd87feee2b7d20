package introdl.exercises;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import ai.djl.training.optimizer.Optimizer;
import introdl.train.Optimizers;
import java.util.Arrays;

/**
 * Checks for the exercises of lecture 1's second half (notebook 02): the chain rule for one
 * weight, one step of Adam, and dropout.
 */
public final class Lecture1b {
    /** The chain-rule exercise's points: (x, y, w1, w2), chosen so that no two mistakes agree. */
    private static final double[][] POINTS = {{0.8, 0.3, 0.7, -1.2}, {-1.5, 1.0, 0.4, 0.9}, {2.0, -0.5, -0.3, 1.7}};
    /** The Adam exercise's gradients, three steps of three weights. */
    private static final double[][] GRADIENTS = {{0.5, -0.1, 2.0}, {0.3, 0.4, -1.0}, {-0.2, 0.05, 0.5}};
    private static final double[] START = {1.0, -0.5, 0.25};
    private static final double LEARNING_RATE = 0.1;

    private Lecture1b() {}

    /** ∂J/∂w1 as the student writes it, for ŷ = w2 · tanh(w1 · x) and J = (ŷ − y)². */
    @FunctionalInterface
    public interface ChainRule {
        double gradient(double x, double y, double w1, double w2);
    }

    /** One Adam step as the student writes it: updates the weights w and the running means m, v in place. */
    @FunctionalInterface
    public interface AdamStep {
        void step(double[] w, double[] g, double[] m, double[] v, int t, double learningRate);
    }

    /** Dropout at training time as the student writes it: u holds one uniform draw in [0, 1) per unit. */
    @FunctionalInterface
    public interface Dropout {
        NDArray apply(NDArray h, double rate, NDArray u);
    }

    /**
     * Checks ∂J/∂w1 = 2(ŷ − y) · w2 · (1 − tanh²(w1 x)) · x against DJL's automatic differentiation,
     * at three points.
     */
    public static Verdict chainRule(ChainRule student) {
        double[] got = new double[POINTS.length];
        double[] expected = new double[POINTS.length];
        for (int i = 0; i < POINTS.length; i++) {
            double[] p = POINTS[i];
            try {
                got[i] = student.gradient(p[0], p[1], p[2], p[3]);
            } catch (RuntimeException e) {
                return Verdict.notYet("it failed at x = " + p[0] + ": " + e.getMessage());
            }
            expected[i] = autograd(p[0], p[1], p[2], p[3]);
        }
        if (Compare.close(got, expected)) {
            return Verdict.correct("∂J/∂w1 = ∂J/∂ŷ · ∂ŷ/∂z · ∂z/∂w1, as DJL's autograd finds it at all three points");
        }
        if (Arrays.stream(got).allMatch(g -> g == 0)) {
            return Verdict.notYet("the gradient is 0 everywhere: multiply the three factors ∂J/∂ŷ, ∂ŷ/∂z and ∂z/∂w1");
        }
        if (Compare.close(got, scaled(expected, -1))) {
            return Verdict.notYet("the sign is flipped: ∂J/∂ŷ = 2(ŷ − y), prediction minus label");
        }
        if (Compare.close(got, scaled(expected, 0.5))) {
            return Verdict.notYet("half the gradient: the derivative of (ŷ − y)² is 2(ŷ − y)");
        }
        double[] noSlope = new double[POINTS.length];
        double[] noX = new double[POINTS.length];
        double[] forW2 = new double[POINTS.length];
        for (int i = 0; i < POINTS.length; i++) {
            double[] p = POINTS[i];
            double h = Math.tanh(p[2] * p[0]);
            double dJdy = 2 * (p[3] * h - p[1]);
            noSlope[i] = dJdy * p[3] * p[0];
            noX[i] = dJdy * p[3] * (1 - h * h);
            forW2[i] = dJdy * h;
        }
        if (Compare.close(got, noSlope)) {
            return Verdict.notYet("the slope of tanh is missing: ∂ŷ/∂z = w2 · (1 − tanh²(z)), with z = w1 · x");
        }
        if (Compare.close(got, noX)) {
            return Verdict.notYet("the last factor is missing: ∂z/∂w1 = x");
        }
        if (Compare.close(got, forW2)) {
            return Verdict.notYet("that is ∂J/∂w2 = 2(ŷ − y) · tanh(z); the exercise asks for w1, one step further back");
        }
        double ratio = got[0] / expected[0];
        if (Double.isFinite(ratio) && Compare.close(got, scaled(expected, ratio))) {
            return Verdict.notYet("off by a factor of " + Compare.fmt(ratio) + " at every point: look for a factor too many "
                    + "or too few");
        }
        return Verdict.notYet("at x = " + POINTS[0][0] + ", y = " + POINTS[0][1] + ", w1 = " + POINTS[0][2] + ", w2 = "
                + POINTS[0][3] + " the gradient is " + Compare.fmt(got[0]) + " but autograd finds " + Compare.fmt(expected[0]));
    }

    /** ∂J/∂w1 by DJL's automatic differentiation. */
    static double autograd(double x, double y, double w1, double w2) {
        try (NDManager m = NDManager.newBaseManager()) {
            NDArray weight = m.create((float) w1);
            weight.setRequiresGradient(true);
            try (GradientCollector collector = Engine.getInstance().newGradientCollector()) {
                NDArray yHat = weight.mul((float) x).tanh().mul((float) w2);
                collector.backward(yHat.sub((float) y).square());
            }
            return weight.getGradient().getFloat();
        }
    }

    /**
     * Checks three Adam steps (β1 = 0.9, β2 = 0.999, ε = 1e-8, learning rate 0.1) on three weights
     * against introdl's Adam ({@link Optimizers#adam}, DJL's optimiser).
     */
    public static Verdict adamStep(AdamStep student) {
        double[][] expected = adamByOptimiser();
        double[] w = START.clone();
        double[] m = new double[w.length];
        double[] v = new double[w.length];
        for (int t = 1; t <= GRADIENTS.length; t++) {
            try {
                student.step(w, GRADIENTS[t - 1].clone(), m, v, t, LEARNING_RATE);
            } catch (RuntimeException e) {
                return Verdict.notYet("step " + t + " failed: " + e.getMessage());
            }
            if (Arrays.stream(w).anyMatch(x -> !Double.isFinite(x))) {
                return Verdict.notYet("a weight became " + Arrays.toString(w) + " in step " + t + ": t counts steps from "
                        + "1, so 1 − β^t is never 0; and divide by √v̂ + ε, not by √v̂ alone");
            }
            if (!Compare.close(w, expected[t - 1])) {
                return wrongStep(t, w, expected[t - 1]);
            }
        }
        return Verdict.correct("three steps as introdl's Adam takes them: each weight moves by about the learning "
                + "rate at first, in the direction of the running mean of its gradients");
    }

    private static Verdict wrongStep(int t, double[] w, double[] expected) {
        if (t > 1) {
            return Verdict.notYet("step 1 is right, but after step " + t + " the weights are " + Compare.show(w) + " where "
                    + "Adam's are " + Compare.show(expected) + ": keep m and v between steps (update them in place) and use "
                    + "this step's t");
        }
        if (Compare.close(w, START)) {
            return Verdict.notYet("the weights did not move: w ← w − η · m̂ / (√v̂ + ε), written into w");
        }
        double[] sgd = new double[w.length];
        double[] uphill = new double[w.length];
        double[] uncorrected = new double[w.length];
        for (int i = 0; i < w.length; i++) {
            double g = GRADIENTS[0][i];
            sgd[i] = START[i] - LEARNING_RATE * g;
            uphill[i] = 2 * START[i] - expected[i];
            uncorrected[i] = START[i] - LEARNING_RATE * (0.1 * g) / (Math.sqrt(0.001 * g * g) + 1e-8);
        }
        if (Compare.close(w, sgd)) {
            return Verdict.notYet("that is plain gradient descent, w − η g: Adam steps by η · m̂ / (√v̂ + ε), the "
                    + "running mean over the root of the running mean square");
        }
        if (Compare.close(w, uphill)) {
            return Verdict.notYet("the weights moved up the gradient: subtract the step");
        }
        if (Compare.close(w, uncorrected)) {
            return Verdict.notYet("the bias correction is missing: m and v start at 0, so divide them by 1 − β1^t "
                    + "and 1 − β2^t");
        }
        return Verdict.notYet("after step 1 the weights are " + Compare.show(w) + " where Adam's are " + Compare.show(expected)
                + ": first m = β1 m + (1 − β1) g and v = β2 v + (1 − β2) g², then m̂ = m / (1 − β1^t), "
                + "v̂ = v / (1 − β2^t) and w ← w − η · m̂ / (√v̂ + ε)");
    }

    /** The weights after each of the three steps, by the optimiser the fit loop uses. */
    static double[][] adamByOptimiser() {
        Optimizer adam = Optimizers.adam(LEARNING_RATE).build(1, 1, -1);
        double[][] after = new double[GRADIENTS.length][];
        try (NDManager m = NDManager.newBaseManager()) {
            NDArray weight = m.create(floats(START));
            for (int t = 0; t < GRADIENTS.length; t++) {
                adam.update("w", weight, m.create(floats(GRADIENTS[t])));
                float[] now = weight.toFloatArray();
                after[t] = new double[now.length];
                for (int i = 0; i < now.length; i++) {
                    after[t][i] = now[i];
                }
            }
        }
        return after;
    }

    /**
     * Checks inverted dropout, h ⊙ [u ≥ rate] / (1 − rate), at rate 0.3 on 8 units: the units whose
     * draw is under the rate are zeroed and the others scaled up, so the layer's expected output is
     * the same in training as at prediction time (DJL's {@code Dropout} layer does the same).
     */
    public static Verdict dropout(Dropout student) {
        double rate = 0.3;
        try (NDManager m = NDManager.newBaseManager()) {
            NDArray h = m.create(new float[] {0.5f, -1.2f, 2.0f, 0.8f, -0.3f, 1.5f, 0.9f, -2.2f});
            NDArray u = m.create(new float[] {0.12f, 0.85f, 0.41f, 0.07f, 0.66f, 0.29f, 0.93f, 0.51f});
            NDArray got;
            try {
                got = student.apply(h, rate, u);
            } catch (RuntimeException e) {
                return Verdict.notYet("it failed on 8 units: " + e.getMessage());
            }
            if (got == null || got.size() != 8) {
                return Verdict.notYet("dropout keeps the layer's shape: 8 units in, 8 out");
            }
            NDArray kept = u.gte((float) rate).toType(h.getDataType(), false);
            NDArray expected = h.mul(kept).div((float) (1 - rate));
            if (Compare.close(got, expected)) {
                return Verdict.correct("3 of 8 units dropped (their draw is under 0.3), the other 5 scaled by 1 / 0.7");
            }
            if (Compare.close(got, h)) {
                return Verdict.notYet("nothing was dropped: zero each unit whose draw u is under the rate");
            }
            if (Compare.close(got, h.mul(kept))) {
                return Verdict.notYet("the right units are dropped, but the others are not scaled by 1 / (1 − rate): "
                        + "without it the layer's output is smaller in training than when predicting");
            }
            if (Compare.close(got, h.mul(kept).mul((float) (1 - rate)))) {
                return Verdict.notYet("the kept units are multiplied by 1 − rate: divide by it instead");
            }
            NDArray dropped = u.lt((float) rate).toType(h.getDataType(), false);
            if (Compare.close(got, h.mul(dropped).div((float) (1 - rate))) || Compare.close(got, h.mul(dropped))
                    || Compare.close(got, h.mul(dropped).div((float) rate))) {
                return Verdict.notYet("the wrong units are kept: a unit is dropped when its draw is under the rate "
                        + "(here 3 of 8), kept otherwise");
            }
            return Verdict.notYet("the units are " + Compare.show(got) + " but dropout gives " + Compare.show(expected));
        }
    }

    private static double[] scaled(double[] values, double factor) {
        return Arrays.stream(values).map(v -> v * factor).toArray();
    }

    private static float[] floats(double[] values) {
        float[] out = new float[values.length];
        for (int i = 0; i < values.length; i++) {
            out[i] = (float) values[i];
        }
        return out;
    }
}
