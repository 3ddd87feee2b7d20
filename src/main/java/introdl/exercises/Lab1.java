package introdl.exercises;

import introdl.sequence.TextGenerator;
import java.util.Arrays;
import java.util.Random;
import java.util.function.BiFunction;

/** Checks for Lab 1's exercises (notebook 05): the next-character windows and sampling with a temperature. */
public final class Lab1 {
    private Lab1() {}

    /** A training example as the student cuts it: {input, target} of {@code length} characters from {@code start}. */
    @FunctionalInterface
    public interface Window {
        int[][] apply(int[] ids, int start, int length);
    }

    /** Checks that the target is the input shifted by one character, on a seeded text of 50 ids. */
    public static Verdict window(Window cut) {
        int[] ids = new Random(1).ints(50, 0, 30).toArray();
        int[][] got;
        try {
            got = cut.apply(ids.clone(), 7, 10);
        } catch (RuntimeException e) {
            return Verdict.notYet("cutting 10 characters from position 7 of 50 failed: " + e);
        }
        if (got == null || got.length != 2 || got[0] == null || got[1] == null) {
            return Verdict.notYet("return two arrays, {input, target}");
        }
        if (got[0].length != 10 || got[1].length != 10) {
            return Verdict.notYet("input and target should each be 10 characters long, got " + got[0].length + " and "
                    + got[1].length);
        }
        int[] input = Arrays.copyOfRange(ids, 7, 17);
        int[] target = Arrays.copyOfRange(ids, 8, 18);
        if (!Arrays.equals(got[0], input)) {
            return Verdict.notYet("the input should be the characters at positions 7 to 16, ids[start .. start + length)");
        }
        if (Arrays.equals(got[1], target)) {
            return Verdict.correct("the target is the input shifted by one: at every position, the character that comes next");
        }
        if (Arrays.equals(got[1], input)) {
            return Verdict.notYet("the target is the input itself: the model would learn to copy, not to predict; shift it by one");
        }
        if (Arrays.equals(got[1], Arrays.copyOfRange(ids, 6, 16))) {
            return Verdict.notYet("the target is shifted the wrong way: it should be the character after each input, not before");
        }
        return Verdict.notYet("the target should be ids[start + 1 .. start + length + 1), the next character at each position");
    }

    /** Checks softmax(scores / T) on seeded scores at temperatures 0.5, 1 and 2. */
    public static Verdict temperature(BiFunction<float[], Double, float[]> probabilities) {
        float[] scores = {2.0f, 1.0f, 0.1f, -1.5f, 0.7f};
        for (double t : new double[] {1, 0.5, 2}) {
            float[] expected = softmax(scores, t);
            float[] got;
            try {
                got = probabilities.apply(scores.clone(), t);
            } catch (RuntimeException e) {
                return Verdict.notYet("it failed at temperature " + t + ": " + e);
            }
            if (got == null || got.length != scores.length) {
                return Verdict.notYet("give one probability per character: " + scores.length + " here");
            }
            if (Compare.close(got, expected)) {
                continue;
            }
            double sum = 0;
            for (float p : got) {
                sum += p;
            }
            if (!Compare.close(sum, 1)) {
                return Verdict.notYet("at temperature " + t + " the probabilities add up to " + (float) sum
                        + ", not 1: divide each e^(score / T) by their sum");
            }
            if (Compare.close(got, softmax(scores, 1 / t))) {
                return Verdict.notYet("at temperature " + t + " the scores are multiplied by T: divide them by T, so "
                        + "a low temperature sharpens the distribution");
            }
            if (Compare.close(got, softmax(scores, 1))) {
                return Verdict.notYet("the probabilities do not change with the temperature: divide the scores by T "
                        + "before the softmax");
            }
            return Verdict.notYet("at temperature " + t + " the probabilities should be " + Arrays.toString(expected)
                    + ", softmax(scores / T)");
        }
        return Verdict.correct("softmax(scores / T): T below 1 sharpens the choice, above 1 flattens it");
    }

    /** softmax(scores / t) as introdl's sampler computes it ({@link TextGenerator#weights}, normalised). */
    private static float[] softmax(float[] scores, double t) {
        double[] weights = TextGenerator.weights(scores, t);
        double sum = Arrays.stream(weights).sum();
        float[] p = new float[scores.length];
        for (int i = 0; i < p.length; i++) {
            p[i] = (float) (weights[i] / sum);
        }
        return p;
    }
}
