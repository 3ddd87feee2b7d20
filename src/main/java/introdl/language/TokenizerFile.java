package introdl.language;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import introdl.data.InvalidDataException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The saved form of a tokeniser: a JSON object whose {@code kind} says which class reads the rest.
 * Ids and code points are stored as numbers, never as text, so no character needs escaping.
 */
final class TokenizerFile {
    static final String KIND = "kind";

    private TokenizerFile() {}

    static void write(Path file, JsonObject content) {
        try {
            Path parent = file.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            Files.writeString(file, content.toString() + "\n", StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the tokeniser to " + file + ": " + e.getMessage(), e);
        }
    }

    static Tokenizer read(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException("there is no tokeniser file " + file.toAbsolutePath()
                    + "; write one with Tokenizer.save");
        }
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw corrupt(file, "it is not UTF-8 text (" + e.getMessage() + ")", e);
        }
        try {
            JsonObject json = JsonParser.parseString(text).getAsJsonObject();
            String kind = json.has(KIND) ? json.get(KIND).getAsString() : "(none)";
            switch (kind) {
                case CharTokenizer.KIND:
                    return CharTokenizer.fromJson(json);
                case BytePairTokenizer.KIND:
                    return BytePairTokenizer.fromJson(json);
                case HuggingFaceTokens.KIND:
                    return HuggingFaceTokens.fromJson(json);
                default:
                    throw new IllegalArgumentException("its kind is " + kind + ", not " + CharTokenizer.KIND
                            + ", " + BytePairTokenizer.KIND + " or " + HuggingFaceTokens.KIND);
            }
        } catch (JsonParseException | IllegalStateException | UnsupportedOperationException
                | ArithmeticException | IllegalArgumentException e) {
            // Gson reports a wrong shape (an object where a number should be) with these unchecked types.
            throw corrupt(file, e.getMessage(), e);
        }
    }

    /** The whole numbers of {@code json}'s array {@code field}; a fraction or a missing field is an error. */
    static int[] integers(JsonObject json, String field) {
        JsonElement element = json.get(field);
        if (element == null || !element.isJsonArray()) {
            throw new IllegalArgumentException("it has no array \"" + field + "\"");
        }
        return integers(element.getAsJsonArray());
    }

    static int[] integers(JsonArray array) {
        int[] values = new int[array.size()];
        for (int i = 0; i < values.length; i++) {
            values[i] = array.get(i).getAsBigDecimal().intValueExact();
        }
        return values;
    }

    static JsonArray array(int[] values) {
        JsonArray array = new JsonArray(values.length);
        for (int v : values) {
            array.add(v);
        }
        return array;
    }

    private static InvalidDataException corrupt(Path file, String why, Exception cause) {
        return new InvalidDataException(file + " is not a tokeniser file that Tokenizer.save wrote (" + why
                + "); save the tokeniser again", cause);
    }
}
