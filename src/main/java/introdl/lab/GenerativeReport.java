package introdl.lab;

import ai.djl.Model;
import ai.djl.ndarray.types.Shape;
import introdl.data.Examples;
import introdl.generative.Architecture;
import introdl.generative.Latent;
import introdl.generative.LatentSweep;
import introdl.generative.Outliers;
import introdl.generative.Pictures;
import introdl.generative.SampleQuality;
import introdl.report.HtmlReport;
import introdl.train.History;
import introdl.train.Inference;
import introdl.train.Models;
import introdl.viz.ImageFiles;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What the generative lab writes into its run folder, stage by stage: reconstructions, samples
 * from the prior and how a classifier judges them, a traversal and an interpolation of the latent
 * space, the 2-D latent map, the outlier ranking, the optional latent-size sweep; then
 * index.html and results.json.
 */
public final class GenerativeReport {
    /** Prior samples the classifier judges. */
    public static final int JUDGED_SAMPLES = 500;
    private static final int SCALE = 3;

    private final LabRun run;
    private final Examples test;
    private final Examples showcase;
    private final Shape shape;
    private final HtmlReport html;
    private final Map<String, Object> table = new LinkedHashMap<>();
    private final Map<String, Object> figures = new LinkedHashMap<>();
    private final List<Runnable> sections = new ArrayList<>();
    private double reconstructionError;
    private double meanImageError;
    private SampleQuality sampleQuality;
    private double aurocReconstruction;
    private double aurocElbo;

    /** A report on models of {@code architecture} trained on {@code train}, tested on {@code test}. */
    public GenerativeReport(LabRun run, String dataset, Architecture architecture, Examples train, Examples test) {
        this.run = run;
        this.test = test;
        this.shape = test.sampleShape();
        this.showcase = Pictures.spread(test, 12);
        this.html = run.report("Lecture 4: autoencoders and VAEs on " + dataset);
        table.put("models", architecture.toString());
        table.put("data", train.size() + " training images (labels unused), " + test.size() + " held out");
        meanImageError = LatentSweep.meanImageError(train, test);
    }

    /** The autoencoder: its reconstructions, error, and the test images it finds most unusual. */
    public void autoencoder(Model ae, History history) {
        Models.save(ae, run.file("model/ae"));
        history.plotLoss(run.file("ae-loss.png"));
        save("ae-reconstructions.png", Pictures.reconstructions(showcase, Latent.reconstruct(ae, showcase), 12, SCALE));
        double[] errors = Outliers.reconstructionErrors(ae, test);
        reconstructionError = java.util.Arrays.stream(errors).average().orElseThrow();
        table.put("autoencoder: reconstruction error", String.format(Locale.ROOT,
                "%.4f per pixel on held-out images (the mean image scores %.4f: %.1fx worse)", reconstructionError,
                meanImageError, meanImageError / reconstructionError));
        figures.put("ae_reconstruction_mse", reconstructionError);
        figures.put("mean_image_mse", meanImageError);
        save("ae-unusual.png", unusual(errors, -1));
        sections.add(() -> html.heading("Autoencoder").image("ae-reconstructions.png",
                        "Held-out images (top) and their reconstructions from the latent code (bottom)")
                .image("ae-loss.png", "Reconstruction loss (mean squared error) per epoch")
                .image("ae-unusual.png", "The held-out images it reconstructs worst, with their error"));
    }

    /** The VAE: reconstructions, new samples judged by {@code judge}, a traversal and an interpolation. */
    public void vae(Model vae, History history, Model judge) {
        Models.save(vae, run.file("model/vae"));
        history.plotLoss(run.file("vae-loss.png"));
        save("vae-reconstructions.png", Pictures.reconstructions(showcase, Latent.reconstruct(vae, showcase), 12,
                SCALE));
        save("samples.png", Pictures.grid(Latent.sample(vae, 64, run.seed()), shape, 8, SCALE));
        sampleQuality = SampleQuality.judge(judge, Latent.sample(vae, JUDGED_SAMPLES, run.seed() + 1), shape, 0.5);
        double judgeAccuracy = Inference.accuracy(judge, test);
        table.put("VAE: negative ELBO", String.format(Locale.ROOT, "%.1f nats per image on held-out images",
                history.last().get(History.VAL_LOSS)));
        table.put("VAE: samples from the prior", String.format(Locale.ROOT, "%s (by a CNN that reads %.1f%% of the "
                + "held-out images)", sampleQuality, 100 * judgeAccuracy));
        figures.put("vae_negative_elbo", history.last().get(History.VAL_LOSS));
        figures.put("samples_confident_share", sampleQuality.confidentShare());
        figures.put("samples_classes_drawn", sampleQuality.classesDrawn());
        figures.put("judge_accuracy", judgeAccuracy);

        float[][] codes = Latent.encode(vae, showcase);
        int dims = Math.min(8, codes[0].length);
        int[] dimensions = java.util.stream.IntStream.range(0, dims).toArray();
        int base = showcase.size() / 3;
        save("traversal.png", Pictures.grid(Latent.traverse(vae, codes[base], dimensions, 9, 3), shape, 9, SCALE));
        int to = showcase.size() * 2 / 3;
        save("interpolation.png", Pictures.grid(Latent.interpolate(vae, codes[base], codes[to], 10), shape, 10, SCALE));
        sections.add(() -> html.heading("Variational autoencoder")
                .image("vae-reconstructions.png", "Held-out images (top) and the VAE's reconstructions from μ (bottom)")
                .image("vae-loss.png", "Negative ELBO (reconstruction + β·KL, nats per image) per epoch")
                .image("samples.png", "New images: codes drawn from the prior N(0, I), decoded")
                .image("traversal.png", "Traversal: each row varies one latent dimension from -3 to 3, the others "
                        + "fixed at the code of a held-out " + showcase.classNames().get(showcase.label(base)))
                .image("interpolation.png", "Interpolation between the codes of a held-out "
                        + showcase.classNames().get(showcase.label(base)) + " and a held-out "
                        + showcase.classNames().get(showcase.label(to))));
    }

    /** The test images in a 2-D latent space, coloured by their (unused) class. */
    public void latentMap(Model vae2d) {
        Pictures.latentMap(Latent.encode(vae2d, test), test.labels(), test.classNames()).save(run.file("latent-map.png"));
        sections.add(() -> html.heading("The latent space in 2-D").image("latent-map.png",
                "A VAE with a 2-D code: each held-out image at its μ, coloured by its class, which training never saw"));
    }

    /**
     * Outlier detection of a class left out of training: AUROC of both scores and the images the
     * autoencoder ranks most unusual.
     */
    public void outliers(int outlierClass, double[] reconstructionErrors, double[] negativeElbo) {
        aurocReconstruction = Outliers.auroc(reconstructionErrors, test, outlierClass);
        aurocElbo = Outliers.auroc(negativeElbo, test, outlierClass);
        String name = test.classNames().get(outlierClass);
        int[] ranking = Outliers.ranking(reconstructionErrors);
        int top = Math.min(50, ranking.length);
        int found = 0;
        for (int i = 0; i < top; i++) {
            found += test.label(ranking[i]) == outlierClass ? 1 : 0;
        }
        long share = java.util.Arrays.stream(test.labels()).filter(l -> l == outlierClass).count();
        table.put("outliers: class " + name + " left out of training", String.format(Locale.ROOT,
                "AUROC %.3f by reconstruction error, %.3f by negative ELBO (0.5 = chance); %d of the %d most "
                        + "unusual held-out images are %s (%.0f%% of all held-out images are)", aurocReconstruction,
                aurocElbo, found, top, name, 100.0 * share / test.size()));
        figures.put("outlier_class", outlierClass);
        figures.put("auroc_reconstruction", aurocReconstruction);
        figures.put("auroc_elbo", aurocElbo);
        save("outliers.png", unusual(reconstructionErrors, outlierClass));
        sections.add(() -> html.heading("Outliers").image("outliers.png", "Trained without class " + name
                + ": the held-out images it reconstructs worst (class " + name + " in red)"));
    }

    /** The latent-size sweep. */
    public void sweep(LatentSweep sweep) {
        sweep.chart().save(run.file("latent-sweep.png"));
        table.put("latent sweep", sweep.toString());
        for (int k = 0; k < sweep.sizes().length; k++) {
            figures.put("sweep_mse_latent_" + sweep.sizes()[k], sweep.errors()[k]);
        }
        sections.add(() -> html.heading("Compression").image("latent-sweep.png",
                "Reconstruction error of an autoencoder per latent size, against the mean training image"));
    }

    /** Writes index.html and results.json. */
    public void write() {
        html.table(table);
        sections.forEach(Runnable::run);
        html.heading("Files").link("model/", "Saved models (model/ae, model/vae)").link("config.json", "Configuration")
                .link(Reports.RESULTS, "results.json");
        html.write(run.file("index.html"));
        run.folder().writeJson(Reports.RESULTS, figures);
    }

    public double reconstructionError() {
        return reconstructionError;
    }

    public double meanImageError() {
        return meanImageError;
    }

    public SampleQuality sampleQuality() {
        return sampleQuality;
    }

    public double aurocReconstruction() {
        return aurocReconstruction;
    }

    public double aurocElbo() {
        return aurocElbo;
    }

    /** The 16 test images with the highest scores, captioned with class and score; {@code marked} in red. */
    private BufferedImage unusual(double[] scores, int marked) {
        int[] ranking = Outliers.ranking(scores);
        List<float[]> images = new ArrayList<>();
        List<String> captions = new ArrayList<>();
        List<Boolean> red = new ArrayList<>();
        for (int i = 0; i < Math.min(16, ranking.length); i++) {
            int label = test.label(ranking[i]);
            images.add(test.sample(ranking[i]));
            captions.add(test.classNames().get(label) + String.format(Locale.ROOT, " %.3f", scores[ranking[i]]));
            red.add(label == marked);
        }
        return Pictures.captioned(images, captions, red, shape, 8, SCALE);
    }

    private void save(String file, BufferedImage image) {
        ImageFiles.writePng(image, run.file(file));
    }
}
