package introdl.lab;

import introdl.data.Augment;
import introdl.data.Datasets;
import introdl.data.Split;
import introdl.train.Fit;
import introdl.train.Optimizers;
import introdl.train.Schedule;
import picocli.CommandLine.Option;

/**
 * The training options every image-classifier lab shares (a picocli mixin): the dataset, the
 * optimiser with its rate, schedule and weight decay, the batch size, augmentation and early
 * stopping. Each lab adds its model's options and its own {@code --epochs}.
 */
public final class TrainingOptions {
    @Option(names = "--dataset", paramLabel = "NAME", defaultValue = "digits",
            converter = Converters.DatasetName.class,
            description = "digits (bundled, 20x20), mnist or fashion (default: ${DEFAULT-VALUE}).")
    String dataset;

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

    /** The data of a run: the test split, and the part trained on with its validation set. */
    public record Data(Split data, Split training) {}

    /** Checks the values (an IllegalArgumentException is a usage error). */
    public void validate(boolean batchNorm) {
        Lab.requirePositive("--batch-size", batchSize);
        if (patience < 0) {
            throw new IllegalArgumentException("--patience must be 0 (off) or more, got " + patience);
        }
        if (batchSize == 1 && batchNorm) {
            throw new IllegalArgumentException("--batch-size 1 leaves batch norm no batch to normalise; "
                    + "use a larger batch or --no-batch-norm");
        }
        optimizerSpec();
    }

    /**
     * The dataset: its test split, and what is trained on. With early stopping, the validation set
     * is a split of the training data, never the test set; without, validation shows the test set.
     */
    public Data data(LabRun run) {
        Split data = Datasets.load(dataset, run.seed(), run.quick(), run.data());
        return new Data(data, patience > 0 ? data.train().split(0.9, run.seed()) : data);
    }

    /** The optimiser these options describe. */
    public Optimizers.Spec optimizerSpec() {
        return Optimizers.named(optimizer, learningRate).schedule(schedule).weightDecay(weightDecay);
    }

    /** Configures {@code fit} with these options, {@code epochs} epochs, validating on {@code data}. */
    public Fit configure(Fit fit, int epochs, Data data) {
        fit.optimizer(optimizerSpec()).epochs(epochs).batchSize(batchSize).validateOn(data.training().test());
        if (augment) {
            fit.augment(Augment.affine(1.5, 8, 0.08));
        }
        if (patience > 0) {
            fit.earlyStopping(patience, 0);
        }
        return fit;
    }

    public String dataset() {
        return dataset;
    }
}
