package introdl.attention;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
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
import java.util.ArrayList;
import java.util.List;

/**
 * An RNN encoder-decoder, with or without attention: lecture 2's step from RNNs to attention.
 * An LSTM encoder reads the input tokens; an LSTM decoder starts from the encoder's final state
 * (h, c) and writes one token per step, reading the token before.
 *
 * <ul>
 *   <li>{@link #withoutAttention}: the decoder sees the input only through that final state, the
 *       bottleneck: one fixed-size vector must hold the whole string.
 *   <li>{@link #withAttention}: at every step the decoder's output, through a learnt linear map,
 *       queries all encoder states ({@link Attention#apply}: scaled dot product, padding masked),
 *       and the context it gets back is concatenated with the decoder's output before the output
 *       layer (Luong's global attention with the "general" score). Apart from that map and the
 *       wider output layer, both models have the same weights.
 * </ul>
 *
 * <p>Input (batch, width) of tokens ({@link DigitStrings}), padded at the front; output (batch,
 * width, tokens) of scores: as many steps as the input is wide, since the task preserves length.
 * During training (DJL passes the labels to the block) the decoder reads the true previous token,
 * teacher forcing, and all steps run in one LSTM call. In inference the decoder reads its own
 * previous guess (greedy decoding), one step at a time, as it must at test time; the output is
 * then the scores and, with attention, the weights (batch, width, width) as a second array.
 */
public final class Seq2Seq extends AbstractBlock {
    private final int digits;
    private final int embedding;
    private final int hidden;
    private final boolean attention;
    private final TokenEmbedding embed;
    private final LSTM encoder;
    private final LSTM decoder;
    private final Linear query;
    private final Linear output;

    private Seq2Seq(Builder b) {
        this.digits = b.digits;
        this.embedding = b.embedding;
        this.hidden = b.hidden;
        this.attention = b.attention;
        // one embedding for both sides: encoder and decoder read the same tokens
        embed = addChildBlock("embedding", new TokenEmbedding(vocabularySize(), embedding));
        encoder = addChildBlock("encoder", lstm(hidden));
        decoder = addChildBlock("decoder", lstm(hidden));
        // Luong's "general" score: a learnt map of the decoder state is the query, so the model can
        // sharpen its scores (raw LSTM states lie in [-1, 1], whose dot products stay small)
        query = attention ? addChildBlock("query", Linear.builder().setUnits(hidden).optBias(false).build()) : null;
        output = addChildBlock("output", Linear.builder().setUnits(vocabularySize()).build());
    }

    /** The bottleneck model over digits 0-9, with {@code hidden} LSTM units on each side. */
    public static Seq2Seq withoutAttention(int hidden) {
        return builder().hidden(hidden).build();
    }

    /** The same model with attention over the encoder's states. */
    public static Seq2Seq withAttention(int hidden) {
        return builder().hidden(hidden).attention(true).build();
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Whether the decoder attends to the encoder's states (else it sees only the final state). */
    public boolean hasAttention() {
        return attention;
    }

    /** The tokens this model reads and writes: its digits, {@link DigitStrings#PAD} and {@link DigitStrings#START}. */
    public int vocabularySize() {
        return DigitStrings.vocabularySize(digits);
    }

    public int hiddenSize() {
        return hidden;
    }

    @Override
    protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
        Shape tokens = inputShapes[0];
        Shape vectors = new Shape(tokens.get(0), tokens.get(1), embedding);
        embed.initialize(manager, dataType, tokens);
        encoder.initialize(manager, dataType, vectors);
        decoder.initialize(manager, dataType, vectors);
        if (attention) {
            query.initialize(manager, dataType, new Shape(tokens.get(0), tokens.get(1), hidden));
        }
        output.initialize(manager, dataType, new Shape(tokens.get(0), tokens.get(1), readoutSize()));
    }

    /** Training: teacher forcing, the decoder reads START and then the true target tokens. */
    @Override
    protected NDList forwardInternal(ParameterStore store, NDList data, NDList labels,
            PairList<String, Object> params) {
        NDArray source = checkedTokens(data.head(), "input");
        NDArray target = checkedTokens(labels.head(), "target");
        Encoded encoded = encode(store, source, true);
        // the decoder's input is the target moved one step right: START, y0, y1, ..., y(T-2)
        NDArray start = source.getManager().full(new Shape(target.getShape().get(0), 1), DigitStrings.START,
                DataType.INT64);
        NDArray previous = start.concat(target.get(new NDIndex(":, :-1")), 1);
        return new NDList(decode(store, previous, encoded.h, encoded.c, encoded, true).scores);
    }

    /** Inference: greedy decoding, each step reads the token the step before chose. */
    @Override
    protected NDList forwardInternal(ParameterStore store, NDList inputs, boolean training,
            PairList<String, Object> params) {
        NDArray source = checkedTokens(inputs.head(), "input");
        long batch = source.getShape().get(0);
        long steps = source.getShape().get(1);
        Encoded encoded = encode(store, source, training);
        NDArray previous = source.getManager().full(new Shape(batch, 1), DigitStrings.START, DataType.INT64);
        NDArray h = encoded.h;
        NDArray c = encoded.c;
        List<NDArray> scores = new ArrayList<>();
        List<NDArray> weights = new ArrayList<>();
        for (int t = 0; t < steps; t++) {
            Step step = decode(store, previous, h, c, encoded, training);
            scores.add(step.scores);
            weights.add(step.weights);
            previous = step.scores.argMax(-1);
            h = step.h;
            c = step.c;
        }
        NDList out = new NDList(NDArrays.concat(new NDList(scores), 1));
        if (attention) {
            out.add(NDArrays.concat(new NDList(weights), 1));
        }
        return out;
    }

    /** The encoder's state after every input step (the keys and values of attention) and its final (h, c). */
    private record Encoded(NDArray states, NDArray h, NDArray c, NDArray mask) {}

    /** One decoder pass over {@code previous} (batch, steps): scores, the new state, the attention weights. */
    private record Step(NDArray scores, NDArray h, NDArray c, NDArray weights) {}

    private Encoded encode(ParameterStore store, NDArray source, boolean training) {
        NDList out = encoder.forward(store, new NDList(embedded(store, source, training)), training);
        // 1 where the input holds a digit, 0 on padding: no query may attend to padding
        NDArray mask = source.neq(DigitStrings.PAD).toType(DataType.FLOAT32, false).expandDims(1);
        return new Encoded(out.get(0), out.get(1), out.get(2), mask);
    }

    private Step decode(ParameterStore store, NDArray previous, NDArray h, NDArray c, Encoded encoded,
            boolean training) {
        NDList out = decoder.forward(store, new NDList(embedded(store, previous, training), h, c), training);
        NDArray states = out.get(0);
        NDArray weights = null;
        if (attention) {
            // the decoder's state asks every encoder state how well it matches; the answer is their mix
            NDArray asked = query.forward(store, new NDList(states), training).head();
            NDList attended = Attention.apply(asked, encoded.states, encoded.states, encoded.mask);
            states = states.concat(attended.get(0), -1);
            weights = attended.get(1);
        }
        NDArray scores = output.forward(store, new NDList(states), training).head();
        return new Step(scores, out.get(1), out.get(2), weights);
    }

    private NDArray embedded(ParameterStore store, NDArray tokens, boolean training) {
        return embed.forward(store, new NDList(tokens), training).head();
    }

    /** The tokens as indices, after checking they are in this model's vocabulary (a clear error, not an index fault). */
    private NDArray checkedTokens(NDArray tokens, String what) {
        if (tokens.getShape().dimension() != 2) {
            throw new IllegalArgumentException("the " + what + " must be (batch, width) tokens, got shape "
                    + tokens.getShape());
        }
        NDArray ids = tokens.toType(DataType.INT64, false);
        long low = ids.min().getLong();
        long high = ids.max().getLong();
        if (low < 0 || high >= vocabularySize()) {
            String fix = low < 0 ? "tokens are never negative (see DigitStrings)"
                    : "build the model with digits(" + (high - 1) + ") to read it";
            throw new IllegalArgumentException("the " + what + " holds token " + (low < 0 ? low : high)
                    + ", outside this model's vocabulary of " + vocabularySize() + " tokens (PAD, START and digits "
                    + "0-" + (digits - 1) + "); " + fix);
        }
        return ids;
    }

    private int readoutSize() {
        return attention ? 2 * hidden : hidden;
    }

    private static LSTM lstm(int units) {
        return LSTM.builder().setStateSize(units).setNumLayers(1).optBatchFirst(true).optReturnState(true).build();
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        Shape tokens = inputShapes[0];
        Shape scores = new Shape(tokens.get(0), tokens.get(1), vocabularySize());
        return attention ? new Shape[] {scores, new Shape(tokens.get(0), tokens.get(1), tokens.get(1))}
                : new Shape[] {scores};
    }

    @Override
    public String toString() {
        return "Seq2Seq(" + digits + " digits, embedding " + embedding + ", LSTM " + hidden
                + (attention ? ", attention)" : ", no attention)");
    }

    /** The sizes of a {@link Seq2Seq}; the defaults suit the bottleneck experiment. */
    public static final class Builder {
        private int digits = DigitStrings.DIGITS;
        private int embedding = 16;
        private int hidden = 64;
        private boolean attention;

        private Builder() {}

        /** How many digits (0 to digits-1) the model reads and writes (default 10). */
        public Builder digits(int count) {
            this.digits = count;
            return this;
        }

        /** The size of each token's learnt vector (default 16). */
        public Builder embedding(int size) {
            this.embedding = size;
            return this;
        }

        /** The LSTM units of the encoder and of the decoder (default 64). */
        public Builder hidden(int units) {
            this.hidden = units;
            return this;
        }

        /** Whether the decoder attends to every encoder state (default false: the bottleneck). */
        public Builder attention(boolean on) {
            this.attention = on;
            return this;
        }

        public Seq2Seq build() {
            if (digits < 2 || digits > DigitStrings.DIGITS || embedding < 1 || hidden < 1) {
                throw new IllegalArgumentException("need 2 to " + DigitStrings.DIGITS + " digits and positive sizes, got "
                        + digits + " digits, embedding " + embedding + ", hidden " + hidden);
            }
            return new Seq2Seq(this);
        }
    }
}
