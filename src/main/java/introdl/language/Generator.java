package introdl.language;

import ai.djl.Model;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.ParameterStore;
import introdl.attention.KvCache;
import introdl.train.NoGrad;
import java.util.Arrays;
import java.util.Random;

/**
 * Writes text with a trained {@link Gpt}: the prompt's tokens go in, the model scores every
 * possible next token, {@link Sampling} picks one, and it is appended and fed back, one token at a
 * time. With the key-value cache (the default) each step computes only the new token; without it,
 * each step reruns the model over the whole text so far (up to the context), which gives the same
 * scores at a cost that grows with the length.
 *
 * <p>A prompt longer than the model's context keeps only its last {@code context} tokens (the
 * model cannot see more); so does generation past the context: without the cache every step sees
 * the last {@code context} tokens, and with it the cache restarts from the last half of the
 * context when it is full, so a long text costs a little more than one step a token.
 */
public final class Generator {
    private final Model model;
    private final Gpt gpt;
    private final Tokenizer tokenizer;

    /** A generator for {@code model}, whose block is a {@link Gpt} trained on {@code tokenizer}'s ids. */
    public Generator(Model model, Tokenizer tokenizer) {
        if (!(model.getBlock() instanceof Gpt block)) {
            throw new IllegalArgumentException("model '" + model.getName() + "' is not a GPT: its block is "
                    + model.getBlock());
        }
        if (block.config().vocabulary() != tokenizer.vocabularySize()) {
            throw new IllegalArgumentException("the model has a vocabulary of " + block.config().vocabulary()
                    + " tokens but the tokeniser (" + tokenizer.name() + ") has " + tokenizer.vocabularySize());
        }
        this.model = model;
        this.gpt = block;
        this.tokenizer = tokenizer;
    }

    public Tokenizer tokenizer() {
        return tokenizer;
    }

    /** {@code tokens} new tokens after {@code prompt}, chosen by {@code sampling} with a seeded generator; the prompt not included. */
    public String generate(String prompt, int tokens, Sampling sampling, long seed) {
        int[] ids = generate(promptIds(prompt), tokens, sampling, new Random(seed), true);
        return tokenizer.decode(ids);
    }

    /** The prompt's ids; an empty prompt starts from a new line, as nanoGPT does. */
    public int[] promptIds(String prompt) {
        int[] ids = tokenizer.encode(prompt.isEmpty() ? "\n" : prompt);
        if (ids.length == 0) {
            throw new IllegalArgumentException("the prompt has no tokens; give at least one character");
        }
        return ids;
    }

    /**
     * {@code count} new token ids after {@code prompt}, with or without the key-value cache.
     *
     * @throws IllegalArgumentException for a negative count or an id outside the vocabulary
     */
    public int[] generate(int[] prompt, int count, Sampling sampling, Random random, boolean useCache) {
        if (count < 0) {
            throw new IllegalArgumentException("the number of tokens to generate must be >= 0, got " + count);
        }
        if (prompt.length == 0) {
            throw new IllegalArgumentException("the prompt has no tokens");
        }
        for (int id : prompt) {
            if (id < 0 || id >= gpt.config().vocabulary()) {
                throw new IllegalArgumentException("token id " + id + " is outside the vocabulary of "
                        + gpt.config().vocabulary());
            }
        }
        int[] text = Arrays.copyOf(prompt, prompt.length + count);
        int[] filled = {prompt.length};
        NoGrad.run(() -> {
            try (NDManager manager = model.getNDManager().newSubManager();
                    KvCache cache = new KvCache(manager, gpt.config().layers())) {
                filled[0] = extend(new ParameterStore(manager, false), manager, cache, text, prompt.length, count,
                        sampling, random, useCache);
            }
        });
        return Arrays.copyOfRange(text, prompt.length, filled[0]);
    }

    /** Appends {@code count} tokens to text[0..length); returns the new length. */
    private int extend(ParameterStore store, NDManager manager, KvCache cache, int[] text, int length, int count,
            Sampling sampling, Random random, boolean useCache) {
        int context = gpt.config().context();
        int windowStart = Math.max(0, length - context);
        for (int step = 0; step < count; step++) {
            try (NDManager stepManager = manager.newSubManager()) {
                NDArray logits;
                if (useCache) {
                    if (length - windowStart > context) {
                        // the cache is full: start again from the last half of the context
                        cache.clear();
                        windowStart = length - Math.max(1, context / 2);
                    }
                    int from = windowStart + cache.length();
                    logits = gpt.forward(store, ids(stepManager, text, from, length), cache, null, false);
                } else {
                    logits = gpt.forward(store, ids(stepManager, text, Math.max(0, length - context), length),
                            null, null, false);
                }
                text[length++] = sampling.choose(last(logits), random);
            }
        }
        return length;
    }

    /**
     * The model's scores for the next token after every prefix of {@code ids} (at most the
     * context), fed in one pass or one token at a time through the cache: the same numbers, which
     * is what makes the cache correct.
     *
     * @return (positions, vocabulary) scores
     */
    public float[][] scores(int[] ids, boolean tokenByToken) {
        float[][] rows = new float[ids.length][];
        NoGrad.run(() -> {
            try (NDManager manager = model.getNDManager().newSubManager();
                    KvCache cache = new KvCache(manager, gpt.config().layers())) {
                ParameterStore store = new ParameterStore(manager, false);
                if (!tokenByToken) {
                    NDArray logits = gpt.forward(store, ids(manager, ids, 0, ids.length), null, null, false);
                    for (int t = 0; t < ids.length; t++) {
                        rows[t] = logits.get(new NDIndex().addIndices(0).addIndices(t)).toFloatArray();
                    }
                    return;
                }
                for (int t = 0; t < ids.length; t++) {
                    try (NDManager stepManager = manager.newSubManager()) {
                        rows[t] = last(gpt.forward(store, ids(stepManager, ids, t, t + 1), cache, null, false));
                    }
                }
            }
        });
        return rows;
    }

    private static NDArray ids(NDManager manager, int[] text, int from, int to) {
        return manager.create(Arrays.copyOfRange(text, from, to), new Shape(1, to - from));
    }

    private static float[] last(NDArray logits) {
        long t = logits.getShape().get(1);
        return logits.get(new NDIndex().addIndices(0).addIndices(t - 1)).toFloatArray();
    }
}
