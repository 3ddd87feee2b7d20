package introdl.train;

import ai.djl.Device;
import ai.djl.Model;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.NDScope;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.nn.norm.BatchNorm;
import ai.djl.training.DefaultTrainingConfig;
import ai.djl.training.GradientCollector;
import ai.djl.training.Trainer;
import ai.djl.training.dataset.Batch;
import ai.djl.training.loss.L2Loss;
import ai.djl.training.loss.Loss;
import ai.djl.training.loss.SoftmaxCrossEntropyLoss;
import ai.djl.training.optimizer.Optimizer;
import ai.djl.training.tracker.Tracker;
import ai.djl.translate.Batchifier;
import introdl.data.Augment;
import introdl.data.Examples;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The one fit loop of introdl: a short builder over DJL's {@link Trainer}. It keeps the data on
 * the device as one stacked tensor, shuffles it each epoch from a seed, and records a
 * {@link History}. Early stopping, gradient clipping, weight decay, learning-rate schedules,
 * checkpoints after every epoch and exact resume are all options of this one loop.
 *
 * <pre>{@code
 * History history = Fit.of(model).optimizer(Optimizers.adam(1e-3)).epochs(10).batchSize(64)
 *         .validateOn(split.test()).run(split.train());
 * }</pre>
 *
 * <p>Its step is DJL's (forward, loss, backward, {@code Trainer.step}, split across devices);
 * early stopping and checkpoints are its own rather than DJL's listeners, because resuming
 * exactly needs the optimiser state and the best weights in the checkpoint, and the best weights
 * restored in place. PyTorch's random generator and thread count are process-wide, so run one
 * fit at a time per JVM; the thread count is restored when a fit ends.
 */
public final class Fit {
    // independent random streams, each a function of (seed, epoch) only, for exact resume
    private static final long ENGINE_STREAM = 1;
    /** How many times its first batch's loss an epoch's loss must reach to count as exploded. */
    static final double EXPLODED = 100;
    private static final long SHUFFLE_STREAM = 2;
    private static final long AUGMENT_STREAM = 3;

    private final Model model;
    private Loss loss;
    private List<Metric> metrics;
    private Optimizers.Spec optimizer = Optimizers.adam(1e-3);
    private int epochs = 10;
    private int batchSize = 64;
    private long seed = 42;
    private Examples validation;
    private int patience;
    private double minDelta;
    private boolean restoreBest = true;
    private double clipNorm;
    private double clipValue = -1;
    private Path checkpoint;
    private boolean resume;
    private boolean newRate;
    private Progress progress = Progress.console();
    private Device[] devices;
    private int threads;
    private Consumer<History> afterEpoch = h -> {};
    private Augment augment;
    private EpochSampler sampler;
    private int examplesPerEpoch;

    private Fit(Model model) {
        this.model = model;
    }

    /** A fit loop for {@code model} (which holds the block to train). */
    public static Fit of(Model model) {
        if (model.getBlock() == null) {
            throw new IllegalArgumentException("model '" + model.getName() + "' has no block: call model.setBlock first");
        }
        return new Fit(model);
    }

    /**
     * The loss to minimise (default: softmax cross-entropy for class labels, mean squared error
     * for regression targets).
     */
    public Fit loss(Loss newLoss) {
        this.loss = newLoss;
        return this;
    }

    /** Metrics to track beside the loss (default: accuracy when the loss is softmax cross-entropy). */
    public Fit metrics(Metric... newMetrics) {
        this.metrics = List.of(newMetrics);
        return this;
    }

    /** The optimiser with its learning rate, schedule and weight decay (default: Adam 1e-3). */
    public Fit optimizer(Optimizers.Spec spec) {
        this.optimizer = spec;
        return this;
    }

    /** How many passes over the training data (default 10). */
    public Fit epochs(int count) {
        this.epochs = positive("epochs", count);
        return this;
    }

    /** Samples per parameter update (default 64). */
    public Fit batchSize(int size) {
        this.batchSize = positive("batch size", size);
        return this;
    }

    /**
     * The seed of initialisation, shuffling, augmentation and dropout (default 42): the same seed
     * gives the same history on CPU at the same thread count.
     */
    public Fit seed(long newSeed) {
        this.seed = newSeed;
        return this;
    }

    /** Data to measure validation loss and metrics on after every epoch. */
    public Fit validateOn(Examples data) {
        this.validation = data;
        return this;
    }

    /**
     * Stops when the validation loss (the training loss without validation data) has not improved
     * by more than {@code minDelta} for {@code patience} epochs, then restores the best weights.
     */
    public Fit earlyStopping(int patienceEpochs, double minImprovement) {
        this.patience = positive("patience", patienceEpochs);
        if (!(minImprovement >= 0)) {
            throw new IllegalArgumentException("minImprovement must be >= 0, got " + minImprovement);
        }
        this.minDelta = minImprovement;
        return this;
    }

    /** Whether early stopping restores the best epoch's weights at the end (default true). */
    public Fit restoreBestWeights(boolean restore) {
        this.restoreBest = restore;
        return this;
    }

    /** Rescales all gradients together so their global L2 norm is at most {@code maxNorm}. */
    public Fit clipGradNorm(double maxNorm) {
        if (!(maxNorm > 0)) {
            throw new IllegalArgumentException("maxNorm must be positive, got " + maxNorm);
        }
        this.clipNorm = maxNorm;
        return this;
    }

    /** Clips every gradient element to [-limit, limit] (DJL's clipGrad). */
    public Fit clipGradValue(double limit) {
        if (!(limit > 0)) {
            throw new IllegalArgumentException("limit must be positive, got " + limit);
        }
        this.clipValue = limit;
        return this;
    }

    /**
     * Writes a checkpoint to {@code file} after every epoch (atomically). With {@code resume}, a
     * run whose checkpoint exists continues after its last completed epoch, with the same result
     * as an uninterrupted run.
     */
    public Fit checkpoint(Path file, boolean resumeIfPresent) {
        this.checkpoint = file;
        this.resume = resumeIfPresent;
        return this;
    }

    /**
     * Lets a resumed run continue a checkpoint written with another learning rate (the same
     * optimiser otherwise): after a divergence, the run goes on from its last good epoch with a
     * smaller rate instead of replaying the divergence. Every other setting must still match.
     */
    public Fit newLearningRateOnResume(boolean allowed) {
        this.newRate = allowed;
        return this;
    }

    /** Where progress is reported (default: {@link Progress#console()}). */
    public Fit progress(Progress newProgress) {
        this.progress = newProgress;
        return this;
    }

    /** Prints nothing while training. */
    public Fit quiet() {
        return progress(Progress.quiet());
    }

    /** Trains on these devices instead of every GPU found (or the CPU). */
    public Fit devices(Device... chosen) {
        this.devices = chosen.clone();
        return this;
    }

    /** PyTorch CPU threads (default: chosen from the model's size, see {@link Threads}). */
    public Fit threads(int count) {
        this.threads = positive("threads", count);
        return this;
    }

    /** Shows the model a freshly warped copy of the training images every epoch. */
    public Fit augment(Augment augmentation) {
        this.augment = augmentation;
        return this;
    }

    /**
     * Lets {@code epochSampler} choose each epoch's examples instead of a plain shuffle (for
     * example, to draw rare examples more often).
     */
    public Fit sampler(EpochSampler epochSampler) {
        this.sampler = epochSampler;
        return this;
    }

    /**
     * Makes an epoch {@code count} examples drawn from each epoch's shuffle (or sampler's order)
     * instead of all of them: for a large set such as every window of a corpus, where one full
     * pass would leave hours between checkpoints and validations. Each epoch draws afresh.
     */
    public Fit examplesPerEpoch(int count) {
        this.examplesPerEpoch = positive("examples per epoch", count);
        return this;
    }

    /** Called with the history after every epoch (and its checkpoint) has been completed. */
    public Fit afterEpoch(Consumer<History> callback) {
        this.afterEpoch = callback;
        return this;
    }

    /**
     * Trains the model on {@code train}.
     *
     * @return the history of every epoch, including those of an earlier run that was resumed
     * @throws TrainingDivergedException if the loss becomes NaN or infinite
     */
    public History run(Examples train) {
        if (train.size() < 2) {
            throw new IllegalArgumentException("need at least 2 training samples, got " + train.size());
        }
        if (validation != null && !validation.sampleShape().equals(train.sampleShape())) {
            throw new IllegalArgumentException("validation samples have shape " + validation.sampleShape()
                    + " but training samples have shape " + train.sampleShape());
        }
        if (validation != null && validation.size() == 0) {
            throw new IllegalArgumentException("the validation set is empty; pass none, or some samples");
        }
        if (Math.min(batchSize, train.size()) < 2 && hasBatchNorm(model.getBlock())) {
            throw new IllegalArgumentException("batch norm needs at least 2 samples per batch to compute their "
                    + "statistics; use a batch size above 1, or a model without batch norm");
        }
        Device[] devs = devices != null ? devices : Devices.forTraining();
        if (clipNorm > 0 && devs.length > 1) {
            throw new UnsupportedOperationException(
                    "clipGradNorm works on one device; use clipGradValue, or devices(...) with one device");
        }
        Loss objective = loss != null ? loss
                : train.isClassification() ? Loss.softmaxCrossEntropyLoss() : new L2Loss("mse", 1f);
        List<Metric> tracked = metrics != null ? metrics
                : objective instanceof SoftmaxCrossEntropyLoss ? List.of(Metric.accuracy()) : List.of();
        if (examplesPerEpoch > train.size()) {
            throw new IllegalArgumentException("an epoch of " + examplesPerEpoch + " examples needs at least that many; "
                    + "the training set has " + train.size());
        }
        int steps = stepsPerEpoch(epochSize(train.size()));
        Optimizer djlOptimizer = optimizer.build(steps, epochs, clipValue);
        Tracker rate = optimizer.tracker(steps, epochs);
        DefaultTrainingConfig config = new DefaultTrainingConfig(objective).optOptimizer(djlOptimizer).optDevices(devs);

        Seeds.seedEngine(seed);
        int threadsBefore = Threads.get();
        try (Trainer trainer = model.newTrainer(config)) {
            trainer.initialize(train.batchShape(Math.min(batchSize, train.size())));
            if (!devs[0].isGpu()) {
                Threads.set(threads > 0 ? threads : Threads.forModel(model.getBlock(), batchSize));
            }
            Run run = new Run(trainer, djlOptimizer, rate, tracked, steps, fingerprint(train, objective),
                    settings(train, objective));
            return run.train(train);
        } finally {
            progress.close();
            Threads.set(threadsBefore);
        }
    }

    private static boolean hasBatchNorm(Block block) {
        if (block instanceof BatchNorm) {
            return true;
        }
        return block.getChildren().values().stream().anyMatch(Fit::hasBatchNorm);
    }

    /** One run of the loop: the state that changes from epoch to epoch. */
    private final class Run {
        private final Trainer trainer;
        private final Optimizer djlOptimizer;
        private final Tracker rate;
        private final List<Metric> tracked;
        private final int steps;
        private final String fingerprint;
        private final String settings;
        private Checkpoint.State state = new Checkpoint.State();
        private History history = new History();
        private byte[] bestWeights;

        Run(Trainer trainer, Optimizer djlOptimizer, Tracker rate, List<Metric> tracked, int steps,
                String fingerprint, String settings) {
            this.trainer = trainer;
            this.djlOptimizer = djlOptimizer;
            this.rate = rate;
            this.tracked = tracked;
            this.steps = steps;
            this.fingerprint = fingerprint;
            this.settings = settings;
            state.fingerprint = fingerprint;
            state.settings = settings;
        }

        History train(Examples train) {
            if (resume && checkpoint != null && Files.exists(checkpoint)) {
                restore(Checkpoint.read(checkpoint));
                if (state.finished) {
                    return history;
                }
            }
            Device device = trainer.getDevices()[0];
            try (NDManager data = trainer.getManager().newSubManager(device)) {
                NDArray x = train.features(data);
                NDArray y = train.labels(data);
                NDArray vx = validation == null ? null : validation.features(data);
                NDArray vy = validation == null ? null : validation.labels(data);
                for (int epoch = state.epoch + 1; epoch <= epochs && !state.finished; epoch++) {
                    Seeds.seedEngine(epochSeed(ENGINE_STREAM, epoch));
                    long start = System.nanoTime();
                    progress.epochStarted(epoch, epochs, steps);
                    Map<String, Double> values = trainEpoch(data, train, x, y, epoch);
                    if (vx != null) {
                        // twice the training batch: a batch that trains in memory validates in it, gradients gone
                        values.putAll(Inference.evaluate(trainer::evaluate, data, vx, vy, trainer.getLoss(), tracked,
                                "val_", Math.min(Inference.BATCH_SIZE, 2 * batchSize)));
                        requireFinite(values.get(History.VAL_LOSS), epoch, "validation");
                    }
                    values.put(History.LR, (double) rate.getNewValue(epoch * steps));
                    values.put(History.SECONDS, (System.nanoTime() - start) / 1e9);
                    History.Epoch finished = new History.Epoch(epoch, values);
                    history.add(finished);
                    endEpoch(epoch, values);
                    progress.epochFinished(finished);
                    afterEpoch.accept(history);
                }
            }
            return history;
        }

        private Map<String, Double> trainEpoch(NDManager data, Examples train, NDArray x, NDArray y, int epoch) {
            long n = epochSize((int) x.getShape().get(0));
            double lossSum = 0;
            double[] metricSums = new double[tracked.size()];
            long seen = 0;
            try (NDManager epochManager = data.newSubManager()) {
                NDArray order = epochManager.create(java.util.Arrays.copyOf(epochOrder((int) x.getShape().get(0), epoch),
                        (int) n));
                NDArray source = augment == null ? x
                        : train.augmented(augment, epochSeed(AUGMENT_STREAM, epoch)).features(epochManager);
                NDArray xs = source.get(order);
                NDArray ys = y.get(order);
                xs.attach(epochManager);
                ys.attach(epochManager);
                for (int b = 0; b < steps; b++) {
                    long from = (long) b * batchSize;
                    long to = Math.min(from + batchSize, n);
                    try (NDManager batchManager = epochManager.newSubManager()) {
                        NDIndex rows = new NDIndex().addSliceDim(from, to);
                        // the step's arrays follow its inputs' manager: this batch's, freed after the step
                        NDList xb = new NDList(xs.get(rows));
                        NDList yb = new NDList(ys.get(rows));
                        xb.attach(batchManager);
                        yb.attach(batchManager);
                        Batch batch = new Batch(batchManager, xb, yb, (int) (to - from),
                                Batchifier.STACK, Batchifier.STACK, b, steps);
                        double[] sums = step(batch);
                        if (Double.isNaN(state.firstLoss)) {
                            state.firstLoss = sums[0] / (to - from);
                        }
                        lossSum += sums[0];
                        for (int m = 0; m < metricSums.length; m++) {
                            metricSums[m] += sums[m + 1];
                        }
                    }
                    seen = to;
                    requireFinite(lossSum, epoch, "batch " + (b + 1));
                    progress.batchFinished(b + 1, lossSum / seen,
                            metricSums.length > 0 ? metricSums[0] / seen : Double.NaN);
                }
            }
            Map<String, Double> values = new LinkedHashMap<>();
            values.put(History.LOSS, lossSum / seen);
            for (int m = 0; m < tracked.size(); m++) {
                values.put(tracked.get(m).name(), metricSums[m] / seen);
            }
            return values;
        }

        private long[] epochOrder(int n, int epoch) {
            long seed = epochSeed(SHUFFLE_STREAM, epoch);
            if (sampler == null) {
                return Seeds.permutation(n, seed);
            }
            int[] chosen = sampler.order(model, n, epoch, seed);
            if (chosen.length != n) {
                throw new IllegalStateException("the epoch sampler chose " + chosen.length + " examples for an epoch of "
                        + n + "; it must choose exactly one index per training example");
            }
            long[] order = new long[n];
            for (int i = 0; i < n; i++) {
                if (chosen[i] < 0 || chosen[i] >= n) {
                    throw new IllegalStateException("the epoch sampler chose index " + chosen[i] + " of " + n
                            + " training examples");
                }
                order[i] = chosen[i];
            }
            return order;
        }

        /** One parameter update; returns the batch's loss sum and metric sums. */
        private double[] step(Batch batch) {
            double[] sums = new double[tracked.size() + 1];
            try (GradientCollector collector = trainer.newGradientCollector()) {
                Batch[] parts = trainer.getDevices().length == 1 ? new Batch[] {batch}
                        : batch.split(trainer.getDevices(), false);
                for (Batch part : parts) {
                    NDList predictions = trainer.forward(part.getData(), part.getLabels());
                    NDArray lossValue = trainer.getLoss().evaluate(part.getLabels(), predictions);
                    collector.backward(lossValue);
                    sums[0] += lossValue.getFloat() * part.getSize();
                    for (int m = 0; m < tracked.size(); m++) {
                        sums[m + 1] += Metric.read(tracked.get(m).batchSum(part.getLabels().head(), predictions.head()));
                    }
                }
            }
            if (clipNorm > 0) {
                clipByGlobalNorm();
            }
            trainer.step();
            return sums;
        }

        private void clipByGlobalNorm() {
            // getGradient() wraps the gradient in a new array each call: the scope closes the wrappers
            try (NDScope scope = new NDScope()) {
                List<NDArray> grads = new ArrayList<>();
                for (var pair : model.getBlock().getParameters()) {
                    Parameter p = pair.getValue();
                    if (p.requiresGradient() && p.getArray().hasGradient()) {
                        grads.add(p.getArray().getGradient());
                    }
                }
                clipGlobalNorm(grads, clipNorm);
            }
        }

        private void endEpoch(int epoch, Map<String, Double> values) {
            state.epoch = epoch;
            warnIfExploded(epoch, values.get(History.LOSS));
            double monitored = values.getOrDefault(History.VAL_LOSS, values.get(History.LOSS));
            if (patience > 0) {
                if (monitored < state.bestValue - minDelta) {
                    state.bestValue = monitored;
                    state.bestEpoch = epoch;
                    state.badEpochs = 0;
                    history.markBest(epoch);
                    if (restoreBest) {
                        bestWeights = Weights.save(model.getBlock());
                    }
                } else if (++state.badEpochs >= patience) {
                    state.stoppedEarly = true;
                    history.markStoppedEarly();
                }
            }
            state.finished = state.stoppedEarly || epoch == epochs;
            if (state.finished && bestWeights != null && state.bestEpoch != epoch) {
                Weights.restore(model.getBlock(), bestWeights, trainer.getManager());
                state.restoredEpoch = state.bestEpoch;
                history.markRestored(state.bestEpoch);
            }
            if (checkpoint != null) {
                new Checkpoint(state, history, Weights.save(model.getBlock()), bestWeights,
                        OptimizerState.save(djlOptimizer, model.getBlock())).write(checkpoint);
            }
        }

        /**
         * A loss that grows by orders of magnitude has diverged even while it stays finite (the
         * weights shoot off, the accuracy falls to chance): said once, kept in the history.
         */
        private void warnIfExploded(int epoch, double loss) {
            if (!state.warnings.isEmpty() || !(state.firstLoss > 0) || !(loss > EXPLODED * state.firstLoss)) {
                return;
            }
            String warning = String.format(Locale.ROOT, "the training loss exploded: %.3g in epoch %d against %.3g "
                    + "on the first batch, more than %.0f times as much, so training has diverged although no "
                    + "number became NaN and its results mean little. Try a smaller learning rate (now %s), "
                    + "gradient clipping or batch norm.", loss, epoch, state.firstLoss, EXPLODED, optimizer);
            state.warnings.add(warning);
            history.warn(warning);
            progress.warning(warning);
        }

        private void restore(Checkpoint saved) {
            boolean sameButTheRate = newRate && settings.equals(saved.state.settings);
            if (!fingerprint.equals(saved.state.fingerprint) && !sameButTheRate) {
                throw new CheckpointException("checkpoint " + checkpoint + " was written by a different run ("
                        + saved.state.fingerprint + "); this run is " + fingerprint
                        + ". Resume with the same settings, or start a new run.");
            }
            Weights.restore(model.getBlock(), saved.weights, trainer.getManager());
            OptimizerState.restore(djlOptimizer, saved.optimizer, model.getBlock(), trainer.getManager(),
                    trainer.getDevices()[0]);
            state = saved.state;
            state.fingerprint = fingerprint;
            state.settings = settings;
            history = saved.history;
            state.warnings.forEach(history::warn);
            bestWeights = saved.bestWeights;
        }

        private void requireFinite(double value, int epoch, String where) {
            if (Double.isFinite(value)) {
                return;
            }
            String saved = checkpoint != null && Files.exists(checkpoint)
                    ? " The last good checkpoint (epoch " + state.epoch + ") is kept at " + checkpoint + "."
                    : "";
            throw new TrainingDivergedException(String.format(Locale.ROOT,
                    "the %s loss became %s in epoch %d (%s), so training stopped.%s Try a smaller learning "
                            + "rate (now %s) or gradient clipping.",
                    where.startsWith("batch") ? "training" : where, value, epoch, where, saved, optimizer),
                    history, checkpoint != null && Files.exists(checkpoint) ? checkpoint : null,
                    optimizer.learningRate(), state.epoch);
        }
    }

    /**
     * Scales {@code grads} in place so that their global L2 norm is at most {@code maxNorm}.
     *
     * @return the global norm before clipping
     */
    static double clipGlobalNorm(List<NDArray> grads, double maxNorm) {
        double norm;
        try (NDScope scope = new NDScope()) {
            NDArray squares = grads.get(0).getManager().zeros(new ai.djl.ndarray.types.Shape());
            for (NDArray g : grads) {
                squares = squares.add(g.square().sum());
            }
            norm = Math.sqrt(squares.getFloat());
        }
        if (norm > maxNorm) {
            float scale = (float) (maxNorm / (norm + 1e-6));
            grads.forEach(g -> g.muli(scale));
        }
        return norm;
    }

    /** The seed of one random stream in one epoch: a function of the run's seed and the epoch alone. */
    private long epochSeed(long stream, int epoch) {
        return Seeds.derive(Seeds.derive(seed, stream), epoch);
    }

    /** The examples one epoch sees: all of them, or {@link #examplesPerEpoch}. */
    private int epochSize(int samples) {
        return examplesPerEpoch > 0 ? Math.min(examplesPerEpoch, samples) : samples;
    }

    private int stepsPerEpoch(int samples) {
        return stepsPerEpoch(samples, batchSize);
    }

    /**
     * The parameter updates in one epoch over {@code samples} in batches of {@code batchSize}: a
     * last partial batch counts, unless it would hold a single sample (which would break batch
     * norm, and adds nothing), and is then dropped.
     */
    public static int stepsPerEpoch(int samples, int batchSize) {
        int full = samples / batchSize;
        int rest = samples % batchSize;
        return full + (rest > 1 || full == 0 ? 1 : 0);
    }

    /**
     * Everything but the learning rate that must be the same for a checkpoint to be continued
     * with a new rate ({@link #newLearningRateOnResume}): the fingerprint with only the
     * optimiser's kind.
     */
    private String settings(Examples train, Loss objective) {
        return fingerprint(train, objective, optimizer.learningRate(1));
    }

    /** Everything that must be the same for a checkpoint to continue this run exactly. */
    private String fingerprint(Examples train, Loss objective) {
        return fingerprint(train, objective, optimizer);
    }

    private String fingerprint(Examples train, Loss objective, Optimizers.Spec optimizer) {
        StringBuilder model = new StringBuilder(this.model.getBlock().toString());
        this.model.getBlock().getParameters().forEach(p -> model.append(p.getValue().getArray().getShape()));
        return String.format(Locale.ROOT, "seed %d, %d epochs, batch %d, %d samples%s of %s, %s, %s, clip %s/%s, "
                        + "augment %s, patience %d/%s/%s, sampler %s, model %08x",
                seed, epochs, batchSize, train.size(), examplesPerEpoch > 0 ? " (" + examplesPerEpoch + " an epoch)" : "",
                train.sampleShape(), optimizer,
                describe(objective), clipNorm, clipValue, augment, patience, minDelta, restoreBest,
                sampler == null ? "none" : describe(sampler), model.toString().hashCode());
    }

    /** An object's own description (settings included) if its class gives one, else its class's name. */
    private static String describe(Object setting) {
        try {
            boolean own = setting.getClass().getMethod("toString").getDeclaringClass() != Object.class
                    && !setting.getClass().isSynthetic();
            return own ? setting.toString() : setting.getClass().isSynthetic() ? "a custom one"
                    : setting.getClass().getSimpleName();
        } catch (NoSuchMethodException e) {
            return setting.getClass().getSimpleName();
        }
    }

    private static int positive(String what, int value) {
        if (value < 1) {
            throw new IllegalArgumentException(what + " must be at least 1, got " + value);
        }
        return value;
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "Fit[%s, %d epochs, batch %d, seed %d%s]", optimizer, epochs, batchSize,
                seed, validation == null ? "" : ", validation " + validation.size());
    }
}
