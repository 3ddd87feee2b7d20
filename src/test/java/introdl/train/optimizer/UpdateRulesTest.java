package introdl.train.optimizer;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.training.optimizer.Optimizer;
import ai.djl.training.tracker.Tracker;
import java.util.function.BiFunction;
import org.junit.jupiter.api.Test;

/** Each optimiser's update, two steps, against its rule computed by hand in doubles. */
class UpdateRulesTest {
    private static final double[] W0 = {1.0, -2.0, 0.5};
    private static final double[][] GRADS = {{0.5, 0.1, -0.3}, {-0.2, 0.4, 0.25}};
    private static final double LR = 0.1;

    /** Runs two updates of {@code optimizer} and returns the weights. */
    private static float[] twoSteps(Optimizer optimizer) {
        try (NDManager m = NDManager.newBaseManager()) {
            NDArray w = m.create(toFloats(W0));
            w.setRequiresGradient(true);
            for (double[] g : GRADS) {
                optimizer.update("w", w, m.create(toFloats(g)));
            }
            return w.toFloatArray();
        }
    }

    /** Applies a per-element rule with state to the same two steps. */
    private static float[] byHand(BiFunction<double[], double[], double[]> rule) {
        double[] w = W0.clone();
        for (double[] g : GRADS) {
            w = rule.apply(w, g);
        }
        return toFloats(w);
    }

    @Test
    void adagradAccumulatesSquaredGradients() {
        double[] h = new double[3];
        float[] expected = byHand((w, g) -> {
            double[] out = new double[3];
            for (int i = 0; i < 3; i++) {
                h[i] += g[i] * g[i];
                out[i] = w[i] - LR * g[i] / (Math.sqrt(h[i]) + 1e-10);
            }
            return out;
        });
        assertArrayEquals(expected, twoSteps(Adagrad.builder().optLearningRateTracker(Tracker.fixed((float) LR)).build()), 1e-6f);
    }

    @Test
    void rmspropScalesByARunningAverageAndSupportsMomentum() {
        double[] v = new double[3];
        double[] b = new double[3];
        float[] expected = byHand((w, g) -> {
            double[] out = new double[3];
            for (int i = 0; i < 3; i++) {
                v[i] = 0.9 * v[i] + 0.1 * g[i] * g[i];
                b[i] = 0.5 * b[i] + g[i] / (Math.sqrt(v[i]) + 1e-8);
                out[i] = w[i] - LR * b[i];
            }
            return out;
        });
        assertArrayEquals(expected, twoSteps(RmsProp.builder().optLearningRateTracker(Tracker.fixed((float) LR))
                .optMomentum(0.5f).build()), 1e-5f);
    }

    @Test
    void centredRmspropDividesByTheVariance() {
        double[] v = new double[3];
        double[] mean = new double[3];
        float[] expected = byHand((w, g) -> {
            double[] out = new double[3];
            for (int i = 0; i < 3; i++) {
                v[i] = 0.9 * v[i] + 0.1 * g[i] * g[i];
                mean[i] = 0.9 * mean[i] + 0.1 * g[i];
                out[i] = w[i] - LR * g[i] / (Math.sqrt(v[i] - mean[i] * mean[i]) + 1e-8);
            }
            return out;
        });
        assertArrayEquals(expected, twoSteps(RmsProp.builder().optLearningRateTracker(Tracker.fixed((float) LR))
                .optCentered(true).build()), 1e-5f);
    }

    @Test
    void adadeltaNeedsNoRate() {
        double[] v = new double[3];
        double[] u = new double[3];
        float[] expected = byHand((w, g) -> {
            double[] out = new double[3];
            for (int i = 0; i < 3; i++) {
                v[i] = 0.9 * v[i] + 0.1 * g[i] * g[i];
                double delta = Math.sqrt(u[i] + 1e-6) / Math.sqrt(v[i] + 1e-6) * g[i];
                u[i] = 0.9 * u[i] + 0.1 * delta * delta;
                out[i] = w[i] - delta;
            }
            return out;
        });
        assertArrayEquals(expected, twoSteps(Adadelta.builder().optLearningRateTracker(Tracker.fixed(1f)).build()), 1e-6f);
    }

    @Test
    void nesterovLooksAheadAlongTheMomentum() {
        double[] b = new double[3];
        float[] expected = byHand((w, g) -> {
            double[] out = new double[3];
            for (int i = 0; i < 3; i++) {
                b[i] = 0.9 * b[i] + g[i];
                out[i] = w[i] - LR * (g[i] + 0.9 * b[i]);
            }
            return out;
        });
        assertArrayEquals(expected, twoSteps(Nesterov.builder().optLearningRateTracker(Tracker.fixed((float) LR)).build()), 1e-6f);
    }

    @Test
    void weightDecayAndClippingApplyBeforeTheRule() {
        double[] h = new double[3];
        float[] expected = byHand((w, g) -> {
            double[] out = new double[3];
            for (int i = 0; i < 3; i++) {
                double gi = Math.max(-0.2, Math.min(0.2, g[i])) + 0.01 * w[i];
                h[i] += gi * gi;
                out[i] = w[i] - LR * gi / (Math.sqrt(h[i]) + 1e-10);
            }
            return out;
        });
        assertArrayEquals(expected, twoSteps(Adagrad.builder().optLearningRateTracker(Tracker.fixed((float) LR))
                .optClipGrad(0.2f).optWeightDecays(0.01f).build()), 1e-6f);
    }

    @Test
    void lionStepsByTheSignOfTheBlendedMomentum() {
        // beta2 0.5 keeps enough of the first gradient that the second step follows it where the
        // second gradient disagrees (element 0): the rule's use of momentum, not only the sign of g
        double[] m = new double[3];
        float[] expected = byHand((w, g) -> {
            double[] out = new double[3];
            for (int i = 0; i < 3; i++) {
                double c = 0.9 * m[i] + 0.1 * g[i];
                out[i] = w[i] * (1 - LR * 0.01) - LR * Math.signum(c);
                m[i] = 0.5 * m[i] + 0.5 * g[i];
            }
            return out;
        });
        float[] lion = twoSteps(Lion.builder().optLearningRateTracker(Tracker.fixed((float) LR)).optBeta1(0.9f)
                .optBeta2(0.5f).optWeightDecays(0.01f).build());
        assertArrayEquals(expected, lion, 1e-6f);
        // element 0: gradients +0.5 then -0.2, yet the momentum moves the weight down both times
        org.junit.jupiter.api.Assertions.assertEquals(W0[0] * 0.999 * 0.999 - 0.1 - 0.1 * 0.999, lion[0], 1e-6);
    }

    @Test
    void lionRejectsBetasOutsideTheUnitInterval() {
        org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> Lion.builder().optBeta1(1f));
        org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> Lion.builder().optBeta2(-0.1f));
    }

    private static float[] toFloats(double[] values) {
        float[] out = new float[values.length];
        for (int i = 0; i < values.length; i++) {
            out[i] = (float) values[i];
        }
        return out;
    }
}
