package introdl.train;

import ai.djl.nn.Block;
import ai.djl.pytorch.jni.JniUtils;

/**
 * The number of CPU threads PyTorch uses inside one operation. On small models a batch is a few
 * microseconds of maths per layer, and waking extra threads costs more than it saves, so the fit
 * loop uses one thread below a measured work size and every core above it (see BENCHMARKS.md).
 */
public final class Threads {
    /**
     * Multiply-adds per training step (about 3 x weights x batch size) below which one thread is
     * faster than several. Measured on 2 cores (BENCHMARKS.md): the 400-128-64-10 MLP at batch 64
     * (11.5 M) trains 1.3x faster on one thread; 400-256-128-10 (26 M) 1.2x faster on two.
     */
    public static final long SINGLE_THREAD_BELOW = 15_000_000L;

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

    /** The thread count the fit loop picks for an initialised block trained at this batch size. */
    public static int forModel(Block block, int batchSize) {
        long weights = 0;
        for (var pair : block.getParameters()) {
            weights += pair.getValue().getArray().getShape().size();
        }
        // forward and backward cost about three multiply-adds per weight per sample
        return forWork(3L * weights * batchSize);
    }

    /** The thread count the fit loop picks for a step of {@code multiplyAdds} multiply-adds. */
    public static int forWork(long multiplyAdds) {
        return multiplyAdds < SINGLE_THREAD_BELOW ? 1 : Runtime.getRuntime().availableProcessors();
    }
}
