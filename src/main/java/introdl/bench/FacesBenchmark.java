package introdl.bench;

import ai.djl.Model;
import ai.djl.nn.Block;
import ai.djl.training.loss.Loss;
import introdl.data.Examples;
import introdl.faces.DbVaeBlock;
import introdl.faces.DbVaeLoss;
import introdl.faces.FaceCnn;
import introdl.faces.Resampling;
import introdl.faces.SyntheticFaces;
import introdl.train.BinaryCrossEntropy;
import introdl.train.EpochSampler;
import introdl.train.Fit;
import introdl.train.History;
import introdl.train.Inference;
import introdl.train.Models;
import introdl.train.Optimizers;
import java.io.PrintWriter;
import java.util.Arrays;
import java.util.Locale;

/**
 * Lab 2's speed on the embedded faces (3x64x64): training and inference images per second of the
 * standard classifier and the DB-VAE (with its per-epoch resampling pass), and memory.
 */
final class FacesBenchmark {
    private static final int LATENT = 100;

    private FacesBenchmark() {}

    static void run(PrintWriter out, int epochs) {
        Examples train = SyntheticFaces.skewedTraining(2000, 1).examples();
        out.printf(Locale.ROOT, "%nLab 2 on %d embedded 3x64x64 images, batch 32, Adam 5e-4; speed from epochs 2 on of "
                + "%d%n%n", train.size(), epochs);
        out.printf(Locale.ROOT, "%-34s %14s %18s%n", "model", "train images/s", "inference images/s");
        speed(out, "standard CNN", FaceCnn.classifier(), new BinaryCrossEntropy(), null, train, epochs);
        speed(out, "DB-VAE, latent " + LATENT + ", no resampling", new DbVaeBlock(LATENT), new DbVaeLoss(5e-4), null,
                train, epochs);
        speed(out, "DB-VAE, latent " + LATENT + ", resampling", new DbVaeBlock(LATENT), new DbVaeLoss(5e-4),
                Resampling.of(train), train, epochs);
        out.printf(Locale.ROOT, "process RSS now %.0f MiB%n", Memory.rssMiB());
        out.flush();
    }

    private static void speed(PrintWriter out, String name, Block block, Loss loss, EpochSampler sampler,
            Examples train, int epochs) {
        try (Model model = Models.create(name, block)) {
            Fit fit = Fit.of(model).loss(loss).optimizer(Optimizers.adam(5e-4)).epochs(epochs).batchSize(32).seed(1)
                    .quiet();
            if (sampler != null) {
                fit.sampler(sampler);
            }
            History history = fit.run(train);
            double seconds = Arrays.stream(BenchCommand.afterWarmUp(history)).sum();
            double trainRate = train.size() * (history.size() - 1) / seconds;
            long start = System.nanoTime();
            Inference.outputs(model, train);
            double inferenceRate = train.size() / ((System.nanoTime() - start) / 1e9);
            out.printf(Locale.ROOT, "%-34s %,14.0f %,18.0f%n", name, trainRate, inferenceRate);
            out.flush();
        }
    }
}
