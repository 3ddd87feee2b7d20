package introdl.train.optimizer;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.optimizer.Optimizer;
import introdl.train.Optimizers;
import org.junit.jupiter.api.Test;

class MatrixDecayAdamWTest {
    @Test
    void decaysWeightMatricesButNotBiasesOrGains() {
        Optimizer optimizer = Optimizers.adamW(0.1).weightDecay(0.5).decayMatricesOnly().build(1, 1, -1);
        assertTrue(optimizer instanceof MatrixDecayAdamW);
        try (NDManager manager = NDManager.newBaseManager()) {
            NDArray matrix = manager.ones(new Shape(2, 2));
            NDArray bias = manager.ones(new Shape(2));
            // a zero gradient: Adam's step is 0, so only the decoupled decay moves a weight
            optimizer.update("matrix", matrix, manager.zeros(new Shape(2, 2)));
            optimizer.update("bias", bias, manager.zeros(new Shape(2)));
            assertArrayEquals(new float[] {0.95f, 0.95f, 0.95f, 0.95f}, matrix.toFloatArray(), 1e-6f,
                    "w -= lr * decay * w on a matrix");
            assertArrayEquals(new float[] {1, 1}, bias.toFloatArray(), 0f, "a bias is not decayed");
        }
        assertTrue(Optimizers.adamW(0.1).weightDecay(0.5).decayMatricesOnly().toString().contains("on matrices"));
    }
}
