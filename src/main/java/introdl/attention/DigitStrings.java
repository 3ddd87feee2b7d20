package introdl.attention;

import ai.djl.ndarray.types.Shape;
import introdl.data.Examples;
import java.util.Random;

/**
 * The sequence-to-sequence task of the encoder-bottleneck experiment: read a string of random
 * digits, write it back reversed ("3 1 4" → "4 1 3"). Every output digit is an input digit, so
 * the task is easy to learn, but a decoder without attention must carry the whole string in the
 * encoder's final state, and that fails as strings get longer.
 *
 * <p>Tokens: {@link #PAD} = 0, {@link #START} = 1 (what the decoder reads before its first
 * output), digit d = d + 2. Strings of different lengths share one width by padding: the input
 * is padded at the front ("pre" padding, as in Keras), so the encoder's last step is the last
 * real digit and its final state is not diluted by padding; the target is padded at the end, and
 * those padded steps are left out of the loss (({@code SequenceLoss.ignoring(PAD)})) and of the accuracy.
 * Features (width) are input tokens, targets (width) the reversed string's tokens.
 */
public final class DigitStrings {
    /** The padding token: no digit here. */
    public static final int PAD = 0;
    /** The token the decoder reads before it writes its first digit. */
    public static final int START = 1;
    /** How many digits the strings draw from (0-9). */
    public static final int DIGITS = 10;

    private DigitStrings() {}

    /** The token of digit {@code d}. */
    public static int token(int digit) {
        if (digit < 0 || digit >= DIGITS) {
            throw new IllegalArgumentException("a digit is 0-9, got " + digit);
        }
        return digit + 2;
    }

    /** The digit of token {@code t}, or -1 for {@link #PAD} and {@link #START}. */
    public static int digit(float token) {
        return token >= 2 ? (int) token - 2 : -1;
    }

    /** How many tokens a model over {@code digits} digits needs: the digits, PAD and START. */
    public static int vocabularySize(int digits) {
        return digits + 2;
    }

    /**
     * {@code samples} random strings whose lengths are uniform in [minLength, maxLength], padded
     * to width {@code maxLength}: the training set.
     */
    public static Examples reversal(int samples, int minLength, int maxLength, long seed) {
        return make("reversal " + minLength + "-" + maxLength, samples, minLength, maxLength, maxLength, seed);
    }

    /**
     * {@code samples} random strings of exactly {@code length} digits, padded to {@code width}:
     * a test set for one length (use the training width, so inputs look as in training).
     */
    public static Examples ofLength(int samples, int length, int width, long seed) {
        return make("reversal of length " + length, samples, length, length, width, seed);
    }

    /** One string as the model reads it: its digits' tokens after {@code width - digits.length} pads. */
    public static float[] encode(int[] digits, int width) {
        if (digits.length < 1 || digits.length > width) {
            throw new IllegalArgumentException("a string needs 1 to " + width + " digits (the width), got "
                    + digits.length);
        }
        float[] tokens = new float[width];
        for (int i = 0; i < digits.length; i++) {
            tokens[width - digits.length + i] = token(digits[i]);
        }
        return tokens;
    }

    /** How many real digits a padded input or target holds. */
    public static int length(float[] tokens) {
        int n = 0;
        for (float t : tokens) {
            if (t != PAD) {
                n++;
            }
        }
        return n;
    }

    private static Examples make(String name, int samples, int minLength, int maxLength, int width, long seed) {
        if (samples < 1 || minLength < 1 || maxLength < minLength || width < maxLength) {
            throw new IllegalArgumentException("need at least 1 sample and lengths 1 <= minLength <= maxLength <= "
                    + "width, got " + samples + " samples, lengths " + minLength + "-" + maxLength + ", width " + width);
        }
        Random random = new Random(seed);
        float[] inputs = new float[samples * width];
        float[] targets = new float[samples * width];
        for (int i = 0; i < samples; i++) {
            int n = minLength + random.nextInt(maxLength - minLength + 1);
            int[] digits = random.ints(n, 0, DIGITS).toArray();
            System.arraycopy(encode(digits, width), 0, inputs, i * width, width);
            for (int t = 0; t < n; t++) {
                targets[i * width + t] = token(digits[n - 1 - t]);
            }
        }
        return Examples.regression(name, inputs, new Shape(width), targets, new Shape(width));
    }
}
