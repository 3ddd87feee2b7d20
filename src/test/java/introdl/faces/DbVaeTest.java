package introdl.faces;

import introdl.train.Proportion;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.Model;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;
import ai.djl.training.loss.SigmoidBinaryCrossEntropyLoss;
import introdl.data.Examples;
import introdl.generative.Architecture;
import introdl.generative.AutoencoderBlock;
import introdl.train.BinaryCrossEntropy;
import introdl.train.Fit;
import introdl.train.Inference;
import introdl.train.Models;
import introdl.train.Optimizers;
import introdl.train.Seeds;
import introdl.viz.BarChart;
import java.awt.image.BufferedImage;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Lab 2's model pieces: the losses, the DB-VAE's wiring, resampling and the interval maths. */
class DbVaeTest {
    private static double bce(double label, double logit) {
        double p = 1 / (1 + Math.exp(-logit));
        return -(label * Math.log(p) + (1 - label) * Math.log(1 - p));
    }

    @Test
    void theClassifierLossIsBinaryCrossEntropyFromLogitsAndStaysFiniteWhereDjlsSigmoidPathIsNegated() {
        float[] logits = {2f, -1f, 0.5f, -3f, 30f, -30f};
        float[] labels = {1f, 0f, 1f, 1f, 1f, 1f};
        try (NDManager manager = NDManager.newBaseManager()) {
            NDArray l = manager.create(logits, new Shape(6, 1));
            NDArray y = manager.create(labels);
            float[] perSample = BinaryCrossEntropy.perSample(l, y.reshape(6, 1)).toFloatArray();
            for (int i = 0; i < logits.length; i++) {
                assertEquals(i == 5 ? 30.0 : bce(labels[i], logits[i]), perSample[i], 1e-4, "sample " + i);
            }
            float mean = new BinaryCrossEntropy().evaluate(new NDList(y), new NDList(l)).getFloat();
            assertEquals(Arrays.stream(new double[] {perSample[0], perSample[1], perSample[2], perSample[3],
                perSample[4], perSample[5]}).average().orElseThrow(), mean, 1e-5);
            // the defect the course library works around: DJL's probability path gives minus the loss
            NDArray p = ai.djl.nn.Activation.sigmoid(l);
            float djl = new SigmoidBinaryCrossEntropyLoss("bce", 1f, true).evaluate(new NDList(y.reshape(6, 1)),
                    new NDList(p)).getFloat();
            assertTrue(djl < 0 && mean > 0, "DJL fromSigmoid " + djl + " vs " + mean);
        }
    }

    @Test
    void onlyFacesPayTheVaeTermAndEveryImagePaysTheClassificationTerm() {
        double c = 0.1;
        try (NDManager manager = NDManager.newBaseManager()) {
            NDArray faces = manager.create(new float[] {1, 0});
            NDArray logit = manager.create(new float[] {0.3f, -1.2f}, new Shape(2, 1));
            NDArray pixels = manager.zeros(new Shape(2, 3, 64, 64));
            float[] image = new float[2 * 3 * 64 * 64];
            Arrays.fill(image, 0, image.length / 2, 0.9f);
            NDArray images = manager.create(image, new Shape(2, 3, 64, 64));
            NDArray mean = manager.create(new float[] {1, 0, 2, 2}, new Shape(2, 2));
            NDArray logVariance = manager.create(new float[] {0, 0, 1, -1}, new Shape(2, 2));
            NDList predictions = new NDList(logit, pixels, mean, logVariance, images);
            float[] loss = new DbVaeLoss(c).perImage(faces, predictions).toFloatArray();
            double faceKl = 0.5;
            double faceL1 = 0.4;
            assertEquals(bce(1, 0.3) + c * faceKl + faceL1, loss[0], 1e-5, "a face pays BCE + c KL + L1");
            assertEquals(bce(0, -1.2), loss[1], 1e-5, "a non-face pays the classification term only");
            float[] vae = new DbVaeLoss(c).vae(predictions).toFloatArray();
            double nonFaceKl = 0.5 * ((Math.exp(1) + 4 - 1 - 1) + (Math.exp(-1) + 4 - 1 + 1));
            assertEquals(c * nonFaceKl + 0.5, vae[1], 1e-4, "the VAE term the non-face is spared");
            assertEquals((loss[0] + loss[1]) / 2, new DbVaeLoss(c).evaluate(new NDList(faces), predictions).getFloat(),
                    1e-5);
            // notebook 07 trains with the student's own combination of the same three terms
            float[] classifierOnly = new DbVaeLoss(c, (bce, face, kl, rec, w) -> bce).perImage(faces, predictions)
                    .toFloatArray();
            assertEquals(bce(1, 0.3), classifierOnly[0], 1e-5);
            assertEquals(bce(0, -1.2), classifierOnly[1], 1e-5);
        }
        assertThrows(IllegalArgumentException.class, () -> new DbVaeLoss(-1));
    }

    @Test
    void theVaeTermTrainsOnlyTheCodeAndTheClassificationTermOnlyTheLogit() {
        DbVaeBlock block = new DbVaeBlock(3);
        try (Model model = Models.create("dbvae", block, FaceSet.IMAGE, 1);
                NDManager manager = model.getNDManager().newSubManager()) {
            NDArray images = manager.randomUniform(0, 1, new Shape(4, 3, 64, 64));
            NDArray faces = manager.create(new float[] {1, 1, 1, 1});
            Parameter last = lastDenseWeight(block);
            float[] vaeGradient = gradientRows(model, manager, images, faces, true, last);
            assertEquals(0, vaeGradient[0], 1e-12, "the VAE term does not reach the face logit");
            assertTrue(vaeGradient[1] > 0, "it reaches the rows of mu: " + Arrays.toString(vaeGradient));
            assertTrue(vaeGradient[4] > 0, "and of log sigma^2 through the reparameterisation");
            float[] classGradient = gradientRows(model, manager, images, faces, false, last);
            assertTrue(classGradient[0] > 0, "the classification term trains the logit");
            assertEquals(0, classGradient[1] + classGradient[4], 1e-12, "and not the code");
        }
    }

    private static Parameter lastDenseWeight(DbVaeBlock block) {
        Parameter last = null;
        for (var pair : block.getParameters()) {
            if (pair.getKey().startsWith("01encoder") && pair.getKey().endsWith("weight")) {
                last = pair.getValue();
            }
        }
        assertEquals(new Shape(7, 512), last.getArray().getShape(), "1 logit + 2 x 3 latent outputs");
        return last;
    }

    /** The gradient's squared norm in each output row of the encoder's last layer (logit, mu..., log var...). */
    private static float[] gradientRows(Model model, NDManager manager, NDArray images, NDArray faces, boolean vaePart,
            Parameter last) {
        DbVaeLoss loss = new DbVaeLoss(1);
        try (GradientCollector collector = Engine.getInstance().newGradientCollector()) {
            NDList out = model.getBlock().forward(new ParameterStore(manager, false), new NDList(images), true);
            NDArray value = vaePart ? loss.vae(out).sum()
                    : BinaryCrossEntropy.perSample(out.get(0), faces.reshape(-1, 1)).sum();
            collector.backward(value);
        }
        float[] rows = last.getArray().getGradient().square().sum(new int[] {1}).toFloatArray();
        last.getArray().getGradient().subi(last.getArray().getGradient());
        return rows;
    }

    @Test
    void theDbVaeRefusesBadShapesWhenItIsBuiltNotDeepInTraining() {
        assertThrows(IllegalArgumentException.class, () -> new DbVaeBlock(0));
        DbVaeBlock block = new DbVaeBlock(4);
        IllegalArgumentException size = assertThrows(IllegalArgumentException.class,
                () -> block.getOutputShapes(new Shape[] {new Shape(2, 3, 32, 32)}));
        assertTrue(size.getMessage().contains("64x64"), size.getMessage());
        Shape[] out = block.getOutputShapes(new Shape[] {new Shape(2, 3, 64, 64)});
        assertEquals(new Shape(2, 1), out[0]);
        assertEquals(new Shape(2, 4), out[2]);
        try (NDManager manager = NDManager.newBaseManager()) {
            assertThrows(IllegalArgumentException.class,
                    () -> new DbVaeBlock(4).initialize(manager, DataType.FLOAT32, new Shape(2, 1, 64, 64)));
        }
    }

    @Test
    void rareLatentValuesGetTheHighestSamplingProbabilities() {
        Random random = new Random(3);
        float[][] means = new float[200][2];
        for (int i = 0; i < means.length; i++) {
            means[i][0] = (float) (i < 10 ? 4 + random.nextGaussian() * 0.1 : random.nextGaussian() * 0.5);
            means[i][1] = (float) random.nextGaussian();
        }
        double[] p = Resampling.probabilities(means, 10, 0.001);
        assertEquals(1.0, Arrays.stream(p).sum(), 1e-9);
        double rare = Arrays.stream(p, 0, 10).average().orElseThrow();
        double common = Arrays.stream(p, 10, 200).average().orElseThrow();
        // the max over dimensions also lifts faces in the tails of the second, common dimension
        assertTrue(rare > 1.5 * common, "rare " + rare + " vs common " + common);
        float[][] first = Arrays.stream(means).map(row -> new float[] {row[0]}).toArray(float[][]::new);
        double[] alone = Resampling.probabilities(first, 10, 0.001);
        assertTrue(alone[0] > 5 * alone[100], "one dimension: " + alone[0] + " vs " + alone[100]);
        float[][] same = new float[5][3];
        double[] uniform = Resampling.probabilities(same, 10, 0.001);
        for (double q : uniform) {
            assertEquals(0.2, q, 1e-12, "identical codes are equally likely");
        }
    }

    @Test
    void theResamplerRefillsOnlyTheFacesPlacesAndTheFitLoopTrainsOnWhatItChooses() {
        // 1x2x2 "images": faces (label 1) and non-faces (label 0)
        int n = 40;
        float[] x = new float[n * 4];
        float[] y = new float[n];
        Random random = new Random(1);
        for (int i = 0; i < n; i++) {
            y[i] = i % 2;
            for (int p = 0; p < 4; p++) {
                x[i * 4 + p] = (float) (y[i] + 0.1 * random.nextGaussian());
            }
        }
        Examples data = Examples.of("tiny", x, new Shape(1, 2, 2), y, List.of("non-face", "face"));
        try (Model ae = Models.create("ae", AutoencoderBlock.of(Architecture.dense(new Shape(1, 2, 2), 2, 8)),
                new Shape(1, 2, 2), 1)) {
            Resampling resampling = Resampling.of(data);
            int[] order = resampling.order(ae, n, 1, 7);
            long[] shuffle = Seeds.permutation(n, 7);
            for (int k = 0; k < n; k++) {
                assertEquals(y[(int) shuffle[k]], y[order[k]], "a face's place gets a face, a non-face keeps its own");
                if (y[order[k]] == 0) {
                    assertEquals(shuffle[k], order[k]);
                }
            }
            assertArrayEquals(order, resampling.order(ae, n, 1, 7), "the same seed draws the same epoch");
            assertEquals(20, resampling.latestProbabilities().length);
            IllegalArgumentException other = assertThrows(IllegalArgumentException.class,
                    () -> resampling.order(ae, n + 2, 1, 7));
            assertTrue(other.getMessage().contains("built on the 40 examples"), other.getMessage());
            // notebook 07 resamples with the student's weights: here all on the first face
            Resampling firstFace = Resampling.of(data, 10, 0.001, (mu, bins, s) -> {
                double[] p = new double[mu.length];
                p[0] = 1;
                return p;
            });
            assertTrue(Arrays.stream(firstFace.order(ae, n, 1, 7)).filter(i -> y[i] == 1).allMatch(i -> i == 1),
                    "every face's place goes to the first face");
            IllegalStateException negative = assertThrows(IllegalStateException.class, () -> Resampling.of(data, 10,
                    0.001, (mu, bins, s) -> new double[mu.length]).order(ae, n, 1, 7));
            assertTrue(negative.getMessage().contains("not all 0"), negative.getMessage());
        }
        // a sampler that only ever shows faces: the classifier learns to call everything a face
        try (Model classifier = Models.create("c", introdl.nn.Layers.sequential(introdl.nn.Layers.flatten(),
                introdl.nn.Layers.dense(1)))) {
            int[] facesOnly = java.util.stream.IntStream.range(0, n).map(i -> 2 * (i / 2) + 1).toArray();
            Fit.of(classifier).loss(new BinaryCrossEntropy()).optimizer(Optimizers.adam(0.05)).epochs(20).batchSize(8)
                    .seed(1).quiet().sampler((model, examples, epoch, seed) -> facesOnly).run(data);
            float[][] logits = Inference.outputs(classifier, data);
            assertTrue(Arrays.stream(logits).allMatch(row -> row[0] > 0), "every image is called a face");
        }
    }

    @Test
    void wilsonIntervalsMatchPublishedValuesAndStayInsideZeroAndOne() {
        Proportion half = new Proportion(5, 10);
        assertEquals(0.2366, half.low(), 1e-4);
        assertEquals(0.7634, half.high(), 1e-4);
        Proportion none = new Proportion(0, 10);
        assertEquals(0.0, none.low(), 1e-12);
        assertEquals(0.2775, none.high(), 1e-4);
        Proportion most = new Proportion(9, 10);
        assertEquals(0.5958, most.low(), 1e-4);
        assertEquals(0.9821, most.high(), 1e-4);
        assertThrows(IllegalArgumentException.class, () -> new Proportion(3, 2));
        assertTrue(new Proportion(0, 0).toString().contains("NaN") || Double.isNaN(new Proportion(0, 0).rate()));
    }

    @Test
    void barsWithIntervalsRender() {
        BufferedImage image = BarChart.of("detection", List.of("a", "b")).yAxis("rate", 0, 1)
                .series("cnn", new double[] {0.9, 0.5}, new double[] {0.8, 0.3}, new double[] {0.95, 0.7})
                .series("db-vae", new double[] {0.92, Double.NaN}, new double[] {0.85, 0}, new double[] {0.97, 1})
                .image();
        assertEquals(860, image.getWidth());
        assertThrows(IllegalArgumentException.class,
                () -> BarChart.of("x", List.of("a")).series("s", new double[2], new double[2], new double[2]));
    }
}
