package introdl.vision;

import java.util.Locale;

/**
 * Pooling written out: each output pixel summarises one window of the input by its largest,
 * mean or smallest value, shrinking the image and making the features robust to small shifts.
 * Max and mean pooling are tested against DJL's.
 */
public enum Pooling {
    /** The largest value in each window. */
    MAX,
    /** The mean of each window. */
    MEAN,
    /** The smallest value in each window. */
    MIN;

    /**
     * Pools {@code input} over {@code size x size} windows moved by {@code stride}.
     *
     * @throws IllegalArgumentException if the window is larger than the input or the stride is not positive
     */
    public float[][] apply(float[][] input, int size, int stride) {
        int[] in = Convolution.rectangle("input", input);
        if (size < 1) {
            throw new IllegalArgumentException("the pooling window must be at least 1x1, got " + size);
        }
        int[] out = Convolution.outputSize(in, new int[] {size, size}, stride, 0);
        float[][] result = new float[out[0]][out[1]];
        for (int p = 0; p < out[0]; p++) {
            for (int q = 0; q < out[1]; q++) {
                double summary = this == MAX ? Double.NEGATIVE_INFINITY : this == MIN ? Double.POSITIVE_INFINITY : 0;
                for (int i = 0; i < size; i++) {
                    for (int j = 0; j < size; j++) {
                        float v = input[p * stride + i][q * stride + j];
                        summary = switch (this) {
                            case MAX -> Math.max(summary, v);
                            case MIN -> Math.min(summary, v);
                            case MEAN -> summary + v / (double) (size * size);
                        };
                    }
                }
                result[p][q] = (float) summary;
            }
        }
        return result;
    }

    /** Non-overlapping windows: the stride equals the window size. */
    public float[][] apply(float[][] input, int size) {
        return apply(input, size, size);
    }

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
