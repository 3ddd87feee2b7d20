package introdl.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.util.Pair;
import java.util.List;

/**
 * A copy of every parameter of a block (weights, biases, batch-norm statistics) as bytes, and
 * restoring such a copy into the block's own arrays in place, so that a trainer holding those
 * arrays sees the restored values.
 */
final class Weights {
    private static final NDIndex ALL = new NDIndex("...");

    private Weights() {}

    /** Encodes all parameters, in the block's parameter order. */
    static byte[] save(Block block) {
        List<Pair<String, Parameter>> params = block.getParameters().stream().toList();
        NDList arrays = new NDList(params.size());
        for (Pair<String, Parameter> p : params) {
            arrays.add(p.getValue().getArray());
        }
        return arrays.encode();
    }

    /**
     * Copies encoded parameters into the block's arrays.
     *
     * @throws IllegalStateException if the encoded parameters do not fit this block
     */
    static void restore(Block block, byte[] encoded, NDManager scratch) {
        List<Pair<String, Parameter>> params = block.getParameters().stream().toList();
        try (NDManager manager = scratch.newSubManager()) {
            NDList saved = NDList.decode(manager, encoded);
            if (saved.size() != params.size()) {
                throw new IllegalStateException("saved weights have " + saved.size()
                        + " parameters but the model has " + params.size() + ": it is a different model");
            }
            for (int i = 0; i < params.size(); i++) {
                NDArray target = params.get(i).getValue().getArray();
                NDArray source = saved.get(i);
                if (!source.getShape().equals(target.getShape())) {
                    throw new IllegalStateException("saved parameter " + params.get(i).getKey() + " has shape "
                            + source.getShape() + " but the model's has " + target.getShape()
                            + ": it is a different model");
                }
                // index_put_ writes into the parameter's own storage; NDArray.copyTo would swap in a
                // Java-owned buffer through a deprecated PyTorch path that prints a warning
                NoGrad.run(() -> target.set(ALL, source));
            }
        }
    }
}
