package introdl.sequence;

import introdl.basics.Optimization;
import introdl.data.Examples;
import introdl.train.Comparison;
import introdl.train.Optimizers;
import java.util.Locale;
import java.util.function.Supplier;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.nn.recurrent.LSTM;
import ai.djl.nn.recurrent.RNN;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;
import introdl.train.NoGrad;
import introdl.train.Seeds;
import introdl.viz.LineChart;
import java.util.Map;

/**
 * How much of the loss at the last step of a sequence reaches each earlier input, k steps back:
 * ‖∂L/∂x_(T−k)‖. Through a vanilla RNN it shrinks geometrically (vanishing gradients) or, with
 * large recurrent weights, grows (exploding); the LSTM's additive cell state carries it further.
 */
public final class GradientThroughTime {
    private GradientThroughTime() {}

    /** Which recurrent layer to measure. */
    public enum Cell {
        /** DJL's vanilla tanh RNN. */
        RNN,
        /** DJL's LSTM. */
        LSTM
    }

    /**
     * The gradient norm reaching each input, index k = steps back from the last step (0 = the last).
     *
     * @param recurrentScale multiplies the recurrent (h2h) weights after initialisation: above
     *     about 1.5 a tanh RNN's gradients explode
     * @param forgetBias the LSTM's forget-gate bias (ignored for the RNN): 0 leaves the gate half
     *     open (σ(0) = 0.5) and the cell forgets fast; 1 to 3 keeps it open, as LSTMs learn to
     */
    public static double[] norms(Cell cell, int steps, int inputs, int hidden, double recurrentScale,
            double forgetBias, long seed) {
        try (NDManager manager = NDManager.newBaseManager()) {
            Seeds.seedEngine(seed);
            Block block = cell == Cell.RNN
                    ? RNN.builder().setStateSize(hidden).setNumLayers(1).optBatchFirst(true)
                            .setActivation(RNN.Activation.TANH).build()
                    : LSTM.builder().setStateSize(hidden).setNumLayers(1).optBatchFirst(true).build();
            block.initialize(manager, DataType.FLOAT32, new Shape(1, steps, inputs));
            NoGrad.run(() -> {
                for (var pair : block.getParameters()) {
                    NDArray value = pair.getValue().getArray();
                    if (pair.getKey().contains("h2h") && pair.getValue().getType() == Parameter.Type.WEIGHT) {
                        value.muli((float) recurrentScale);
                    }
                    if (cell == Cell.LSTM && pair.getKey().equals("l_0_i2h_BIAS")) {
                        // gates are stacked input, forget, candidate, output
                        value.set(new NDIndex("{}:{}", hidden, 2 * hidden), (float) forgetBias);
                    }
                }
            });
            NDArray x = manager.randomNormal(new Shape(1, steps, inputs));
            x.setRequiresGradient(true);
            try (GradientCollector collector = Engine.getInstance().newGradientCollector()) {
                NDArray out = block.forward(new ParameterStore(manager, false), new NDList(x), true).head();
                collector.backward(out.get(new NDIndex(":, -1, :")).sum());
            }
            NDArray grad = x.getGradient();
            double[] norms = new double[steps];
            for (int k = 0; k < steps; k++) {
                NDArray g = grad.get(new NDIndex(":, {}, :", steps - 1 - k));
                norms[k] = Math.sqrt(g.square().sum().getFloat());
            }
            return norms;
        }
    }

    /** The norms as ratios of the last step's, to compare cells of different scales. */
    public static double[] relative(double[] norms) {
        double[] out = new double[norms.length];
        for (int k = 0; k < norms.length; k++) {
            out[k] = norms[k] / norms[0];
        }
        return out;
    }

    /**
     * Exploding gradients tamed: the same network, from the same initial weights, trained with
     * plain gradients and with their norm clipped to {@code maxNorm} (the direction kept, the
     * length capped), each run with its verdict.
     */
    public static Comparison clipping(Examples train, Supplier<Block> network, Optimizers.Spec optimizer,
            double maxNorm, int epochs, int batchSize, long seed) {
        Comparison comparison = Comparison.titled("Gradient clipping");
        Optimization.run(comparison, "no clipping", train, network,
                fit -> fit.optimizer(optimizer).epochs(epochs).batchSize(batchSize).seed(seed));
        Optimization.run(comparison, String.format(Locale.ROOT, "norm clipped to %g", maxNorm), train, network,
                fit -> fit.optimizer(optimizer).epochs(epochs).batchSize(batchSize).seed(seed).clipGradNorm(maxNorm));
        return comparison;
    }

    /** Gradient norm against steps back, one line per cell (log scale). */
    public static LineChart chart(String title, Map<String, double[]> normsByCell) {
        LineChart chart = LineChart.of(title).axes("steps back from the loss (k)", "gradient norm").logY();
        normsByCell.forEach((name, norms) -> {
            double[] k = new double[norms.length];
            for (int i = 0; i < k.length; i++) {
                k[i] = i;
            }
            chart.series(name, k, norms);
        });
        return chart;
    }
}
