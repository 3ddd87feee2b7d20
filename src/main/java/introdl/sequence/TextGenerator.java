package introdl.sequence;

import ai.djl.Model;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.ParameterStore;
import introdl.train.NoGrad;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Writes text with a trained {@link CharLstm}, one character at a time: the prefix is read
 * first, then each sampled character is fed back in with the LSTM's state carried from step to
 * step, so a text of n characters costs n steps. The temperature sharpens (below 1) or flattens
 * (above 1) the model's distribution before sampling. Several texts can be written at once, as one
 * batch.
 */
public final class TextGenerator {
    private final Model model;
    private final Vocabulary vocabulary;
    private final int hidden;

    /** A generator for {@code model}, whose block is a trained {@link CharLstm}. */
    public TextGenerator(Model model, Vocabulary vocabulary) {
        if (!(model.getBlock() instanceof CharLstm lstm)) {
            throw new IllegalArgumentException("the model's block is not a CharLstm");
        }
        if (lstm.vocabularySize() != vocabulary.size()) {
            throw new IllegalArgumentException("the model scores " + lstm.vocabularySize()
                    + " characters but the vocabulary has " + vocabulary.size());
        }
        this.model = model;
        this.vocabulary = vocabulary;
        this.hidden = lstm.hiddenSize();
    }

    /**
     * The prefix followed by {@code length} generated characters.
     *
     * @throws IllegalArgumentException if the temperature is not positive, the prefix is empty or
     *     has characters outside the vocabulary
     */
    public String generate(String prefix, int length, double temperature, Random random) {
        return generate(prefix, length, temperature, random, text -> false);
    }

    /**
     * As {@link #generate(String, int, double, Random)}, stopping early once {@code stop} accepts
     * the text so far (checked after each generated character).
     */
    public String generate(String prefix, int length, double temperature, Random random,
            java.util.function.Predicate<CharSequence> stop) {
        return generate(prefix, length, temperature, List.of(random), stop).get(0);
    }

    /**
     * Several texts at once, one per random stream of {@code randoms}, sampled together as one
     * batch of LSTM states: writing 50 costs little more than writing one, and text i is the text
     * that {@link #generate(String, int, double, Random, java.util.function.Predicate)} writes with
     * {@code randoms.get(i)} alone. Each text stops on its own once {@code stop} accepts it.
     */
    public List<String> generate(String prefix, int length, double temperature, List<Random> randoms,
            java.util.function.Predicate<CharSequence> stop) {
        requireTemperature(temperature);
        if (prefix.isEmpty()) {
            throw new IllegalArgumentException("the prefix must have at least one character to start from");
        }
        if (randoms.isEmpty()) {
            throw new IllegalArgumentException("give at least one random stream: one text is written per stream");
        }
        int[] ids;
        try {
            ids = vocabulary.encode(prefix);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("the prefix cannot be read: " + e.getMessage(), e);
        }
        int n = randoms.size();
        List<StringBuilder> texts = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            texts.add(new StringBuilder(prefix));
        }
        boolean[] done = new boolean[n];
        NoGrad.run(() -> {
            try (NDManager manager = model.getNDManager().newSubManager()) {
                ParameterStore store = new ParameterStore(manager, false);
                NDList state = new NDList(manager.zeros(new Shape(1, n, hidden)), manager.zeros(new Shape(1, n, hidden)));
                float[] input = new float[n * ids.length];
                for (int i = 0; i < n; i++) {
                    System.arraycopy(toFloats(ids), 0, input, i * ids.length, ids.length);
                }
                int width = ids.length;
                int open = n;
                for (int step = 0; step < length && open > 0; step++) {
                    float[][] scores = new float[n][];
                    try (NDManager stepManager = manager.newSubManager()) {
                        NDArray x = stepManager.create(input, new Shape(n, width));
                        NDList out = model.getBlock().forward(store, new NDList(x, state.get(0), state.get(1)), false);
                        NDArray last = out.get(0).get(new NDIndex(":, -1, :"));
                        for (int i = 0; i < n; i++) {
                            scores[i] = last.get(i).toFloatArray();
                        }
                        NDList newState = new NDList(out.get(1), out.get(2));
                        newState.attach(manager);
                        state.close();
                        state = newState;
                    }
                    input = new float[n];
                    width = 1;
                    for (int i = 0; i < n; i++) {
                        if (done[i]) {
                            continue;
                        }
                        int next = sample(scores[i], temperature, randoms.get(i));
                        input[i] = next;
                        texts.get(i).append(vocabulary.character(next));
                        if (stop.test(texts.get(i))) {
                            done[i] = true;
                            open--;
                        }
                    }
                }
            }
        });
        return texts.stream().map(StringBuilder::toString).toList();
    }

    /**
     * Checks a sampling temperature.
     *
     * @throws IllegalArgumentException unless it is a positive, finite number
     */
    public static void requireTemperature(double temperature) {
        if (!(temperature > 0) || Double.isInfinite(temperature)) {
            throw new IllegalArgumentException("the temperature must be a positive number (below 1 plays safe, above 1 "
                    + "takes risks), got " + temperature);
        }
    }

    /** Draws an index from softmax(scores / temperature). */
    static int sample(float[] scores, double temperature, Random random) {
        double max = Double.NEGATIVE_INFINITY;
        for (float s : scores) {
            max = Math.max(max, s / temperature);
        }
        double[] p = new double[scores.length];
        double sum = 0;
        for (int i = 0; i < scores.length; i++) {
            p[i] = Math.exp(scores[i] / temperature - max);
            sum += p[i];
        }
        double u = random.nextDouble() * sum;
        for (int i = 0; i < p.length; i++) {
            u -= p[i];
            if (u <= 0) {
                return i;
            }
        }
        return p.length - 1;
    }

    private static float[] toFloats(int[] ids) {
        float[] out = new float[ids.length];
        for (int i = 0; i < ids.length; i++) {
            out[i] = ids[i];
        }
        return out;
    }
}
