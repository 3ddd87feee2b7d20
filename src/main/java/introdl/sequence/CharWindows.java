package introdl.sequence;

import ai.djl.ndarray.types.Shape;
import introdl.data.Examples;
import java.util.Random;

/**
 * Next-character training data (many-to-many): windows of a text, each input a run of
 * characters and each target the same run shifted by one, so at every position the model learns
 * to predict the character that follows.
 */
public final class CharWindows {
    private CharWindows() {}

    /**
     * Windows of {@code length} characters starting every {@code stride} characters (each start
     * moved by a random offset below the stride, from {@code seed}), as input indices and targets.
     *
     * @throws IllegalArgumentException if the text is shorter than one window
     */
    public static Examples of(String name, String text, Vocabulary vocabulary, int length, int stride, long seed) {
        if (length < 1 || stride < 1) {
            throw new IllegalArgumentException("window length and stride must be positive, got " + length + ", " + stride);
        }
        if (text.length() < length + 1) {
            throw new IllegalArgumentException("the text has " + text.length() + " characters; a window of "
                    + length + " needs at least " + (length + 1));
        }
        int[] ids = vocabulary.encode(text);
        int count = (ids.length - length - 1) / stride + 1;
        float[] inputs = new float[count * length];
        float[] targets = new float[count * length];
        Random random = new Random(seed);
        int maxStart = ids.length - length - 1;
        for (int w = 0; w < count; w++) {
            int start = Math.min(maxStart, w * stride + random.nextInt(stride));
            for (int t = 0; t < length; t++) {
                inputs[w * length + t] = ids[start + t];
                targets[w * length + t] = ids[start + t + 1];
            }
        }
        return Examples.regression(name, inputs, new Shape(length), targets, new Shape(length));
    }
}
