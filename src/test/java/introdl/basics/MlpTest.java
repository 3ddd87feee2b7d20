package introdl.basics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.Model;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.ParameterStore;
import introdl.nn.Activation;
import introdl.train.Models;
import org.junit.jupiter.api.Test;

class MlpTest {
    @Test
    void buildsTheLayersItDescribes() {
        Mlp mlp = Mlp.of(400, 10, 128, 64).withActivation(Activation.TANH).withDropout(0.2).withBatchNorm(true);
        assertEquals("MLP 400-128-64-10, tanh, batch norm, dropout 0.2", mlp.toString());
        try (Model model = Models.create("mlp", mlp.build()); NDManager m = NDManager.newBaseManager()) {
            model.getBlock().initialize(model.getNDManager(), ai.djl.ndarray.types.DataType.FLOAT32, new Shape(2, 1, 20, 20));
            long weights = model.getBlock().getParameters().stream()
                    .filter(p -> p.getKey().endsWith("weight")).mapToLong(p -> p.getValue().getArray().size()).sum();
            assertEquals(400 * 128 + 128 * 64 + 64 * 10, weights, "dense weights");
            long gammas = model.getBlock().getParameters().stream()
                    .filter(p -> p.getKey().endsWith("gamma")).mapToLong(p -> p.getValue().getArray().size()).sum();
            assertEquals(128 + 64, gammas, "a batch-norm scale per hidden unit");
            NDList out = model.getBlock().forward(new ParameterStore(model.getNDManager(), false),
                    new NDList(model.getNDManager().randomUniform(0, 1, new Shape(5, 1, 20, 20))), false);
            assertEquals(new Shape(5, 10), out.head().getShape());
        }
    }

    @Test
    void badDefinitionsAreRejectedNamingTheProblem() {
        assertThrows(IllegalArgumentException.class, () -> Mlp.of(0, 10, 5));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Mlp.of(4, 2, 8, -1));
        assertTrue(e.getMessage().contains("positive"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Mlp.of(4, 2, 8).withDropout(1));
    }

    @Test
    void inputsOfTheWrongSizeAreExplained() {
        try (Model model = Models.create("mlp", Mlp.of(400, 10, 16).build())) {
            Exception e = assertThrows(Exception.class, () -> model.getBlock()
                    .initialize(model.getNDManager(), ai.djl.ndarray.types.DataType.FLOAT32, new Shape(2, 1, 28, 28)));
            assertTrue(String.valueOf(e.getMessage()).contains("takes 400 values per sample, but got 784"), e.getMessage());
        }
    }
}
