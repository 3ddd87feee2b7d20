package introdl.lab;

import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.Model;
import introdl.SharedData;
import introdl.basics.Mlp;
import introdl.data.Augment;
import introdl.data.Mnist;
import introdl.data.Split;
import introdl.train.Fit;
import introdl.train.Inference;
import introdl.train.Models;
import introdl.train.Optimizers;
import introdl.train.Schedule;
import introdl.vision.Cnn;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** The labs' models on full MNIST (needs the data folder; CI points it at ../shared/data). */
@Tag("slow")
class MnistQualityTest {
    @Test
    void mlpReaches97Point5PercentOnTheMnistTestSet() {
        Split mnist = Mnist.DIGITS.load(SharedData.require("mnist"));
        Mlp mlp = Mlp.of(784, 10, 256, 128).withDropout(0.1).withBatchNorm(true);
        try (Model model = Models.create("mlp", mlp.build())) {
            Fit.of(model).optimizer(Optimizers.adam(2e-3).schedule(Schedule.cosine(0)))
                    .augment(Augment.affine(1.5, 8, 0.08)).epochs(4).batchSize(64).seed(42).quiet()
                    .run(mnist.train());
            double accuracy = Inference.accuracy(model, mnist.test());
            assertTrue(accuracy >= 0.975, "MNIST test accuracy " + accuracy);
        }
    }

    @Test
    void cnnReaches99PercentOnTheMnistTestSetWithinFiveEpochs() {
        Split mnist = Mnist.DIGITS.load(SharedData.require("mnist"));
        Cnn cnn = Cnn.lecture(mnist.train().sampleShape(), 10).withBatchNorm(true).withDropout(0.3);
        try (Model model = Models.create("cnn", cnn.build())) {
            Fit.of(model).optimizer(Optimizers.adam(2e-3).schedule(Schedule.cosine(0)))
                    .augment(Augment.affine(1.5, 8, 0.08)).epochs(3).batchSize(64).seed(42).quiet()
                    .run(mnist.train());
            double accuracy = Inference.accuracy(model, mnist.test());
            assertTrue(accuracy >= 0.990, "MNIST test accuracy " + accuracy);
        }
    }
}
