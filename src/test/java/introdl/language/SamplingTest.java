package introdl.language;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;

class SamplingTest {
    // scores whose softmax is 0.5, 0.3, 0.15, 0.05 (log of those)
    private static final float[] SCORES = {(float) Math.log(0.5), (float) Math.log(0.3), (float) Math.log(0.15),
            (float) Math.log(0.05)};

    @Test
    void greedyTakesTheMostLikelyToken() {
        assertEquals(2, Sampling.greedy().choose(new float[] {0.1f, -3, 2.5f, 2.4f}, new Random(1)));
        assertEquals(2, Sampling.temperature(0).choose(new float[] {0.1f, -3, 2.5f, 2.4f}, new Random(1)));
    }

    @Test
    void temperatureDividesTheScoresBeforeTheSoftmax() {
        assertArrayEquals(new double[] {0.5, 0.3, 0.15, 0.05}, Sampling.temperature(1).probabilities(SCORES), 1e-6);
        // at temperature 0.5 each probability is squared, then renormalised
        double sum = 0.25 + 0.09 + 0.0225 + 0.0025;
        assertArrayEquals(new double[] {0.25 / sum, 0.09 / sum, 0.0225 / sum, 0.0025 / sum},
                Sampling.temperature(0.5).probabilities(SCORES), 1e-6);
        double[] hot = Sampling.temperature(10).probabilities(SCORES);
        assertTrue(hot[3] > 0.2 && hot[0] < 0.3, "a high temperature flattens the distribution");
    }

    @Test
    void topKAndTopPKeepOnlyTheMostLikelyTokens() {
        assertArrayEquals(new double[] {0.5 / 0.8, 0.3 / 0.8, 0, 0}, Sampling.temperature(1).topK(2).probabilities(SCORES),
                1e-6);
        // the smallest set reaching 0.7 is {0.5, 0.3}; reaching 0.9 needs the third
        assertArrayEquals(new double[] {0.5 / 0.8, 0.3 / 0.8, 0, 0}, Sampling.temperature(1).topP(0.7).probabilities(SCORES),
                1e-6);
        assertArrayEquals(new double[] {0.5 / 0.95, 0.3 / 0.95, 0.15 / 0.95, 0},
                Sampling.temperature(1).topP(0.9).probabilities(SCORES), 1e-6);
        assertArrayEquals(new double[] {1, 0, 0, 0}, Sampling.temperature(1).topK(3).topP(0.4).probabilities(SCORES), 1e-6);
    }

    @Test
    void drawsFollowTheProbabilitiesAndTheSeed() {
        Sampling sampling = Sampling.temperature(1);
        int[] counts = new int[4];
        Random random = new Random(7);
        int n = 20_000;
        for (int i = 0; i < n; i++) {
            counts[sampling.choose(SCORES, random)]++;
        }
        double[] expected = {0.5, 0.3, 0.15, 0.05};
        for (int i = 0; i < 4; i++) {
            assertEquals(expected[i], counts[i] / (double) n, 0.015, "token " + i);
        }
        int[] first = new int[50];
        int[] second = new int[50];
        Random a = new Random(3);
        Random b = new Random(3);
        for (int i = 0; i < 50; i++) {
            first[i] = sampling.choose(SCORES, a);
            second[i] = sampling.choose(SCORES, b);
        }
        assertArrayEquals(first, second, "the same seed draws the same tokens");
        for (int i = 0; i < 2000; i++) {
            assertTrue(sampling.topK(2).choose(SCORES, random) < 2, "top-k never draws a cut-off token");
        }
    }

    @Test
    void badSettingsAreRejected() {
        assertThrows(IllegalArgumentException.class, () -> Sampling.temperature(-1));
        assertThrows(IllegalArgumentException.class, () -> Sampling.temperature(Double.NaN));
        assertThrows(IllegalArgumentException.class, () -> Sampling.temperature(1).topK(-2));
        assertThrows(IllegalArgumentException.class, () -> Sampling.temperature(1).topP(0));
        assertThrows(IllegalArgumentException.class, () -> Sampling.temperature(1).topP(1.5));
    }
}
