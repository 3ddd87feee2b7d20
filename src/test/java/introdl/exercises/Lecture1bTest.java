package introdl.exercises;

import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import org.junit.jupiter.api.Test;

/** The checks of notebook 02: right answers pass, each typical mistake is named. */
class Lecture1bTest {
    @Test
    void theChainRuleCheckAgreesWithAutogradAndNamesTheMissingFactor() {
        assertTrue(Lecture1b.chainRule(Lecture1bTest::dJdw1).correct());
        Verdict noSlope = Lecture1b.chainRule((x, y, w1, w2) -> 2 * (w2 * Math.tanh(w1 * x) - y) * w2 * x);
        assertTrue(!noSlope.correct() && noSlope.message().contains("slope of tanh"), noSlope.message());
        Verdict half = Lecture1b.chainRule((x, y, w1, w2) -> dJdw1(x, y, w1, w2) / 2);
        assertTrue(!half.correct() && half.message().contains("2(ŷ − y)"), half.message());
        Verdict flipped = Lecture1b.chainRule((x, y, w1, w2) -> -dJdw1(x, y, w1, w2));
        assertTrue(!flipped.correct() && flipped.message().contains("sign"), flipped.message());
        Verdict thrice = Lecture1b.chainRule((x, y, w1, w2) -> 3 * dJdw1(x, y, w1, w2));
        assertTrue(!thrice.correct() && thrice.message().contains("factor of 3"), thrice.message());
        Verdict w2 = Lecture1b.chainRule((x, y, w1, v) -> 2 * (v * Math.tanh(w1 * x) - y) * Math.tanh(w1 * x));
        assertTrue(!w2.correct() && w2.message().contains("∂J/∂w2"), w2.message());
        Verdict stub = Lecture1b.chainRule((x, y, w1, v) -> 0);
        assertTrue(!stub.correct() && stub.message().contains("0 everywhere"), stub.message());
    }

    @Test
    void theAdamCheckTakesThreeStepsAsTheOptimiserDoes() {
        assertTrue(Lecture1b.adamStep(Lecture1bTest::adam).correct());
        Verdict sgd = Lecture1b.adamStep((w, g, m, v, t, lr) -> {
            for (int i = 0; i < w.length; i++) {
                w[i] -= lr * g[i];
            }
        });
        assertTrue(!sgd.correct() && sgd.message().contains("plain gradient descent"), sgd.message());
        Verdict uncorrected = Lecture1b.adamStep((w, g, m, v, t, lr) -> {
            for (int i = 0; i < w.length; i++) {
                m[i] = 0.9 * m[i] + 0.1 * g[i];
                v[i] = 0.999 * v[i] + 0.001 * g[i] * g[i];
                w[i] -= lr * m[i] / (Math.sqrt(v[i]) + 1e-8);
            }
        });
        assertTrue(!uncorrected.correct() && uncorrected.message().contains("bias correction"), uncorrected.message());
        Verdict forgetful = Lecture1b.adamStep((w, g, m, v, t, lr) -> adam(w, g, new double[3], new double[3], 1, lr));
        assertTrue(!forgetful.correct() && forgetful.message().contains("step 1 is right"), forgetful.message());
        Verdict fromZero = Lecture1b.adamStep((w, g, m, v, t, lr) -> adam(w, g, m, v, t - 1, lr));
        assertTrue(!fromZero.correct() && fromZero.message().contains("from 1"), fromZero.message());
        Verdict stub = Lecture1b.adamStep((w, g, m, v, t, lr) -> { });
        assertTrue(!stub.correct() && stub.message().contains("did not move"), stub.message());
    }

    @Test
    void theDropoutCheckWantsTheSurvivorsScaledUp() {
        assertTrue(Lecture1b.dropout((h, rate, u) -> keep(h, rate, u).div((float) (1 - rate))).correct());
        Verdict unscaled = Lecture1b.dropout(Lecture1bTest::keep);
        assertTrue(!unscaled.correct() && unscaled.message().contains("not scaled"), unscaled.message());
        Verdict wrongUnits = Lecture1b.dropout((h, rate, u) ->
                h.mul(u.lt((float) rate).toType(h.getDataType(), false)).div((float) (1 - rate)));
        assertTrue(!wrongUnits.correct() && wrongUnits.message().contains("wrong units"), wrongUnits.message());
        Verdict stub = Lecture1b.dropout((h, rate, u) -> h);
        assertTrue(!stub.correct() && stub.message().contains("nothing was dropped"), stub.message());
    }

    private static NDArray keep(NDArray h, double rate, NDArray u) {
        return h.mul(u.gte((float) rate).toType(h.getDataType(), false));
    }

    private static double dJdw1(double x, double y, double w1, double w2) {
        double h = Math.tanh(w1 * x);
        return 2 * (w2 * h - y) * w2 * (1 - h * h) * x;
    }

    private static void adam(double[] w, double[] g, double[] m, double[] v, int t, double lr) {
        for (int i = 0; i < w.length; i++) {
            m[i] = 0.9 * m[i] + 0.1 * g[i];
            v[i] = 0.999 * v[i] + 0.001 * g[i] * g[i];
            double mHat = m[i] / (1 - Math.pow(0.9, t));
            double vHat = v[i] / (1 - Math.pow(0.999, t));
            w[i] -= lr * mHat / (Math.sqrt(vHat) + 1e-8);
        }
    }
}
