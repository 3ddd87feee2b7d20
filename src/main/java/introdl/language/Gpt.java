package introdl.language;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Parameter;
import ai.djl.nn.core.Embedding;
import ai.djl.nn.core.Linear;
import ai.djl.nn.norm.LayerNorm;
import ai.djl.training.ParameterStore;
import ai.djl.training.initializer.NormalInitializer;
import ai.djl.util.PairList;
import introdl.attention.KvCache;
import introdl.attention.Positions;
import introdl.attention.TransformerBlock;
import ai.djl.nn.Block;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A GPT, the decoder-only transformer of GPT-2 and nanoGPT, as DJL blocks: each token id becomes
 * its embedding plus the embedding of its position, passes through {@code layers} causal pre-norm
 * {@link TransformerBlock}s and a final layer norm, and is scored against every token of the
 * vocabulary by the same embedding matrix read backwards (a tied output head: similar tokens
 * share a vector in and out, and the model has a third fewer parameters at this size).
 * Input (B, T) token ids with T at most the context; output (B, T, vocabulary) scores for the next
 * token at every position.
 *
 * <p>Weights start as in GPT-2: normal with σ 0.02 (σ 0.02/√(2·layers) for the projections that
 * write into the residual stream, so its variance does not grow with depth), biases zero.
 */
public final class Gpt extends AbstractBlock {
    private final GptConfig config;
    private final Parameter tokens;
    private final Parameter positions;
    private final List<TransformerBlock> blocks = new ArrayList<>();
    private final LayerNorm finalNorm;

    public Gpt(GptConfig config) {
        this.config = config;
        tokens = addParameter(Parameter.builder().setName("tokenEmbedding").setType(Parameter.Type.WEIGHT)
                .optShape(new Shape(config.vocabulary(), config.width())).build());
        positions = config.positions() == Positions.Kind.LEARNED
                ? addParameter(Parameter.builder().setName("positionEmbedding").setType(Parameter.Type.WEIGHT)
                        .optShape(new Shape(config.context(), config.width())).build())
                : null;
        for (int i = 0; i < config.layers(); i++) {
            blocks.add(addChildBlock("block" + i,
                    new TransformerBlock(config.width(), config.heads(), true, config.dropout())));
        }
        finalNorm = addChildBlock("finalNorm", LayerNorm.builder().axis(2).build());
        setInitializer(new NormalInitializer(0.02f), Parameter.Type.WEIGHT);
        float residual = (float) (0.02 / Math.sqrt(2.0 * config.layers()));
        for (TransformerBlock block : blocks) {
            block.attention().projections().get("output").setInitializer(new NormalInitializer(residual),
                    Parameter.Type.WEIGHT);
            block.projections().get("down").setInitializer(new NormalInitializer(residual), Parameter.Type.WEIGHT);
        }
    }

    public GptConfig config() {
        return config;
    }

    /** The transformer blocks, first to last. */
    public List<TransformerBlock> blocks() {
        return List.copyOf(blocks);
    }

    /**
     * Every dense projection of every block by path, in order: {@code block0.query},
     * {@code block0.key}, {@code block0.value}, {@code block0.output}, {@code block0.up},
     * {@code block0.down}, then {@code block1.query} and so on. The last part of a path is what
     * fine-tuning targets (the course's q, k, v, o, up and down projections).
     */
    public Map<String, Block> projections() {
        Map<String, Block> all = new LinkedHashMap<>();
        for (int i = 0; i < blocks.size(); i++) {
            String prefix = "block" + i + ".";
            blocks.get(i).attention().projections().forEach((name, block) -> all.put(prefix + name, block));
            blocks.get(i).projections().forEach((name, block) -> all.put(prefix + name, block));
        }
        return all;
    }

    /** Puts {@code replacement} in place of the projection at {@code path} (one of {@link #projections()}'s keys). */
    public void replaceProjection(String path, Block replacement) {
        int dot = path.indexOf('.');
        int layer = -1;
        try {
            layer = dot > 5 && path.startsWith("block") ? Integer.parseInt(path.substring(5, dot)) : -1;
        } catch (NumberFormatException e) {
            // reported below
        }
        if (layer < 0 || layer >= blocks.size() || !projections().containsKey(path)) {
            throw new IllegalArgumentException("no projection '" + path + "' in " + this + "; paths look like "
                    + "block0.query (layers 0 to " + (blocks.size() - 1) + "; query, key, value, output, up, down)");
        }
        String name = path.substring(dot + 1);
        TransformerBlock block = blocks.get(layer);
        if (block.projections().containsKey(name)) {
            block.replaceProjection(name, replacement);
        } else {
            block.attention().replaceProjection(name, replacement);
        }
    }

    @Override
    protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
        Shape x = new Shape(inputShapes[0].get(0), inputShapes[0].get(1), config.width());
        for (TransformerBlock block : blocks) {
            block.initialize(manager, dataType, x);
        }
        finalNorm.initialize(manager, dataType, x);
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        return new Shape[] {new Shape(inputShapes[0].get(0), inputShapes[0].get(1), config.vocabulary())};
    }

    @Override
    protected NDList forwardInternal(ParameterStore store, NDList inputs, boolean training,
            PairList<String, Object> params) {
        return new NDList(forward(store, inputs.head(), null, null, training));
    }

    /**
     * Scores for the next token after each of {@code ids} (B, T). With a {@code cache}, the ids are
     * the tokens that follow the cached ones, and their keys and values are added to it.
     * {@code maps}, when not null, receives each layer's attention weights (B, heads, T, positions).
     */
    public NDArray forward(ParameterStore store, NDArray ids, KvCache cache, List<NDArray> maps, boolean training) {
        int length = (int) ids.getShape().get(1);
        int start = cache == null ? 0 : cache.length();
        if (start + length > config.context()) {
            throw new IllegalArgumentException("the model sees at most " + config.context() + " tokens at once, got "
                    + (start + length) + (start > 0 ? " (" + start + " cached)" : "")
                    + "; keep only the last " + config.context());
        }
        Device device = ids.getDevice();
        NDArray table = store.getValue(tokens, device, training);
        NDArray x = Embedding.embedding(ids.toType(DataType.INT64, false), table, ai.djl.ndarray.types.SparseFormat.DENSE).head();
        x = x.add(positionVectors(store, ids.getManager(), device, start, length, training));
        for (int i = 0; i < blocks.size(); i++) {
            NDList out = blocks.get(i).forward(store, x, cache, i, training);
            x = out.head();
            if (maps != null) {
                maps.add(out.get(1));
            }
        }
        NDArray normed = finalNorm.forward(store, new NDList(x), training).head();
        // normed · tableᵀ as a linear layer, so the result lives with the batch, not with the weights
        return Linear.linear(normed, table).head();
    }

    private NDArray positionVectors(ParameterStore store, NDManager manager, Device device, int start, int length,
            boolean training) {
        if (positions == null) {
            return Positions.sinusoidal(manager, start + length, config.width())
                    .get(new NDIndex().addSliceDim(start, start + length));
        }
        NDArray rows = store.getValue(positions, device, training).get(new NDIndex().addSliceDim(start, start + length));
        // a slice starts out with the weights' manager; it belongs to this pass
        rows.attach(manager);
        return rows;
    }

    @Override
    public String toString() {
        return config.toString();
    }
}
