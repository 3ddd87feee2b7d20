package introdl.language;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.nn.Parameter;
import ai.djl.nn.core.Linear;
import introdl.attention.Positions;
import introdl.train.NoGrad;
import java.nio.file.Path;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LoraTest {
    private static final String TEXT = "Patience you must have, my young padawan. Hmm.\n";
    private static final GptConfig SMALL = new GptConfig(2, 32, 2, 2, 24, 0, Positions.Kind.LEARNED);

    @TempDir
    Path dir;

    private static LanguageModel small(long seed) {
        return LanguageModel.create(SMALL, CharTokenizer.fit(TEXT), seed);
    }

    private static float[][] logits(LanguageModel model) {
        return model.generator().scores(model.tokenizer().encode("you must have patience"), false);
    }

    @Test
    void withBZeroTheAdaptedModelIsTheBaseModelExactly() {
        try (LanguageModel model = small(1)) {
            float[][] before = logits(model);
            List<Lora> adapters = Lora.addTo(model.gpt(), model.model().getNDManager(), 4, 8, Lora.COURSE_TARGETS, 7);
            assertEquals(6 * SMALL.layers(), adapters.size(), "q, k, v, o, up and down in every layer");
            float[][] after = logits(model);
            for (int t = 0; t < before.length; t++) {
                assertArrayEquals(before[t], after[t], 0f, "position " + t);
            }
            // A is random, B is zero
            assertTrue(adapters.get(0).getParameters().get("loraA").getArray().abs().sum().getFloat() > 0);
            assertEquals(0f, adapters.get(0).getParameters().get("loraB").getArray().abs().sum().getFloat());
        }
    }

    @Test
    void mergingReproducesTheAdaptedOutputsAndLeavesAPlainModel() {
        try (LanguageModel model = small(2)) {
            List<Lora> adapters = Lora.addTo(model.gpt(), model.model().getNDManager(), 4, 8, Lora.COURSE_TARGETS, 7);
            // what training would do: B away from zero
            NoGrad.run(() -> adapters.forEach(a -> {
                NDArray b = a.getParameters().get("loraB").getArray();
                b.addi(b.getManager().randomNormal(0, 0.05f, b.getShape(), b.getDataType()));
            }));
            float[][] adapted = logits(model);
            assertFalse(java.util.Arrays.equals(adapted[3], small(2).generator()
                    .scores(model.tokenizer().encode("you must have patience"), false)[3]), "the adapters change outputs");
            assertEquals(adapters.size(), Lora.mergeInto(model.gpt()));
            assertTrue(model.gpt().projections().values().stream().allMatch(b -> b instanceof Linear));
            float[][] merged = logits(model);
            for (int t = 0; t < adapted.length; t++) {
                assertArrayEquals(adapted[t], merged[t], 1e-5f, "position " + t);
            }
            // the merged model is an ordinary GPT: it saves and loads with the same outputs
            LanguageModel reloaded = LanguageModel.load(model.save(dir.resolve("merged")));
            assertArrayEquals(merged[5], logits(reloaded)[5], 0f);
            reloaded.close();
        }
    }

    @Test
    void trainingMovesOnlyTheAdaptersAndTheTrainableShareIsTheirs() {
        try (LanguageModel model = small(3)) {
            Map<Parameter, float[]> before = weights(model);
            int rank = 4;
            Lora.addTo(model.gpt(), model.model().getNDManager(), rank, 8, Lora.COURSE_TARGETS, 7);
            long w = SMALL.width();
            long perLayer = 4 * rank * (w + w) + rank * (w + 4 * w) + rank * (4 * w + w);
            assertEquals(SMALL.layers() * perLayer, Lora.trainableParameters(model.gpt()));
            assertEquals(model.config().parameterCount() + SMALL.layers() * perLayer, Lora.allParameters(model.gpt()));

            FineTuning tuning = FineTuning.named("lora").withRun(new Pretraining(6, 4, 1e-2, 1, 0, 0, 1, 2));
            PromptedTokens text = PromptedTokens.of(List.of(TEXT.strip(), "Much to learn, you still have."),
                    AnswerTemplate.speaker("YODA"), model.tokenizer());
            tuning.configure(introdl.train.Fit.of(model.model()).quiet().seed(1), text.tiled("v", 16))
                    .run(text.windows("t", 16, 2, 1));

            for (Map.Entry<Parameter, float[]> p : before.entrySet()) {
                assertArrayEquals(p.getValue(), p.getKey().getArray().toFloatArray(), 0f,
                        p.getKey().getName() + " is frozen: bitwise unchanged");
            }
            boolean moved = model.gpt().projections().values().stream().map(b -> (Lora) b)
                    .anyMatch(a -> a.getParameters().get("loraB").getArray().abs().sum().getFloat() > 0);
            assertTrue(moved, "the adapters learnt something");
        }
    }

    @Test
    void aRankMustFitTheLayerAndTargetsMustExist() {
        try (LanguageModel model = small(4)) {
            Linear query = (Linear) model.gpt().projections().get("block0.query");
            IllegalArgumentException zero = assertThrows(IllegalArgumentException.class, () -> new Lora(query, 0, 8));
            assertTrue(zero.getMessage().contains("between 1 and"), zero.getMessage());
            IllegalArgumentException wide = assertThrows(IllegalArgumentException.class, () -> new Lora(query, 25, 8));
            assertTrue(wide.getMessage().contains("24"), wide.getMessage());
            assertThrows(IllegalArgumentException.class, () -> Lora.addTo(model.gpt(), model.model().getNDManager(), 2,
                    8, Set.of("gate"), 1));
            assertThrows(IllegalArgumentException.class, () -> new Lora(Linear.builder().setUnits(4).build(), 2, 8),
                    "an untrained layer has nothing to adapt");
        }
    }

    /** Every parameter of the model (the objects, which adapting keeps) with a copy of its values. */
    private static Map<Parameter, float[]> weights(LanguageModel model) {
        Map<Parameter, float[]> copy = new IdentityHashMap<>();
        for (var pair : model.gpt().getParameters()) {
            copy.put(pair.getValue(), pair.getValue().getArray().toFloatArray());
        }
        return copy;
    }
}
