package introdl.exercises;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.DataType;
import java.util.Arrays;
import java.util.Locale;

/** How the checks compare a student's numbers with the expected ones: to about 4 digits. */
final class Compare {
    private Compare() {}

    static boolean close(double a, double b) {
        return Math.abs(a - b) <= 1e-4 + 1e-4 * Math.abs(b);
    }

    static boolean close(float[] a, float[] b) {
        return close(doubles(a), doubles(b));
    }

    static boolean close(double[] a, double[] b) {
        if (a.length != b.length) {
            return false;
        }
        for (int i = 0; i < a.length; i++) {
            if (!close(a[i], b[i])) {
                return false;
            }
        }
        return true;
    }

    static boolean close(NDArray a, NDArray b) {
        return close(values(a), values(b));
    }

    static boolean isZero(NDArray a) {
        return Arrays.equals(values(a), new float[(int) a.size()]);
    }

    static float[] values(NDArray a) {
        return a.toType(DataType.FLOAT32, false).toFloatArray();
    }

    static String show(NDArray a) {
        return show(doubles(values(a)));
    }

    private static double[] doubles(float[] values) {
        double[] out = new double[values.length];
        for (int i = 0; i < values.length; i++) {
            out[i] = values[i];
        }
        return out;
    }

    /** The numbers to 4 significant digits, as "[0.5000, -1.200]". */
    static String show(double[] values) {
        StringBuilder sb = new StringBuilder("[");
        for (double v : values) {
            sb.append(sb.length() > 1 ? ", " : "").append(fmt(v));
        }
        return sb.append(']').toString();
    }

    /** One number to 4 significant digits. */
    static String fmt(double v) {
        return String.format(Locale.ROOT, "%.4g", v);
    }

    /** A copy of a matrix, so that a student's code cannot change the check's own. */
    static float[][] copy(float[][] m) {
        return Arrays.stream(m).map(float[]::clone).toArray(float[][]::new);
    }
}
