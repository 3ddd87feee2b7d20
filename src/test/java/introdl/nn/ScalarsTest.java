package introdl.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.training.GradientCollector;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

class ScalarsTest {
    /**
     * The gradient of {@code op} at x = (1, 2, 3), computed after the garbage collector has run and
     * fresh native buffers full of 1e30 have been allocated: a constant whose memory was freed
     * between forward and backward pass would now read 1e30.
     */
    private static float[] gradientAfterCollection(UnaryOperator<NDArray> op) {
        try (NDManager manager = NDManager.newBaseManager(); NDManager step = manager.newSubManager()) {
            NDArray x = step.create(new float[] {1, 2, 3});
            x.setRequiresGradient(true);
            try (GradientCollector collector = Engine.getInstance().newGradientCollector()) {
                NDArray y = op.apply(x).sum();
                List<ByteBuffer> noise = new ArrayList<>();
                for (int round = 0; round < 20; round++) {
                    System.gc();
                    for (int i = 0; i < 200; i++) {
                        ByteBuffer buffer = ByteBuffer.allocateDirect(4).order(ByteOrder.nativeOrder());
                        buffer.putFloat(0, 1e30f);
                        noise.add(buffer);
                    }
                }
                collector.backward(y);
            }
            return x.getGradient().toFloatArray();
        }
    }

    @Test
    void aConstantOutlivesTheStepThatUsesIt() {
        float[] third = {1 / 3f, 1 / 3f, 1 / 3f};
        for (int trial = 0; trial < 5; trial++) {
            assertArrayEquals(third, gradientAfterCollection(x -> Scalars.dividedBy(x, 3)), 1e-6f, "x / 3");
            assertArrayEquals(new float[] {0.5f, 0.5f, 0.5f}, gradientAfterCollection(x -> Scalars.times(x, 0.5)), 1e-6f,
                    "x * 0.5");
            assertArrayEquals(new float[] {0, 1, 1}, gradientAfterCollection(x -> Scalars.atLeast(x, 1.5)), 1e-6f,
                    "max(x, 1.5)");
        }
    }
}
