package introdl.attention;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.nn.core.Linear;
import ai.djl.nn.norm.Dropout;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Self-attention with several heads: the input is projected to queries, keys and values
 * ({@code query}, {@code key}, {@code value}: one dense layer each), split into {@code heads}
 * narrower heads that attend independently ({@link Attention#apply}), and the heads' outputs are
 * joined and projected back ({@code output}). Each head can learn to look for something else (the
 * previous token, the start of a word, a matching bracket). Input (B, T, width) and an optional
 * 1/0 mask broadcasting to (B, T, T); output (B, T, width). A causal layer adds the causal mask
 * itself.
 */
public final class MultiHeadAttention extends ProjectingBlock {
    private final int width;
    private final int heads;
    private final boolean causal;
    private final float dropoutRate;
    private Block query;
    private Block key;
    private Block value;
    private Block output;
    private final Dropout dropout;

    /**
     * @param width the model's width, split evenly between the heads
     * @param causal whether each position may attend only to itself and earlier positions
     * @param dropout the rate at which attention weights are dropped while training (0 for none)
     */
    public MultiHeadAttention(int width, int heads, boolean causal, double dropout) {
        if (heads < 1 || width < 1 || width % heads != 0) {
            throw new IllegalArgumentException("the width (" + width + ") must split evenly into " + heads + " heads");
        }
        if (!(dropout >= 0 && dropout < 1)) {
            throw new IllegalArgumentException("dropout must be in [0, 1), got " + dropout);
        }
        this.width = width;
        this.heads = heads;
        this.causal = causal;
        this.dropoutRate = (float) dropout;
        query = addChildBlock("query", projection(width));
        key = addChildBlock("key", projection(width));
        value = addChildBlock("value", projection(width));
        output = addChildBlock("output", projection(width));
        this.dropout = addChildBlock("dropout", Dropout.builder().optRate(dropoutRate).build());
    }

    private static Linear projection(int width) {
        return Linear.builder().setUnits(width).optBias(true).build();
    }

    public int heads() {
        return heads;
    }

    /** The four projections by name (query, key, value, output): what fine-tuning adapts. */
    @Override
    public Map<String, Block> projections() {
        Map<String, Block> named = new LinkedHashMap<>();
        named.put("query", query);
        named.put("key", key);
        named.put("value", value);
        named.put("output", output);
        return named;
    }

    @Override
    protected void assign(String name, Block replacement) {
        switch (name) {
            case "query" -> query = replacement;
            case "key" -> key = replacement;
            case "value" -> value = replacement;
            default -> output = replacement;
        }
    }

    @Override
    protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
        for (Block projection : projections().values()) {
            projection.initialize(manager, dataType, inputShapes[0]);
        }
        // no weights, but a saved block records every child's input shape
        dropout.initialize(manager, dataType, inputShapes[0]);
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        return new Shape[] {inputShapes[0]};
    }

    @Override
    protected NDList forwardInternal(ParameterStore store, NDList inputs, boolean training,
            PairList<String, Object> params) {
        NDArray mask = inputs.size() > 1 ? inputs.get(1) : null;
        return new NDList(attend(store, inputs.head(), mask, null, 0, training).head());
    }

    /**
     * The layer's work, with the cache used in generation: the new positions' keys and values are
     * appended to {@code cache}'s layer {@code layer} (when a cache is given) and the new queries
     * attend to all cached positions.
     *
     * @return the outputs (B, T, width), then the attention weights (B, heads, T, positions)
     */
    public NDList attend(ParameterStore store, NDArray x, NDArray mask, KvCache cache, int layer, boolean training) {
        long batch = x.getShape().get(0);
        int length = (int) x.getShape().get(1);
        NDArray q = splitHeads(query.forward(store, new NDList(x), training).head());
        NDArray k = splitHeads(key.forward(store, new NDList(x), training).head());
        NDArray v = splitHeads(value.forward(store, new NDList(x), training).head());
        if (cache != null) {
            NDArray[] all = cache.append(layer, k, v);
            k = all[0];
            v = all[1];
        }
        int positions = (int) k.getShape().get(2);
        // the scores are (B, heads, T, S): a (B, T|1, S) mask needs a heads axis, or broadcasting
        // would line its batch axis up with the heads (sequence b's mask applied to head b)
        NDArray allowed = mask != null && mask.getShape().dimension() == 3 ? mask.expandDims(1) : mask;
        if (causal && length > 1) {
            NDArray order = Attention.causalMask(x.getManager(), length, positions);
            allowed = allowed == null ? order : order.mul(allowed);
        }
        NDArray weights = Attention.weights(Attention.scores(q, k), allowed);
        NDArray kept = training && dropoutRate > 0 ? dropout.forward(store, new NDList(weights), true).head() : weights;
        NDArray joined = Attention.weightedSum(kept, v).transpose(0, 2, 1, 3).reshape(batch, length, width);
        return new NDList(output.forward(store, new NDList(joined), training).head(), weights);
    }

    /** (B, T, width) to (B, heads, T, width / heads): each head gets its own slice of every vector. */
    private NDArray splitHeads(NDArray x) {
        Shape shape = x.getShape();
        return x.reshape(shape.get(0), shape.get(1), heads, width / heads).transpose(0, 2, 1, 3);
    }

    @Override
    public String toString() {
        return "MultiHeadAttention(width " + width + ", " + heads + " heads" + (causal ? ", causal" : "") + ")";
    }
}
