import ai.djl.Model;
import introdl.basics.Mlp;
import introdl.data.Augment;
import introdl.data.Datasets;
import introdl.data.Split;
import introdl.lab.Converters;
import introdl.lab.Lab;
import introdl.lab.LabRun;
import introdl.lab.Reports;
import introdl.nn.Activation;
import introdl.train.Fit;
import introdl.train.History;
import introdl.train.Models;
import introdl.train.Optimizers;
import introdl.train.Schedule;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** Lecture 1's lab: a multi-layer perceptron learns to read handwritten digits. */
@Command(name = "mlp", mixinStandardHelpOptions = true,
        description = "Train a multi-layer perceptron to read handwritten digits (lecture 1).")
public final class MlpLab extends Lab {
    @Option(names = "--dataset", paramLabel = "NAME", defaultValue = "digits",
            converter = Converters.DatasetName.class,
            description = "digits (bundled, 20x20), mnist or fashion (default: ${DEFAULT-VALUE}).")
    String dataset;

    @Option(names = "--hidden", paramLabel = "WIDTHS", split = ",", defaultValue = "256,128",
            description = "Hidden layer widths (default: ${DEFAULT-VALUE}).")
    int[] hidden;

    @Option(names = "--activation", paramLabel = "NAME", defaultValue = "relu",
            description = "relu, sigmoid, tanh, leaky_relu, gelu, softplus (default: ${DEFAULT-VALUE}).")
    Activation activation;

    @Option(names = "--dropout", paramLabel = "RATE", defaultValue = "0.1",
            description = "Dropout rate after each hidden layer (default: ${DEFAULT-VALUE}).")
    double dropout;

    @Option(names = "--batch-norm", negatable = true, defaultValue = "true", fallbackValue = "true",
            description = "Batch normalisation in the hidden layers (default: on).")
    boolean batchNorm;

    @Option(names = "--optimizer", paramLabel = "NAME", defaultValue = "adam",
            converter = Converters.OptimizerName.class,
            description = "sgd, momentum, nesterov, adam, adamw, adagrad, adadelta, rmsprop (default: ${DEFAULT-VALUE}).")
    String optimizer;

    @Option(names = "--lr", paramLabel = "RATE", defaultValue = "2e-3",
            description = "Learning rate (default: ${DEFAULT-VALUE}).")
    double learningRate;

    @Option(names = "--schedule", paramLabel = "SCHEDULE", defaultValue = "cosine",
            description = "constant, cosine[:final], step:EPOCHS:FACTOR (default: ${DEFAULT-VALUE}).")
    Schedule schedule;

    @Option(names = "--weight-decay", paramLabel = "DECAY", defaultValue = "0",
            description = "L2 weight decay (default: ${DEFAULT-VALUE}).")
    double weightDecay;

    @Option(names = "--epochs", paramLabel = "N", defaultValue = "20",
            description = "Passes over the training data (default: ${DEFAULT-VALUE}; 3 with --quick).")
    int epochs;

    @Option(names = "--batch-size", paramLabel = "N", defaultValue = "64",
            description = "Samples per update (default: ${DEFAULT-VALUE}).")
    int batchSize;

    @Option(names = "--augment", negatable = true, defaultValue = "true", fallbackValue = "true",
            description = "Randomly shift, turn and zoom the training images each epoch (default: on).")
    boolean augment;

    @Option(names = "--patience", paramLabel = "EPOCHS", defaultValue = "0",
            description = "Early stopping after this many epochs without improvement on a validation split "
                    + "of the training data; 0 = off (default).")
    int patience;

    @Override
    protected void validate() {
        requirePositive("--epochs", epochs);
        requirePositive("--batch-size", batchSize);
        if (patience < 0) {
            throw new IllegalArgumentException("--patience must be 0 (off) or more, got " + patience);
        }
        if (batchSize == 1 && batchNorm) {
            throw new IllegalArgumentException("--batch-size 1 leaves batch norm no batch to normalise; "
                    + "use a larger batch or --no-batch-norm");
        }
        mlp(1, 1);
        optimizerSpec();
    }

    private Mlp mlp(int inputs, int classes) {
        return Mlp.of(inputs, classes, hidden).withActivation(activation).withDropout(dropout).withBatchNorm(batchNorm);
    }

    private Optimizers.Spec optimizerSpec() {
        return Optimizers.named(optimizer, learningRate).schedule(schedule).weightDecay(weightDecay);
    }

    @Override
    protected void run(LabRun run) {
        Split data = Datasets.load(dataset, run.seed(), run.quick());
        // early stopping watches a validation split of the training data, never the test set
        Split training = patience > 0 ? data.train().split(0.9, run.seed()) : data;
        Mlp mlp = mlp((int) data.train().sampleShape().size(), data.train().numClasses());
        run.say("%s on %s; testing on %d held-out samples", mlp, training.train(), data.test().size());
        try (Model model = Models.create("mlp", mlp.build())) {
            Fit fit = run.fit(model).optimizer(optimizerSpec())
                    .epochs(run.quickOr(3, epochs)).batchSize(batchSize)
                    .validateOn(training.test());
            if (augment) {
                fit.augment(Augment.affine(1.5, 8, 0.08));
            }
            if (patience > 0) {
                fit.earlyStopping(patience, 0);
            }
            History history = fit.run(training.train());
            Reports.ClassifierResult result = Reports.classifier(run, "MLP on " + dataset, mlp.toString(),
                    model, history, data.test());
            run.say("Test accuracy: %.2f%% on %d samples", 100 * result.accuracy(), data.test().size());
        }
    }
}
