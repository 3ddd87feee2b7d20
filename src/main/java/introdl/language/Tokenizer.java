package introdl.language;

import java.nio.file.Path;

/**
 * Text to token ids and back: the first and last step of a language model, which reads and
 * predicts ids from a fixed vocabulary. The kinds trade vocabulary size for sequence length:
 * {@link CharTokenizer} has a few dozen tokens and one per character, {@link BytePairTokenizer}
 * hundreds or thousands, each often a whole word, so the same text is a shorter sequence.
 */
public interface Tokenizer {
    /** The ids of {@code text}'s tokens, each in {@code [0, vocabularySize())}. */
    int[] encode(String text);

    /** The text of these ids. */
    default String decode(int[] tokens) {
        return decode(tokens, 0, tokens.length);
    }

    /**
     * The text of {@code tokens[from..to)}: a window of a longer sequence, as a model generates it.
     *
     * @throws IllegalArgumentException if an id is outside the vocabulary
     * @throws IndexOutOfBoundsException if the range is not within the array
     */
    String decode(int[] tokens, int from, int to);

    /** How many distinct ids: the size of the model's embedding table and of its output layer. */
    int vocabularySize();

    /** What kind of tokeniser and how many tokens, e.g. "byte-level BPE (512)". */
    String name();

    /** One token in readable form, quoted with its white space visible, e.g. {@code ' the'} or {@code '\n'}. */
    String describe(int token);

    /**
     * Writes this tokeniser to {@code file} (small JSON text), so a model is always read back with
     * the tokens it was trained on; parent folders are created.
     */
    void save(Path file);

    /**
     * Reads a tokeniser that {@link #save} wrote, of either kind.
     *
     * @throws introdl.data.InvalidDataException naming the file if it is not a tokeniser file or is damaged
     * @throws IllegalArgumentException if there is no such file
     */
    static Tokenizer load(Path file) {
        return TokenizerFile.read(file);
    }

    /**
     * Tokens per character (Unicode code point) of {@code text}: 1 for characters, lower for a
     * tokeniser whose tokens are longer; a model's context of n tokens covers about n divided by
     * this many characters.
     *
     * @throws IllegalArgumentException if the text is empty
     */
    default double tokensPerCharacter(String text) {
        int characters = text.codePointCount(0, text.length());
        if (characters == 0) {
            throw new IllegalArgumentException("an empty text has no characters to measure tokens per character on");
        }
        return (double) encode(text).length / characters;
    }
}
