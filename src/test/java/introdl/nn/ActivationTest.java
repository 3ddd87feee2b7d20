package introdl.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.training.GradientCollector;
import org.junit.jupiter.api.Test;

class ActivationTest {
    @Test
    void everyDerivativeMatchesAutograd() {
        try (NDManager m = NDManager.newBaseManager()) {
            // avoid z = 0 exactly, where ReLU's derivative is a convention
            NDArray z = m.create(new float[] {-4f, -1.5f, -0.3f, 0.2f, 0.9f, 2.5f, 5f});
            for (Activation g : Activation.values()) {
                NDArray x = z.duplicate();
                x.setRequiresGradient(true);
                try (GradientCollector collector = Engine.getInstance().newGradientCollector()) {
                    collector.backward(g.apply(x).sum());
                }
                assertArrayEquals(x.getGradient().toFloatArray(), g.derivative(z).toFloatArray(), 1e-5f, g.label());
            }
        }
    }

    @Test
    void theLecturesDerivativeFormulas() {
        try (NDManager m = NDManager.newBaseManager()) {
            NDArray z = m.create(new float[] {0f, 2f});
            float s = (float) (1 / (1 + Math.exp(-2)));
            assertArrayEquals(new float[] {0.25f, s * (1 - s)}, Activation.SIGMOID.derivative(z).toFloatArray(), 1e-6f);
            float t = (float) Math.tanh(2);
            assertArrayEquals(new float[] {1f, 1 - t * t}, Activation.TANH.derivative(z).toFloatArray(), 1e-6f);
            assertArrayEquals(new float[] {0f, 1f}, Activation.RELU.derivative(z).toFloatArray());
        }
    }

    @Test
    void activationsAreFoundByNameAndUnknownNamesListTheChoices() {
        assertEquals(Activation.LEAKY_RELU, Activation.of("Leaky-ReLU"));
        assertEquals(Activation.RELU, Activation.of("ReLU"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Activation.of("swish"));
        assertTrue(e.getMessage().contains("swish") && e.getMessage().contains("sigmoid"), e.getMessage());
    }
}
