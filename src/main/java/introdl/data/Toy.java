package introdl.data;

import ai.djl.ndarray.types.Shape;
import java.util.List;
import java.util.Random;

/**
 * Small generated datasets for looking at how training behaves, where every run takes seconds
 * and the answer is known: two interleaved half-moons, spirals, and a noisy 1-D curve.
 */
public final class Toy {
    private Toy() {}

    /** Two interleaved half-moons in the plane, {@code n} points, 2 classes, Gaussian noise of this sd. */
    public static Examples moons(int n, double noise, long seed) {
        requirePositive(n);
        Random random = new Random(seed);
        float[] x = new float[2 * n];
        float[] y = new float[n];
        for (int i = 0; i < n; i++) {
            int cls = i % 2;
            double t = Math.PI * random.nextDouble();
            double px = cls == 0 ? Math.cos(t) : 1 - Math.cos(t);
            double py = cls == 0 ? Math.sin(t) : 0.5 - Math.sin(t);
            x[2 * i] = (float) (px + noise * random.nextGaussian());
            x[2 * i + 1] = (float) (py + noise * random.nextGaussian());
            y[i] = cls;
        }
        return Examples.of("moons", x, new Shape(2), y, List.of("upper", "lower"));
    }

    /** {@code classes} interleaved spiral arms in the plane, {@code n} points in all. */
    public static Examples spirals(int n, int classes, double noise, long seed) {
        requirePositive(n);
        if (classes < 2) {
            throw new IllegalArgumentException("spirals need at least 2 classes, got " + classes);
        }
        Random random = new Random(seed);
        float[] x = new float[2 * n];
        float[] y = new float[n];
        String[] names = new String[classes];
        for (int c = 0; c < classes; c++) {
            names[c] = "arm " + c;
        }
        for (int i = 0; i < n; i++) {
            int cls = i % classes;
            double r = random.nextDouble();
            double angle = cls * 2 * Math.PI / classes + 4 * r + noise * random.nextGaussian();
            x[2 * i] = (float) (r * Math.sin(angle));
            x[2 * i + 1] = (float) (r * Math.cos(angle));
            y[i] = cls;
        }
        return Examples.of("spirals", x, new Shape(2), y, List.of(names));
    }

    /**
     * A 1-D regression task: {@code n} points x in [-1, 1] with targets sin(3x) + noise. Fitting it
     * with models of growing capacity shows underfitting and overfitting.
     */
    public static Examples curve(int n, double noise, long seed) {
        requirePositive(n);
        Random random = new Random(seed);
        float[] x = new float[n];
        float[] y = new float[n];
        for (int i = 0; i < n; i++) {
            double xi = 2 * random.nextDouble() - 1;
            x[i] = (float) xi;
            y[i] = (float) (truth(xi) + noise * random.nextGaussian());
        }
        return Examples.regression("curve", x, new Shape(1), y, new Shape(1));
    }

    /** The noiseless function behind {@link #curve}. */
    public static double truth(double x) {
        return Math.sin(3 * x);
    }

    private static void requirePositive(int n) {
        if (n < 1) {
            throw new IllegalArgumentException("a dataset needs at least 1 point, got " + n);
        }
    }
}
