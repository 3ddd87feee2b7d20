package introdl.sequence;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.core.Linear;
import ai.djl.nn.recurrent.LSTM;
import ai.djl.nn.transformer.IdEmbedding;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;

/**
 * The Lab 1 model: a character's index → a learnt embedding (DJL {@code IdEmbedding}) → an LSTM
 * → a score for every character of the vocabulary: which comes next. Input (batch, time) of
 * character indices; output (batch, time, vocabulary). Given the LSTM's state (h, c) as second
 * and third inputs, it continues from there and returns the new state too, which is how text is
 * generated one character at a time.
 */
public final class CharLstm extends AbstractBlock {
    private final int vocabulary;
    private final int embedding;
    private final int hidden;
    private final IdEmbedding embed;
    private final LSTM lstm;
    private final Linear output;

    /**
     * A model over {@code vocabulary} characters.
     *
     * @param embedding the size of each character's learnt vector
     * @param hidden the LSTM's units
     */
    public CharLstm(int vocabulary, int embedding, int hidden) {
        if (vocabulary < 2 || embedding < 1 || hidden < 1) {
            throw new IllegalArgumentException("need a vocabulary of at least 2 and positive sizes, got "
                    + vocabulary + ", " + embedding + ", " + hidden);
        }
        this.vocabulary = vocabulary;
        this.embedding = embedding;
        this.hidden = hidden;
        embed = addChildBlock("embedding", new IdEmbedding.Builder().setDictionarySize(vocabulary)
                .setEmbeddingSize(embedding).build());
        lstm = addChildBlock("lstm", LSTM.builder().setStateSize(hidden).setNumLayers(1).optBatchFirst(true)
                .optReturnState(true).build());
        output = addChildBlock("output", Linear.builder().setUnits(vocabulary).build());
    }

    public int vocabularySize() {
        return vocabulary;
    }

    public int hiddenSize() {
        return hidden;
    }

    @Override
    protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
        Shape ids = inputShapes[0];
        embed.initialize(manager, dataType, ids);
        lstm.initialize(manager, dataType, new Shape(ids.get(0), ids.get(1), embedding));
        output.initialize(manager, dataType, new Shape(ids.get(0), ids.get(1), hidden));
    }

    @Override
    protected NDList forwardInternal(ParameterStore store, NDList inputs, boolean training,
            PairList<String, Object> params) {
        NDArray ids = inputs.head().toType(DataType.INT64, false);
        NDArray vectors = embed.forward(store, new NDList(ids), training).head();
        NDList lstmInputs = inputs.size() == 3 ? new NDList(vectors, inputs.get(1), inputs.get(2)) : new NDList(vectors);
        NDList states = lstm.forward(store, lstmInputs, training);
        NDArray scores = output.forward(store, new NDList(states.head()), training).head();
        if (inputs.size() == 3) {
            return new NDList(scores, states.get(1), states.get(2));
        }
        return new NDList(scores);
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        Shape ids = inputShapes[0];
        return new Shape[] {new Shape(ids.get(0), ids.get(1), vocabulary)};
    }

    @Override
    public String toString() {
        return "CharLstm(vocabulary " + vocabulary + ", embedding " + embedding + ", LSTM " + hidden + ")";
    }
}
