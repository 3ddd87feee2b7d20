package introdl.basics;

import ai.djl.Model;
import ai.djl.nn.Block;
import introdl.data.Examples;
import introdl.train.Comparison;
import introdl.train.Fit;
import introdl.train.History;
import introdl.train.Models;
import introdl.train.Optimizers;
import introdl.train.TrainingDivergedException;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;

/**
 * Lecture 1's optimisation experiments, each a set of training runs on the same problem from the
 * same initial weights (the same seed): gradient descent with the whole dataset, one sample or a
 * mini-batch per step; a sweep of learning rates; and the adaptive optimisers. Every run goes
 * through the one fit loop; a run whose loss blows up is reported as diverged, not thrown.
 */
public final class Optimization {
    /** How far above its first epoch's loss a run may rise before its verdict is "unstable". */
    static final double UNSTABLE = 10;
    /** The mini-batch size of {@link #gradientDescentModes}. */
    public static final int MINI_BATCH = 32;

    private Optimization() {}

    /**
     * Full-batch gradient descent, stochastic gradient descent (batch of 1) and mini-batch
     * gradient descent, all plain SGD at {@code learningRate} for {@code epochs} passes: the same
     * number of gradient evaluations, very different numbers of steps.
     */
    public static Comparison gradientDescentModes(Examples train, Supplier<Block> network, double learningRate,
            int epochs, long seed) {
        Comparison comparison = Comparison.titled("Gradient descent: batch size");
        int[] batches = {train.size(), 1, MINI_BATCH};
        String[] names = {"full batch (GD)", "batch of 1 (SGD)", "mini-batch of " + MINI_BATCH};
        for (int k = 0; k < batches.length; k++) {
            train(comparison, names[k], train, network, Optimizers.sgd(learningRate), batches[k], epochs, seed);
        }
        return comparison;
    }

    /** Plain SGD at each rate in {@code rates}, each run labelled with its verdict. */
    public static Comparison learningRates(Examples train, Supplier<Block> network, double[] rates, int epochs,
            int batchSize, long seed) {
        Comparison comparison = Comparison.titled("Learning rate");
        for (double rate : rates) {
            train(comparison, String.format(Locale.ROOT, "lr %.3g", rate), train, network, Optimizers.sgd(rate),
                    batchSize, epochs, seed);
        }
        return comparison;
    }

    /** Each optimiser in {@code optimizers}, trained from the same initial weights. */
    public static Comparison optimizers(Examples train, Supplier<Block> network, List<Optimizers.Spec> optimizers,
            int epochs, int batchSize, long seed) {
        Comparison comparison = Comparison.titled("Optimisers");
        for (Optimizers.Spec spec : optimizers) {
            train(comparison, spec.toString().replace(", constant", ""), train, network, spec, batchSize, epochs, seed);
        }
        return comparison;
    }

    private static void train(Comparison comparison, String name, Examples train, Supplier<Block> network,
            Optimizers.Spec optimizer, int batchSize, int epochs, long seed) {
        run(comparison, name, train, network,
                fit -> fit.optimizer(optimizer).epochs(epochs).batchSize(batchSize).seed(seed));
    }

    /**
     * Trains a fresh {@code network} on {@code train} with the fit loop set up by {@code settings}
     * and adds the run to {@code comparison} with its verdict, or with the epoch in which it
     * diverged.
     */
    public static void run(Comparison comparison, String name, Examples train, Supplier<Block> network,
            UnaryOperator<Fit> settings) {
        try (Model model = Models.create(name, network.get())) {
            History history = settings.apply(Fit.of(model).quiet()).run(train);
            comparison.add(name, history, verdict(history));
        } catch (TrainingDivergedException e) {
            comparison.add(name, e.history(), "diverges (the loss became infinite in epoch "
                    + (e.history().size() + 1) + ")");
        }
    }

    /**
     * A verdict on a finished run's whole training curve: "diverges" if it ends above where it
     * began; "unstable" if on the way it rose above 10 times its first epoch's loss, or exploded
     * within an epoch (the fit loop's warning), and came back; "barely moves" if it fell by under
     * 10%; "oscillates" if it rose in over a third of the epochs; else "converges".
     */
    static String verdict(History history) {
        double[] loss = history.series(History.LOSS);
        if (loss.length == 0) {
            return "converges";
        }
        double first = loss[0];
        double last = loss[loss.length - 1];
        double peak = first;
        int rises = 0;
        for (int i = 1; i < loss.length; i++) {
            peak = Math.max(peak, loss[i]);
            if (loss[i] > loss[i - 1]) {
                rises++;
            }
        }
        if (!Double.isFinite(last) || last > first) {
            return "diverges";
        }
        if (peak > UNSTABLE * first) {
            return String.format(Locale.ROOT, "unstable (the loss rose to %.2g before falling back)", peak);
        }
        if (!history.warnings().isEmpty()) {
            return "unstable (the loss exploded within an epoch before falling back)";
        }
        if ((first - last) / first < 0.10) {
            return "barely moves";
        }
        if (rises > (loss.length - 1) / 3) {
            return "oscillates";
        }
        return "converges";
    }
}
