package introdl.sequence;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.core.Linear;
import ai.djl.nn.recurrent.LSTM;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;
import introdl.nn.TokenEmbedding;

/**
 * The Lab 1 model: a character's index → a learnt embedding ({@link TokenEmbedding}) → an LSTM
 * → a score for every character of the vocabulary: which comes next. Input (batch, time) of
 * character indices; output (batch, time, vocabulary). Given the LSTM's state (h, c) as second
 * and third inputs, it continues from there and returns the new state too, which is how text is
 * generated one character at a time.
 */
public final class CharLstm extends AbstractBlock {
    private final int vocabulary;
    private final int embedding;
    private final int hidden;
    private final int layers;
    private final float dropout;
    private final TokenEmbedding embed;
    private final LSTM lstm;
    private final Linear output;

    /**
     * A model over {@code vocabulary} characters.
     *
     * @param embedding the size of each character's learnt vector
     * @param hidden the LSTM's units
     */
    public CharLstm(int vocabulary, int embedding, int hidden) {
        this(vocabulary, embedding, hidden, 1, 0);
    }

    /**
     * A model with {@code layers} stacked LSTM layers, each layer's output dropped out at rate
     * {@code dropout} while training before it reaches the next (the last layer's output is not).
     */
    public CharLstm(int vocabulary, int embedding, int hidden, int layers, double dropout) {
        if (vocabulary < 2 || embedding < 1 || hidden < 1 || layers < 1) {
            throw new IllegalArgumentException("need a vocabulary of at least 2 and positive sizes, got "
                    + vocabulary + ", " + embedding + ", " + hidden + ", " + layers + " layer(s)");
        }
        if (!(dropout >= 0 && dropout < 1)) {
            throw new IllegalArgumentException("the dropout rate must be in [0, 1), got " + dropout);
        }
        this.vocabulary = vocabulary;
        this.embedding = embedding;
        this.hidden = hidden;
        this.layers = layers;
        this.dropout = (float) dropout;
        embed = addChildBlock("embedding", new TokenEmbedding(vocabulary, embedding));
        lstm = addChildBlock("lstm", LSTM.builder().setStateSize(hidden).setNumLayers(layers)
                .optDropRate(this.dropout).optBatchFirst(true).optReturnState(true).build());
        output = addChildBlock("output", Linear.builder().setUnits(vocabulary).build());
    }

    public int vocabularySize() {
        return vocabulary;
    }

    public int hiddenSize() {
        return hidden;
    }

    public int embeddingSize() {
        return embedding;
    }

    /** How many LSTM layers are stacked (the first dimension of the state). */
    public int layers() {
        return layers;
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
        return "CharLstm(vocabulary " + vocabulary + ", embedding " + embedding + ", LSTM " + hidden
                + (layers > 1 ? " x " + layers + " layers" : "") + (dropout > 0 ? ", dropout " + dropout : "") + ")";
    }
}
