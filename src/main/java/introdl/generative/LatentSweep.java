package introdl.generative;

import ai.djl.Model;
import introdl.data.Examples;
import introdl.train.Fit;
import introdl.train.History;
import introdl.train.Models;
import introdl.train.Optimizers;
import introdl.viz.LineChart;
import java.util.Arrays;
import java.util.Locale;
import java.util.function.IntFunction;

/**
 * Compression against reconstruction: one autoencoder per latent size, each trained the same
 * way, and its mean squared error on held-out images, beside the error of always answering the
 * mean training image (what a model with no latent code at all could do).
 *
 * @param sizes the latent sizes, in order
 * @param errors each size's mean squared error per pixel on the held-out images
 * @param meanImageError the mean training image's error on the same images
 */
public record LatentSweep(int[] sizes, double[] errors, double meanImageError) {
    /**
     * Trains one autoencoder of {@code architecture.apply(size)} for every size.
     *
     * @param epochs epochs per model (Adam 2e-3, batch 64)
     */
    public static LatentSweep run(Examples train, Examples test, int[] sizes, IntFunction<Architecture> architecture,
            int epochs, long seed) {
        return run(train, test, sizes, architecture, epochs, seed, 1);
    }

    /**
     * Trains {@code restarts} autoencoders per size (seeds {@code seed}, {@code seed + 1}, ...) and
     * keeps the one with the lowest final training loss. Training is not convex: now and then a
     * run settles in a poor minimum, and one restart makes the curve show the architecture rather
     * than that luck. The choice never looks at the held-out images.
     *
     * @param epochs epochs per model (Adam 2e-3, batch 64)
     */
    public static LatentSweep run(Examples train, Examples test, int[] sizes, IntFunction<Architecture> architecture,
            int epochs, long seed, int restarts) {
        if (restarts < 1) {
            throw new IllegalArgumentException("restarts must be at least 1, got " + restarts);
        }
        double[] errors = new double[sizes.length];
        for (int k = 0; k < sizes.length; k++) {
            double bestLoss = Double.POSITIVE_INFINITY;
            for (int r = 0; r < restarts; r++) {
                try (Model model = Models.create("ae-" + sizes[k], AutoencoderBlock.of(architecture.apply(sizes[k])))) {
                    History history = Fit.of(model).optimizer(Optimizers.adam(2e-3)).epochs(epochs).batchSize(64)
                            .seed(seed + r).quiet().run(train.reconstructionTargets());
                    double loss = history.last().get(History.LOSS);
                    if (loss < bestLoss) {
                        bestLoss = loss;
                        errors[k] = Arrays.stream(Outliers.reconstructionErrors(model, test)).average().orElseThrow();
                    }
                }
            }
        }
        return new LatentSweep(sizes.clone(), errors, meanImageError(train, test));
    }

    /** The mean squared error per pixel of answering the mean training image for every test image. */
    public static double meanImageError(Examples train, Examples test) {
        int pixels = train.sample(0).length;
        double[] mean = new double[pixels];
        for (int i = 0; i < train.size(); i++) {
            float[] x = train.sample(i);
            for (int p = 0; p < pixels; p++) {
                mean[p] += x[p] / (double) train.size();
            }
        }
        double sum = 0;
        for (int i = 0; i < test.size(); i++) {
            float[] x = test.sample(i);
            for (int p = 0; p < pixels; p++) {
                sum += (x[p] - mean[p]) * (x[p] - mean[p]);
            }
        }
        return sum / ((double) test.size() * pixels);
    }

    /** Error against latent size (log scale), with the mean-image baseline. */
    public LineChart chart() {
        double[] x = Arrays.stream(sizes).asDoubleStream().toArray();
        double[] baseline = new double[x.length];
        Arrays.fill(baseline, meanImageError);
        return LineChart.of("Reconstruction error against latent size").axes("latent size", "mean squared error per pixel")
                .logY().series("autoencoder (held-out images)", x, errors).dashed("mean training image", x, baseline);
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder();
        for (int k = 0; k < sizes.length; k++) {
            sb.append(String.format(Locale.ROOT, "latent %d: %.4f; ", sizes[k], errors[k]));
        }
        return sb.append(String.format(Locale.ROOT, "mean image: %.4f", meanImageError)).toString();
    }
}
