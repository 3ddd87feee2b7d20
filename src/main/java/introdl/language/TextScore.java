package introdl.language;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.ParameterStore;
import introdl.train.NoGrad;
import java.util.Arrays;
import java.util.Locale;

/**
 * How well a language model predicts a text: the cross-entropy of each token given the ones before
 * it, in nats, summed and counted, so it reads per token and per character (comparable across
 * tokenisers). This is the course's Lab 3 competition number on {@link StyleText#competitionText()}:
 * lower means the text is less surprising to the model. A text longer than the context is read in
 * windows that overlap by half, so every token after the first has at least half a context before it.
 *
 * @param nats the summed cross-entropy of the scored tokens
 * @param tokens how many tokens were scored
 * @param characters how many characters those tokens spell
 */
public record TextScore(double nats, long tokens, long characters) {
    private static final int WINDOWS_PER_PASS = 32;

    /** The nats per scored token. */
    public double perToken() {
        return nats / tokens;
    }

    /** The nats per character of the scored tokens. */
    public double perCharacter() {
        return nats / characters;
    }

    /** Every token of {@code text} after the first, as the course scores its test text. */
    public static TextScore of(LanguageModel model, String text) {
        int[] ids = model.tokenizer().encode(text);
        if (ids.length < 2) {
            throw new IllegalArgumentException("a text of " + ids.length + " token(s) has nothing to predict");
        }
        boolean[] scored = new boolean[ids.length];
        Arrays.fill(scored, 1, ids.length, true);
        return of(model, new PromptedTokens(ids, scored));
    }

    /** The scored tokens of {@code text} (the answers, not their prompts). */
    public static TextScore of(LanguageModel model, PromptedTokens text) {
        int[] ids = text.ids();
        boolean[] scored = text.scored();
        int context = model.config().context();
        int step = Math.max(1, context / 2);
        int windows = windowCount(ids.length, context, step);
        int[] inputs = new int[windows * context];
        int[] targets = new int[windows * context];
        Arrays.fill(targets, -1);
        long tokens = 0;
        long characters = 0;
        // the characters each token spells, decoded once per distinct token, not once per position
        int[] spelled = new int[model.tokenizer().vocabularySize()];
        Arrays.fill(spelled, -1);
        for (int w = 0, covered = 0; w < windows; w++) {
            int start = w * step;
            int end = Math.min(start + context, ids.length - 1);
            for (int t = start; t < end; t++) {
                inputs[w * context + t - start] = ids[t];
                int next = t + 1;
                if (next > covered && scored[next]) {
                    targets[w * context + t - start] = ids[next];
                    tokens++;
                    if (spelled[ids[next]] < 0) {
                        spelled[ids[next]] = model.tokenizer().decode(new int[] {ids[next]}).length();
                    }
                    characters += spelled[ids[next]];
                }
            }
            covered = end;
        }
        if (tokens == 0) {
            throw new IllegalArgumentException("the text has no scored tokens");
        }
        double nats = NoGrad.call(() -> sum(model, inputs, targets, windows, context));
        return new TextScore(nats, tokens, characters);
    }

    private static int windowCount(int length, int context, int step) {
        int windows = 0;
        for (int covered = 0, start = 0; covered < length - 1; start += step, windows++) {
            covered = Math.min(start + context, length - 1);
        }
        return windows;
    }

    private static double sum(LanguageModel model, int[] inputs, int[] targets, int windows, int context) {
        double total = 0;
        try (NDManager manager = model.model().getNDManager().newSubManager()) {
            ParameterStore store = new ParameterStore(manager, false);
            for (int from = 0; from < windows; from += WINDOWS_PER_PASS) {
                int count = Math.min(WINDOWS_PER_PASS, windows - from);
                try (NDManager pass = manager.newSubManager()) {
                    NDArray x = pass.create(Arrays.copyOfRange(inputs, from * context, (from + count) * context),
                            new Shape(count, context));
                    NDArray y = pass.create(Arrays.copyOfRange(targets, from * context, (from + count) * context))
                            .toType(DataType.INT64, false);
                    NDArray logits = model.gpt().forward(store, x, null, null, false);
                    NDArray logProbabilities = logits.reshape(-1, logits.getShape().get(2)).logSoftmax(-1);
                    NDArray real = y.gte(0);
                    NDArray picked = logProbabilities.get(new NDIndex().addAllDim().addPickDim(y.maximum(0)))
                            .reshape(-1);
                    total -= picked.mul(real.toType(DataType.FLOAT32, false)).sum().getFloat();
                }
            }
        }
        return total;
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "%.3f nats per token, %.3f per character (%,d tokens)", perToken(),
                perCharacter(), tokens);
    }
}
