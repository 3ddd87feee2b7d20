package introdl.bench;

import ai.djl.Model;
import ai.djl.ndarray.types.Shape;
import introdl.data.Digits;
import introdl.data.Examples;
import introdl.data.Split;
import introdl.generative.Architecture;
import introdl.generative.AutoencoderBlock;
import introdl.generative.Latent;
import introdl.generative.Outliers;
import introdl.generative.VaeBlock;
import introdl.generative.VaeLoss;
import introdl.train.Fit;
import introdl.train.History;
import introdl.train.Models;
import introdl.train.Optimizers;
import java.io.PrintWriter;
import java.util.Arrays;
import java.util.Locale;
import java.util.function.Function;

/**
 * Lecture 4's figures on the bundled digits: training speed of the autoencoder and the VAE (dense
 * and convolutional), sampling speed, and outlier detection for every digit left out in turn
 * (AUROC by reconstruction error and by ELBO), which shows where the method fails.
 */
final class GenerativeBenchmark {
    private static final int LATENT = 8;

    private GenerativeBenchmark() {}

    static void run(PrintWriter out, int epochs) {
        Split digits = Digits.split(42);
        Examples train = digits.train();
        Examples test = digits.test();
        Shape shape = train.sampleShape();
        out.printf(Locale.ROOT, "%nLecture 4 on %d bundled digits (%d held out), latent %d, batch 64, Adam 2e-3; speed "
                + "from epochs 2 on of %d%n%n", train.size(), test.size(), LATENT, epochs);
        out.printf(Locale.ROOT, "%-28s %14s %18s%n", "model", "train images/s", "sample images/s");
        for (String kind : new String[] {"dense", "conv"}) {
            Function<Integer, Architecture> architecture = size -> kind.equals("conv") ? Architecture.conv(shape, size)
                    : Architecture.dense(shape, size, 256);
            speed(out, kind + " autoencoder", AutoencoderBlock.of(architecture.apply(LATENT)), null, train, epochs);
            speed(out, kind + " VAE", VaeBlock.of(architecture.apply(LATENT)), new VaeLoss(1), train, epochs);
        }
        out.printf(Locale.ROOT, "%nOutliers: trained without one digit (dense, %d epochs), AUROC of finding it among "
                + "the %d held-out images%n%n", epochs, test.size());
        out.printf(Locale.ROOT, "%-12s %24s %18s%n", "left out", "reconstruction error", "negative ELBO");
        double sumAe = 0;
        double sumVae = 0;
        for (int held = 0; held < train.numClasses(); held++) {
            int k = held;
            Examples without = train.where(c -> c != k, "without " + k);
            try (Model ae = Models.create("ae", AutoencoderBlock.of(Architecture.dense(shape, LATENT, 256)));
                    Model vae = Models.create("vae", VaeBlock.of(Architecture.dense(shape, LATENT, 256)))) {
                fit(ae, null, without, epochs);
                fit(vae, new VaeLoss(1), without, epochs);
                double aeAuroc = Outliers.auroc(Outliers.reconstructionErrors(ae, test), test, k);
                double vaeAuroc = Outliers.auroc(Outliers.negativeElbo(vae, test, 8, 1), test, k);
                sumAe += aeAuroc;
                sumVae += vaeAuroc;
                out.printf(Locale.ROOT, "%-12s %24.3f %18.3f%n", test.classNames().get(k), aeAuroc, vaeAuroc);
            }
            out.flush();
        }
        out.printf(Locale.ROOT, "%-12s %24.3f %18.3f%n", "mean", sumAe / train.numClasses(), sumVae / train.numClasses());
        out.printf(Locale.ROOT, "process RSS now %.0f MiB%n", Memory.rssMiB());
        out.flush();
    }

    private static void speed(PrintWriter out, String name, ai.djl.nn.Block block, VaeLoss loss, Examples train,
            int epochs) {
        try (Model model = Models.create(name, block)) {
            History history = fit(model, loss, train, epochs);
            double seconds = Arrays.stream(BenchCommand.afterWarmUp(history)).sum();
            double trainRate = train.size() * (history.size() - 1) / seconds;
            Latent.sample(model, 100, 1);
            long start = System.nanoTime();
            Latent.sample(model, 2000, 2);
            double sampleRate = 2000 / ((System.nanoTime() - start) / 1e9);
            out.printf(Locale.ROOT, "%-28s %,14.0f %,18.0f%n", name, trainRate, sampleRate);
            out.flush();
        }
    }

    private static History fit(Model model, VaeLoss loss, Examples train, int epochs) {
        Fit fit = Fit.of(model).optimizer(Optimizers.adam(2e-3)).epochs(epochs).batchSize(64).seed(1).quiet();
        if (loss != null) {
            fit.loss(loss);
        }
        return fit.run(train.reconstructionTargets());
    }
}
