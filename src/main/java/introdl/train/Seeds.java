package introdl.train;

import ai.djl.engine.Engine;

/**
 * Seeding for reproducible training. Each epoch draws its randomness (shuffling, dropout) from a
 * seed derived from the run's seed and the epoch number alone, so a run resumed at epoch k
 * replays epochs k+1... exactly as an uninterrupted run would.
 */
public final class Seeds {
    private Seeds() {}

    /** A well-mixed seed for stream {@code stream} of a run seeded with {@code seed} (SplitMix64). */
    public static long derive(long seed, long stream) {
        long z = seed + 0x9E3779B97F4A7C15L * (stream + 1);
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    /** The numbers 0..n-1 in an order shuffled by {@code seed} (Fisher-Yates). */
    public static long[] permutation(int n, long seed) {
        int[] order = java.util.stream.IntStream.range(0, n).toArray();
        shuffle(order, new java.util.Random(seed));
        return java.util.Arrays.stream(order).asLongStream().toArray();
    }

    /**
     * Shuffles {@code values} in place (Fisher-Yates, the same draws as
     * {@code Collections.shuffle} makes for the same generator).
     */
    public static void shuffle(int[] values, java.util.Random random) {
        for (int i = values.length - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int t = values[i];
            values[i] = values[j];
            values[j] = t;
        }
    }

    /** Seeds the engine's random generators (PyTorch's, and DJL's own). */
    public static void seedEngine(long seed) {
        Engine.getInstance().setRandomSeed((int) (seed ^ (seed >>> 32)) & Integer.MAX_VALUE);
    }
}
