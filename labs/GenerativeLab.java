import ai.djl.Model;
import ai.djl.ndarray.types.Shape;
import introdl.data.Datasets;
import introdl.data.Examples;
import introdl.data.Split;
import introdl.generative.Architecture;
import introdl.generative.AutoencoderBlock;
import introdl.generative.LatentSweep;
import introdl.generative.Outliers;
import introdl.generative.SampleQuality;
import introdl.generative.VaeBlock;
import introdl.generative.VaeLoss;
import introdl.lab.GenerativeReport;
import introdl.lab.Converters;
import introdl.lab.Lab;
import introdl.lab.LabRun;
import introdl.train.Fit;
import introdl.train.History;
import introdl.train.Models;
import introdl.train.Optimizers;
import introdl.train.Schedule;
import introdl.vision.Cnn;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * Lecture 4's lab: an autoencoder and a variational autoencoder learn the digits without labels;
 * the run shows reconstructions, new digits drawn from the prior, the latent space, and which
 * images the models find unusual.
 */
@Command(name = "generative", mixinStandardHelpOptions = true,
        description = "Autoencoders and VAEs: compress digits, draw new ones, walk the latent space and find "
                + "outliers (lecture 4).")
public final class GenerativeLab extends Lab {
    @Option(names = "--dataset", paramLabel = "NAME", defaultValue = "digits", converter = Converters.DatasetName.class,
            description = "digits (bundled, 20x20), mnist or fashion (default: ${DEFAULT-VALUE}).")
    String dataset;

    @Option(names = "--architecture", paramLabel = "KIND", defaultValue = "dense",
            description = "dense (hidden layer of 256) or conv (two stride-2 convolutions) (default: ${DEFAULT-VALUE}).")
    String architecture;

    @Option(names = "--latent", paramLabel = "N", defaultValue = "8",
            description = "Size of the latent code (default: ${DEFAULT-VALUE}).")
    int latent;

    @Option(names = "--beta", paramLabel = "B", defaultValue = "1",
            description = "Weight of the VAE's KL term; 1 is the true ELBO (default: ${DEFAULT-VALUE}).")
    double beta;

    @Option(names = "--epochs", paramLabel = "N", defaultValue = "30",
            description = "Epochs for each model (default: ${DEFAULT-VALUE}; 2 with --quick).")
    int epochs;

    @Option(names = "--outlier-class", paramLabel = "K", defaultValue = "0",
            description = "The class left out of training to measure outlier detection (default: ${DEFAULT-VALUE}).")
    int outlierClass;

    @Option(names = "--sweep", description = "Also train an autoencoder per latent size 2, 4, 8, 16, 32 and chart "
            + "their reconstruction errors.")
    boolean sweep;

    @Override
    protected void validate() {
        requirePositive("--epochs", epochs);
        if (!java.util.List.of("dense", "conv").contains(architecture)) {
            throw new IllegalArgumentException("--architecture must be dense or conv, got '" + architecture + "'");
        }
        if (outlierClass < 0 || outlierClass > 9) {
            throw new IllegalArgumentException("--outlier-class must be a class of the dataset, 0 to 9, got "
                    + outlierClass);
        }
        if (latent < 1) {
            throw new IllegalArgumentException("--latent must be at least 1, got " + latent);
        }
        try {
            new VaeLoss(beta);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("--beta: " + e.getMessage(), e);
        }
    }

    private Architecture architecture(Shape input, int size) {
        return architecture.equals("conv") ? Architecture.conv(input, size) : Architecture.dense(input, size, 256);
    }

    @Override
    protected void run(LabRun run) {
        Split data = Datasets.load(dataset, run.seed(), run.quick(), run.data());
        Examples train = data.train();
        Examples test = data.test();
        Shape shape = train.sampleShape();
        int rounds = run.quickOr(2, epochs);
        GenerativeReport report = new GenerativeReport(run, dataset, architecture(shape, latent), train, test);
        run.say("%s on %d %s images, %d held out", architecture(shape, latent), train.size(), dataset, test.size());

        try (Model ae = Models.create("ae", AutoencoderBlock.of(architecture(shape, latent)))) {
            report.autoencoder(ae, reconstruct(run, ae, "ae", train, test, rounds, null));
        }
        try (Model vae = Models.create("vae", VaeBlock.of(architecture(shape, latent)));
                Model judge = Models.create("judge", Cnn.lecture(shape, train.numClasses()).withBatchNorm(true)
                        .withDropout(0.3).build())) {
            History history = reconstruct(run, vae, "vae", train, test, rounds, new VaeLoss(beta));
            run.fit(judge, "judge").optimizer(Optimizers.adam(2e-3).schedule(Schedule.cosine(0)))
                    .epochs(run.quickOr(1, 8)).batchSize(64).validateOn(test).run(train);
            report.vae(vae, history, judge);
        }
        try (Model map = Models.create("vae2d", VaeBlock.of(architecture(shape, 2)))) {
            reconstruct(run, map, "vae2d", train, test, rounds, new VaeLoss(beta));
            report.latentMap(map);
        }
        Examples without = train.where(c -> c != outlierClass, "without " + outlierClass);
        try (Model ae = Models.create("ae-without", AutoencoderBlock.of(architecture(shape, latent)));
                Model vae = Models.create("vae-without", VaeBlock.of(architecture(shape, latent)))) {
            reconstruct(run, ae, "ae-without", without, test, rounds, null);
            reconstruct(run, vae, "vae-without", without, test, rounds, new VaeLoss(beta));
            report.outliers(outlierClass, Outliers.reconstructionErrors(ae, test),
                    Outliers.negativeElbo(vae, test, 8, run.seed()));
        }
        if (sweep) {
            report.sweep(LatentSweep.run(train, test, new int[] {2, 4, 8, 16, 32}, size -> architecture(shape, size),
                    rounds, run.seed()));
        }
        report.write();
        SampleQuality quality = report.sampleQuality();
        run.say("Reconstruction error %.4f per pixel (autoencoder), %.4f (mean image); VAE samples: %s; outliers "
                + "(class %d unseen): AUROC %.3f by reconstruction error, %.3f by ELBO", report.reconstructionError(),
                report.meanImageError(), quality, outlierClass, report.aurocReconstruction(), report.aurocElbo());
    }

    /** Trains {@code model} to reproduce {@code train} (with {@code loss}, or mean squared error if null). */
    private static History reconstruct(LabRun run, Model model, String stage, Examples train, Examples test, int epochs,
            VaeLoss loss) {
        Fit fit = run.fit(model, stage).optimizer(Optimizers.adam(2e-3).schedule(Schedule.cosine(0.05)))
                .epochs(epochs).batchSize(64).validateOn(test.reconstructionTargets());
        if (loss != null) {
            fit.loss(loss);
        }
        return fit.run(train.reconstructionTargets());
    }
}
