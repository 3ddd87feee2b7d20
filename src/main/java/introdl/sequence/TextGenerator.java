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
    private final int layers;

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
        this.layers = lstm.layers();
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
        List<SamplingGuide> guides = new ArrayList<>();
        for (int i = 0; i < randoms.size(); i++) {
            guides.add(SamplingGuide.stoppingWhen(stop));
        }
        return generate(prefix, length, temperature, randoms, guides);
    }

    /**
     * Several texts at once as one batch, text i drawn from {@code randoms.get(i)} and steered by
     * {@code guides.get(i)}: a guide may send its text back to the last point it marked, and the
     * text is then sampled again from the state the LSTM had there. Each text has at most
     * {@code length} characters after the prefix; text i is the same whether written alone or in a
     * batch.
     *
     * @throws IllegalStateException if a guide keeps sending its text back (more than
     *     {@link #MAX_DRAWS_PER_CHARACTER} draws per character of {@code length})
     */
    public List<String> generate(String prefix, int length, double temperature, List<Random> randoms,
            List<SamplingGuide> guides) {
        requireTemperature(temperature);
        if (prefix.isEmpty()) {
            throw new IllegalArgumentException("the prefix must have at least one character to start from");
        }
        if (randoms.isEmpty() || randoms.size() != guides.size()) {
            throw new IllegalArgumentException("give one random stream and one guide per text, at least one; got "
                    + randoms.size() + " streams and " + guides.size() + " guides");
        }
        int[] ids;
        try {
            ids = vocabulary.encode(prefix);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("the prefix cannot be read: " + e.getMessage(), e);
        }
        Batch batch = new Batch(prefix, length, randoms, guides, temperature);
        NoGrad.run(() -> {
            try (NDManager manager = model.getNDManager().newSubManager()) {
                ParameterStore store = new ParameterStore(manager, false);
                int n = randoms.size();
                NDList state = new NDList(manager.zeros(new Shape(layers, n, hidden)),
                        manager.zeros(new Shape(layers, n, hidden)));
                float[] input = new float[n * ids.length];
                for (int i = 0; i < n; i++) {
                    System.arraycopy(toFloats(ids), 0, input, i * ids.length, ids.length);
                }
                int width = ids.length;
                while (batch.open > 0) {
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
                    States states = new States(state, layers, n, hidden);
                    input = new float[n];
                    width = 1;
                    for (int i = 0; i < n; i++) {
                        input[i] = batch.advance(i, scores[i], states);
                    }
                    if (states.restored) {
                        NDList restored = states.toArrays(manager);
                        state.close();
                        state = restored;
                    }
                }
            }
        });
        return batch.texts();
    }

    /** The most characters a guided text may draw per character of its length (going back included). */
    public static final int MAX_DRAWS_PER_CHARACTER = 50;

    /** A point a text can go back to: its length, the LSTM's state and the scores for the next character. */
    private record Mark(int length, float[] h, float[] c, float[] scores) {}

    /** The texts being written, with their guides and marks. */
    private final class Batch {
        final List<StringBuilder> texts = new ArrayList<>();
        final List<Random> randoms;
        final List<SamplingGuide> guides;
        final double temperature;
        final long maxDraws;
        final int maxLength;
        final Mark[] marks;
        final Mark[] starts;
        final long[] draws;
        final boolean[] done;
        int open;

        Batch(String prefix, int length, List<Random> randoms, List<SamplingGuide> guides, double temperature) {
            this.randoms = randoms;
            this.guides = guides;
            this.temperature = temperature;
            this.maxDraws = (long) MAX_DRAWS_PER_CHARACTER * Math.max(1, length);
            this.maxLength = prefix.length() + Math.max(0, length);
            int n = randoms.size();
            for (int i = 0; i < n; i++) {
                texts.add(new StringBuilder(prefix));
            }
            marks = new Mark[n];
            starts = new Mark[n];
            draws = new long[n];
            done = new boolean[n];
            open = length > 0 ? n : 0;
        }

        /** Samples text i's next character from {@code scores}, as its guide steers; returns the id to feed in. */
        float advance(int i, float[] scores, States states) {
            if (done[i]) {
                return 0;
            }
            StringBuilder text = texts.get(i);
            if (starts[i] == null) {
                starts[i] = new Mark(text.length(), states.h(i), states.c(i), scores);
                marks[i] = starts[i];
            }
            float[] from = scores;
            Mark back = null;
            while (true) {
                if (++draws[i] > maxDraws) {
                    throw new IllegalStateException("the guide of text " + i + " sent it back more than " + maxDraws
                            + " times; a guide must give up on a point after a few tries");
                }
                int next = sample(from, temperature, randoms.get(i));
                text.append(vocabulary.character(next));
                SamplingGuide.Step step = guides.get(i).after(text);
                if (step == SamplingGuide.Step.RESTART) {
                    marks[i] = starts[i];
                }
                if (step == SamplingGuide.Step.BACK || step == SamplingGuide.Step.RESTART) {
                    back = marks[i];
                    text.setLength(back.length());
                    from = back.scores();
                    continue;
                }
                if (back != null) {
                    states.restore(i, back);
                }
                if (step == SamplingGuide.Step.MARK) {
                    marks[i] = back != null ? new Mark(text.length() - 1, back.h(), back.c(), back.scores())
                            : new Mark(text.length() - 1, states.h(i), states.c(i), scores);
                }
                if (step == SamplingGuide.Step.END || text.length() >= maxLength) {
                    done[i] = true;
                    open--;
                }
                return next;
            }
        }

        List<String> texts() {
            return texts.stream().map(StringBuilder::toString).toList();
        }
    }

    /**
     * The batch's LSTM state (layers, texts, hidden) as Java arrays, read once per step only if a
     * text needs it, so that a text can be marked or put back to an earlier state.
     */
    private static final class States {
        private final NDList arrays;
        private final int layers;
        private final int n;
        private final int hidden;
        private float[] h;
        private float[] c;
        boolean restored;

        States(NDList arrays, int layers, int n, int hidden) {
            this.arrays = arrays;
            this.layers = layers;
            this.n = n;
            this.hidden = hidden;
        }

        float[] h(int i) {
            read();
            return row(h, i);
        }

        float[] c(int i) {
            read();
            return row(c, i);
        }

        void restore(int i, Mark mark) {
            read();
            for (int l = 0; l < layers; l++) {
                System.arraycopy(mark.h(), l * hidden, h, (l * n + i) * hidden, hidden);
                System.arraycopy(mark.c(), l * hidden, c, (l * n + i) * hidden, hidden);
            }
            restored = true;
        }

        NDList toArrays(NDManager manager) {
            Shape shape = new Shape(layers, n, hidden);
            return new NDList(manager.create(h, shape), manager.create(c, shape));
        }

        private void read() {
            if (h == null) {
                h = arrays.get(0).toFloatArray();
                c = arrays.get(1).toFloatArray();
            }
        }

        private float[] row(float[] all, int i) {
            float[] out = new float[layers * hidden];
            for (int l = 0; l < layers; l++) {
                System.arraycopy(all, (l * n + i) * hidden, out, l * hidden, hidden);
            }
            return out;
        }
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

    /**
     * The sampler's weights e^(score / T − max): softmax(scores / temperature) before it is divided
     * by the weights' sum (the largest is taken away first, so {@code Math.exp} never overflows).
     */
    public static double[] weights(float[] scores, double temperature) {
        double max = Double.NEGATIVE_INFINITY;
        for (float s : scores) {
            max = Math.max(max, s / temperature);
        }
        double[] p = new double[scores.length];
        for (int i = 0; i < scores.length; i++) {
            p[i] = Math.exp(scores[i] / temperature - max);
        }
        return p;
    }

    /** Draws an index from softmax(scores / temperature). */
    static int sample(float[] scores, double temperature, Random random) {
        double[] p = weights(scores, temperature);
        double sum = 0;
        for (double w : p) {
            sum += w;
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
