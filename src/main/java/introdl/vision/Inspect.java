package introdl.vision;

import ai.djl.Model;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.nn.convolutional.Convolution;
import ai.djl.training.ParameterStore;
import introdl.train.NoGrad;
import introdl.viz.ImageGrid;
import java.util.ArrayList;
import java.util.List;

/**
 * Looking inside a trained convolutional network: the kernels its first layer learnt, and the
 * feature maps one input produces after each convolution, as image grids.
 */
public final class Inspect {
    private Inspect() {}

    /** One layer's feature maps for one input: {@code channels x height x width} values. */
    public record FeatureMaps(String layer, float[] values, long[] shape) {
        /** The maps as a grid, one image per channel, each rescaled to black..white. */
        public ImageGrid grid(int columns, int scale) {
            ImageGrid grid = ImageGrid.columns(columns).scale(scale);
            int plane = (int) (shape[1] * shape[2]);
            for (int c = 0; c < shape[0]; c++) {
                float[] map = java.util.Arrays.copyOfRange(values, c * plane, (c + 1) * plane);
                grid.add(Pixels.rescaled(map), new long[] {shape[1], shape[2]}, null);
            }
            return grid;
        }
    }

    /**
     * The first convolution's kernels, one image each (first input channel), rescaled to
     * black..white: what the network learnt to look for in the raw pixels.
     *
     * @throws IllegalArgumentException if the model has no convolution
     */
    public static ImageGrid firstLayerFilters(Model model, int columns, int scale) {
        for (var pair : model.getBlock().getParameters()) {
            Parameter p = pair.getValue();
            Shape shape = p.getArray().getShape();
            if (p.getType() == Parameter.Type.WEIGHT && shape.dimension() == 4) {
                float[] weights = p.getArray().toFloatArray();
                int kernelSize = (int) (shape.get(2) * shape.get(3));
                int perFilter = (int) (shape.get(1) * kernelSize);
                ImageGrid grid = ImageGrid.columns(columns).scale(scale);
                for (int f = 0; f < shape.get(0); f++) {
                    float[] kernel = java.util.Arrays.copyOfRange(weights, f * perFilter, f * perFilter + kernelSize);
                    grid.add(Pixels.rescaled(kernel), new long[] {shape.get(2), shape.get(3)}, null);
                }
                return grid;
            }
        }
        throw new IllegalArgumentException("model '" + model.getName() + "' has no convolution layer");
    }

    /**
     * The feature maps of {@code sample} after each top-level block of a sequential network that
     * holds a convolution (in a {@link Cnn}: convolution, batch norm and ReLU together).
     */
    public static List<FeatureMaps> featureMaps(Model model, float[] sample, Shape sampleShape) {
        List<FeatureMaps> maps = new ArrayList<>();
        try (NDManager manager = model.getNDManager().newSubManager()) {
            NoGrad.run(() -> {
                ParameterStore store = new ParameterStore(manager, false);
                NDList x = new NDList(manager.create(sample, new Shape(1).addAll(sampleShape)));
                for (var child : model.getBlock().getChildren()) {
                    x = child.getValue().forward(store, x, false);
                    if (containsConvolution(child.getValue())) {
                        maps.add(snapshot("convolution " + (maps.size() + 1), x.head()));
                    }
                }
            });
        }
        return maps;
    }

    private static FeatureMaps snapshot(String layer, NDArray activations) {
        long[] shape = activations.getShape().slice(1).getShape();
        return new FeatureMaps(layer, activations.toFloatArray(), shape);
    }

    private static boolean containsConvolution(Block block) {
        return block instanceof Convolution
                || block.getChildren().values().stream().anyMatch(Inspect::containsConvolution);
    }
}
