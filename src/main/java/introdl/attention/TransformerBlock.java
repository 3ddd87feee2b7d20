package introdl.attention;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.nn.Activation;
import ai.djl.nn.core.Linear;
import ai.djl.nn.norm.Dropout;
import ai.djl.nn.norm.LayerNorm;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One pre-norm transformer block, as in GPT-2: {@code x + attention(norm(x))}, then
 * {@code x + mlp(norm(x))}, where the MLP widens each position to 4 × width ({@code up}), applies
 * GELU and narrows back ({@code down}). Attention mixes information between positions; the MLP
 * works on each position alone. The residual path lets gradients reach early blocks unchanged,
 * and normalising before each part (pre-norm) keeps deep stacks stable without warm-up tricks.
 *
 * <p>DJL's own {@code TransformerEncoderBlock} is post-norm (norm after the residual sum) with
 * batch norm and no causal mask: the BERT layout, not a GPT block, so introdl has this one.
 */
public final class TransformerBlock extends ProjectingBlock {
    private final int width;
    private final float dropoutRate;
    private final LayerNorm attentionNorm;
    private final MultiHeadAttention attention;
    private final LayerNorm mlpNorm;
    private Block up;
    private Block down;
    private final Dropout dropout;

    /** A block of {@code width} with {@code heads} heads; causal for a language model. */
    public TransformerBlock(int width, int heads, boolean causal, double dropout) {
        this.width = width;
        this.dropoutRate = (float) dropout;
        attentionNorm = addChildBlock("attentionNorm", LayerNorm.builder().axis(2).build());
        attention = addChildBlock("attention", new MultiHeadAttention(width, heads, causal, dropout));
        mlpNorm = addChildBlock("mlpNorm", LayerNorm.builder().axis(2).build());
        up = addChildBlock("up", Linear.builder().setUnits(4L * width).build());
        down = addChildBlock("down", Linear.builder().setUnits(width).build());
        this.dropout = addChildBlock("dropout", Dropout.builder().optRate(dropoutRate).build());
    }

    public MultiHeadAttention attention() {
        return attention;
    }

    /** The MLP's two projections, {@code up} and {@code down} (the attention's are {@link #attention()}'s). */
    @Override
    public Map<String, Block> projections() {
        Map<String, Block> named = new LinkedHashMap<>();
        named.put("up", up);
        named.put("down", down);
        return named;
    }

    @Override
    protected void assign(String name, Block replacement) {
        if (name.equals("up")) {
            up = replacement;
        } else {
            down = replacement;
        }
    }

    @Override
    protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
        Shape x = inputShapes[0];
        attentionNorm.initialize(manager, dataType, x);
        attention.initialize(manager, dataType, x);
        mlpNorm.initialize(manager, dataType, x);
        up.initialize(manager, dataType, x);
        down.initialize(manager, dataType, new Shape(x.get(0), x.get(1), 4L * width));
        dropout.initialize(manager, dataType, x);
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        return new Shape[] {inputShapes[0]};
    }

    @Override
    protected NDList forwardInternal(ParameterStore store, NDList inputs, boolean training,
            PairList<String, Object> params) {
        return new NDList(forward(store, inputs.head(), null, 0, training).head());
    }

    /**
     * The block on {@code x} (B, T, width), using and extending {@code cache} (or none) at layer
     * {@code layer}.
     *
     * @return the block's output, then its attention weights (B, heads, T, positions)
     */
    public NDList forward(ParameterStore store, NDArray x, KvCache cache, int layer, boolean training) {
        NDArray normed = attentionNorm.forward(store, new NDList(x), training).head();
        NDList attended = attention.attend(store, normed, null, cache, layer, training);
        NDArray h = x.add(drop(store, attended.head(), training));
        NDArray inner = up.forward(store, new NDList(mlpNorm.forward(store, new NDList(h), training).head()), training)
                .head();
        NDArray mlpOut = down.forward(store, new NDList(Activation.gelu(inner)), training).head();
        return new NDList(h.add(drop(store, mlpOut, training)), attended.get(1));
    }

    private NDArray drop(ParameterStore store, NDArray x, boolean training) {
        return training && dropoutRate > 0 ? dropout.forward(store, new NDList(x), true).head() : x;
    }

    @Override
    public String toString() {
        return "TransformerBlock(width " + width + ", " + attention.heads() + " heads, pre-norm)";
    }
}
