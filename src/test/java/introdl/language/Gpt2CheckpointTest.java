package introdl.language;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import introdl.attention.Positions;
import introdl.data.InvalidDataException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A tiny checkpoint written exactly as Hugging Face's {@code save_pretrained} lays out GPT-2
 * (names, Conv1D weights as in × out, query/key/value joined in c_attn, no separate head), from an
 * introdl GPT's weights: read back, it must compute what that GPT computes.
 */
class Gpt2CheckpointTest {
    private static final int VOCABULARY = 97;

    @TempDir
    Path dir;

    @Test
    void aGpt2LayoutCheckpointLoadsAndComputesWhatItsWeightsSay() throws Exception {
        GptConfig shape = new GptConfig(VOCABULARY, 16, 2, 2, 8, 0, Positions.Kind.LEARNED);
        try (LanguageModel reference = LanguageModel.create(shape, CharTokenizer.fit(GptRecipe.ASCII), 3)) {
            writeCheckpoint(dir, reference.gpt(), "gpt2");
            try (LanguageModel loaded = Gpt2Checkpoint.load(dir)) {
                assertEquals(shape, loaded.config());
                int[] ids = loaded.tokenizer().encode("to be, to see");
                assertEquals("to be, to see", loaded.tokenizer().decode(ids));
                assertEquals(12, ids.length, "13 characters, one merge of a space and t");
                float[][] expected = reference.generator().scores(ids, false);
                float[][] actual = loaded.generator().scores(ids, false);
                for (int t = 0; t < ids.length; t++) {
                    assertArrayEquals(expected[t], actual[t], 1e-5f, "position " + t);
                }
                // saved the introdl way, with its tokenizer, it loads again
                try (LanguageModel again = LanguageModel.load(loaded.save(dir.resolve("saved")))) {
                    assertArrayEquals(ids, again.tokenizer().encode("to be, to see"));
                    assertArrayEquals(actual[2], again.generator().scores(ids, false)[2], 0f);
                }
            }
        }
    }

    @Test
    void aMissingFileAnotherArchitectureOrAWrongShapeIsNamed() throws Exception {
        GptConfig shape = new GptConfig(VOCABULARY, 16, 1, 2, 8, 0, Positions.Kind.LEARNED);
        try (LanguageModel reference = LanguageModel.create(shape, CharTokenizer.fit(GptRecipe.ASCII), 4)) {
            writeCheckpoint(dir, reference.gpt(), "gpt2");
        }
        Files.delete(dir.resolve("tokenizer.json"));
        IllegalArgumentException missing = assertThrows(IllegalArgumentException.class, () -> Gpt2Checkpoint.load(dir));
        assertTrue(missing.getMessage().contains("no tokenizer.json"), missing.getMessage());
        Files.writeString(dir.resolve("tokenizer.json"), tokenizerJson().toString());

        Path config = dir.resolve("config.json");
        String gpt2 = Files.readString(config);
        Files.writeString(config, gpt2.replace("\"gpt2\"", "\"llama\""));
        InvalidDataException llama = assertThrows(InvalidDataException.class, () -> Gpt2Checkpoint.load(dir));
        assertTrue(llama.getMessage().contains("'llama'") && llama.getMessage().contains("GPT-2"), llama.getMessage());

        Files.writeString(config, gpt2.replace("\"n_embd\":8", "\"n_embd\":4"));
        InvalidDataException wrong = assertThrows(InvalidDataException.class, () -> Gpt2Checkpoint.load(dir));
        assertTrue(wrong.getMessage().contains("model.safetensors") && wrong.getMessage().contains("shape"),
                wrong.getMessage());
    }

    /** The checkpoint of {@code gpt} in Hugging Face's GPT-2 layout. */
    private static void writeCheckpoint(Path dir, Gpt gpt, String type) throws Exception {
        GptConfig c = gpt.config();
        Map<String, float[]> ours = new LinkedHashMap<>();
        Map<String, Shape> shapes = new LinkedHashMap<>();
        gpt.getParameters().forEach(p -> {
            ours.put(p.getKey(), p.getValue().getArray().toFloatArray());
            shapes.put(p.getKey(), p.getValue().getArray().getShape());
        });
        int w = c.width();
        Map<String, float[]> hf = new LinkedHashMap<>();
        Map<String, long[]> hfShapes = new LinkedHashMap<>();
        put(hf, hfShapes, "transformer.wte.weight", ours.get("tokenEmbedding"), VOCABULARY, w);
        put(hf, hfShapes, "transformer.wpe.weight", ours.get("positionEmbedding"), c.context(), w);
        for (int i = 0; i < c.layers(); i++) {
            String b = String.format("%02dblock%d_", i + 1, i);
            String h = "transformer.h." + i + ".";
            put(hf, hfShapes, h + "ln_1.weight", ours.get(b + "01attentionNorm_gamma"), w);
            put(hf, hfShapes, h + "ln_1.bias", ours.get(b + "01attentionNorm_beta"), w);
            float[] qkv = new float[w * 3 * w];
            float[] qkvBias = new float[3 * w];
            String[] parts = {"01query", "02key", "03value"};
            for (int p = 0; p < 3; p++) {
                float[] weight = ours.get(b + "02attention_" + parts[p] + "_weight"); // (out, in)
                for (int out = 0; out < w; out++) {
                    for (int in = 0; in < w; in++) {
                        qkv[in * 3 * w + p * w + out] = weight[out * w + in];
                    }
                }
                System.arraycopy(ours.get(b + "02attention_" + parts[p] + "_bias"), 0, qkvBias, p * w, w);
            }
            put(hf, hfShapes, h + "attn.c_attn.weight", qkv, w, 3 * w);
            put(hf, hfShapes, h + "attn.c_attn.bias", qkvBias, 3 * w);
            put(hf, hfShapes, h + "attn.c_proj.weight", transpose(ours.get(b + "02attention_04output_weight"), w, w), w, w);
            put(hf, hfShapes, h + "attn.c_proj.bias", ours.get(b + "02attention_04output_bias"), w);
            put(hf, hfShapes, h + "ln_2.weight", ours.get(b + "03mlpNorm_gamma"), w);
            put(hf, hfShapes, h + "ln_2.bias", ours.get(b + "03mlpNorm_beta"), w);
            put(hf, hfShapes, h + "mlp.c_fc.weight", transpose(ours.get(b + "04up_weight"), 4 * w, w), w, 4 * w);
            put(hf, hfShapes, h + "mlp.c_fc.bias", ours.get(b + "04up_bias"), 4 * w);
            put(hf, hfShapes, h + "mlp.c_proj.weight", transpose(ours.get(b + "05down_weight"), w, 4 * w), 4 * w, w);
            put(hf, hfShapes, h + "mlp.c_proj.bias", ours.get(b + "05down_bias"), w);
        }
        String last = String.format("%02dfinalNorm_", c.layers() + 1);
        put(hf, hfShapes, "transformer.ln_f.weight", ours.get(last + "gamma"), w);
        put(hf, hfShapes, "transformer.ln_f.bias", ours.get(last + "beta"), w);
        try (NDManager m = NDManager.newBaseManager(); OutputStream out = Files.newOutputStream(dir.resolve("model.safetensors"))) {
            NDList list = new NDList();
            hf.forEach((name, values) -> {
                NDArray array = m.create(values, new Shape(hfShapes.get(name)));
                array.setName(name);
                list.add(array);
            });
            list.encode(out, NDList.Encoding.SAFETENSORS);
        }
        Files.writeString(dir.resolve("config.json"), String.format("{\"model_type\":\"%s\",\"architectures\":"
                + "[\"GPT2LMHeadModel\"],\"vocab_size\":%d,\"n_positions\":%d,\"n_embd\":%d,\"n_layer\":%d,"
                + "\"n_head\":%d,\"activation_function\":\"gelu_new\",\"layer_norm_epsilon\":1e-05}", type,
                VOCABULARY, c.context(), w, c.layers(), c.heads()));
        Files.writeString(dir.resolve("tokenizer.json"), tokenizerJson().toString());
    }

    /** A byte-level BPE tokenizer.json of GPT-2's kind: printable ASCII, 'Ġ' for a space, 'Ċ' for a new line, one merge. */
    private static JsonObject tokenizerJson() {
        JsonObject vocab = new JsonObject();
        int id = 0;
        for (char ch = '!'; ch <= '~'; ch++) {
            vocab.addProperty(String.valueOf(ch), id++);
        }
        vocab.addProperty("\u0120", id++);
        vocab.addProperty("\u0120t", id++);
        vocab.addProperty("\u010a", id++);
        JsonArray merges = new JsonArray();
        merges.add("\u0120 t");
        JsonObject model = new JsonObject();
        model.addProperty("type", "BPE");
        model.add("vocab", vocab);
        model.add("merges", merges);
        JsonObject byteLevel = new JsonObject();
        byteLevel.addProperty("type", "ByteLevel");
        byteLevel.addProperty("add_prefix_space", false);
        byteLevel.addProperty("trim_offsets", true);
        byteLevel.addProperty("use_regex", true);
        JsonObject json = new JsonObject();
        json.addProperty("version", "1.0");
        json.add("added_tokens", new JsonArray());
        json.add("pre_tokenizer", byteLevel);
        json.add("decoder", byteLevel.deepCopy());
        json.add("model", model);
        assertEquals(VOCABULARY, id);
        return json;
    }

    private static void put(Map<String, float[]> hf, Map<String, long[]> shapes, String name, float[] values,
            long... shape) {
        hf.put(name, values);
        shapes.put(name, shape);
    }

    /** (rows, cols) row-major to (cols, rows). */
    private static float[] transpose(float[] values, int rows, int cols) {
        float[] out = new float[values.length];
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < cols; c++) {
                out[c * rows + r] = values[r * cols + c];
            }
        }
        return out;
    }
}
