package introdl.exercises;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** The Lab 1 checks: right answers pass, each typical mistake is named. */
class Lab1Test {
    @Test
    void theWindowCheckWantsTheTargetShiftedByOne() {
        assertTrue(Lab1.window((ids, s, n) -> new int[][] {Arrays.copyOfRange(ids, s, s + n),
                Arrays.copyOfRange(ids, s + 1, s + n + 1)}).correct());
        Verdict copy = Lab1.window((ids, s, n) -> new int[][] {Arrays.copyOfRange(ids, s, s + n),
                Arrays.copyOfRange(ids, s, s + n)});
        assertTrue(!copy.correct() && copy.message().contains("copy"), copy.message());
        Verdict backwards = Lab1.window((ids, s, n) -> new int[][] {Arrays.copyOfRange(ids, s, s + n),
                Arrays.copyOfRange(ids, s - 1, s + n - 1)});
        assertTrue(!backwards.correct() && backwards.message().contains("wrong way"), backwards.message());
        Verdict stub = Lab1.window((ids, s, n) -> new int[][] {new int[n], new int[n]});
        assertTrue(!stub.correct() && stub.message().contains("positions 7 to 16"), stub.message());
    }

    @Test
    void theTemperatureCheckWantsTheScoresDividedBeforeTheSoftmax() {
        assertTrue(Lab1.temperature((scores, t) -> softmax(scores, t)).correct());
        Verdict multiplied = Lab1.temperature((scores, t) -> softmax(scores, 1 / t));
        assertTrue(!multiplied.correct() && multiplied.message().contains("multiplied by T"), multiplied.message());
        Verdict ignored = Lab1.temperature((scores, t) -> softmax(scores, 1));
        assertTrue(!ignored.correct() && ignored.message().contains("do not change"), ignored.message());
        Verdict unnormalised = Lab1.temperature((scores, t) -> {
            float[] e = new float[scores.length];
            for (int i = 0; i < e.length; i++) {
                e[i] = (float) Math.exp(scores[i] / t);
            }
            return e;
        });
        assertTrue(!unnormalised.correct() && unnormalised.message().contains("add up to"), unnormalised.message());
        Verdict stub = Lab1.temperature((scores, t) -> new float[scores.length]);
        assertTrue(!stub.correct(), stub.message());
    }

    private static float[] softmax(float[] scores, double t) {
        double sum = 0;
        float[] p = new float[scores.length];
        for (int i = 0; i < p.length; i++) {
            sum += Math.exp(scores[i] / t);
        }
        for (int i = 0; i < p.length; i++) {
            p[i] = (float) (Math.exp(scores[i] / t) / sum);
        }
        return p;
    }
}
