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
    /** The target of a position that is not scored ({@link SequenceLoss#ignoring(int)} leaves it out). */
    public static final int UNSCORED = -1;

    private CharWindows() {}

    /**
     * Windows of {@code length} characters starting every {@code stride} characters, each start
     * moved by a random offset below the stride (from {@code seed}) so that epochs see the text
     * cut in different places, as input indices and targets.
     *
     * @throws IllegalArgumentException if the text is shorter than one window
     */
    public static Examples of(String name, String text, Vocabulary vocabulary, int length, int stride, long seed) {
        return cut(name, text, vocabulary, length, stride, new Random(seed));
    }

    /**
     * Windows laid end to end from the start of the text, none overlapping: for measuring a
     * loss, where every character should count once.
     */
    public static Examples tiled(String name, String text, Vocabulary vocabulary, int length) {
        return cut(name, text, vocabulary, length, length, null);
    }

    /**
     * As {@link #of}, over a text already turned into token ids (by any tokeniser): windows of
     * {@code length} tokens every {@code stride} tokens, each start moved by a seeded random offset.
     */
    public static Examples ofTokens(String name, int[] ids, int length, int stride, long seed) {
        return cut(name, ids, null, length, stride, new Random(seed));
    }

    /** As {@link #tiled}, over token ids: windows end to end, every token predicted once. */
    public static Examples tiledTokens(String name, int[] ids, int length) {
        return cut(name, ids, null, length, length, null);
    }

    /**
     * As {@link #ofTokens}, where only the tokens with {@code scored[i]} true are targets; the
     * others (a prompt before the answer) get the target {@link #UNSCORED}, so the model reads them
     * but is not taught to write them.
     */
    public static Examples ofTokens(String name, int[] ids, boolean[] scored, int length, int stride, long seed) {
        return cut(name, ids, scored, length, stride, new Random(seed));
    }

    /** As {@link #tiledTokens}, with only the {@code scored} tokens as targets. */
    public static Examples tiledTokens(String name, int[] ids, boolean[] scored, int length) {
        return cut(name, ids, scored, length, length, null);
    }

    private static Examples cut(String name, String text, Vocabulary vocabulary, int length, int stride, Random random) {
        if (text.length() < length + 1) {
            throw new IllegalArgumentException("the text has " + text.length() + " characters; a window of "
                    + length + " needs at least " + (length + 1));
        }
        return cut(name, vocabulary.encode(text), null, length, stride, random);
    }

    private static Examples cut(String name, int[] ids, boolean[] scored, int length, int stride, Random random) {
        if (scored != null && scored.length != ids.length) {
            throw new IllegalArgumentException(ids.length + " tokens but " + scored.length + " scored flags");
        }
        if (length < 1 || stride < 1) {
            throw new IllegalArgumentException("window length and stride must be positive, got " + length + ", " + stride);
        }
        if (ids.length < length + 1) {
            throw new IllegalArgumentException("the text has " + ids.length + " tokens; a window of "
                    + length + " needs at least " + (length + 1));
        }
        int maxStart = ids.length - length - 1;
        int count = maxStart / stride + 1;
        float[] inputs = new float[count * length];
        float[] targets = new float[count * length];
        for (int w = 0; w < count; w++) {
            int room = Math.min(stride, maxStart - w * stride + 1);
            int start = w * stride + (random == null ? 0 : random.nextInt(room));
            for (int t = 0; t < length; t++) {
                inputs[w * length + t] = ids[start + t];
                targets[w * length + t] = scored == null || scored[start + t + 1] ? ids[start + t + 1] : UNSCORED;
            }
        }
        return Examples.regression(name, inputs, new Shape(length), targets, new Shape(length));
    }
}
