package introdl.train;

import static introdl.train.TrainingFixtures.figures;
import static introdl.train.TrainingFixtures.smallMlp;
import static introdl.train.TrainingFixtures.train;
import static introdl.train.TrainingFixtures.validation;
import static introdl.train.TrainingFixtures.weights;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.Model;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.training.loss.Loss;
import introdl.basics.Mlp;
import introdl.data.Augment;
import introdl.data.Examples;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class FitTest {
    @TempDir
    Path dir;

    private static History trainSmall(Model model, long seed, int epochs) {
        return Fit.of(model).optimizer(Optimizers.adam(3e-3)).seed(seed).epochs(epochs).batchSize(32).quiet()
                .augment(Augment.affine(1, 5, 0.05)).validateOn(validation()).run(train());
    }

    @Test
    void learnsAndRecordsEveryEpoch() {
        try (Model model = smallMlp()) {
            History history = trainSmall(model, 1, 4);
            assertEquals(4, history.size());
            assertEquals(List.of("loss", "accuracy", "val_loss", "val_accuracy", "lr", "seconds"), history.columns());
            assertTrue(history.last().get(History.VAL_ACCURACY) > 0.8,
                    "4 epochs on 1000 digits should pass 80%, got " + history.last());
            assertTrue(history.series(History.LOSS)[3] < history.series(History.LOSS)[0], "loss falls");
            double measured = Inference.evaluate(model, validation(), Loss.softmaxCrossEntropyLoss(),
                    List.of(Metric.accuracy())).get("accuracy");
            assertEquals(history.last().get(History.VAL_ACCURACY), measured, 1e-9,
                    "validation figures are the model's accuracy after the epoch");
        }
    }

    @Test
    void sameSeedGivesTheSameHistoryAndWeights() {
        History a;
        History b;
        float[] wa;
        float[] wb;
        try (Model model = smallMlp()) {
            a = trainSmall(model, 5, 3);
            wa = weights(model);
        }
        try (Model model = smallMlp()) {
            b = trainSmall(model, 5, 3);
            wb = weights(model);
        }
        assertEquals(figures(a), figures(b));
        assertArrayEquals(wa, wb);
        try (Model model = smallMlp()) {
            assertNotEquals(figures(a), figures(trainSmall(model, 6, 3)), "another seed, another run");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"adam", "momentum", "nesterov", "rmsprop", "adagrad", "adadelta", "adamw", "sgd"})
    void resumedRunEndsExactlyLikeAnUninterruptedOne(String optimizer) {
        Optimizers.Spec spec = Optimizers.named(optimizer, 0.01).schedule(Schedule.cosine(0.1)).weightDecay(1e-4);
        History whole;
        float[] wholeWeights;
        try (Model model = smallMlp()) {
            whole = fit(model, spec, dir.resolve("whole.zip")).run(train());
            wholeWeights = weights(model);
        }
        Path checkpoint = dir.resolve("interrupted.zip");
        try (Model model = smallMlp()) {
            RuntimeException crash = assertThrows(RuntimeException.class, () -> fit(model, spec, checkpoint)
                    .afterEpoch(h -> {
                        if (h.size() == 2) {
                            throw new IllegalStateException("simulated crash");
                        }
                    }).run(train()));
            assertEquals("simulated crash", crash.getMessage());
        }
        History resumed;
        try (Model model = smallMlp()) {
            resumed = fit(model, spec, checkpoint).run(train());
            assertArrayEquals(wholeWeights, weights(model), optimizer + ": final weights");
        }
        assertEquals(figures(whole), figures(resumed), optimizer + ": history");
    }

    private static Fit fit(Model model, Optimizers.Spec spec, Path checkpoint) {
        return Fit.of(model).optimizer(spec).seed(3).epochs(4).batchSize(50).quiet()
                .augment(Augment.shift(1)).validateOn(validation()).checkpoint(checkpoint, true);
    }

    @Test
    void trainingAndResumingWorkOnAnyThread() throws Exception {
        // PyTorch's gradient switch is per thread and on by default: notebook cells run on other threads
        Path checkpoint = dir.resolve("thread.zip");
        Throwable[] failure = new Throwable[1];
        Thread worker = new Thread(() -> {
            try (Model model = smallMlp()) {
                fit(model, Optimizers.rmsprop(1e-3), checkpoint).epochs(2).run(train());
            } catch (Throwable t) {
                failure[0] = t;
            }
        });
        worker.start();
        worker.join();
        assertEquals(null, failure[0]);
        Thread resumer = new Thread(() -> {
            try (Model model = smallMlp()) {
                fit(model, Optimizers.rmsprop(1e-3), checkpoint).epochs(2).run(train());
                Inference.accuracy(model, validation());
            } catch (Throwable t) {
                failure[0] = t;
            }
        });
        resumer.start();
        resumer.join();
        assertEquals(null, failure[0]);
    }

    @Test
    void finishedRunIsNotTrainedAgain() {
        Path checkpoint = dir.resolve("done.zip");
        History first;
        float[] trained;
        try (Model model = smallMlp()) {
            first = fit(model, Optimizers.adam(1e-3), checkpoint).run(train());
            trained = weights(model);
        }
        try (Model model = smallMlp()) {
            int[] epochsRun = {0};
            History again = fit(model, Optimizers.adam(1e-3), checkpoint).afterEpoch(h -> epochsRun[0]++).run(train());
            assertEquals(0, epochsRun[0]);
            assertEquals(figures(first), figures(again));
            assertArrayEquals(trained, weights(model), "the finished weights are loaded");
        }
    }

    @Test
    void checkpointOfAnotherRunIsRefused() {
        Path checkpoint = dir.resolve("seed3.zip");
        try (Model model = smallMlp()) {
            fit(model, Optimizers.adam(1e-3), checkpoint).epochs(1).run(train());
        }
        try (Model model = smallMlp()) {
            IllegalStateException e = assertThrows(IllegalStateException.class,
                    () -> fit(model, Optimizers.adam(1e-3), checkpoint).seed(4).run(train()));
            assertTrue(e.getMessage().contains("different run") && e.getMessage().contains("seed 3"), e.getMessage());
        }
    }

    @Test
    void damagedCheckpointIsReportedNamingTheFile() throws Exception {
        Path checkpoint = Files.writeString(dir.resolve("broken.zip"), "this is not a zip file");
        try (Model model = smallMlp()) {
            IllegalStateException e = assertThrows(IllegalStateException.class,
                    () -> fit(model, Optimizers.adam(1e-3), checkpoint).run(train()));
            assertTrue(e.getMessage().contains("broken.zip") && e.getMessage().contains("delete"), e.getMessage());
        }
    }

    @Test
    void nonFiniteLossStopsTrainingAndKeepsTheLastGoodCheckpoint() {
        Path checkpoint = dir.resolve("nan.zip");
        // 20 training batches and 3 validation batches (300 samples, twice the training batch at a time)
        // per epoch: the 5th batch of epoch 4 turns NaN
        Loss poisoned = new PoisonedLoss(3 * 23 + 5);
        try (Model model = smallMlp()) {
            TrainingDivergedException e = assertThrows(TrainingDivergedException.class,
                    () -> fit(model, Optimizers.adam(1e-3), checkpoint).loss(poisoned).batchSize(50).run(train()));
            assertTrue(e.getMessage().contains("NaN") && e.getMessage().contains("epoch 4"), e.getMessage());
            assertEquals(3, e.history().size(), "three epochs finished");
            assertEquals(checkpoint, e.checkpoint());
        }
        assertEquals(3, Checkpoint.read(checkpoint).state.epoch, "the checkpoint of epoch 3 is kept");
    }

    @Test
    void explodingLearningRateIsReportedAsDivergenceNotACrash() {
        try (Model model = Models.create("plain", Mlp.of(400, 10, 64).build())) {
            TrainingDivergedException e = assertThrows(TrainingDivergedException.class,
                    () -> Fit.of(model).optimizer(Optimizers.sgd(1e9)).epochs(5).quiet().run(train()));
            assertTrue(e.getMessage().contains("learning rate"), e.getMessage());
        }
    }

    @Test
    void aLossThatExplodesWithoutBecomingNaNIsWarnedOfAndKeptInTheCheckpoint() {
        Path checkpoint = dir.resolve("exploded.zip");
        try (Model model = smallMlp()) {
            // batch norm keeps every number finite while Adam at 1e6 throws the weights about
            History h = fit(model, Optimizers.adam(1e6), checkpoint).epochs(2).run(train());
            assertTrue(Double.isFinite(h.last().get(History.LOSS)), "no NaN: " + h.last());
            assertEquals(1, h.warnings().size(), h.warnings().toString());
            assertTrue(h.warnings().get(0).contains("exploded") && h.warnings().get(0).contains("learning rate"),
                    h.warnings().get(0));
        }
        try (Model model = smallMlp()) {
            History reloaded = fit(model, Optimizers.adam(1e6), checkpoint).epochs(2).run(train());
            assertEquals(1, reloaded.warnings().size(), "the warning survives a resume");
        }
        try (Model model = smallMlp()) {
            assertEquals(List.of(), trainSmall(model, 1, 2).warnings(), "a healthy run warns of nothing");
        }
    }

    @Test
    void aDivergedRunGoesOnFromItsLastGoodCheckpointWithASmallerRate() {
        Path checkpoint = dir.resolve("diverged.zip");
        try (Model model = smallMlp()) {
            TrainingDivergedException e = assertThrows(TrainingDivergedException.class,
                    () -> fit(model, Optimizers.adam(1e-2), checkpoint).loss(new PoisonedLoss(3 * 23 + 5)).run(train()));
            assertEquals(3, e.lastGoodEpoch());
            assertEquals(1e-2, e.learningRate());
        }
        try (Model model = smallMlp()) {
            IllegalStateException refused = assertThrows(IllegalStateException.class,
                    () -> fit(model, Optimizers.adam(1e-3), checkpoint).loss(new PoisonedLoss(Integer.MAX_VALUE))
                            .run(train()));
            assertTrue(refused.getMessage().contains("different run"), refused.getMessage());
        }
        try (Model model = smallMlp()) {
            History h = fit(model, Optimizers.adam(1e-3), checkpoint).loss(new PoisonedLoss(Integer.MAX_VALUE))
                    .newLearningRateOnResume(true).run(train());
            assertEquals(4, h.size(), "epochs 1-3 from the checkpoint, epoch 4 with the new rate");
            assertTrue(h.epochs().get(2).get(History.LR) > 1e-3 * 1.5 && h.last().get(History.LR) < 1.01e-3,
                    "learning rates " + java.util.Arrays.toString(h.series(History.LR)));
        }
        try (Model model = smallMlp()) {
            assertThrows(IllegalStateException.class, () -> fit(model, Optimizers.sgd(1e-3), checkpoint)
                    .loss(new PoisonedLoss(Integer.MAX_VALUE)).newLearningRateOnResume(true).epochs(5).run(train()),
                    "only the rate may change: not the epochs");
        }
    }

    @Test
    void earlyStoppingStopsOnAPlateauAndRestoresTheBestWeights() {
        Examples tiny = train().sample(150, 2);
        try (Model model = Models.create("overfit", Mlp.of(400, 10, 512, 512).build())) {
            History history = Fit.of(model).optimizer(Optimizers.adam(3e-3)).epochs(60).batchSize(16).seed(1)
                    .earlyStopping(3, 0).validateOn(validation()).quiet().run(tiny);
            assertTrue(history.stoppedEarly(), "a 150-sample training set overfits long before 60 epochs");
            assertTrue(history.size() < 60);
            int best = history.bestEpoch();
            assertEquals(best, history.restoredEpoch());
            assertEquals(best + 3, history.size(), "stops after 3 epochs without improvement");
            double bestValLoss = history.epochs().get(best - 1).get(History.VAL_LOSS);
            double now = Inference.evaluate(model, validation(), Loss.softmaxCrossEntropyLoss(), List.of()).get("loss");
            assertEquals(bestValLoss, now, 1e-5, "the model holds the best epoch's weights");
            assertTrue(now < history.last().get(History.VAL_LOSS), "which beat the last epoch's");
            assertEquals(best, history.kept().number(), "the epoch whose weights the model keeps");
        }
    }

    @Test
    void weightDecayShrinksTheWeights() {
        double[] norms = new double[2];
        double[] decays = {0, 0.02};
        for (int k = 0; k < 2; k++) {
            try (Model model = Models.create("wd", Mlp.of(400, 10, 64).build())) {
                Fit.of(model).optimizer(Optimizers.sgd(0.05, 0.9).weightDecay(decays[k])).epochs(4).seed(1).quiet()
                        .run(train());
                for (float w : weights(model)) {
                    norms[k] += w * w;
                }
            }
        }
        assertTrue(norms[1] < 0.8 * norms[0], "squared weight norm with decay " + norms[1] + " vs " + norms[0]);
    }

    @Test
    void clippingByGlobalNormRescalesAllGradientsTogether() {
        try (NDManager manager = NDManager.newBaseManager()) {
            NDArray a = manager.create(new float[] {3, 0});
            NDArray b = manager.create(new float[] {0, 4});
            double before = Fit.clipGlobalNorm(List.of(a, b), 1.0);
            assertEquals(5.0, before, 1e-6);
            assertArrayEquals(new float[] {0.6f, 0}, a.toFloatArray(), 1e-5f);
            assertArrayEquals(new float[] {0, 0.8f}, b.toFloatArray(), 1e-5f);
            NDArray small = manager.create(new float[] {0.1f, 0.2f});
            Fit.clipGlobalNorm(List.of(small), 1.0);
            assertArrayEquals(new float[] {0.1f, 0.2f}, small.toFloatArray(), "below the limit: untouched");
        }
    }

    @Test
    void clippingRescuesALearningRateThatIsFarTooLarge() {
        double[] accuracy = new double[2];
        for (int k = 0; k < 2; k++) {
            try (Model model = Models.create("clip", Mlp.of(400, 10, 64).build())) {
                Fit fit = Fit.of(model).optimizer(Optimizers.sgd(5)).epochs(3).seed(1).validateOn(validation()).quiet();
                if (k == 1) {
                    fit.clipGradNorm(0.05);
                }
                accuracy[k] = fit.run(train()).last().get(History.VAL_ACCURACY);
            }
        }
        assertTrue(accuracy[0] < 0.3, "without clipping, lr 5 leaves the model guessing: " + accuracy[0]);
        assertTrue(accuracy[1] > 0.7, "with clipping it learns: " + accuracy[1]);
    }

    @Test
    void longRunsDoNotGrowNativeMemory() {
        try (Model model = smallMlp()) {
            List<Integer> arrays = new java.util.ArrayList<>();
            Fit.of(model).optimizer(Optimizers.sgd(0.1, 0.9)).clipGradNorm(1).epochs(4).seed(1).quiet()
                    .augment(Augment.shift(1)).validateOn(validation()).checkpoint(dir.resolve("leak.zip"), false)
                    .afterEpoch(h -> arrays.add(model.getNDManager().getManagedArrays().size()))
                    .run(train());
            assertEquals(List.of(arrays.get(0), arrays.get(0), arrays.get(0), arrays.get(0)), arrays,
                    "arrays held by the model after each epoch");
        }
    }

    @Test
    void theFitLoopLeavesTheThreadCountAsItFoundIt() {
        int before = Threads.get();
        try (Model model = smallMlp()) {
            Fit.of(model).threads(before == 1 ? 2 : 1).epochs(1).quiet().run(train());
        }
        assertEquals(before, Threads.get());
    }

    @Test
    void batchesLargerThanTheDataAndALoneLastSampleAreHandled() {
        try (Model model = smallMlp()) {
            History all = Fit.of(model).batchSize(5000).epochs(2).quiet().run(train());
            assertEquals(2, all.size(), "one batch of all 1000 samples per epoch");
        }
        try (Model model = smallMlp()) {
            // 1000 = 3 x 333 + 1: the last batch of one sample would break batch norm, so it is dropped
            assertEquals(1, Fit.of(model).batchSize(333).epochs(1).quiet().run(train()).size());
        }
        try (Model model = smallMlp()) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> Fit.of(model).batchSize(1).epochs(1).quiet().run(train()));
            assertTrue(e.getMessage().contains("batch norm"), e.getMessage());
        }
    }

    @Test
    void resumedRunWithEarlyStoppingEndsLikeAnUninterruptedOne() {
        Examples tiny = train().sample(150, 2);
        History whole;
        float[] wholeWeights;
        try (Model model = Models.create("overfit", Mlp.of(400, 10, 256).build())) {
            whole = earlyStopping(model, dir.resolve("es-whole.zip")).run(tiny);
            wholeWeights = weights(model);
        }
        assertTrue(whole.stoppedEarly() && whole.size() > 4, "the run stops early, after epoch 4: " + whole.size());
        Path checkpoint = dir.resolve("es-cut.zip");
        try (Model model = Models.create("overfit", Mlp.of(400, 10, 256).build())) {
            assertThrows(IllegalStateException.class, () -> earlyStopping(model, checkpoint).afterEpoch(h -> {
                if (h.size() == 3) {
                    throw new IllegalStateException("simulated crash");
                }
            }).run(tiny));
        }
        try (Model model = Models.create("overfit", Mlp.of(400, 10, 256).build())) {
            History resumed = earlyStopping(model, checkpoint).run(tiny);
            assertEquals(figures(whole), figures(resumed));
            assertEquals(whole.bestEpoch(), resumed.bestEpoch());
            assertEquals(whole.restoredEpoch(), resumed.restoredEpoch());
            assertArrayEquals(wholeWeights, weights(model), "the same best weights are restored");
        }
    }

    private static Fit earlyStopping(Model model, Path checkpoint) {
        return Fit.of(model).optimizer(Optimizers.adam(3e-3)).epochs(40).batchSize(16).seed(1).earlyStopping(3, 0)
                .validateOn(validation()).quiet().checkpoint(checkpoint, true);
    }

    @Test
    void aCheckpointIsOnlyResumedWithTheSameSettings() {
        Path checkpoint = dir.resolve("settings.zip");
        try (Model model = smallMlp()) {
            fit(model, Optimizers.adam(1e-3), checkpoint).epochs(2).run(train());
        }
        try (Model model = smallMlp()) {
            IllegalStateException e = assertThrows(IllegalStateException.class,
                    () -> fit(model, Optimizers.adam(1e-3), checkpoint).epochs(3).run(train()));
            assertTrue(e.getMessage().contains("2 epochs") && e.getMessage().contains("3 epochs"), e.getMessage());
        }
    }

    @Test
    void badSettingsAreRejectedClearly() {
        try (Model model = smallMlp()) {
            IllegalArgumentException epochs = assertThrows(IllegalArgumentException.class, () -> Fit.of(model).epochs(0));
            assertTrue(epochs.getMessage().contains("epochs must be at least 1"), epochs.getMessage());
            IllegalArgumentException clip = assertThrows(IllegalArgumentException.class,
                    () -> Fit.of(model).clipGradNorm(-1));
            assertTrue(clip.getMessage().contains("maxNorm"), clip.getMessage());
            IllegalArgumentException empty = assertThrows(IllegalArgumentException.class,
                    () -> Fit.of(model).validateOn(validation().subset(new int[0], "none")).quiet().run(train()));
            assertTrue(empty.getMessage().contains("empty"), empty.getMessage());
            Examples other = Examples.of("other", new float[30], new ai.djl.ndarray.types.Shape(3), new float[10],
                    List.of("a"));
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> Fit.of(model).validateOn(other).quiet().run(train()));
            assertTrue(e.getMessage().contains("shape"), e.getMessage());
        }
    }

    @Test
    void wrongInputSizeIsExplained() {
        Examples wide = Examples.of("wide", new float[10 * 784], new ai.djl.ndarray.types.Shape(1, 28, 28),
                new float[10], List.of("a"));
        try (Model model = smallMlp()) {
            Exception e = assertThrows(Exception.class, () -> Fit.of(model).quiet().run(wide));
            assertTrue(String.valueOf(e.getMessage()).contains("takes 400 values per sample, but got 784"), e.getMessage());
        }
    }

    /** Softmax cross-entropy that returns NaN from its n-th evaluation on. */
    private static final class PoisonedLoss extends Loss {
        private final Loss inner = Loss.softmaxCrossEntropyLoss();
        private final int poisonFrom;
        private int calls;

        PoisonedLoss(int poisonFrom) {
            super("PoisonedLoss");
            this.poisonFrom = poisonFrom;
        }

        @Override
        public NDArray evaluate(NDList labels, NDList predictions) {
            NDArray loss = inner.evaluate(labels, predictions);
            return ++calls >= poisonFrom ? loss.mul(Float.NaN) : loss;
        }
    }

    @Test
    void resumeOfAMissingCheckpointStartsFresh() {
        try (Model model = smallMlp()) {
            History h = fit(model, Optimizers.adam(1e-3), dir.resolve("none-yet.zip")).epochs(1).run(train());
            assertEquals(1, h.size());
            assertTrue(Files.exists(dir.resolve("none-yet.zip")));
        }
    }

    static Map<String, Double> last(History h) {
        return h.last().values();
    }
}
