package introdl.bench;

import ai.djl.Model;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.training.DefaultTrainingConfig;
import ai.djl.training.EasyTrain;
import ai.djl.training.GradientCollector;
import ai.djl.training.Trainer;
import ai.djl.training.dataset.ArrayDataset;
import ai.djl.training.dataset.Batch;
import ai.djl.training.evaluator.Accuracy;
import ai.djl.training.listener.TrainingListener;
import ai.djl.training.loss.Loss;
import ai.djl.training.optimizer.Optimizer;
import ai.djl.training.tracker.Tracker;
import ai.djl.translate.TranslateException;
import ai.djl.nn.Block;
import introdl.data.Examples;
import introdl.train.Fit;
import introdl.train.Models;
import introdl.train.Optimizers;
import introdl.train.Seeds;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.function.Supplier;

/**
 * Trains the same model three ways and times each epoch: with the introdl fit loop, with a plain
 * hand-written DJL loop over the same stacked tensors (forward, loss, backward, step), and with
 * DJL's idiomatic {@code ArrayDataset} + {@code EasyTrain} loop. The ratio of the first two is
 * the kit's overhead.
 */
final class LoopBenchmark {
    private final String description;
    private final Supplier<Block> network;
    private final Examples train;
    private final int batchSize;
    private final int epochs;

    LoopBenchmark(String description, Supplier<Block> network, Examples train, int batchSize, int epochs) {
        this.description = description;
        this.network = network;
        this.train = train;
        this.batchSize = batchSize;
        this.epochs = epochs;
    }

    String description() {
        return description;
    }

    Examples train() {
        return train;
    }

    int epochs() {
        return epochs;
    }

    /** Seconds per epoch with the introdl fit loop at {@code threads} CPU threads, with or without accuracy. */
    double[] kit(int threads, boolean accuracy, long seed) {
        try (Model model = Models.create("bench", network.get())) {
            double[] seconds = new double[epochs];
            Fit fit = Fit.of(model).optimizer(Optimizers.adam(1e-3)).epochs(epochs).batchSize(batchSize).seed(seed)
                    .threads(threads).quiet()
                    .afterEpoch(h -> seconds[h.size() - 1] = h.last().get("seconds"));
            if (!accuracy) {
                fit.metrics();
            }
            fit.run(train);
            return seconds;
        }
    }

    /**
     * Seconds per epoch with a plain DJL loop: stacked tensors, a gradient collector, step; the
     * loss read every batch, and the training accuracy too if asked (as the fit loop reports it).
     */
    double[] plain(int threads, boolean accuracy, long seed) {
        try (Model model = Models.create("bench", network.get());
                Trainer trainer = model.newTrainer(config(false))) {
            Seeds.seedEngine(seed);
            trainer.initialize(train.batchShape(batchSize));
            introdl.train.Threads.set(threads);
            double[] seconds = new double[epochs];
            try (NDManager data = trainer.getManager().newSubManager()) {
                NDArray x = train.features(data);
                NDArray y = train.labels(data);
                long n = train.size();
                for (int epoch = 0; epoch < epochs; epoch++) {
                    long start = System.nanoTime();
                    double lossSum = 0;
                    long correct = 0;
                    try (NDManager epochManager = data.newSubManager()) {
                        NDArray order = epochManager.create(Seeds.permutation(train.size(), Seeds.derive(seed, epoch)));
                        NDArray xs = x.get(order);
                        NDArray ys = y.get(order);
                        xs.attach(epochManager);
                        ys.attach(epochManager);
                        for (long from = 0; from < n; from += batchSize) {
                            try (NDManager batch = epochManager.newSubManager()) {
                                NDIndex rows = new NDIndex().addSliceDim(from, Math.min(from + batchSize, n));
                                NDArray xb = xs.get(rows);
                                NDArray yb = ys.get(rows);
                                xb.attach(batch);
                                yb.attach(batch);
                                try (GradientCollector collector = trainer.newGradientCollector()) {
                                    NDList predictions = trainer.forward(new NDList(xb));
                                    NDArray loss = trainer.getLoss().evaluate(new NDList(yb), predictions);
                                    collector.backward(loss);
                                    lossSum += loss.getFloat();
                                    if (accuracy) {
                                        correct += predictions.head().argMax(-1).eq(yb).countNonzero().getLong();
                                    }
                                }
                                trainer.step();
                            }
                        }
                    }
                    seconds[epoch] = (System.nanoTime() - start) / 1e9;
                    if (!Double.isFinite(lossSum) || correct > n) {
                        throw new IllegalStateException("plain loop diverged");
                    }
                }
            }
            return seconds;
        }
    }

    /** Seconds per epoch with DJL's idiomatic loop: ArrayDataset batches and EasyTrain. */
    double[] idiomatic(int threads, long seed) {
        try (Model model = Models.create("bench", network.get());
                Trainer trainer = model.newTrainer(config(true));
                NDManager data = NDManager.newBaseManager()) {
            Seeds.seedEngine(seed);
            trainer.initialize(train.batchShape(batchSize));
            introdl.train.Threads.set(threads);
            ArrayDataset dataset = new ArrayDataset.Builder()
                    .setData(train.features(data)).optLabels(train.labels(data))
                    .setSampling(batchSize, true).build();
            trainer.notifyListeners(listener -> listener.onTrainingBegin(trainer));
            double[] seconds = new double[epochs];
            for (int epoch = 0; epoch < epochs; epoch++) {
                long start = System.nanoTime();
                for (Batch batch : trainer.iterateDataset(dataset)) {
                    EasyTrain.trainBatch(trainer, batch);
                    trainer.step();
                    batch.close();
                }
                trainer.notifyListeners(listener -> listener.onEpoch(trainer));
                seconds[epoch] = (System.nanoTime() - start) / 1e9;
            }
            return seconds;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (TranslateException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The thread count the fit loop chooses for this model and batch size. */
    int autoThreads() {
        try (Model model = Models.create("bench", network.get())) {
            model.getBlock().initialize(model.getNDManager(), ai.djl.ndarray.types.DataType.FLOAT32,
                    train.batchShape(batchSize));
            return introdl.train.Threads.forModel(model.getBlock(), batchSize);
        }
    }

    /** The same training configuration for both DJL loops; the idiomatic one also tracks accuracy as DJL's examples do. */
    private static DefaultTrainingConfig config(boolean idiomatic) {
        DefaultTrainingConfig config = new DefaultTrainingConfig(Loss.softmaxCrossEntropyLoss())
                .optOptimizer(Optimizer.adam().optLearningRateTracker(Tracker.fixed(1e-3f)).build())
                .optDevices(introdl.train.Devices.forTraining());
        return idiomatic ? config.addEvaluator(new Accuracy()).addTrainingListeners(TrainingListener.Defaults.basic())
                : config;
    }
}
