package introdl.train;

import static org.junit.jupiter.api.Assertions.assertEquals;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import org.junit.jupiter.api.Test;

class MetricTest {
    @Test
    void accuracyCountsSamplesWhoseTopClassIsTheLabel() {
        try (NDManager m = NDManager.newBaseManager()) {
            NDArray scores = m.create(new float[] {0.1f, 2f, 0.3f, 5f, 1f, 0f, 0f, 0f, 9f}, new Shape(3, 3));
            NDArray labels = m.create(new float[] {1, 0, 1});
            assertEquals(2.0, Metric.read(Metric.accuracy().batchSum(labels, scores)));
        }
    }

    @Test
    void binaryAccuracyReadsTheSignOfOneLogit() {
        try (NDManager m = NDManager.newBaseManager()) {
            NDArray logits = m.create(new float[] {2f, -1f, 0.5f, -3f}, new Shape(4, 1));
            NDArray labels = m.create(new float[] {1, 0, 0, 1}, new Shape(4, 1));
            assertEquals(2.0, Metric.read(Metric.binaryAccuracy().batchSum(labels, logits)));
        }
    }
}
