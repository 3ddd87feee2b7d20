package introdl.generative;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.Model;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import introdl.data.Digits;
import introdl.data.Examples;
import introdl.data.Split;
import introdl.nn.Layers;
import introdl.train.Fit;
import introdl.train.History;
import introdl.train.Models;
import introdl.train.Optimizers;
import introdl.vision.Cnn;
import java.util.Random;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** Lecture 4's pieces: the VAE's mathematics, construction checks, and the latent walks. */
@Tag("slow")
class GenerativeTest {
    private static final Shape DIGIT = new Shape(1, 20, 20);

    @Test
    void theClosedFormKlMatchesAMonteCarloEstimate() {
        float[] mean = {0.5f, -1.2f, 0f};
        float[] logVariance = {-0.7f, 0.4f, 1.1f};
        double closedForm;
        try (NDManager manager = NDManager.newBaseManager()) {
            closedForm = VaeLoss.kl(manager.create(mean, new Shape(1, 3)), manager.create(logVariance, new Shape(1, 3)))
                    .getFloat();
        }
        // KL(q || p) = E_q[log q(z) - log p(z)], estimated from samples of q
        Random random = new Random(1);
        int samples = 400_000;
        double sum = 0;
        for (int s = 0; s < samples; s++) {
            for (int d = 0; d < mean.length; d++) {
                double sigma = Math.exp(logVariance[d] / 2);
                double eps = random.nextGaussian();
                double z = mean[d] + sigma * eps;
                double logQ = -0.5 * eps * eps - Math.log(sigma);
                double logP = -0.5 * z * z;
                sum += logQ - logP;
            }
        }
        double monteCarlo = sum / samples;
        assertEquals(monteCarlo, closedForm, 0.01, "closed form " + closedForm + ", Monte Carlo " + monteCarlo);
        assertTrue(closedForm > 0.5, "the example is far enough from the prior to matter: " + closedForm);
    }

    @Test
    void theReparameterisedSampleCarriesGradientToTheMeanAndTheVariance() {
        try (NDManager manager = NDManager.newBaseManager()) {
            NDArray mean = manager.create(new float[] {0.3f, -0.8f});
            NDArray logVariance = manager.create(new float[] {0.2f, -1.0f});
            NDArray noise = manager.create(new float[] {1.5f, -0.5f});
            mean.setRequiresGradient(true);
            logVariance.setRequiresGradient(true);
            try (GradientCollector collector = Engine.getInstance().newGradientCollector()) {
                collector.backward(VaeBlock.reparameterize(mean, logVariance, noise).sum());
            }
            assertArrayEquals(new float[] {1, 1}, mean.getGradient().toFloatArray(), 1e-6f, "dz/dmu = 1");
            float[] expected = {(float) (0.5 * Math.exp(0.1) * 1.5), (float) (0.5 * Math.exp(-0.5) * -0.5)};
            assertArrayEquals(expected, logVariance.getGradient().toFloatArray(), 1e-6f,
                    "dz/dlog(sigma^2) = sigma * eps / 2");
        }
    }

    @Test
    void theReconstructionTermIsTheSummedCrossEntropyOfThePixels() {
        float[] logits = {2f, -1f, 0.5f, -3f, 40f, -40f};
        float[] target = {1f, 0f, 0.25f, 1f, 1f, 0f};
        double expected = 0;
        for (int i = 0; i < logits.length; i++) {
            double p = 1 / (1 + Math.exp(-logits[i]));
            expected -= target[i] * Math.log(Math.max(p, 1e-300)) + (1 - target[i]) * Math.log(Math.max(1 - p, 1e-300));
        }
        try (NDManager manager = NDManager.newBaseManager()) {
            NDArray value = VaeLoss.reconstruction(manager.create(logits, new Shape(1, 1, 2, 3)),
                    manager.create(target, new Shape(1, 1, 2, 3)));
            assertEquals(new Shape(1), value.getShape(), "one value per image");
            assertEquals(expected, value.getFloat(), 1e-4);
            NDList predictions = new NDList(manager.create(logits, new Shape(1, 1, 2, 3)), manager.zeros(new Shape(1, 2)),
                    manager.zeros(new Shape(1, 2)));
            assertEquals(expected, new VaeLoss(1).evaluate(new NDList(manager.create(target, new Shape(1, 1, 2, 3))),
                    predictions).getFloat(), 1e-4, "the prior itself adds no KL");
        }
    }

    @Test
    void badSizesAndMismatchedShapesAreRefusedWhenTheModelIsMade() {
        IllegalArgumentException latent = assertThrows(IllegalArgumentException.class,
                () -> Architecture.dense(DIGIT, 0, 64));
        assertTrue(latent.getMessage().contains("latent size"), latent.getMessage());
        IllegalArgumentException beta = assertThrows(IllegalArgumentException.class, () -> new VaeLoss(-0.5));
        assertTrue(beta.getMessage().contains("beta"), beta.getMessage());
        IllegalArgumentException side = assertThrows(IllegalArgumentException.class,
                () -> Architecture.conv(new Shape(1, 30, 30), 8));
        assertTrue(side.getMessage().contains("multiples of 4"), side.getMessage());
        IllegalArgumentException decoder = assertThrows(IllegalArgumentException.class,
                () -> new AutoencoderBlock(Layers.sequential(Layers.flatten(), Layers.dense(8)),
                        Layers.sequential(Layers.dense(28 * 28), Layers.reshape(1, 28, 28)), DIGIT, 8));
        assertTrue(decoder.getMessage().contains("(2, 1, 28, 28)") && decoder.getMessage().contains("(2, 1, 20, 20)"),
                decoder.getMessage());
        IllegalArgumentException encoder = assertThrows(IllegalArgumentException.class,
                () -> new VaeBlock(Layers.sequential(Layers.flatten(), Layers.dense(8)),
                        Architecture.dense(DIGIT, 8).decoder(), DIGIT, 8));
        assertTrue(encoder.getMessage().contains("(2, 16)"), "a VAE's encoder gives mean and log-variance: "
                + encoder.getMessage());
    }

    @Test
    void aVaeLearnsDigitsAndItsWalksStartAndEndWhereTheyShould() {
        Split digits = Digits.split(42);
        Examples train = digits.train().sample(1500, 1);
        try (Model model = Models.create("vae", VaeBlock.of(Architecture.dense(DIGIT, 4, 128)))) {
            History history = Fit.of(model).loss(new VaeLoss(1)).optimizer(Optimizers.adam(2e-3)).epochs(8)
                    .batchSize(64).seed(1).quiet().run(train.reconstructionTargets());
            double first = history.epochs().get(0).get(History.LOSS);
            double last = history.last().get(History.LOSS);
            assertTrue(last < 0.75 * first, "the negative ELBO falls: " + first + " -> " + last);

            Examples two = digits.test().sample(2, 3);
            float[][] codes = Latent.encode(model, two);
            assertEquals(4, codes[0].length);
            float[][] walk = Latent.interpolate(model, codes[0], codes[1], 5);
            float[][] ends = Latent.decode(model, codes);
            assertArrayEquals(ends[0], walk[0], 1e-5f);
            assertArrayEquals(ends[1], walk[4], 1e-5f);
            float[][] traversal = Latent.traverse(model, codes[0], new int[] {0, 3}, 7, 3);
            assertEquals(14, traversal.length);
            assertEquals(400, traversal[0].length);
            float[][] samples = Latent.sample(model, 6, 5);
            assertArrayEquals(samples[2], Latent.sample(model, 6, 5)[2], "seeded");
            for (float v : samples[0]) {
                assertTrue(v >= 0 && v <= 1, "pixels in [0, 1]");
            }
            double[] elbo = Outliers.negativeElbo(model, two, 4, 1);
            assertTrue(elbo[0] > 0 && Double.isFinite(elbo[0]));
            assertThrows(IllegalArgumentException.class, () -> Latent.traverse(model, codes[0], new int[] {4}, 5, 3));
        }
    }

    @Test
    void aLargerLatentCodeReconstructsBetterAndFarBetterThanTheMeanImage() {
        Split digits = Digits.split(42);
        int[] sizes = {2, 4, 8, 16, 32};
        LatentSweep sweep = LatentSweep.run(digits.train(), digits.test(), sizes,
                size -> Architecture.dense(DIGIT, size, 256), 10, 1, 2);
        for (int k = 1; k < sizes.length; k++) {
            assertTrue(sweep.errors()[k] < sweep.errors()[k - 1], "error falls as the latent grows: " + sweep);
        }
        assertTrue(3 * sweep.errors()[4] < sweep.meanImageError(), "32 numbers beat the mean image 3x: " + sweep);
        assertTrue(sweep.toString().contains("latent 32"));
    }

    @Test
    void aDigitTheAutoencoderNeverSawStandsOutByItsReconstructionError() {
        Split digits = Digits.split(42);
        Examples withoutZeros = digits.train().where(c -> c != 0, "no zeros");
        try (Model model = Models.create("ae", AutoencoderBlock.of(Architecture.dense(DIGIT, 8, 256)))) {
            Fit.of(model).optimizer(Optimizers.adam(2e-3)).epochs(10).batchSize(64).seed(1).quiet()
                    .run(withoutZeros.reconstructionTargets());
            double auroc = Outliers.auroc(Outliers.reconstructionErrors(model, digits.test()), digits.test(), 0);
            // 0.95 to 0.96 in the lab's runs; chance is 0.5
            assertTrue(auroc > 0.85, "the unseen zeros rank as outliers: AUROC " + auroc);
        }
    }

    @Test
    void samplesFromTheVaesPriorAreDigitsACnnRecognises() {
        Split digits = Digits.split(42);
        try (Model vae = Models.create("vae", VaeBlock.of(Architecture.dense(DIGIT, 8, 256)));
                Model judge = Models.create("judge", Cnn.lecture(DIGIT, 10).withBatchNorm(true).withDropout(0.3).build())) {
            Fit.of(vae).loss(new VaeLoss(1)).optimizer(Optimizers.adam(2e-3)).epochs(30).batchSize(64).seed(1).quiet()
                    .run(digits.train().reconstructionTargets());
            Fit.of(judge).optimizer(Optimizers.adam(2e-3)).epochs(6).batchSize(64).seed(1).quiet().run(digits.train());
            SampleQuality quality = SampleQuality.judge(judge, Latent.sample(vae, 300, 2), DIGIT, 0.5);
            // 88 to 90% in the lab's runs
            assertTrue(quality.confidentShare() > 0.75, quality.toString());
            assertTrue(quality.classesDrawn() >= 8, "the prior covers the digits, not one of them: " + quality);
        }
    }

    @Test
    void aurocIsTheChanceThatAnOutlierOutscoresAnInlier() {
        assertEquals(1.0, Outliers.auroc(new double[] {0.1, 0.2, 0.9, 0.8}, new boolean[] {false, false, true, true}));
        assertEquals(0.0, Outliers.auroc(new double[] {0.9, 0.8, 0.1, 0.2}, new boolean[] {false, false, true, true}));
        // one outlier above both inliers, one tied with an inlier and above the other: (2 + 1.5) / 4
        assertEquals(0.875, Outliers.auroc(new double[] {0.3, 0.5, 0.9, 0.5}, new boolean[] {false, false, true, true}));
        assertThrows(IllegalArgumentException.class, () -> Outliers.auroc(new double[] {1, 2}, new boolean[] {true, true}));
        assertArrayEquals(new int[] {2, 0, 1}, Outliers.ranking(new double[] {0.5, 0.1, 0.9}));
    }

    @Test
    void theMeanImageBaselineIsTheVarianceAroundTheTrainingMean() {
        Examples train = Examples.regression("t", new float[] {0, 1, 2, 3}, new Shape(1, 1, 2), new float[2], new Shape(1));
        Examples test = Examples.regression("s", new float[] {1, 2}, new Shape(1, 1, 2), new float[1], new Shape(1));
        // the mean training image is (1, 2): the test image is exactly it
        assertEquals(0, LatentSweep.meanImageError(train, test), 1e-12);
    }

    @Test
    void theMostVariedDimensionsComeFirst() {
        float[][] codes = {{1, 0, -5, 0.1f}, {-1, 0, 5, 0.1f}, {1, 0, 4, -0.1f}};
        assertArrayEquals(new int[] {2, 0}, Latent.mostVaried(codes, 2));
        assertEquals(4, Latent.mostVaried(codes, 10).length, "no more than there are");
    }
}
