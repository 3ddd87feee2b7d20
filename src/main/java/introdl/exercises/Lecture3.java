package introdl.exercises;

import introdl.vision.Convolution;
import introdl.vision.Pooling;
import java.util.Arrays;
import java.util.Random;
import java.util.function.BiFunction;

/** Checks for lecture 3's exercises (notebook 03): the convolution sum and max pooling. */
public final class Lecture3 {
    private Lecture3() {}

    /**
     * Checks a convolution written as the lecture's double sum, y(p, q) = Σ w_ij x(i + p, j + q),
     * with stride 1, no padding and no bias, against {@link Convolution} on a seeded 6 x 6 image
     * and 3 x 3 filter.
     */
    public static Verdict convolution(BiFunction<float[][], float[][], float[][]> convolve) {
        Random random = new Random(191);
        float[][] x = randomMatrix(random, 6, 6);
        float[][] w = randomMatrix(random, 3, 3);
        float[][] expected = Convolution.apply(x, w, 0, 1, 0);
        float[][] got;
        try {
            got = convolve.apply(Compare.copy(x), Compare.copy(w));
        } catch (RuntimeException e) {
            return Verdict.notYet("it failed on a 6 x 6 image and a 3 x 3 filter: " + e
                    + " (the filter's top-left corner goes from (0, 0) to (3, 3))");
        }
        String size = sizeProblem(got, 4, "a 6 x 6 image and a 3 x 3 filter give (6 - 3) + 1 = 4 positions a side");
        if (size != null) {
            return Verdict.notYet(size);
        }
        if (close(got, expected)) {
            return Verdict.correct("each output is the sum of the filter's weights times the pixels under it, as "
                    + "introdl's Convolution (and DJL's Conv2d) computes it");
        }
        if (close(got, Convolution.apply(x, flipped(w), 0, 1, 0))) {
            return Verdict.notYet("these are the sums with the filter turned by 180°, the mathematicians' "
                    + "convolution; the lecture's (and every deep-learning library's) sum lays w as it is: w_ij x(i + p, j + q)");
        }
        if (isZero(got)) {
            return Verdict.notYet("the output is all zeros: add up w[i][j] * x[i + p][j + q] for every filter position (p, q)");
        }
        return Verdict.notYet("at (0, 0) the sum is " + got[0][0] + " but Σ w_ij x(i, j) is " + expected[0][0]
                + "; check the indices of the double loop");
    }

    /** Checks max pooling of {@code size} x {@code size} windows with stride {@code size}, on a seeded 6 x 6 map. */
    public static Verdict maxPooling(BiFunction<float[][], Integer, float[][]> pool) {
        float[][] map = randomMatrix(new Random(6191), 6, 6);
        float[][] expected = Pooling.MAX.apply(map, 2);
        float[][] got;
        try {
            got = pool.apply(Compare.copy(map), 2);
        } catch (RuntimeException e) {
            return Verdict.notYet("it failed on a 6 x 6 map with 2 x 2 windows: " + e);
        }
        String size = sizeProblem(got, 3, "2 x 2 windows with stride 2 make a 6 x 6 map 3 x 3");
        if (size != null) {
            return Verdict.notYet(size);
        }
        if (close(got, expected)) {
            return Verdict.correct("each output is the largest value of its 2 x 2 window");
        }
        if (close(got, Pooling.MEAN.apply(map, 2))) {
            return Verdict.notYet("these are the windows' averages (average pooling); max pooling keeps each window's largest value");
        }
        return Verdict.notYet("the window at the top left holds " + Arrays.toString(new float[] {map[0][0], map[0][1],
                map[1][0], map[1][1]}) + ", whose maximum is " + expected[0][0] + ", but the output there is " + got[0][0]);
    }

    private static String sizeProblem(float[][] got, int side, String why) {
        if (got == null || got.length != side || Arrays.stream(got).anyMatch(row -> row == null || row.length != side)) {
            String shape = got == null ? "nothing" : got.length + " x " + (got.length == 0 || got[0] == null ? 0 : got[0].length);
            return "the output is " + shape + "; " + why;
        }
        return null;
    }

    private static float[][] randomMatrix(Random random, int rows, int columns) {
        float[][] m = new float[rows][columns];
        for (float[] row : m) {
            for (int j = 0; j < columns; j++) {
                row[j] = Math.round(random.nextFloat() * 8 - 4);
            }
        }
        return m;
    }

    /** The filter turned by 180°: what the mathematicians' convolution lays over the image. */
    static float[][] flipped(float[][] w) {
        int k = w.length;
        float[][] f = new float[k][k];
        for (int i = 0; i < k; i++) {
            for (int j = 0; j < k; j++) {
                f[i][j] = w[k - 1 - i][k - 1 - j];
            }
        }
        return f;
    }

    private static boolean close(float[][] a, float[][] b) {
        if (a.length != b.length) {
            return false;
        }
        for (int i = 0; i < a.length; i++) {
            if (!Compare.close(a[i], b[i])) {
                return false;
            }
        }
        return true;
    }

    private static boolean isZero(float[][] m) {
        return Arrays.stream(m).allMatch(row -> {
            for (float v : row) {
                if (v != 0) {
                    return false;
                }
            }
            return true;
        });
    }
}
