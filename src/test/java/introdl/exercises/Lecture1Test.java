package introdl.exercises;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import introdl.nn.Activation;
import org.junit.jupiter.api.Test;

/** The lecture 1 checks: right answers pass, each typical mistake is named. */
class Lecture1Test {
    @Test
    void thePerceptronCheckKnowsTheLecturesNumbersAndTheUsualMistakes() {
        try (NDManager m = NDManager.newBaseManager()) {
            NDArray x = m.create(new float[] {-1, 2});
            NDArray w = m.create(new float[] {3, -2});
            NDArray z = x.dot(w).add(1f);
            assertTrue(Lecture1.perceptron(z, Activation.SIGMOID.apply(z)).correct());
            Verdict noBias = Lecture1.perceptron(x.dot(w), Activation.SIGMOID.apply(x.dot(w)));
            assertFalse(noBias.correct());
            assertTrue(noBias.message().contains("without the bias"), noBias.message());
            Verdict noActivation = Lecture1.perceptron(z, z);
            assertTrue(!noActivation.correct() && noActivation.message().contains("activation"), noActivation.message());
            Verdict relu = Lecture1.perceptron(z, Activation.RELU.apply(z));
            assertTrue(!relu.correct() && relu.message().contains("sigmoid"), relu.message());
            Verdict stub = Lecture1.perceptron(m.create(0f), m.create(0f));
            assertTrue(!stub.correct() && stub.toString().startsWith("not yet: z is 0"), stub.toString());
        }
    }

    @Test
    void theDenseLayerCheckComparesWithIntrodlsLayerAndNamesWhatIsMissing() {
        assertTrue(Lecture1.denseLayer((w, x, b) -> w.matMul(x).add(b)).correct());
        Verdict noBias = Lecture1.denseLayer((w, x, b) -> w.matMul(x));
        assertTrue(!noBias.correct() && noBias.message().contains("without the bias"), noBias.message());
        Verdict zeros = Lecture1.denseLayer((w, x, b) -> b.zerosLike());
        assertTrue(!zeros.correct() && zeros.message().contains("only zeros"), zeros.message());
        Verdict transposed = Lecture1.denseLayer((w, x, b) -> x.matMul(w.transpose()).add(b).concat(b));
        assertTrue(!transposed.correct() && transposed.message().contains("gave 6 numbers"), transposed.message());
        Verdict broken = Lecture1.denseLayer((w, x, b) -> x.matMul(w));
        assertTrue(!broken.correct() && broken.message().startsWith("the layer failed"), broken.message());
    }
}
