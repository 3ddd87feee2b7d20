package introdl.language;

import com.google.gson.JsonObject;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;

/**
 * One token per character (Unicode code point) of a corpus, as a character-level model reads
 * text: a small vocabulary, so a long sequence. Characters the corpus never had share one reserved
 * token, {@link #UNKNOWN}, so any text can be encoded, though those characters cannot be decoded.
 */
public final class CharTokenizer implements Tokenizer {
    /** The id of every character the corpus did not have; it decodes to U+FFFD, the replacement character. */
    public static final int UNKNOWN = 0;

    static final String KIND = "characters";
    private static final String CHARACTERS = "characters";
    private static final int REPLACEMENT = 0xFFFD;

    /** The character of each id from 1 on, in code point order; id 0 is the unknown token. */
    private final int[] codePoints;
    private final Map<Integer, Integer> ids = new HashMap<>();

    private CharTokenizer(int[] codePoints) {
        this.codePoints = codePoints;
        for (int i = 0; i < codePoints.length; i++) {
            ids.put(codePoints[i], i + 1);
        }
    }

    /**
     * A token for each distinct character of {@code corpus}, numbered from 1 in code point order,
     * so the same corpus always gives the same ids.
     *
     * @throws IllegalArgumentException if the corpus is empty
     */
    public static CharTokenizer fit(String corpus) {
        if (corpus.isEmpty()) {
            throw new IllegalArgumentException("the corpus is empty: a character tokeniser needs a text to take its characters from");
        }
        return new CharTokenizer(corpus.codePoints().sorted().distinct().toArray());
    }

    @Override
    public int[] encode(String text) {
        return text.codePoints().map(c -> ids.getOrDefault(c, UNKNOWN)).toArray();
    }

    @Override
    public String decode(int[] tokens, int from, int to) {
        Objects.checkFromToIndex(from, to, tokens.length);
        StringBuilder sb = new StringBuilder(to - from);
        for (int i = from; i < to; i++) {
            checkToken(tokens[i]);
            sb.appendCodePoint(tokens[i] == UNKNOWN ? REPLACEMENT : codePoints[tokens[i] - 1]);
        }
        return sb.toString();
    }

    /** How many characters of {@code text} the corpus did not have: those that encode to {@link #UNKNOWN}. */
    public long unknownCount(String text) {
        return text.codePoints().filter(c -> !ids.containsKey(c)).count();
    }

    /** The corpus's distinct characters, in id order (the unknown token left out). */
    public String characters() {
        return new String(codePoints, 0, codePoints.length);
    }

    @Override
    public int vocabularySize() {
        return codePoints.length + 1;
    }

    /** "characters (66)": the vocabulary size counts the unknown token. */
    @Override
    public String name() {
        return "characters (" + vocabularySize() + ")";
    }

    /** {@code 'a'}, {@code '\n'}, or {@code <unk>} for the unknown token. */
    @Override
    public String describe(int token) {
        checkToken(token);
        return token == UNKNOWN ? "<unk>" : TokenText.quoted(Character.toString(codePoints[token - 1]));
    }

    @Override
    public void save(Path file) {
        JsonObject json = new JsonObject();
        json.addProperty(TokenizerFile.KIND, KIND);
        json.add(CHARACTERS, TokenizerFile.array(codePoints));
        TokenizerFile.write(file, json);
    }

    static CharTokenizer fromJson(JsonObject json) {
        int[] codePoints = TokenizerFile.integers(json, CHARACTERS);
        if (codePoints.length == 0) {
            throw new IllegalArgumentException("it has no characters");
        }
        for (int i = 0; i < codePoints.length; i++) {
            if (!Character.isValidCodePoint(codePoints[i])) {
                throw new IllegalArgumentException(codePoints[i] + " is not a Unicode code point");
            }
            if (i > 0 && codePoints[i] <= codePoints[i - 1]) {
                throw new IllegalArgumentException("its characters are not distinct and in code point order");
            }
        }
        return new CharTokenizer(codePoints);
    }

    private void checkToken(int token) {
        if (token < 0 || token >= vocabularySize()) {
            throw new IllegalArgumentException("token " + token + " is outside the vocabulary of "
                    + vocabularySize() + " tokens (" + name() + ")");
        }
    }

    @Override
    public String toString() {
        return name();
    }
}
