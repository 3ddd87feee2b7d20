import ai.djl.Model;
import introdl.basics.Mlp;
import introdl.lab.Lab;
import introdl.lab.LabRun;
import introdl.lab.Reports;
import introdl.lab.TrainingOptions;
import introdl.nn.Activation;
import introdl.train.History;
import introdl.train.Models;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** Lecture 1's lab: a multi-layer perceptron learns to read handwritten digits. */
@Command(name = "mlp", mixinStandardHelpOptions = true,
        description = "Train a multi-layer perceptron to read handwritten digits (lecture 1).")
public final class MlpLab extends Lab {
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

    @Option(names = "--epochs", paramLabel = "N", defaultValue = "20",
            description = "Passes over the training data (default: ${DEFAULT-VALUE}; 3 with --quick).")
    int epochs;

    @Mixin
    TrainingOptions training;

    @Override
    protected void validate() {
        requirePositive("--epochs", epochs);
        training.validate(batchNorm);
        mlp(1, 1);
    }

    private Mlp mlp(int inputs, int classes) {
        return Mlp.of(inputs, classes, hidden).withActivation(activation).withDropout(dropout).withBatchNorm(batchNorm);
    }

    @Override
    protected void run(LabRun run) {
        TrainingOptions.Data data = training.data(run);
        Mlp mlp = mlp((int) data.data().train().sampleShape().size(), data.data().train().numClasses());
        run.say("%s on %s; testing on %d held-out samples", mlp, data.training().train(), data.data().test().size());
        try (Model model = Models.create("mlp", mlp.build())) {
            History history = training.configure(run.fit(model), run.quickOr(3, epochs), data)
                    .run(data.training().train());
            Reports.ClassifierResult result = Reports.classifier(run, "MLP on " + training.dataset(), mlp.toString(),
                    model, history, data.data().test());
            run.say("Test accuracy: %.2f%% on %d samples", 100 * result.accuracy(), data.data().test().size());
        }
    }
}
