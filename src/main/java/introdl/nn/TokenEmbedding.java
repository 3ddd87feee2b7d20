package introdl.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.ndarray.types.SparseFormat;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Parameter;
import ai.djl.nn.core.Embedding;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;

/**
 * A learnt vector for every token index: input (any shape) of indices in {@code [0, vocabulary)},
 * output the same shape plus one axis of {@code size}. It does what DJL's {@code IdEmbedding}
 * does, with the same parameter ({@code embedding}, vocabulary x size), so models saved with that
 * block load into this one; the difference is reproducibility. {@code IdEmbedding} looks rows up
 * by indexing, whose gradient PyTorch accumulates on CPU with parallel atomic additions when it
 * has more than one thread, so two runs from the same seed drift apart in the last bits (and then
 * write different tunes). This block uses PyTorch's embedding operation, whose CPU gradient gives
 * each table row to one thread and adds in index order: the same bits every run.
 */
public final class TokenEmbedding extends AbstractBlock {
    private final int vocabulary;
    private final int size;
    private final Parameter table;

    /** An embedding of {@code vocabulary} tokens, each as a vector of {@code size}. */
    public TokenEmbedding(int vocabulary, int size) {
        if (vocabulary < 1 || size < 1) {
            throw new IllegalArgumentException("an embedding needs at least 1 token and 1 dimension, got "
                    + vocabulary + " and " + size);
        }
        this.vocabulary = vocabulary;
        this.size = size;
        table = addParameter(Parameter.builder().setName("embedding").setType(Parameter.Type.WEIGHT)
                .optShape(new Shape(vocabulary, size)).build());
    }

    /** The number of tokens it has a vector for. */
    public int vocabulary() {
        return vocabulary;
    }

    /** The length of each token's vector. */
    public int size() {
        return size;
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        return new Shape[] {inputShapes[0].addAll(new Shape(size))};
    }

    @Override
    protected NDList forwardInternal(ParameterStore store, NDList inputs, boolean training,
            PairList<String, Object> params) {
        NDArray ids = inputs.singletonOrThrow();
        NDArray vectors = store.getValue(table, ids.getDevice(), training);
        return Embedding.embedding(ids.toType(DataType.INT64, false), vectors, SparseFormat.DENSE);
    }

    @Override
    public String toString() {
        return "TokenEmbedding(" + vocabulary + " x " + size + ")";
    }
}
