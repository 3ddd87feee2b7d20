import ai.djl.Model;
import introdl.data.Examples;
import introdl.data.Images;
import introdl.lab.Lab;
import introdl.lab.LabRun;
import introdl.lab.Reports;
import introdl.lab.TrainingOptions;
import introdl.train.History;
import introdl.train.Inference;
import introdl.train.Models;
import introdl.vision.Cnn;
import introdl.vision.Filter;
import introdl.vision.Inspect;
import introdl.vision.Pixels;
import java.nio.file.Path;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** Lecture 3's lab: the lecture's convolutional network learns to read digits, and we look inside it. */
@Command(name = "cnn", mixinStandardHelpOptions = true,
        description = "Train the lecture's convolutional network on handwritten digits and look inside it (lecture 3).")
public final class CnnLab extends Lab {
    @Option(names = "--filters", paramLabel = "COUNTS", split = ",", defaultValue = "32,64",
            description = "Filters of each convolution block, 3x3 kernels, each followed by 2x2 max pooling "
                    + "(default: ${DEFAULT-VALUE}).")
    int[] filters;

    @Option(names = "--dense", paramLabel = "WIDTHS", split = ",", defaultValue = "1024",
            description = "Hidden dense layer widths (default: ${DEFAULT-VALUE}).")
    int[] dense;

    @Option(names = "--dropout", paramLabel = "RATE", defaultValue = "0.3",
            description = "Dropout rate before each dense layer (default: ${DEFAULT-VALUE}).")
    double dropout;

    @Option(names = "--batch-norm", negatable = true, defaultValue = "true", fallbackValue = "true",
            description = "Batch normalisation after each convolution and hidden dense layer (default: on).")
    boolean batchNorm;

    @Option(names = "--epochs", paramLabel = "N", defaultValue = "12",
            description = "Passes over the training data (default: ${DEFAULT-VALUE}; 2 with --quick).")
    int epochs;

    @Option(names = "--classify", paramLabel = "IMAGE", split = ",",
            description = "After training, classify these image files (PNG, JPEG...), fitted to the model's input.")
    List<Path> classify;

    @Option(names = "--apply-filters", paramLabel = "IMAGE",
            description = "Also apply the classic filters (sharpen, edges, blur, Sobel) to this image file.")
    Path filterImage;

    @Mixin
    TrainingOptions training;

    @Override
    protected void validate() {
        requirePositive("--epochs", epochs);
        training.validate(batchNorm);
        cnn(new ai.djl.ndarray.types.Shape(1, 28, 28), 10);
        // read now, not after training: a missing or broken picture would otherwise cost the whole run
        for (Path file : classify == null ? List.<Path>of() : classify) {
            requireImage("--classify", file);
        }
        if (filterImage != null) {
            requireImage("--apply-filters", filterImage);
        }
    }

    private static void requireImage(String option, Path file) {
        try {
            Images.read(file);
        } catch (RuntimeException e) {
            throw new IllegalArgumentException(option + ": " + e.getMessage(), e);
        }
    }

    private Cnn cnn(ai.djl.ndarray.types.Shape input, int classes) {
        return new Cnn(input, java.util.Arrays.stream(filters).boxed().toList(), 3,
                java.util.Arrays.stream(dense).boxed().toList(), classes, batchNorm, dropout);
    }

    @Override
    protected void run(LabRun run) {
        TrainingOptions.Data data = training.data(run);
        Examples test = data.data().test();
        Cnn cnn = cnn(data.data().train().sampleShape(), data.data().train().numClasses());
        run.say("%s on %s; testing on %d held-out samples", cnn, data.training().train(), test.size());
        try (Model model = Models.create("cnn", cnn.build())) {
            History history = training.configure(run.fit(model), run.quickOr(2, epochs), data)
                    .run(data.training().train());
            Reports.ClassifierResult result = Reports.classifier(run, "CNN on " + training.dataset(), cnn.toString(),
                    model, history, test, report -> {
                        report.heading("Classic filters")
                                .image(classicFilters(run, Pixels.rows(test.sample(0), (int) test.sampleShape().get(1),
                                        (int) test.sampleShape().get(2)), "first-test-image", 6),
                                        "The first test image under hand-made filters (each file is in filters/)");
                        if (filterImage != null) {
                            report.image(classicFilters(run, Pixels.grey(Images.read(filterImage)), "your-image", 1),
                                    "Your image " + filterImage.getFileName() + " under the same filters");
                        }
                        Inspect.firstLayerFilters(model, 8, 12).save(run.file("filters.png"));
                        report.heading("Inside the network")
                                .image("filters.png", "The first layer's learnt 3x3 kernels (black = most negative)");
                        List<Inspect.FeatureMaps> maps = Inspect.featureMaps(model, test.sample(0), test.sampleShape());
                        for (Inspect.FeatureMaps map : maps) {
                            String file = map.layer().replace(' ', '-') + ".png";
                            map.grid(16, 3).save(run.file(file));
                            report.image(file, "Feature maps of the first test image after " + map.layer());
                        }
                    });
            run.say("Test accuracy: %.2f%% on %d samples", 100 * result.accuracy(), test.size());
            classifyFiles(run, model, test);
        }
    }

    /** Writes each filtered version to filters/ and their gallery to the run folder; returns the gallery's name. */
    private static String classicFilters(LabRun run, float[][] image, String name, int scale) {
        Filter.writeAll(image, run.file("filters"), name);
        String gallery = "classic-filters-" + name + ".png";
        Filter.gallery(image, scale).save(run.file(gallery));
        return gallery;
    }

    private void classifyFiles(LabRun run, Model model, Examples test) {
        if (classify == null) {
            return;
        }
        for (Path file : classify) {
            Pixels.Prepared image = Pixels.fit(Images.read(file), test.sampleShape(), true);
            Examples one = Examples.of(file.getFileName().toString(), image.pixels(), test.sampleShape(),
                    new float[] {0}, test.classNames());
            float[] probabilities = Inference.probabilities(model, one)[0];
            int best = Inference.argMax(probabilities);
            run.say("%s: %s (%.0f%%)%s", file, test.classNames().get(best), 100 * probabilities[best],
                    image.changes().isEmpty() ? "" : "; " + String.join(", ", image.changes()));
        }
    }
}
