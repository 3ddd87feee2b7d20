package introdl.faces;

import ai.djl.Model;
import introdl.data.Examples;
import introdl.generative.Latent;
import introdl.train.EpochSampler;
import introdl.train.Seeds;
import java.util.Arrays;
import java.util.Random;
import java.util.stream.IntStream;

/**
 * The DB-VAE's adaptive resampling. For each latent dimension, a histogram of the training faces'
 * means μ estimates how common each face's value is; a face in a sparse bin of any dimension is
 * rare, so its sampling probability is 1 / density, the largest over the dimensions, normalised
 * over the faces. Recomputed before every epoch from the encoder as it then is, the probabilities
 * decide which faces fill the epoch's batches: rare faces are seen more often, common ones less,
 * with no attribute labels at all. Non-faces keep their places in the shuffle.
 */
public final class Resampling implements EpochSampler {
    /** The course's histogram bins per dimension. */
    public static final int COURSE_BINS = 10;
    /** The course's smoothing added to each bin's density. */
    public static final double COURSE_SMOOTHING = 0.001;

    /**
     * Each face's sampling probability from the faces' latent means: {@link #probabilities(float[][], int,
     * double)}, or a student's version of it (notebook 07's exercise, which then trains with it).
     */
    @FunctionalInterface
    public interface Weights {
        double[] probabilities(float[][] means, int bins, double smoothing);
    }

    private final int bins;
    private final double smoothing;
    private final Weights weights;
    private final int[] faceIndices;
    private final Examples faces;
    private final int examples;
    private final String trainName;
    private double[] latest;

    private Resampling(Examples train, int bins, double smoothing, Weights weights) {
        if (bins < 1) {
            throw new IllegalArgumentException("the histograms need at least 1 bin, got " + bins);
        }
        if (!(smoothing > 0) || Double.isInfinite(smoothing)) {
            throw new IllegalArgumentException("the smoothing must be above 0 (it keeps empty bins finite), got "
                    + smoothing);
        }
        this.bins = bins;
        this.smoothing = smoothing;
        this.weights = java.util.Objects.requireNonNull(weights, "weights");
        this.faceIndices = IntStream.range(0, train.size()).filter(i -> train.label(i) == 1).toArray();
        if (faceIndices.length == 0) {
            throw new IllegalArgumentException("resampling draws faces, but " + train.name() + " has none");
        }
        this.faces = train.subset(faceIndices, train.name() + "/faces");
        this.examples = train.size();
        this.trainName = train.name();
    }

    /** A sampler over {@code train} (label 1 = face) with the course's 10 bins and smoothing 0.001. */
    public static Resampling of(Examples train) {
        return of(train, COURSE_BINS, COURSE_SMOOTHING);
    }

    /** A sampler over {@code train} (label 1 = face). */
    public static Resampling of(Examples train, int bins, double smoothing) {
        return of(train, bins, smoothing, Resampling::probabilities);
    }

    /** A sampler over {@code train} (label 1 = face) whose probabilities come from {@code weights}. */
    public static Resampling of(Examples train, int bins, double smoothing, Weights weights) {
        return new Resampling(train, bins, smoothing, weights);
    }

    /**
     * Each face's sampling probability from its latent means (one row per face, one column per
     * dimension); they sum to 1.
     */
    public static double[] probabilities(float[][] means, int bins, double smoothing) {
        int n = means.length;
        double[] best = new double[n];
        float[] column = new float[n];
        for (int d = 0; d < means[0].length; d++) {
            for (int i = 0; i < n; i++) {
                column[i] = means[i][d];
            }
            double[] p = inverseDensity(column, bins, smoothing);
            for (int i = 0; i < n; i++) {
                best[i] = Math.max(best[i], p[i]);
            }
        }
        return normalised(best);
    }

    /** 1 / smoothed histogram density of each value's bin, normalised over the values. */
    static double[] inverseDensity(float[] values, int bins, double smoothing) {
        double[] density = densities(values, bins);
        double[] p = new double[values.length];
        for (int i = 0; i < values.length; i++) {
            p[i] = 1 / (density[i] + smoothing);
        }
        return normalised(p);
    }

    /**
     * The density of each value's bin in a histogram of {@code bins} equal bins over the values'
     * range, as numpy's {@code histogram(density=True)} gives it: the bin's count / (values · width).
     */
    public static double[] densities(float[] values, int bins) {
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (float v : values) {
            lo = Math.min(lo, v);
            hi = Math.max(hi, v);
        }
        double width = hi > lo ? (hi - lo) / bins : 1;
        int[] bin = new int[values.length];
        double[] counts = new double[bins];
        for (int i = 0; i < values.length; i++) {
            bin[i] = Math.min(bins - 1, (int) ((values[i] - lo) / width));
            counts[bin[i]]++;
        }
        double[] density = new double[values.length];
        for (int i = 0; i < values.length; i++) {
            density[i] = counts[bin[i]] / (values.length * width);
        }
        return density;
    }

    private static double[] normalised(double[] weights) {
        double sum = Arrays.stream(weights).sum();
        return Arrays.stream(weights).map(w -> w / sum).toArray();
    }

    @Override
    public int[] order(Model model, int count, int epoch, long seed) {
        if (count != examples) {
            throw new IllegalArgumentException("the resampler was built on the " + examples + " examples of "
                    + trainName + ", but the fit trains on " + count + "; build Resampling.of from the Examples "
                    + "the fit trains on");
        }
        latest = probabilities(model);
        double[] cumulative = new double[latest.length];
        double running = 0;
        for (int f = 0; f < latest.length; f++) {
            running += latest[f];
            cumulative[f] = running;
        }
        long[] shuffle = Seeds.permutation(count, seed);
        Random draws = new Random(Seeds.derive(seed, 1));
        int[] order = new int[count];
        boolean[] isFace = new boolean[count];
        for (int i : faceIndices) {
            isFace[i] = true;
        }
        for (int k = 0; k < count; k++) {
            int i = (int) shuffle[k];
            order[k] = isFace[i] ? faceIndices[draw(cumulative, draws.nextDouble() * running)] : i;
        }
        return order;
    }

    private static int draw(double[] cumulative, double u) {
        int at = Arrays.binarySearch(cumulative, u);
        return Math.min(cumulative.length - 1, at >= 0 ? at : -at - 1);
    }

    /** The indices (in the training set) of the faces, in the order of {@link #latestProbabilities}. */
    public int[] faceIndices() {
        return faceIndices.clone();
    }

    /** The probabilities the last epoch drew faces with, or null before the first epoch. */
    public double[] latestProbabilities() {
        return latest == null ? null : latest.clone();
    }

    /** The probabilities from a trained DB-VAE's encoder now (for reports, after training). */
    public double[] probabilities(Model model) {
        double[] p = weights.probabilities(Latent.encode(model, faces), bins, smoothing);
        if (p == null || p.length != faceIndices.length) {
            throw new IllegalStateException("the sampling weights must give one probability per face, "
                    + faceIndices.length + ", got " + (p == null ? "none" : p.length));
        }
        if (Arrays.stream(p).anyMatch(w -> !(w >= 0) || Double.isInfinite(w)) || !(Arrays.stream(p).sum() > 0)) {
            throw new IllegalStateException("the sampling weights must be finite, 0 or more and not all 0");
        }
        return p;
    }

    @Override
    public String toString() {
        return "adaptive resampling of " + faceIndices.length + " faces (" + bins + " bins, smoothing " + smoothing + ")";
    }
}
