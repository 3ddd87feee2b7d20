package introdl.vision;

/**
 * The convolution sum written out, as the lecture defines it: each output pixel is
 * Σᵢ Σⱼ w(i, j) · x(i + p, j + q) + b, the kernel laid over the input at position (p, q) and
 * moved by the stride, with the input padded by zeros. (What deep learning calls convolution is,
 * strictly, cross-correlation: the kernel is not flipped.) Tested against DJL's {@code Conv2d}.
 */
public final class Convolution {
    private Convolution() {}

    /**
     * Convolves a 2-D input with a kernel.
     *
     * @param input the image, [rows][columns]
     * @param kernel the weights, [rows][columns]
     * @param bias added to every output pixel
     * @param stride how far the kernel moves between outputs (at least 1)
     * @param padding rows and columns of zeros added on every side (0 or more)
     * @return the output, of size ⌊(n + 2·padding − k) / stride⌋ + 1 on each axis
     * @throws IllegalArgumentException if the kernel is larger than the padded input, the stride is
     *     not positive, or the arrays are not rectangular
     */
    public static float[][] apply(float[][] input, float[][] kernel, float bias, int stride, int padding) {
        int[] in = rectangle("input", input);
        int[] k = rectangle("kernel", kernel);
        int[] out = outputSize(in, k, stride, padding);
        float[][] result = new float[out[0]][out[1]];
        for (int p = 0; p < out[0]; p++) {
            for (int q = 0; q < out[1]; q++) {
                double sum = bias;
                for (int i = 0; i < k[0]; i++) {
                    for (int j = 0; j < k[1]; j++) {
                        int r = p * stride + i - padding;
                        int c = q * stride + j - padding;
                        if (r >= 0 && c >= 0 && r < in[0] && c < in[1]) {
                            sum += kernel[i][j] * input[r][c];
                        }
                    }
                }
                result[p][q] = (float) sum;
            }
        }
        return result;
    }

    /** Convolution with stride 1 and no bias, padded so the output has the input's size (odd kernels). */
    public static float[][] same(float[][] input, float[][] kernel) {
        return apply(input, kernel, 0, 1, kernel.length / 2);
    }

    /**
     * The output size of a window of size {@code window} moved by {@code stride} over an input of
     * size {@code input} padded by {@code padding} on each side, per axis.
     */
    static int[] outputSize(int[] input, int[] window, int stride, int padding) {
        if (stride < 1) {
            throw new IllegalArgumentException("stride must be at least 1, got " + stride);
        }
        if (padding < 0) {
            throw new IllegalArgumentException("padding must be 0 or more, got " + padding);
        }
        int[] out = new int[2];
        for (int axis = 0; axis < 2; axis++) {
            int padded = input[axis] + 2 * padding;
            if (window[axis] > padded) {
                throw new IllegalArgumentException(String.format(
                        "a %dx%d window does not fit in a %dx%d input (padded by %d): make the window smaller "
                                + "or pad the input", window[0], window[1], input[0], input[1], padding));
            }
            out[axis] = (padded - window[axis]) / stride + 1;
        }
        return out;
    }

    /** [rows, columns] of a rectangular, non-empty 2-D array. */
    static int[] rectangle(String name, float[][] values) {
        if (values.length == 0 || values[0].length == 0) {
            throw new IllegalArgumentException(name + " is empty");
        }
        for (float[] row : values) {
            if (row.length != values[0].length) {
                throw new IllegalArgumentException(name + " is not rectangular: rows of " + values[0].length
                        + " and " + row.length + " values");
            }
        }
        return new int[] {values.length, values[0].length};
    }
}
