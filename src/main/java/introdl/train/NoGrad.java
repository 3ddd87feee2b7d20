package introdl.train;

import ai.djl.pytorch.jni.JniUtils;

/**
 * Runs code with PyTorch's gradient recording switched off, as in-place updates of weights need.
 * PyTorch keeps that switch per thread and DJL turns it off only on the thread that started the
 * engine, so code that writes into weights on another thread (a notebook cell, a worker) must
 * switch it off itself.
 */
public final class NoGrad {
    private NoGrad() {}

    /** Runs {@code body} with gradient recording off, then restores the thread's setting. */
    public static void run(Runnable body) {
        boolean recording = JniUtils.isGradMode();
        JniUtils.setGradMode(false);
        try {
            body.run();
        } finally {
            JniUtils.setGradMode(recording);
        }
    }

    /** Computes {@code body} with gradient recording off, then restores the thread's setting. */
    public static <T> T call(java.util.function.Supplier<T> body) {
        Object[] result = new Object[1];
        run(() -> result[0] = body.get());
        @SuppressWarnings("unchecked")
        T value = (T) result[0];
        return value;
    }
}
