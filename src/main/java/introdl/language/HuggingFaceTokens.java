package introdl.language;

import ai.djl.huggingface.tokenizers.HuggingFaceTokenizer;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import introdl.data.InvalidDataException;
import introdl.engine.Telemetry;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * A Hugging Face {@code tokenizer.json} (GPT-2's byte-level BPE, say) as an introdl
 * {@link Tokenizer}, read by DJL's binding of the Rust {@code tokenizers} library, so a checkpoint
 * is read with exactly the tokens it was trained on. Offline: it is built from the file's text,
 * never from the hub; no special tokens are added, no text is truncated or padded.
 */
public final class HuggingFaceTokens implements Tokenizer {
    static final String KIND = "huggingface";
    private static final Map<String, String> AS_IS = Map.of("addSpecialTokens", "false", "truncation", "false",
            "padding", "false");

    private final String json;
    private final int vocabulary;
    private final HuggingFaceTokenizer tokenizer;

    private HuggingFaceTokens(String json, int vocabulary) {
        // DJL's tokenizer reports its use when it is created, unless tracking is off
        Telemetry.turnOff();
        try {
            this.tokenizer = HuggingFaceTokenizer.newInstance(
                    new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)), AS_IS);
        } catch (IOException | RuntimeException e) {
            throw new IllegalArgumentException("not a Hugging Face tokenizer.json: " + e.getMessage(), e);
        }
        this.json = json;
        this.vocabulary = vocabulary;
    }

    /**
     * Reads {@code file}, a Hugging Face {@code tokenizer.json}, for a model of {@code vocabulary}
     * tokens (its config's {@code vocab_size}).
     *
     * @throws InvalidDataException naming the file if it cannot be read as a tokenizer
     */
    public static HuggingFaceTokens read(Path file, int vocabulary) {
        try {
            return new HuggingFaceTokens(Files.readString(file, StandardCharsets.UTF_8), vocabulary);
        } catch (IOException | IllegalArgumentException e) {
            throw new InvalidDataException(file + " is not a Hugging Face tokenizer.json: " + e.getMessage(), e);
        }
    }

    static HuggingFaceTokens fromJson(JsonObject saved) {
        return new HuggingFaceTokens(saved.get("tokenizer").toString(), saved.get("vocabulary").getAsInt());
    }

    @Override
    public int[] encode(String text) {
        long[] ids = tokenizer.encode(text).getIds();
        int[] out = new int[ids.length];
        for (int i = 0; i < ids.length; i++) {
            out[i] = Math.toIntExact(ids[i]);
            if (out[i] >= vocabulary) {
                throw new IllegalArgumentException("the tokenizer gave id " + out[i] + ", outside the model's vocabulary "
                        + "of " + vocabulary);
            }
        }
        return out;
    }

    @Override
    public String decode(int[] tokens, int from, int to) {
        long[] ids = new long[to - from];
        for (int i = from; i < to; i++) {
            if (tokens[i] < 0 || tokens[i] >= vocabulary) {
                throw new IllegalArgumentException("token id " + tokens[i] + " is outside the vocabulary of " + vocabulary);
            }
            ids[i - from] = tokens[i];
        }
        return tokenizer.decode(ids, false);
    }

    @Override
    public int vocabularySize() {
        return vocabulary;
    }

    @Override
    public String name() {
        return "Hugging Face tokenizer (" + vocabulary + ")";
    }

    @Override
    public String describe(int token) {
        return TokenText.quoted(decode(new int[] {token}));
    }

    @Override
    public void save(Path file) {
        JsonObject saved = new JsonObject();
        saved.addProperty(TokenizerFile.KIND, KIND);
        saved.addProperty("vocabulary", vocabulary);
        saved.add("tokenizer", JsonParser.parseString(json));
        TokenizerFile.write(file, saved);
    }

    @Override
    public String toString() {
        return name();
    }
}
