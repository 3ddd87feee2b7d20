package introdl.attention;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.Model;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.ParameterStore;
import introdl.data.Examples;
import introdl.sequence.SequenceLoss;
import introdl.train.Models;
import java.util.Arrays;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Lecture 2's step from RNNs to attention: the encoder bottleneck, measured on reversing digit strings. */
class BottleneckTest {
    /**
     * Smaller than {@link Bottleneck.Settings#quick()} (10-25 s on 2 shared cores): lengths 1-12. Measured
     * over seeds 1-3, exact match at lengths 11 and 12: without attention at most 0.05, with
     * attention at least 0.95; per digit at most 0.60 against at least 0.99.
     */
    private static final Bottleneck.Settings SMALL = new Bottleneck.Settings(64, 16, 12, 4000, 200, 8, 64, 5e-3, 1);
    private static Bottleneck.Result result;

    @BeforeAll
    static void runTheExperiment() {
        result = Bottleneck.run(SMALL);
    }

    @Test
    void inputsArePaddedAtTheFrontAndTargetsAreTheReversedDigits() {
        Examples data = DigitStrings.reversal(300, 2, 7, 11);
        assertEquals(300, data.size());
        assertEquals(new Shape(7), data.sampleShape());
        assertEquals(new Shape(7), data.targetShape());
        int[] seen = new int[8];
        for (int i = 0; i < data.size(); i++) {
            float[] input = data.sample(i);
            float[] target = data.target(i);
            int n = DigitStrings.length(input);
            seen[n]++;
            assertEquals(n, DigitStrings.length(target), "the target is as long as the input");
            for (int s = 0; s < 7 - n; s++) {
                assertEquals(DigitStrings.PAD, input[s], "padding comes first");
            }
            for (int t = 0; t < 7; t++) {
                float expected = t < n ? input[6 - t] : DigitStrings.PAD;
                assertEquals(expected, target[t], "target step " + t + " of " + Arrays.toString(input));
                assertTrue(t >= n || DigitStrings.digit(target[t]) >= 0, "a real step holds a digit");
            }
        }
        for (int n = 2; n <= 7; n++) {
            assertTrue(seen[n] > 20, "every length in 2..7 is drawn, length " + n + ": " + seen[n]);
        }
        assertEquals(0, seen[1]);
        assertArrayEquals(data.sample(5), DigitStrings.reversal(300, 2, 7, 11).sample(5), "the seed fixes the data");
        assertNotEquals(Arrays.toString(data.sample(5)), Arrays.toString(DigitStrings.reversal(300, 2, 7, 12).sample(5)));

        Examples fives = DigitStrings.ofLength(20, 5, 9, 3);
        for (int i = 0; i < fives.size(); i++) {
            assertEquals(5, DigitStrings.length(fives.sample(i)));
        }
        assertArrayEquals(new float[] {0, 0, 5, 3, 11}, DigitStrings.encode(new int[] {3, 1, 9}, 5));
    }

    @Test
    void withAttentionLongStringsAreStillReversedWithoutTheyAreNot() {
        System.out.println(result.table());
        Bottleneck.Curve plain = result.withoutAttention();
        Bottleneck.Curve attended = result.withAttention();
        for (int n = 1; n <= 3; n++) {
            // both learn the task: the bottleneck model fails because of length, not for want of training
            assertTrue(plain.at(n).exactMatch() > 0.95, "without attention, length " + n + ": " + plain.at(n));
            assertTrue(attended.at(n).exactMatch() > 0.95, "with attention, length " + n + ": " + attended.at(n));
        }
        for (int n = 11; n <= 12; n++) {
            double without = plain.at(n).exactMatch();
            double with = attended.at(n).exactMatch();
            assertTrue(without < 0.3, "the bottleneck should lose long strings, length " + n + ": " + without);
            assertTrue(with > 0.75, "attention should keep long strings, length " + n + ": " + with);
            assertTrue(with - without > 0.5, "length " + n + ": " + with + " vs " + without);
            assertTrue(attended.at(n).perDigit() - plain.at(n).perDigit() > 0.2,
                    "per digit too, length " + n + ": " + attended.at(n) + " vs " + plain.at(n));
        }
        assertTrue(plain.at(12).perDigit() < plain.at(4).perDigit() - 0.2, "the bottleneck curve falls: " + plain);
        assertEquals(12, plain.byLength().size());
        assertEquals(SMALL.epochs(), plain.history().epochs().size());
        assertTrue(result.table().contains("with attention") && result.table().lines().count() == 14, result.table());
        assertTrue(result.chart().image().getWidth() > 0 && result.perDigitChart().image().getWidth() > 0);
    }

    @Test
    void theAttentionMapOfAReversalIsTheAntiDiagonal() {
        float[][] map = result.attentionMap();
        int n = result.example().length;
        assertEquals(SMALL.maxLength(), n);
        assertEquals(n, map.length);
        int onMirror = 0;
        for (int t = 0; t < n; t++) {
            assertEquals(n, map[t].length);
            double sum = 0;
            int best = 0;
            for (int s = 0; s < n; s++) {
                sum += map[t][s];
                best = map[t][s] > map[t][best] ? s : best;
            }
            // the map leaves padding out, so a sum of 1 also says padding got no weight
            assertEquals(1, sum, 1e-4, "row " + t + " sums to 1");
            onMirror += best == n - 1 - t ? 1 : 0;
        }
        assertTrue(onMirror >= n * 3 / 4, "output step t should look at input digit n-1-t: " + onMirror + " of " + n
                + " rows do; " + Arrays.deepToString(map));
    }

    @Test
    void paddingGetsNoWeightAndShapesFollowTheInput() {
        Seq2Seq block = Seq2Seq.builder().hidden(8).embedding(4).attention(true).build();
        try (Model model = Models.create("masking", block, new Shape(6), 5);
                NDManager manager = model.getNDManager().newSubManager()) {
            float[] two = DigitStrings.encode(new int[] {4, 2}, 6);
            float[] five = DigitStrings.encode(new int[] {1, 2, 3, 4, 5}, 6);
            NDArray x = manager.create(concat(two, five), new Shape(2, 6));
            NDList out = block.forward(new ParameterStore(manager, false), new NDList(x), false);
            assertEquals(new Shape(2, 6, 12), out.get(0).getShape(), "scores: batch, steps, tokens");
            assertEquals(new Shape(2, 6, 6), out.get(1).getShape(), "weights: batch, output steps, input steps");
            float[] w = out.get(1).toFloatArray();
            for (int b = 0; b < 2; b++) {
                int pad = b == 0 ? 4 : 1;
                for (int t = 0; t < 6; t++) {
                    double sum = 0;
                    for (int s = 0; s < 6; s++) {
                        float weight = w[b * 36 + t * 6 + s];
                        sum += weight;
                        if (s < pad) {
                            assertEquals(0, weight, 1e-7, "padding position " + s + " of string " + b);
                        } else {
                            assertTrue(weight > 0, "a digit gets some weight");
                        }
                    }
                    assertEquals(1, sum, 1e-5);
                }
            }
            assertEquals(1, Seq2Seq.withoutAttention(8).getOutputShapes(new Shape[] {new Shape(2, 6)}).length,
                    "without attention there are no weights to return");
        }
    }

    @Test
    void teacherForcingFeedsTheTrueTokenBeforeEachStep() {
        Seq2Seq block = Seq2Seq.builder().hidden(8).embedding(4).build();
        try (Model model = Models.create("teacher forcing", block, new Shape(5), 6);
                NDManager manager = model.getNDManager().newSubManager()) {
            ParameterStore store = new ParameterStore(manager, false);
            NDArray x = manager.create(DigitStrings.encode(new int[] {1, 2, 3, 4, 5}, 5), new Shape(1, 5));
            float[] target = {7, 6, 5, 4, 3};
            float[] changed = {7, 6, 9, 4, 3};
            float[] a = teacherForced(block, store, manager, x, target);
            float[] b = teacherForced(block, store, manager, x, changed);
            int v = block.vocabularySize();
            // changing the target at step 2 changes what the decoder reads at step 3 and later only
            assertArrayEquals(Arrays.copyOfRange(a, 0, 3 * v), Arrays.copyOfRange(b, 0, 3 * v), 1e-6f);
            assertNotEquals(Arrays.toString(Arrays.copyOfRange(a, 3 * v, 4 * v)),
                    Arrays.toString(Arrays.copyOfRange(b, 3 * v, 4 * v)));
        }
    }

    @Test
    void theMaskedLossScoresRealStepsOnly() {
        try (NDManager manager = NDManager.newBaseManager()) {
            NDArray scores = manager.randomNormal(new Shape(2, 4, 12));
            NDArray full = manager.create(new float[] {2, 3, 4, 5, 6, 7, 8, 9}, new Shape(2, 4));
            NDArray padded = manager.create(new float[] {2, 3, 0, 0, 6, 7, 8, 9}, new Shape(2, 4));
            SequenceLoss masked = SequenceLoss.ignoring(DigitStrings.PAD);
            assertEquals(new SequenceLoss().evaluate(new NDList(full), new NDList(scores)).getFloat(),
                    masked.evaluate(new NDList(full), new NDList(scores)).getFloat(), 1e-5,
                    "with no padding it is the per-step cross-entropy");
            NDArray realScores = scores.reshape(8, 12).get(manager.create(new long[] {0, 1, 4, 5, 6, 7}));
            NDArray realLabels = manager.create(new float[] {2, 3, 6, 7, 8, 9});
            assertEquals(new SequenceLoss().evaluate(new NDList(realLabels), new NDList(realScores)).getFloat(),
                    masked.evaluate(new NDList(padded), new NDList(scores)).getFloat(), 1e-5,
                    "padded steps are left out of the mean");
        }
    }

    @Test
    void badInputGivesAClearError() {
        IllegalArgumentException empty = assertThrows(IllegalArgumentException.class,
                () -> DigitStrings.reversal(10, 0, 5, 1));
        assertTrue(empty.getMessage().contains("minLength"), empty.getMessage());
        assertThrows(IllegalArgumentException.class, () -> DigitStrings.ofLength(10, 0, 5, 1));
        assertThrows(IllegalArgumentException.class, () -> DigitStrings.ofLength(10, 6, 5, 1), "wider than the width");
        assertThrows(IllegalArgumentException.class, () -> DigitStrings.encode(new int[0], 5));
        assertThrows(IllegalArgumentException.class, () -> DigitStrings.token(10));
        assertThrows(IllegalArgumentException.class, () -> Seq2Seq.builder().digits(1).build());
        assertThrows(IllegalArgumentException.class, () -> Seq2Seq.withAttention(0));

        Seq2Seq fiveDigits = Seq2Seq.builder().digits(5).hidden(4).embedding(2).build();
        try (Model model = Models.create("five digits", fiveDigits, new Shape(3), 1)) {
            // a digit 9 is token 11: a five-digit model has tokens 0-6
            Examples bad = Examples.regression("nines", DigitStrings.encode(new int[] {9, 0, 9}, 3), new Shape(3),
                    new float[3], new Shape(3));
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> Bottleneck.predict(model, bad));
            assertTrue(e.getMessage().contains("token 11") && e.getMessage().contains("vocabulary of 7"),
                    e.getMessage());
            IllegalArgumentException noAttention = assertThrows(IllegalArgumentException.class,
                    () -> Bottleneck.attentionWeights(model, new int[] {1, 2}, 3));
            assertTrue(noAttention.getMessage().contains("with attention"), noAttention.getMessage());
        }
    }

    private static float[] teacherForced(Seq2Seq block, ParameterStore store, NDManager manager, NDArray x,
            float[] target) {
        NDArray labels = manager.create(target, new Shape(1, target.length));
        return block.forward(store, new NDList(x), new NDList(labels), null).head().toFloatArray();
    }

    private static float[] concat(float[] a, float[] b) {
        float[] out = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
