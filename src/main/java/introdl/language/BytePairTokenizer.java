package introdl.language;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CharsetEncoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.IntStream;

/**
 * Byte-level byte-pair encoding, the tokeniser of GPT-2: the 256 bytes of UTF-8 are the first
 * tokens, so any text can be encoded and decoded exactly, and each further token is a merge of two
 * earlier ones, learnt by repeatedly joining the most frequent adjacent pair in a corpus. Frequent
 * words become single tokens; rare ones are spelt from pieces.
 *
 * <p>Text is first cut into chunks (a word with its leading space, a number, a run of punctuation,
 * white space), as GPT-2 does, and merges never cross a chunk's edge, so no token spans two words.
 *
 * <p>A Java string may hold a lone surrogate, which is not valid Unicode and has no UTF-8 form;
 * it is encoded as U+FFFD, the replacement character, and decodes as that. Every other string
 * decodes to exactly itself.
 */
public final class BytePairTokenizer implements Tokenizer {
    static final String KIND = "byte-level BPE";
    private static final String MERGES = "merges";
    private static final int BYTES = 256;
    private static final int CACHE_SIZE = 20_000;
    private static final byte[] REPLACEMENT_UTF8 = {(byte) 0xEF, (byte) 0xBF, (byte) 0xBD};

    /**
     * GPT-2's chunks: English contractions, letters with an optional leading space, numbers,
     * other symbols, white space (leaving the last space before a word to that word). Between
     * them the alternatives match every code point, so the chunks cover the whole text.
     */
    private static final Pattern CHUNK = Pattern.compile(
            "'s|'t|'re|'ve|'m|'ll|'d| ?\\p{L}+| ?\\p{N}+| ?[^\\s\\p{L}\\p{N}]+|\\s+(?!\\S)|\\s+",
            Pattern.UNICODE_CHARACTER_CLASS);

    /** The two tokens that merge into token {@code 256 + i}. */
    private final int[][] merges;
    /** The bytes each token stands for. */
    private final byte[][] bytes;
    /** The token each pair merges into (its rank: lower merges first). */
    private final Map<Long, Integer> merged = new HashMap<>();
    /** Recently encoded chunks: text repeats its words, and a cached word skips the merging. */
    private final Map<String, int[]> cache = Collections.synchronizedMap(new LinkedHashMap<>(1024, 0.75f, true) {
        private static final long serialVersionUID = 1L;

        @Override
        protected boolean removeEldestEntry(Map.Entry<String, int[]> eldest) {
            return size() > CACHE_SIZE;
        }
    });

    private BytePairTokenizer(int[][] merges) {
        this.merges = merges;
        bytes = new byte[BYTES + merges.length][];
        for (int b = 0; b < BYTES; b++) {
            bytes[b] = new byte[] {(byte) b};
        }
        for (int i = 0; i < merges.length; i++) {
            int token = BYTES + i;
            int left = merges[i][0];
            int right = merges[i][1];
            if (left < 0 || left >= token || right < 0 || right >= token) {
                throw new IllegalArgumentException("merge " + i + " (" + left + ", " + right
                        + ") uses a token that does not exist before token " + token);
            }
            if (merged.put(MergeLearner.key(left, right), token) != null) {
                throw new IllegalArgumentException("merge " + i + " (" + left + ", " + right + ") repeats an earlier one");
            }
            bytes[token] = new byte[bytes[left].length + bytes[right].length];
            System.arraycopy(bytes[left], 0, bytes[token], 0, bytes[left].length);
            System.arraycopy(bytes[right], 0, bytes[token], bytes[left].length, bytes[right].length);
        }
    }

    /**
     * Learns merges from {@code corpus} until there are {@code vocabularySize} tokens: the 256
     * bytes, then one per merge.
     *
     * @throws IllegalArgumentException if the corpus is empty, if {@code vocabularySize < 256}, or
     *     if the corpus runs out of pairs to merge first
     */
    public static BytePairTokenizer train(String corpus, int vocabularySize) {
        if (vocabularySize < BYTES) {
            throw new IllegalArgumentException("a byte-level BPE vocabulary starts with the " + BYTES
                    + " byte tokens, so it needs at least " + BYTES + " tokens, not " + vocabularySize);
        }
        if (corpus.isEmpty()) {
            throw new IllegalArgumentException("the corpus is empty: BPE learns its merges from the pairs in a text");
        }
        Map<String, Long> chunkCounts = new HashMap<>();
        for (String chunk : chunks(corpus)) {
            chunkCounts.merge(chunk, 1L, Long::sum);
        }
        return new BytePairTokenizer(MergeLearner.learn(chunkCounts, vocabularySize - BYTES));
    }

    /** The chunks of {@code text}, in order; joined they are the text. */
    static List<String> chunks(String text) {
        List<String> chunks = new ArrayList<>();
        Matcher m = CHUNK.matcher(text);
        while (m.find()) {
            chunks.add(m.group());
        }
        return chunks;
    }

    @Override
    public int[] encode(String text) {
        IntStream.Builder tokens = IntStream.builder();
        for (String chunk : chunks(text)) {
            for (int t : cache.computeIfAbsent(chunk, this::encodeChunk)) {
                tokens.add(t);
            }
        }
        return tokens.build().toArray();
    }

    /** Applies the merges to the chunk's bytes, always the earliest-learnt merge that fits next. */
    private int[] encodeChunk(String chunk) {
        int[] symbols = byteTokens(chunk);
        int length = symbols.length;
        while (length > 1) {
            int next = Integer.MAX_VALUE;
            for (int i = 0; i + 1 < length; i++) {
                Integer token = merged.get(MergeLearner.key(symbols[i], symbols[i + 1]));
                if (token != null && token < next) {
                    next = token;
                }
            }
            if (next == Integer.MAX_VALUE) {
                break;
            }
            int[] pair = merges[next - BYTES];
            length = MergeLearner.merge(symbols, length, pair[0], pair[1], next);
        }
        return Arrays.copyOf(symbols, length);
    }

    /**
     * The text of {@code tokens[from..to)}. A range that starts or ends inside a character's UTF-8
     * bytes gives U+FFFD for the broken piece instead of failing.
     */
    @Override
    public String decode(int[] tokens, int from, int to) {
        Objects.checkFromToIndex(from, to, tokens.length);
        int size = 0;
        for (int i = from; i < to; i++) {
            size += bytesOf(tokens[i]).length;
        }
        byte[] out = new byte[size];
        int at = 0;
        for (int i = from; i < to; i++) {
            byte[] b = bytes[tokens[i]];
            System.arraycopy(b, 0, out, at, b.length);
            at += b.length;
        }
        return new String(out, StandardCharsets.UTF_8);
    }

    @Override
    public int vocabularySize() {
        return bytes.length;
    }

    @Override
    public String name() {
        return "byte-level BPE (" + vocabularySize() + ")";
    }

    /**
     * The token's text quoted, e.g. {@code ' the'}; a token that is only part of a character's
     * UTF-8 bytes shows them in hexadecimal, e.g. {@code <e6 97>}.
     */
    @Override
    public String describe(int token) {
        byte[] b = bytesOf(token);
        CharsetDecoder strict = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
        try {
            return TokenText.quoted(strict.decode(ByteBuffer.wrap(b)).toString());
        } catch (CharacterCodingException e) {
            StringBuilder hex = new StringBuilder("<");
            for (int i = 0; i < b.length; i++) {
                hex.append(i == 0 ? "" : " ").append(String.format("%02x", b[i] & 0xFF));
            }
            return hex.append('>').toString();
        }
    }

    /**
     * The two tokens that were merged into {@code token}, left then right: how BPE spells a word
     * from pieces, e.g. {@code ' the'} from {@code ' t'} and {@code 'he'}.
     *
     * @throws IllegalArgumentException if the token is one of the 256 bytes, which are not merges
     */
    public int[] parts(int token) {
        bytesOf(token);
        if (token < BYTES) {
            throw new IllegalArgumentException("token " + token + " is a single byte, not a merge of two tokens;"
                    + " merges are the tokens from " + BYTES + " on");
        }
        return merges[token - BYTES].clone();
    }

    @Override
    public void save(Path file) {
        JsonArray pairs = new JsonArray(merges.length);
        for (int[] pair : merges) {
            pairs.add(TokenizerFile.array(pair));
        }
        JsonObject json = new JsonObject();
        json.addProperty(TokenizerFile.KIND, KIND);
        json.add(MERGES, pairs);
        TokenizerFile.write(file, json);
    }

    static BytePairTokenizer fromJson(JsonObject json) {
        JsonElement pairs = json.get(MERGES);
        if (pairs == null || !pairs.isJsonArray()) {
            throw new IllegalArgumentException("it has no array \"" + MERGES + "\"");
        }
        int[][] merges = new int[pairs.getAsJsonArray().size()][];
        for (int i = 0; i < merges.length; i++) {
            merges[i] = TokenizerFile.integers(pairs.getAsJsonArray().get(i).getAsJsonArray());
            if (merges[i].length != 2) {
                throw new IllegalArgumentException("merge " + i + " has " + merges[i].length + " tokens, not 2");
            }
        }
        return new BytePairTokenizer(merges);
    }

    /** The byte tokens of {@code chunk}: its UTF-8 bytes, each as a number from 0 to 255. */
    static int[] byteTokens(String chunk) {
        byte[] utf8 = utf8(chunk);
        int[] tokens = new int[utf8.length];
        for (int i = 0; i < utf8.length; i++) {
            tokens[i] = utf8[i] & 0xFF;
        }
        return tokens;
    }

    /**
     * The UTF-8 bytes of {@code chunk}, a lone surrogate written as U+FFFD (Java's own encoder
     * would write '?', which would decode as a real question mark).
     */
    private static byte[] utf8(String chunk) {
        CharsetEncoder encoder = StandardCharsets.UTF_8.newEncoder()
                .onMalformedInput(CodingErrorAction.REPLACE).onUnmappableCharacter(CodingErrorAction.REPLACE)
                .replaceWith(REPLACEMENT_UTF8);
        try {
            ByteBuffer encoded = encoder.encode(CharBuffer.wrap(chunk));
            return Arrays.copyOf(encoded.array(), encoded.limit());
        } catch (CharacterCodingException e) {
            throw new IllegalStateException("UTF-8 encoding with replacement cannot fail", e);
        }
    }

    private byte[] bytesOf(int token) {
        if (token < 0 || token >= bytes.length) {
            throw new IllegalArgumentException("token " + token + " is outside the vocabulary of "
                    + bytes.length + " tokens (" + name() + ")");
        }
        return bytes[token];
    }

    @Override
    public String toString() {
        return name();
    }
}
