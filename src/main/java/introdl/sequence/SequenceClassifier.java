package introdl.sequence;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.core.Linear;
import ai.djl.nn.recurrent.LSTM;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;
import introdl.nn.TokenEmbedding;

/**
 * Many-to-one: a sequence of character indices → embedding → LSTM → its state after the last
 * character → a score per class. Input (batch, time), output (batch, classes).
 */
public final class SequenceClassifier extends AbstractBlock {
    private final int embedding;
    private final int hidden;
    private final int classes;
    private final TokenEmbedding embed;
    private final LSTM lstm;
    private final Linear output;

    public SequenceClassifier(int vocabulary, int embedding, int hidden, int classes) {
        if (vocabulary < 2 || embedding < 1 || hidden < 1 || classes < 2) {
            throw new IllegalArgumentException("need a vocabulary of at least 2, positive sizes and 2 or more "
                    + "classes, got " + vocabulary + ", " + embedding + ", " + hidden + ", " + classes);
        }
        this.embedding = embedding;
        this.hidden = hidden;
        this.classes = classes;
        embed = addChildBlock("embedding", new TokenEmbedding(vocabulary, embedding));
        lstm = addChildBlock("lstm", LSTM.builder().setStateSize(hidden).setNumLayers(1).optBatchFirst(true).build());
        output = addChildBlock("output", Linear.builder().setUnits(classes).build());
    }

    @Override
    protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
        Shape ids = inputShapes[0];
        embed.initialize(manager, dataType, ids);
        lstm.initialize(manager, dataType, new Shape(ids.get(0), ids.get(1), embedding));
        output.initialize(manager, dataType, new Shape(ids.get(0), hidden));
    }

    @Override
    protected NDList forwardInternal(ParameterStore store, NDList inputs, boolean training,
            PairList<String, Object> params) {
        NDArray ids = inputs.head().toType(DataType.INT64, false);
        NDArray vectors = embed.forward(store, new NDList(ids), training).head();
        NDArray states = lstm.forward(store, new NDList(vectors), training).head();
        NDArray last = states.get(new NDIndex(":, -1, :"));
        return output.forward(store, new NDList(last), training);
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        return new Shape[] {new Shape(inputShapes[0].get(0), classes)};
    }
}
