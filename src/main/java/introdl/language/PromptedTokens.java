package introdl.language;

import introdl.data.Examples;
import introdl.sequence.CharWindows;
import java.util.Arrays;

/**
 * Templated answers as one stream of token ids, each marked scored (part of an answer) or not
 * (part of a prompt): the answer mask of Lab 3. Training windows cut from the stream target only
 * the scored tokens ({@link CharWindows#UNSCORED} elsewhere, which
 * {@link introdl.sequence.SequenceLoss#ignoring(int)} leaves out of the loss).
 *
 * @param ids the token ids, answer after answer
 * @param scored whether each token is one the model should learn to write
 */
public record PromptedTokens(int[] ids, boolean[] scored) {
    public PromptedTokens {
        if (ids.length != scored.length) {
            throw new IllegalArgumentException(ids.length + " tokens but " + scored.length + " scored flags");
        }
    }

    /** {@code answers} in {@code template}, read by {@code tokenizer}. */
    public static PromptedTokens of(Iterable<String> answers, AnswerTemplate template, Tokenizer tokenizer) {
        int[] ids = new int[1024];
        boolean[] scored = new boolean[1024];
        int n = 0;
        int[] prompt = tokenizer.encode(template.prompt());
        for (String answer : answers) {
            int[] said = tokenizer.encode(answer + template.end());
            if (n + prompt.length + said.length > ids.length) {
                int size = Math.max(2 * ids.length, n + prompt.length + said.length);
                ids = Arrays.copyOf(ids, size);
                scored = Arrays.copyOf(scored, size);
            }
            System.arraycopy(prompt, 0, ids, n, prompt.length);
            n += prompt.length;
            System.arraycopy(said, 0, ids, n, said.length);
            Arrays.fill(scored, n, n + said.length, true);
            n += said.length;
        }
        return new PromptedTokens(Arrays.copyOf(ids, n), Arrays.copyOf(scored, n));
    }

    public int length() {
        return ids.length;
    }

    /** How many tokens are scored. */
    public int scoredCount() {
        int count = 0;
        for (boolean s : scored) {
            count += s ? 1 : 0;
        }
        return count;
    }

    /** Training windows of {@code context} tokens, one every {@code stride} from a seeded offset. */
    public Examples windows(String name, int context, int stride, long seed) {
        return CharWindows.ofTokens(name, ids, scored, context, stride, seed);
    }

    /** Windows end to end, every scored token a target once: for a validation loss. */
    public Examples tiled(String name, int context) {
        return CharWindows.tiledTokens(name, ids, scored, context);
    }
}
