package introdl.basics;

import ai.djl.Model;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.nn.Parameter;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;
import ai.djl.training.loss.Loss;
import introdl.data.Examples;
import introdl.train.Models;
import introdl.train.Seeds;
import introdl.viz.LineChart;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * How big the gradient is at each layer of a network, for one batch: in a deep stack of sigmoid
 * layers with small initial weights it shrinks layer by layer towards the input (vanishing
 * gradients); ReLU with He initialisation, or batch normalisation, keeps it alive.
 */
public final class GradientFlow {
    private GradientFlow() {}

    /**
     * The L2 norm of the loss gradient with respect to each dense layer's weights, first layer
     * first, for a freshly initialised {@code mlp} on {@code batch}.
     */
    public static double[] layerGradientNorms(Mlp mlp, Examples batch, long seed) {
        try (Model model = Models.create("gradient-flow", mlp.build(), batch.sampleShape(), seed);
                NDManager manager = model.getNDManager().newSubManager()) {
            NDArray x = batch.features(manager);
            NDArray y = batch.labels(manager);
            Seeds.seedEngine(seed);
            try (GradientCollector collector = Engine.getInstance().newGradientCollector()) {
                NDList out = model.getBlock().forward(new ParameterStore(manager, false), new NDList(x), true);
                Loss loss = batch.isClassification() ? Loss.softmaxCrossEntropyLoss() : Loss.l2Loss("mse", 1f);
                collector.backward(loss.evaluate(new NDList(y), out));
            }
            List<Double> norms = new ArrayList<>();
            for (var pair : model.getBlock().getParameters()) {
                Parameter p = pair.getValue();
                if (p.getType() == Parameter.Type.WEIGHT && p.getArray().getShape().dimension() == 2) {
                    NDArray g = p.getArray().getGradient();
                    norms.add((double) g.toType(DataType.FLOAT64, false).square().sum().sqrt().getDouble());
                }
            }
            return norms.stream().mapToDouble(Double::doubleValue).toArray();
        }
    }

    /** Gradient norm per layer (log scale), one line per network. */
    public static LineChart chart(Map<String, double[]> normsByNetwork) {
        LineChart chart = LineChart.of("Gradient size per layer").axes("layer (input side first)", "gradient norm")
                .logY();
        normsByNetwork.forEach((name, norms) -> {
            double[] layers = new double[norms.length];
            for (int i = 0; i < norms.length; i++) {
                layers[i] = i + 1;
            }
            chart.series(name, layers, norms);
        });
        return chart;
    }
}
