import ai.djl.Model;
import introdl.data.Augment;
import introdl.data.DataDirectory;
import introdl.faces.BiasAudit;
import introdl.faces.CourseFaces;
import introdl.faces.DbVaeBlock;
import introdl.faces.DbVaeLoss;
import introdl.faces.FaceCnn;
import introdl.faces.FaceFolders;
import introdl.faces.FaceSet;
import introdl.faces.FaceSplits;
import introdl.faces.OlivettiFaces;
import introdl.faces.TestFaces;
import introdl.faces.Resampling;
import introdl.faces.SyntheticFaces;
import introdl.lab.FacesReport;
import introdl.lab.Lab;
import introdl.lab.LabRun;
import introdl.train.BinaryCrossEntropy;
import introdl.train.History;
import introdl.train.Metric;
import introdl.train.Models;
import introdl.train.Optimizers;
import java.nio.file.Path;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * Lab 2: a CNN learns to tell faces from non-faces on a training set skewed toward some groups of
 * people; a bias audit measures how its detection rate differs between groups on balanced
 * held-out faces; a debiasing VAE, which learns what faces vary in and over-samples the rare
 * ones, is trained the same way and audited beside it.
 */
@Command(name = "faces", mixinStandardHelpOptions = true,
        description = "Face detection, a bias audit across groups of people, and a debiasing VAE (Lab 2).")
public final class FacesLab extends Lab {
    @Option(names = "--dataset", paramLabel = "NAME", defaultValue = "embedded",
            description = "embedded (drawn faces with known attributes, offline), utkface (real faces in "
                    + "$INTRODL_DATA/utkface-random200 with CIFAR-10 non-faces) or course (the course's train_face.h5, "
                    + "audited on UTKFace) (default: ${DEFAULT-VALUE}).")
    String dataset;

    @Option(names = "--h5", paramLabel = "FILE", description = "The course's train_face.h5 (default: "
            + "$INTRODL_DATA/mit6s191/train_face.h5).")
    Path h5;

    @Option(names = "--limit", paramLabel = "N", defaultValue = "20000",
            description = "Images sampled from the course's file (default: ${DEFAULT-VALUE}; all of its ~110,000 "
                    + "need about 11 GB of memory as floats).")
    int limit;

    @Option(names = "--classify", paramLabel = "IMAGE", arity = "1..*",
            description = "Pictures of your own (any size, JPEG, PNG, BMP or GIF) that both trained models score "
                    + "after training: the face probability from each.")
    List<Path> classify = List.of();

    @Option(names = "--epochs", paramLabel = "N",
            description = "Epochs for each model (default: 10 for drawn faces, 20 for photographs; 2 with --quick).")
    Integer epochs;

    @Option(names = "--learning-rate", paramLabel = "LR",
            description = "Adam's learning rate (default: 5e-4 for drawn faces, as the course; 2e-3 for photographs).")
    Double learningRate;

    @Option(names = "--augment", negatable = true, defaultValue = "true", fallbackValue = "true",
            description = "Vary the photographs while training (crops, turns, mirror images, colour, grey; "
                    + "FaceSplits.PHOTO_AUGMENTATION) so the detector finds faces from elsewhere; drawn faces are "
                    + "never varied (default: on).")
    boolean augment;

    @Option(names = "--latent", paramLabel = "N", defaultValue = "100",
            description = "Latent dimensions of the DB-VAE (default: ${DEFAULT-VALUE}, as the course).")
    int latent;

    @Option(names = "--kl-weight", paramLabel = "C", defaultValue = "0.0005",
            description = "Weight c of the KL term in the DB-VAE loss (default: ${DEFAULT-VALUE}, as the course).")
    double klWeight;

    @Option(names = "--bins", paramLabel = "N", defaultValue = "10",
            description = "Histogram bins per latent dimension for resampling (default: ${DEFAULT-VALUE}).")
    int bins;

    @Option(names = "--smoothing", paramLabel = "A", defaultValue = "0.001",
            description = "Smoothing added to each bin's density (default: ${DEFAULT-VALUE}).")
    double smoothing;

    @Option(names = "--seeds", paramLabel = "N", defaultValue = "1",
            description = "Train both models with N seeds (--seed, --seed + 1, ...) and report mean ± sd "
                    + "(default: ${DEFAULT-VALUE}).")
    int seeds;

    @Override
    protected void validate() {
        for (Path picture : classify) {
            try {
                TestFaces.picture(picture);
            } catch (RuntimeException e) {
                throw new IllegalArgumentException("--classify: " + e.getMessage(), e);
            }
        }
        if (epochs != null) {
            requirePositive("--epochs", epochs);
        }
        if (learningRate != null && !(learningRate > 0 && learningRate < 1)) {
            throw new IllegalArgumentException("--learning-rate must be above 0 and below 1, got " + learningRate);
        }
        requirePositive("--seeds", seeds);
        requirePositive("--latent", latent);
        requirePositive("--bins", bins);
        requirePositive("--limit", limit);
        if (!List.of("embedded", "utkface", "course").contains(dataset)) {
            throw new IllegalArgumentException("--dataset must be embedded, utkface or course, got '" + dataset + "'");
        }
        if (h5 != null && !dataset.equals("course")) {
            throw new IllegalArgumentException("--h5 is the course's face set, read only with --dataset course (this "
                    + "run would train on " + dataset + " and ignore it); add --dataset course");
        }
        if (h5 != null && !java.nio.file.Files.isRegularFile(h5)) {
            throw new IllegalArgumentException("--h5: there is no file " + h5.toAbsolutePath()
                    + "; give the path of the course's " + CourseFaces.FILE);
        }
        if (!(smoothing > 0) || Double.isInfinite(smoothing)) {
            throw new IllegalArgumentException("--smoothing must be above 0, got " + smoothing);
        }
        try {
            new DbVaeLoss(klWeight);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("--kl-weight: " + e.getMessage(), e);
        }
    }

    @Override
    protected void run(LabRun run) {
        FaceSplits.Experiment experiment = experiment(run);
        run.say("%s", experiment);
        // the course's test faces, prepared as the training faces are (UTKFace is trained at CIFAR's 32x32 detail)
        FaceSet testFaces = TestFaces.find(run.data()).orElse(null);
        if (testFaces == null) {
            run.say("The course's 20 test faces are not in the data folder (%s/%s): the final test is left out",
                    DataDirectory.ENV, TestFaces.FOLDER);
        }
        // a second set of photographs from elsewhere: does the detector find faces it was not tuned to?
        FaceSet secondSet = photographs() ? OlivettiFaces.find(run.data()).orElse(null) : null;
        if (photographs() && secondSet == null) {
            run.say("The Olivetti faces are not in the data folder (%s/%s/%s): the second set of photographs is left out",
                    DataDirectory.ENV, OlivettiFaces.FOLDER, OlivettiFaces.FILE);
        }
        FaceSet yours = TestFaces.pictures(classify);
        if (dataset.equals("utkface")) {
            // UTKFace is trained at CIFAR's 32x32 detail, so every photograph it scores is brought to it too
            testFaces = testFaces == null ? null : FaceSplits.atResolution(testFaces, FaceSplits.PHOTO_DETAIL);
            yours = FaceSplits.atResolution(yours, FaceSplits.PHOTO_DETAIL);
            secondSet = secondSet == null ? null : FaceSplits.atResolution(secondSet, FaceSplits.PHOTO_DETAIL);
        }
        FacesReport report = new FacesReport(run, dataset, experiment, testFaces, secondSet, yours);
        int rounds = run.quickOr(2, epochs != null ? epochs : photographs() ? FaceSplits.PHOTO_EPOCHS : 10);
        double rate = learningRate != null ? learningRate : photographs() ? FaceSplits.PHOTO_LEARNING_RATE : 5e-4;
        Augment variation = photographs() && augment ? FaceSplits.PHOTO_AUGMENTATION : null;
        for (int s = 0; s < seeds; s++) {
            long seed = run.seed() + s;
            try (Model cnn = Models.create("cnn", FaceCnn.classifier())) {
                History history = run.fit(cnn, "cnn-seed" + seed).seed(seed).loss(new BinaryCrossEntropy())
                        .metrics(Metric.binaryAccuracy()).optimizer(Optimizers.adam(rate)).epochs(rounds)
                        .batchSize(32).augment(variation).run(experiment.train().examples());
                say(run, report.standard(cnn, history), seed);
            }
            try (Model dbvae = Models.create("dbvae", new DbVaeBlock(latent))) {
                Resampling resampling = Resampling.of(experiment.train().examples(), bins, smoothing);
                History history = run.fit(dbvae, "dbvae-seed" + seed).seed(seed).loss(new DbVaeLoss(klWeight))
                        .metrics(Metric.binaryAccuracy()).sampler(resampling).optimizer(Optimizers.adam(rate))
                        .epochs(rounds).batchSize(32).augment(variation).run(experiment.train().examples());
                say(run, report.debiased(dbvae, history, resampling), seed);
            }
        }
        report.write();
        run.say("%s", report.summary());
        report.yourPictures().forEach(line -> run.say("%s", line));
        if (dataset.equals("embedded")) {
            run.say("%s", FacesReport.DRAWINGS_WARNING);
        }
    }

    /** Photographs (UTKFace, the course's file) rather than drawn faces. */
    private boolean photographs() {
        return !dataset.equals("embedded");
    }

    private static void say(LabRun run, BiasAudit audit, long seed) {
        run.say("seed %d, %s", seed, audit.table());
    }

    private FaceSplits.Experiment experiment(LabRun run) {
        long seed = run.seed();
        boolean quick = run.quick();
        switch (dataset) {
            case "utkface":
                return FaceSplits.utkFace(quick, seed, run.data());
            case "course": {
                Path file = h5 != null ? h5 : CourseFaces.locate(run.data());
                FaceSet train = CourseFaces.sample(file, quick ? Math.min(2000, limit) : limit, seed);
                FaceSet test = run.data().subfolder(FaceFolders.UTKFACE_FOLDER).isPresent()
                        ? FaceFolders.utkFaceAndCifar(quick ? 200 : FaceFolders.ALL, quick ? 200 : 1000, seed + 1, run.data())
                        : SyntheticFaces.balancedTest(quick ? 200 : 800, seed + 1);
                return new FaceSplits.Experiment(train, test, "the course's training set as published; audited on "
                        + test.name());
            }
            default: {
                FaceSet train = SyntheticFaces.skewedTraining(quick ? 1200 : 4000, seed);
                FaceSet test = SyntheticFaces.balancedTest(quick ? 400 : 1200, seed + 1);
                return new FaceSplits.Experiment(train, test, String.format(java.util.Locale.ROOT,
                        "drawn faces: %.0f%% dark skin, %.0f%% glasses in training; every group equal in the test set",
                        100 * SyntheticFaces.SKEWED_DARK_SHARE, 100 * SyntheticFaces.SKEWED_GLASSES_SHARE));
            }
        }
    }
}
