package introdl.language;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.nn.Parameter;
import introdl.attention.Positions;
import introdl.data.DataUnavailableException;
import introdl.data.Examples;
import introdl.data.InvalidDataException;
import introdl.data.Shakespeare;
import introdl.train.Fit;
import introdl.train.History;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Random;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@Tag("slow")
class GptTest {
    private static final String TEXT = "to be, or not to be: that is the question.\n";
    private static final GptConfig TINY = new GptConfig(2, 16, 2, 2, 16, 0, Positions.Kind.LEARNED);

    @TempDir
    Path dir;

    private static LanguageModel tiny(long seed) {
        return LanguageModel.create(TINY, CharTokenizer.fit(TEXT), seed);
    }

    @Test
    void theParameterCountIsTheConfigsAndTheOutputHeadIsTheTokenEmbedding() {
        try (LanguageModel model = tiny(1)) {
            long counted = 0;
            int embeddings = 0;
            for (var pair : model.gpt().getParameters()) {
                Parameter p = pair.getValue();
                counted += p.getArray().size();
                embeddings += p.getArray().getShape().equals(new ai.djl.ndarray.types.Shape(
                        model.config().vocabulary(), model.config().width())) ? 1 : 0;
            }
            assertEquals(model.config().parameterCount(), counted);
            assertEquals(1, embeddings, "one (vocabulary x width) matrix: the head reads the token embedding backwards");
        }
        assertEquals(GptConfig.nanoGptCpu(65).parameterCount(), 809_856, "nanoGPT's CPU model at 65 characters");
    }

    @Test
    void cachedGenerationWritesWhatUncachedGenerationWrites() {
        try (LanguageModel model = tiny(2)) {
            Generator generator = model.generator();
            int[] prompt = generator.promptIds("to be");
            float[][] oneByOne = generator.scores(model.tokenizer().encode("that is the ques"), true);
            float[][] onePass = generator.scores(model.tokenizer().encode("that is the ques"), false);
            for (int t = 0; t < onePass.length; t++) {
                assertArrayEquals(onePass[t], oneByOne[t], 1e-4f, "position " + t);
            }
            // within the context the cache changes nothing
            for (Sampling sampling : new Sampling[] {Sampling.greedy(), Sampling.temperature(1.2).topK(5)}) {
                int[] cached = generator.generate(prompt, 11, sampling, new Random(9), true);
                int[] uncached = generator.generate(prompt, 11, sampling, new Random(9), false);
                assertArrayEquals(uncached, cached, sampling.toString());
            }
            // past the context both keep going, each seeing at most the context
            assertEquals(40, generator.generate(prompt, 40, Sampling.temperature(1), new Random(1), true).length);
            assertEquals(40, generator.generate(prompt, 40, Sampling.temperature(1), new Random(1), false).length);
        }
    }

    @Test
    void aPromptLongerThanTheContextKeepsItsLastTokens() {
        try (LanguageModel model = tiny(3)) {
            Generator generator = model.generator();
            int[] longPrompt = generator.promptIds(TEXT);
            int[] tail = java.util.Arrays.copyOfRange(longPrompt, longPrompt.length - TINY.context(), longPrompt.length);
            assertArrayEquals(generator.generate(tail, 5, Sampling.greedy(), new Random(1), false),
                    generator.generate(longPrompt, 5, Sampling.greedy(), new Random(1), true));
            assertEquals(model.generate("to", 20, Sampling.temperature(1), 4),
                    model.generate("to", 20, Sampling.temperature(1), 4), "sampled text is seeded");
        }
    }

    @Test
    void savedModelsLoadWithTheirTokensAndRefuseAnotherShape() throws Exception {
        Path saved = dir.resolve("model");
        float[][] before;
        int[] ids;
        try (LanguageModel model = tiny(4)) {
            ids = model.tokenizer().encode("not to be");
            before = model.generator().scores(ids, false);
            model.save(saved);
        }
        try (LanguageModel loaded = LanguageModel.load(saved)) {
            float[][] after = loaded.generator().scores(ids, false);
            for (int t = 0; t < ids.length; t++) {
                assertArrayEquals(before[t], after[t], 1e-6f);
            }
        }
        GptConfig other = TINY.withVocabulary(CharTokenizer.fit(TEXT).vocabularySize()).withContext(32);
        IllegalArgumentException shape = assertThrows(IllegalArgumentException.class, () -> LanguageModel.load(saved, other));
        assertTrue(shape.getMessage().contains("context 16") && shape.getMessage().contains("context 32"),
                shape.getMessage());
        CharTokenizer.fit("abc").save(saved.resolve("tokenizer.json"));
        InvalidDataException vocabulary = assertThrows(InvalidDataException.class, () -> LanguageModel.load(saved));
        assertTrue(vocabulary.getMessage().contains("vocabulary"), vocabulary.getMessage());
        Files.writeString(saved.resolve("gpt.json"), "{\"layers\": \"many\"}");
        assertThrows(InvalidDataException.class, () -> LanguageModel.load(saved));
        assertThrows(IllegalArgumentException.class, () -> LanguageModel.load(dir.resolve("nothing")));
        try (LanguageModel model = tiny(5)) {
            IllegalArgumentException mismatch = assertThrows(IllegalArgumentException.class,
                    () -> new Generator(model.model(), CharTokenizer.fit("xyz")));
            assertTrue(mismatch.getMessage().contains("vocabulary"), mismatch.getMessage());
        }
    }

    @Test
    void aCorpusSplitsNinetyTenAndBadTextIsAClearError() throws Exception {
        Corpus corpus = Corpus.of("hamlet", TEXT.repeat(10), CharTokenizer.fit(TEXT), 0.9);
        assertEquals(Math.round(TEXT.length() * 10 * 0.9), corpus.train().length);
        assertEquals(TEXT.length() * 10 - corpus.train().length, corpus.validation().length);
        assertThrows(introdl.data.InvalidDataException.class, () -> Corpus.of("empty", "  \n", CharTokenizer.fit(TEXT), 0.9));
        assertThrows(DataUnavailableException.class, () -> Corpus.read(dir.resolve("missing.txt")));
        Path latin1 = Files.write(dir.resolve("latin1.txt"), new byte[] {'c', 'a', 'f', (byte) 0xE9});
        InvalidDataException notUtf8 = assertThrows(InvalidDataException.class, () -> Corpus.read(latin1));
        assertTrue(notUtf8.getMessage().contains("UTF-8"), notUtf8.getMessage());
        assertThrows(InvalidDataException.class, () -> Corpus.read(Files.writeString(dir.resolve("e.txt"), "")));
    }

    @Test
    void theBundledShakespeareIsCharRnnsFile() throws Exception {
        byte[] digest = MessageDigest.getInstance("SHA-256").digest(
                Shakespeare.text().getBytes(java.nio.charset.StandardCharsets.UTF_8));
        assertEquals("86c4e6aa9db7c042ec79f339dcb96d42b0075e16b8fc2e86bf0ca57e2dc565ed", HexFormat.of().formatHex(digest));
    }

    @Test
    void pretrainingResumesExactlyWhereItStopped() {
        Corpus corpus = Corpus.of("hamlet", TEXT.repeat(20), CharTokenizer.fit(TEXT), 0.9);
        Pretraining plan = new Pretraining(12, 4, 3e-3, 0.1, 2, 0.1, 1.0, 3);
        Path checkpoint = dir.resolve("checkpoint.zip");
        History straight;
        try (LanguageModel model = tiny(6)) {
            straight = run(model, corpus, plan, 3, null);
        }
        try (LanguageModel model = tiny(6)) {
            assertThrows(Interrupted.class, () -> run(model, corpus, plan, 3, checkpoint, 2));
        }
        History resumed;
        try (LanguageModel model = tiny(6)) {
            resumed = run(model, corpus, plan, 3, checkpoint);
        }
        assertEquals(3, resumed.size());
        for (int e = 0; e < 3; e++) {
            assertEquals(straight.epochs().get(e).values().get(History.VAL_LOSS),
                    resumed.epochs().get(e).values().get(History.VAL_LOSS), 1e-6, "epoch " + (e + 1));
        }
        assertNotEquals(straight.epochs().get(0).values().get(History.LOSS),
                straight.epochs().get(2).values().get(History.LOSS));
    }

    @Test
    void aShortPretrainingOnShakespeareLearnsFarMoreThanCharacterFrequencies() {
        GptRecipe recipe = GptRecipe.named("cpu").quick(300);
        String text = Shakespeare.text();
        Corpus corpus = Corpus.of("Tiny Shakespeare", text, recipe.tokenizer(text), 0.9);
        double unigram = unigramEntropy(corpus.train(), corpus.tokenizer().vocabularySize());
        try (LanguageModel model = LanguageModel.create(recipe.config(), corpus.tokenizer(), 42)) {
            int context = model.config().context();
            History history = recipe.pretraining().configure(Fit.of(model.model()).seed(42).quiet(),
                    corpus.validationWindows(context).sample(300, 1))
                    .run(corpus.trainingWindows(context, context / 4, 42));
            double loss = history.last().get(History.VAL_LOSS);
            // measured about 2.3 (seed 42); character frequencies alone give 3.3 nats
            assertTrue(loss < 2.55 && loss < 0.8 * unigram, "validation loss " + loss + " vs unigram " + unigram);
            String sample = model.generate("ROMEO:", 200, Sampling.temperature(0.8), 1);
            assertTrue(sample.chars().filter(c -> c == ' ').count() > 20, "it writes words: " + sample);
        }
    }

    /** The loss of predicting every token by its frequency alone, in nats. */
    private static double unigramEntropy(int[] ids, int vocabulary) {
        double[] counts = new double[vocabulary];
        for (int id : ids) {
            counts[id]++;
        }
        double h = 0;
        for (double c : counts) {
            if (c > 0) {
                double p = c / ids.length;
                h -= p * Math.log(p);
            }
        }
        return h;
    }

    private static final class Interrupted extends RuntimeException {}

    private static History run(LanguageModel model, Corpus corpus, Pretraining plan, int epochs, Path checkpoint,
            int... stopAfter) {
        Fit fit = plan.configure(Fit.of(model.model()).seed(11).quiet(), corpus.validationWindows(TINY.context()));
        if (checkpoint != null) {
            fit.checkpoint(checkpoint, true);
        }
        if (stopAfter.length > 0) {
            fit.afterEpoch(h -> {
                if (h.size() == stopAfter[0]) {
                    throw new Interrupted();
                }
            });
        }
        Examples windows = corpus.trainingWindows(TINY.context(), 4, 1);
        return fit.run(windows);
    }
}
