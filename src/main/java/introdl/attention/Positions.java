package introdl.attention;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;

/**
 * Where each token is. Attention itself ignores order (shuffle the inputs and the outputs shuffle
 * the same way), so a transformer adds a position vector to every token's embedding: either learnt,
 * one trained vector per position (GPT-2), or fixed sinusoids of geometrically spaced wavelengths
 * (the original transformer), which need no training and from which relative offsets are linear
 * functions.
 */
public final class Positions {
    /** The two kinds of position vector. */
    public enum Kind { LEARNED, SINUSOIDAL }

    private Positions() {}

    /**
     * The sinusoidal table (positions, width): row p holds sin(p / 10000^(2i/width)) in column 2i
     * and cos of the same in column 2i+1.
     */
    public static float[][] sinusoidal(int positions, int width) {
        if (positions < 1 || width < 2 || width % 2 != 0) {
            throw new IllegalArgumentException("need positions >= 1 and an even width >= 2, got " + positions + ", "
                    + width);
        }
        float[][] table = new float[positions][width];
        for (int p = 0; p < positions; p++) {
            for (int i = 0; i < width / 2; i++) {
                double angle = p / Math.pow(10000, 2.0 * i / width);
                table[p][2 * i] = (float) Math.sin(angle);
                table[p][2 * i + 1] = (float) Math.cos(angle);
            }
        }
        return table;
    }

    /** The sinusoidal table as an array in {@code manager}, shape (positions, width). */
    public static NDArray sinusoidal(NDManager manager, int positions, int width) {
        float[][] table = sinusoidal(positions, width);
        float[] flat = new float[positions * width];
        for (int p = 0; p < positions; p++) {
            System.arraycopy(table[p], 0, flat, p * width, width);
        }
        return manager.create(flat, new Shape(positions, width));
    }
}
