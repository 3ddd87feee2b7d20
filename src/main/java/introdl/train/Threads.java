package introdl.train;

import ai.djl.pytorch.jni.JniUtils;

/**
 * The number of CPU threads PyTorch uses inside one operation. On small models a batch is a few
 * microseconds of maths per layer, and waking extra threads costs more than it saves, so the fit
 * loop uses one thread below a measured work size and every core above it (see BENCHMARKS.md).
 */
public final class Threads {
    /**
     * Multiply-adds per training step below which one thread is faster than several. Measured on
     * a 2-core machine: the 400-256-128-10 MLP at batch 64 (~8 M) runs about 1.4x faster on one
     * thread; the lecture's CNN (~2 G) about 1.6x faster on two.
     */
    public static final long SINGLE_THREAD_BELOW = 100_000_000L;

    private Threads() {}

    /** Sets PyTorch's intra-op thread count. */
    public static void set(int threads) {
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be at least 1, got " + threads);
        }
        JniUtils.setNumThreads(threads);
    }

    /** PyTorch's current intra-op thread count. */
    public static int get() {
        return JniUtils.getNumThreads();
    }

    /** The thread count the fit loop picks for a step of {@code multiplyAdds} multiply-adds. */
    public static int forWork(long multiplyAdds) {
        return multiplyAdds < SINGLE_THREAD_BELOW ? 1 : Runtime.getRuntime().availableProcessors();
    }
}
