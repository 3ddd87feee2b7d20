package introdl.sequence;

import ai.djl.ndarray.types.Shape;
import introdl.data.Examples;
import java.util.List;
import java.util.Random;

/**
 * Small sequence tasks that cannot be solved without memory, to watch recurrence and
 * backpropagation through time at work in seconds: the answer depends on an input several steps
 * back, so a layer that forgets between steps cannot do better than guessing.
 */
public final class MemoryTasks {
    private MemoryTasks() {}

    /**
     * Many-to-many: inputs uniform in [-1, 1], one per step; the target at step t is the input at
     * step t − {@code delay} (0 before that). Samples (steps, 1), targets (steps, 1). Predicting 0
     * scores a mean squared error of 1/3 on the delayed steps.
     */
    public static Examples delayedEcho(int samples, int steps, int delay, long seed) {
        if (samples < 1 || steps < 1 || delay < 0 || delay >= steps) {
            throw new IllegalArgumentException("need samples and steps of at least 1 and a delay in [0, steps), got "
                    + samples + ", " + steps + ", " + delay);
        }
        Random random = new Random(seed);
        float[] x = new float[samples * steps];
        float[] y = new float[samples * steps];
        for (int i = 0; i < samples; i++) {
            for (int t = 0; t < steps; t++) {
                x[i * steps + t] = random.nextFloat() * 2 - 1;
                y[i * steps + t] = t < delay ? 0 : x[i * steps + t - delay];
            }
        }
        return Examples.regression("echo after " + delay, x, new Shape(steps, 1), y, new Shape(steps, 1));
    }

    /**
     * Many-to-one: sequences of symbols 0 to {@code symbols} − 1 (as indices, shape (steps)); the
     * class is the first symbol, 0 or 1, and everything after it is noise.
     */
    public static Examples firstSymbol(int samples, int steps, int symbols, long seed) {
        if (samples < 1 || steps < 1 || symbols < 2) {
            throw new IllegalArgumentException("need samples and steps of at least 1 and 2 or more symbols, got "
                    + samples + ", " + steps + ", " + symbols);
        }
        Random random = new Random(seed);
        float[] x = new float[samples * steps];
        float[] labels = new float[samples];
        for (int i = 0; i < samples; i++) {
            labels[i] = random.nextInt(2);
            x[i * steps] = labels[i];
            for (int t = 1; t < steps; t++) {
                x[i * steps + t] = random.nextInt(symbols);
            }
        }
        return Examples.of("first symbol", x, new Shape(steps), labels, List.of("starts with 0", "starts with 1"));
    }
}
