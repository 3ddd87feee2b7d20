package introdl.basics;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.training.ParameterStore;
import ai.djl.training.loss.L2Loss;
import ai.djl.training.loss.SigmoidBinaryCrossEntropyLoss;
import ai.djl.training.loss.SoftmaxCrossEntropyLoss;
import introdl.nn.Activation;
import introdl.train.Seeds;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The lecture's worked examples, and each hand-written piece against DJL's own. */
class FirstPrinciplesTest {
    private NDManager m;

    @BeforeEach
    void open() {
        m = NDManager.newBaseManager();
        Seeds.seedEngine(7);
    }

    @AfterEach
    void close() {
        m.close();
    }

    @Test
    void theLecturesPerceptron() {
        Perceptron p = Perceptron.of("sigmoid", 1, 3, -2);
        NDArray x = m.create(new float[] {-1, 2});
        assertEquals(-6f, p.z(x).getFloat(), 1e-6);
        assertEquals(0.00247, p.forward(-1, 2), 0.000005);
    }

    @Test
    void perceptronRejectsInputsOfTheWrongSizeOrAnUnknownActivation() {
        Perceptron p = Perceptron.of(Activation.RELU, 0, 1, 1);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> p.z(m.create(new float[] {1, 2, 3})));
        assertTrue(e.getMessage().contains("2 weights") && e.getMessage().contains("(3)"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Perceptron.of("step", 0, 1));
    }

    @Test
    void denseLayersAndNetworksEqualDjlsLinearBlocks() {
        DenseLayer first = DenseLayer.random(m, 5, 4, Activation.TANH);
        DenseLayer second = DenseLayer.random(m, 4, 3, Activation.IDENTITY);
        NDArray x = m.randomNormal(new Shape(6, 5));
        assertArrayEquals(forward(first.toBlock(m), x), first.forward(x).toFloatArray(), 1e-5f);
        DenseNetwork network = DenseNetwork.of(first, second);
        assertArrayEquals(forward(network.toBlock(m), x), network.forward(x).toFloatArray(), 1e-5f);
        assertEquals(new Shape(6, 3), network.forward(x).getShape());
    }

    @Test
    void mismatchedShapesAreNamed() {
        DenseLayer layer = DenseLayer.random(m, 5, 4, Activation.RELU);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> layer.forward(m.ones(new Shape(2, 3))));
        assertTrue(e.getMessage().contains("(n, 5)"), e.getMessage());
        assertThrows(IllegalArgumentException.class,
                () -> DenseLayer.of(m.ones(new Shape(4, 5)), m.ones(new Shape(5)), Activation.RELU));
        assertThrows(IllegalArgumentException.class,
                () -> DenseNetwork.of(layer, DenseLayer.random(m, 3, 2, Activation.RELU)));
    }

    private float[] forward(Block block, NDArray x) {
        return block.forward(new ParameterStore(m, false), new NDList(x), false).head().toFloatArray();
    }

    @Test
    void theLecturesSoftmaxAndCrossEntropies() {
        NDArray p = Losses.softmax(m.create(new float[] {3.2f, 1.3f, 0.2f, 0.8f}));
        assertArrayEquals(new float[] {0.775f, 0.116f, 0.039f, 0.070f}, p.toFloatArray(), 0.0006f);
        assertArrayEquals(m.create(new float[] {3.2f, 1.3f, 0.2f, 0.8f}).softmax(0).toFloatArray(), p.toFloatArray(), 1e-6f);
        // the notes compute -log2 of the printed (rounded) probability 0.775; the exact softmax gives 0.3674
        NDArray printed = m.create(new float[] {0.775f, 0.116f, 0.039f, 0.070f}, new Shape(1, 4));
        NDArray firstClass = m.create(new float[] {1, 0, 0, 0}, new Shape(1, 4));
        assertEquals(0.368, Losses.crossEntropyBits(printed, firstClass).getFloat(), 0.0005);
        assertEquals(-Math.log(p.getFloat(0)) / Math.log(2),
                Losses.crossEntropyBits(p.reshape(1, 4), firstClass).getFloat(), 1e-5);
        NDArray raccoon = m.create(new float[] {0.30f, 0.70f}, new Shape(1, 2));
        NDArray isRaccoon = m.create(new float[] {1, 0}, new Shape(1, 2));
        assertEquals(1.204, Losses.crossEntropy(raccoon, isRaccoon).getFloat(), 0.0005);
    }

    @Test
    void theLecturesBinaryCrossEntropyAndMeanSquaredErrorEqualDjls() {
        NDArray predicted = m.create(new float[] {0.1f, 0.8f, 0.6f});
        NDArray labels = m.create(new float[] {1, 0, 1});
        float bce = Losses.binaryCrossEntropy(predicted, labels).getFloat();
        assertEquals(1.474, bce, 0.0005);
        // DJL's sigmoid cross-entropy works on scores: give it the logits of the same probabilities
        NDArray logits = predicted.div(predicted.neg().add(1)).log();
        float djl = new SigmoidBinaryCrossEntropyLoss().evaluate(new NDList(labels), new NDList(logits)).getFloat();
        assertEquals(djl, bce, 1e-5);
        float mse = Losses.meanSquaredError(predicted, labels).getFloat();
        assertEquals(0.537, mse, 0.0005);
        assertEquals(new L2Loss("mse", 1f).evaluate(new NDList(labels), new NDList(predicted)).getFloat(), mse, 1e-6);
    }

    @Test
    void softmaxCrossEntropyEqualsDjlsAndTheMeanOfPerSampleLosses() {
        NDArray logits = m.randomNormal(new Shape(5, 4));
        NDArray oneHot = m.create(new float[] {0, 2, 3, 1, 2}).oneHot(4);
        float ours = Losses.softmaxCrossEntropy(logits, oneHot).getFloat();
        float djl = new SoftmaxCrossEntropyLoss("ce", 1, -1, false, true)
                .evaluate(new NDList(oneHot), new NDList(logits)).getFloat();
        assertEquals(djl, ours, 1e-5);
        NDArray perSample = Losses.crossEntropyPerSample(Losses.softmax(logits), oneHot);
        assertEquals(ours, Losses.empirical(perSample).getFloat(), 1e-5);
    }

    @Test
    void klDivergenceIsAsymmetricAndCrossEntropyIsEntropyPlusKl() {
        NDArray p = m.create(new float[] {0.9f, 0.05f, 0.05f}, new Shape(1, 3));
        NDArray q = m.create(new float[] {0.2f, 0.4f, 0.4f}, new Shape(1, 3));
        float pq = Losses.klDivergence(p, q).getFloat();
        float qp = Losses.klDivergence(q, p).getFloat();
        assertTrue(pq > 0 && qp > 0 && Math.abs(pq - qp) > 0.05, "KL(p||q)=" + pq + ", KL(q||p)=" + qp);
        assertEquals(0f, Losses.klDivergence(p, p).getFloat(), 1e-6);
        float crossEntropy = Losses.crossEntropyPerSample(q, p).getFloat();
        assertEquals(crossEntropy, Losses.entropy(p).getFloat() + pq, 1e-5);
    }

    @Test
    void lossesRejectNonProbabilitiesAndMismatchedShapes() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Losses.binaryCrossEntropy(
                m.create(new float[] {0.5f, 1.3f}), m.create(new float[] {1, 0})));
        assertTrue(e.getMessage().contains("probabilities") && e.getMessage().contains("1.3"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Losses.crossEntropy(
                m.create(new float[] {-0.1f, 1.1f}, new Shape(1, 2)), m.create(new float[] {0, 1}, new Shape(1, 2))));
        IllegalArgumentException shapes = assertThrows(IllegalArgumentException.class,
                () -> Losses.meanSquaredError(m.ones(new Shape(3)), m.ones(new Shape(4))));
        assertTrue(shapes.getMessage().contains("(3)") && shapes.getMessage().contains("(4)"), shapes.getMessage());
    }

    @Test
    void backpropagationByHandEqualsAutograd() {
        for (Activation g : new Activation[] {Activation.SIGMOID, Activation.TANH, Activation.RELU, Activation.GELU}) {
            for (TwoLayerNet.Objective objective : TwoLayerNet.Objective.values()) {
                TwoLayerNet net = TwoLayerNet.random(m, 6, 5, 3, g);
                NDArray x = m.randomNormal(new Shape(8, 6));
                NDArray y = objective == TwoLayerNet.Objective.MEAN_SQUARED_ERROR ? m.randomNormal(new Shape(8, 3))
                        : m.randomInteger(0, 3, new Shape(8), DataType.INT32).oneHot(3);
                TwoLayerNet.Gradients hand = net.backprop(x, y, objective);
                TwoLayerNet.Gradients auto = net.autograd(x, y, objective);
                String what = g.label() + " / " + objective;
                assertEquals(auto.loss(), hand.loss(), 1e-5, what + " loss");
                assertArrayEquals(auto.w1().toFloatArray(), hand.w1().toFloatArray(), 1e-5f, what + " dW1");
                assertArrayEquals(auto.b1().toFloatArray(), hand.b1().toFloatArray(), 1e-5f, what + " db1");
                assertArrayEquals(auto.w2().toFloatArray(), hand.w2().toFloatArray(), 1e-5f, what + " dW2");
                assertArrayEquals(auto.b2().toFloatArray(), hand.b2().toFloatArray(), 1e-5f, what + " db2");
            }
        }
    }
}
