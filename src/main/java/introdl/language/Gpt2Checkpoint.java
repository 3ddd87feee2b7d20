package introdl.language;

import ai.djl.Model;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import introdl.attention.Positions;
import introdl.data.InvalidDataException;
import introdl.train.Models;
import introdl.train.NoGrad;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a Hugging Face GPT-2-family checkpoint ({@code gpt2}, {@code distilgpt2}, ... saved with
 * {@code save_pretrained}) into introdl's {@link Gpt}, so Lab 3 can fine-tune a real pretrained
 * model with the same code: a folder with {@code config.json}, {@code model.safetensors} and
 * {@code tokenizer.json}, read offline. GPT-2 is the same pre-norm block as introdl's; its
 * projections are stored as {@code Conv1D} weights (in × out, the transpose of a dense layer's) and
 * its query, key and value as one {@code c_attn} matrix, which are split and transposed here; the
 * output head is the token embedding, as in introdl's GPT. One difference remains: GPT-2's GELU is
 * the tanh approximation and introdl's the exact one, which moves the outputs by about 1e-3.
 */
public final class Gpt2Checkpoint {
    /** The files a checkpoint folder must have. */
    public static final List<String> FILES = List.of("config.json", "model.safetensors", "tokenizer.json");
    private static final Pattern BLOCK = Pattern.compile("^\\d+block(\\d+)_(.*)$");

    private Gpt2Checkpoint() {}

    /**
     * The checkpoint in {@code dir} as a language model.
     *
     * @throws IllegalArgumentException naming the missing file, if one is missing
     * @throws InvalidDataException naming the file and what was expected, for another architecture
     *     or a weight of the wrong name or shape
     */
    public static LanguageModel load(Path dir) {
        for (String file : FILES) {
            if (!Files.isRegularFile(dir.resolve(file))) {
                throw new IllegalArgumentException(dir + " is not a Hugging Face GPT-2 checkpoint: it has no " + file
                        + " (a checkpoint folder holds " + String.join(", ", FILES) + ", as save_pretrained writes)");
            }
        }
        GptConfig config = readConfig(dir.resolve("config.json"));
        HuggingFaceTokens tokens = HuggingFaceTokens.read(dir.resolve("tokenizer.json"), config.vocabulary());
        Model model = Models.create("gpt", new Gpt(config), new Shape(config.context()), 0);
        try (NDManager scratch = model.getNDManager().newSubManager()) {
            Map<String, NDArray> weights = readWeights(dir.resolve("model.safetensors"), scratch);
            NoGrad.run(() -> fill((Gpt) model.getBlock(), weights, dir.resolve("model.safetensors")));
        } catch (RuntimeException e) {
            model.close();
            throw e;
        }
        return LanguageModel.of(model, tokens, config);
    }

    private static GptConfig readConfig(Path file) {
        try {
            JsonObject json = JsonParser.parseString(Files.readString(file)).getAsJsonObject();
            String type = json.has("model_type") ? json.get("model_type").getAsString() : "(none)";
            if (!type.equals("gpt2")) {
                throw new InvalidDataException(file + " describes a '" + type + "' model; introdl reads the GPT-2 "
                        + "family only (model_type \"gpt2\": gpt2, gpt2-medium, distilgpt2, ...)");
            }
            int width = integer(json, file, "n_embd");
            int context = json.has("n_positions") ? integer(json, file, "n_positions") : integer(json, file, "n_ctx");
            return new GptConfig(integer(json, file, "vocab_size"), context, integer(json, file, "n_layer"),
                    integer(json, file, "n_head"), width, 0, Positions.Kind.LEARNED);
        } catch (IOException | RuntimeException e) {
            if (e instanceof InvalidDataException invalid) {
                throw invalid;
            }
            throw new InvalidDataException(file + " is not a GPT-2 config.json: " + e.getMessage(), e);
        }
    }

    private static int integer(JsonObject json, Path file, String key) {
        JsonElement value = json.get(key);
        if (value == null || !value.isJsonPrimitive()) {
            throw new InvalidDataException(file + " has no \"" + key + "\": expected a GPT-2 config.json");
        }
        return value.getAsInt();
    }

    private static Map<String, NDArray> readWeights(Path file, NDManager manager) {
        NDList arrays;
        try (InputStream in = Files.newInputStream(file)) {
            arrays = NDList.decode(manager, in);
        } catch (IOException | RuntimeException e) {
            throw new InvalidDataException(file + " is not a safetensors file: " + e.getMessage(), e);
        }
        Map<String, NDArray> named = new HashMap<>();
        for (NDArray array : arrays) {
            String name = array.getName() == null ? "" : array.getName().replaceFirst("^transformer\\.", "");
            named.put(name, array.getDataType() == DataType.FLOAT32 ? array : array.toType(DataType.FLOAT32, false));
        }
        return named;
    }

    private static void fill(Gpt gpt, Map<String, NDArray> weights, Path file) {
        int width = gpt.config().width();
        for (var pair : gpt.getParameters()) {
            String key = pair.getKey();
            Parameter parameter = pair.getValue();
            NDArray value;
            if (key.equals("tokenEmbedding")) {
                value = weight(weights, file, "wte.weight");
            } else if (key.equals("positionEmbedding")) {
                value = weight(weights, file, "wpe.weight");
            } else if (key.matches("^\\d+finalNorm_(gamma|beta)$")) {
                value = weight(weights, file, "ln_f." + (key.endsWith("gamma") ? "weight" : "bias"));
            } else {
                Matcher m = BLOCK.matcher(key);
                if (!m.matches()) {
                    throw new IllegalStateException("introdl's GPT has a parameter " + key + " that GPT-2 does not");
                }
                value = blockWeight(weights, file, "h." + m.group(1) + ".", m.group(2).replaceAll("(^|_)\\d{2}", "$1"),
                        width);
            }
            Shape expected = parameter.getArray().getShape();
            if (!value.getShape().equals(expected)) {
                throw new InvalidDataException(file + ": the weight for " + key + " has shape " + value.getShape()
                        + ", expected " + expected + " from config.json");
            }
            parameter.getArray().set(value.toFloatArray());
        }
    }

    /** One block's parameter, {@code part} like {@code attention_query_weight} or {@code up_bias}. */
    private static NDArray blockWeight(Map<String, NDArray> weights, Path file, String prefix, String part, int width) {
        String[] pieces = part.split("_");
        String kind = pieces[pieces.length - 1];
        switch (pieces[0]) {
            case "attentionNorm":
                return weight(weights, file, prefix + "ln_1." + (kind.equals("gamma") ? "weight" : "bias"));
            case "mlpNorm":
                return weight(weights, file, prefix + "ln_2." + (kind.equals("gamma") ? "weight" : "bias"));
            case "up":
                return dense(weights, file, prefix + "mlp.c_fc", kind);
            case "down":
                return dense(weights, file, prefix + "mlp.c_proj", kind);
            default:
                break;
        }
        String projection = pieces[1];
        if (projection.equals("output")) {
            return dense(weights, file, prefix + "attn.c_proj", kind);
        }
        int third = List.of("query", "key", "value").indexOf(projection);
        NDArray joined = weight(weights, file, prefix + "attn.c_attn." + kind);
        long from = (long) third * width;
        // c_attn holds query, key and value side by side: (in, 3 × width) and (3 × width)
        return kind.equals("bias") ? joined.get(from + ":" + (from + width))
                : joined.get(":, " + from + ":" + (from + width)).transpose();
    }

    /** A Conv1D layer's weight (in × out) as a dense layer's (out × in), or its bias. */
    private static NDArray dense(Map<String, NDArray> weights, Path file, String layer, String kind) {
        NDArray value = weight(weights, file, layer + "." + kind);
        return kind.equals("weight") ? value.transpose() : value;
    }

    private static NDArray weight(Map<String, NDArray> weights, Path file, String name) {
        NDArray value = weights.get(name);
        if (value == null) {
            throw new InvalidDataException(file + " has no weight " + name + " (nor transformer." + name + "): expected "
                    + "a GPT-2 checkpoint");
        }
        return value;
    }
}
