package introdl.language;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import introdl.attention.Positions;
import introdl.data.DataUnavailableException;
import introdl.data.Examples;
import introdl.data.InvalidDataException;
import introdl.sequence.CharWindows;
import introdl.sequence.SequenceLoss;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Lab 3's data, answer mask, text score and style judge. */
class StyleTransferTest {
    private static final Tokenizer CHARS = CharTokenizer.fit(GptRecipe.ASCII);

    @TempDir
    Path dir;

    @Test
    void theAnswerMaskScoresTheAnswersAndNotThePrompts() {
        AnswerTemplate template = AnswerTemplate.speaker("YODA");
        PromptedTokens tokens = PromptedTokens.of(List.of("Hmm.", "Yes."), template, CHARS);
        String laidOut = "YODA:\nHmm.\n\nYODA:\nYes.\n\n";
        assertEquals(laidOut, CHARS.decode(tokens.ids()));
        for (int i = 0; i < laidOut.length(); i++) {
            boolean inPrompt = (i % 12) < 6;
            assertEquals(!inPrompt, tokens.scored()[i], "character " + i + " '" + laidOut.charAt(i) + "'");
        }
        assertEquals(12, tokens.scoredCount());
        Examples windows = tokens.tiled("t", 8);
        float[] targets = windows.target(0);
        // window 0 reads "YODA:\nHm" and predicts "ODA:\nHmm": the prompt's targets are left out
        for (int t = 0; t < 8; t++) {
            assertEquals(t < 5 ? CharWindows.UNSCORED : CHARS.encode(laidOut.substring(t + 1, t + 2))[0], targets[t], 0f,
                    "target " + t);
        }
    }

    @Test
    void theMaskedLossIsTheMeanOverAnswerTokensAndIgnoresThePromptsScores() {
        try (NDManager m = NDManager.newBaseManager()) {
            NDArray scores = m.randomNormal(new Shape(2, 3, 5));
            NDArray labels = m.create(new float[] {CharWindows.UNSCORED, 1, 4, 2, CharWindows.UNSCORED, 0}, new Shape(2, 3));
            SequenceLoss masked = SequenceLoss.ignoring(CharWindows.UNSCORED);
            float loss = masked.evaluate(new NDList(labels), new NDList(scores)).getFloat();
            float[] s = scores.toFloatArray();
            int[][] kept = {{0, 1, 1}, {0, 2, 4}, {1, 0, 2}, {1, 2, 0}};
            double sum = 0;
            for (int[] k : kept) {
                int row = (k[0] * 3 + k[1]) * 5;
                double norm = 0;
                for (int c = 0; c < 5; c++) {
                    norm += Math.exp(s[row + c]);
                }
                sum += Math.log(norm) - s[row + k[2]];
            }
            assertEquals(sum / 4, loss, 1e-5, "the mean over the four answer tokens");
            // anything the model says at a prompt position changes nothing
            NDArray changed = scores.duplicate();
            changed.set(new ai.djl.ndarray.index.NDIndex("0, 0, :"), 100f);
            assertEquals(loss, masked.evaluate(new NDList(labels), new NDList(changed)).getFloat(), 1e-6);
            // all prompt: 0, not NaN
            NDArray none = m.full(new Shape(2, 3), (float) CharWindows.UNSCORED);
            assertEquals(0f, masked.evaluate(new NDList(none), new NDList(scores)).getFloat());
        }
    }

    @Test
    void theTextScoreIsTheMeanCrossEntropyAndCountsEveryTokenOnceInLongTexts() {
        GptConfig tiny = new GptConfig(2, 16, 1, 2, 16, 0, Positions.Kind.LEARNED);
        try (LanguageModel model = LanguageModel.create(tiny, CHARS, 5)) {
            String shortText = "Patience, young one.";
            TextScore score = TextScore.of(model, shortText);
            int[] ids = CHARS.encode(shortText);
            float[][] logits = model.generator().scores(java.util.Arrays.copyOf(ids, 16), false);
            double nats = 0;
            for (int t = 0; t < 15; t++) {
                nats += crossEntropy(logits[t], ids[t + 1]);
            }
            // the first window covers 16 positions; the rest come from the next, half-overlapping window
            assertEquals(ids.length - 1, score.tokens());
            assertTrue(score.nats() > nats, "more tokens than the first window");
            String longText = "Much to learn, you still have. ".repeat(5);
            TextScore all = TextScore.of(model, longText);
            assertEquals(longText.length() - 1, all.tokens(), "every token after the first, once");
            assertEquals(all.nats() / all.tokens(), all.perToken(), 1e-12);

            String fits = "Hmm, yes.";
            int[] few = CHARS.encode(fits);
            float[][] rows = model.generator().scores(few, false);
            double exact = 0;
            for (int t = 0; t + 1 < few.length; t++) {
                exact += crossEntropy(rows[t], few[t + 1]);
            }
            assertEquals(exact / (few.length - 1), TextScore.of(model, fits).perToken(), 1e-4);
        }
    }

    private static double crossEntropy(float[] logits, int target) {
        double max = Double.NEGATIVE_INFINITY;
        for (float l : logits) {
            max = Math.max(max, l);
        }
        double sum = 0;
        for (float l : logits) {
            sum += Math.exp(l - max);
        }
        return Math.log(sum) + max - logits[target];
    }

    @Test
    void theBundledStylesAreTheCoursesFilesLineForLine() throws Exception {
        assertEquals("677424006d2f3049d06a2c0921e638fa15e893cbe1c1fd555e0ac85c3479ce65", sha256("yoda.txt.gz"));
        assertEquals("da90f4d60f5393cd49282491f97815e944e7ef2be669218dfc751c94dffaeef9", sha256("leprechaun.txt.gz"));
        StyleText yoda = StyleText.bundled("yoda");
        StyleText leprechaun = StyleText.bundled("leprechaun");
        assertEquals(2048, yoda.size());
        assertEquals(2048, leprechaun.size());
        assertTrue(yoda.answers().get(0).contains("Virgin Australia"));
        assertTrue(leprechaun.answers().get(0).contains("Virgin Australia"), "parallel: line 0 is the same answer");
        assertTrue(yoda.answers().stream().anyMatch(a -> a.contains("\n")), "\\n in a line is a line break");
        assertEquals(689, StyleText.competitionText().length(), "690 bytes with its line end");
        assertEquals(200, yoda.last(200).size());
        assertEquals(yoda.answers().get(1848), yoda.last(200).answers().get(0));
        assertThrows(IllegalArgumentException.class, () -> StyleText.bundled("pirate"));
    }

    private static String sha256(String resource) throws Exception {
        try (InputStream in = StyleText.class.getResourceAsStream("/introdl/data/text_styles/" + resource)) {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(new GZIPInputStream(in).readAllBytes()));
        }
    }

    @Test
    void aMissingEmptyOrBinaryStyleFileIsAClearError() throws Exception {
        DataUnavailableException missing = assertThrows(DataUnavailableException.class,
                () -> StyleText.read(dir.resolve("nothing.txt")));
        assertTrue(missing.getMessage().contains("nothing.txt"), missing.getMessage());
        Path blank = Files.writeString(dir.resolve("blank.txt"), "\n\n  \n");
        assertThrows(InvalidDataException.class, () -> StyleText.read(blank));
        Path binary = Files.write(dir.resolve("binary.txt"), new byte[] {(byte) 0xff, (byte) 0xfe, 0, 1});
        InvalidDataException notText = assertThrows(InvalidDataException.class, () -> StyleText.read(binary));
        assertTrue(notText.getMessage().contains("binary.txt"), notText.getMessage());
        Path two = Files.writeString(dir.resolve("pirate.txt"), "Arr, matey.\n\nShiver me\\ntimbers.\n",
                StandardCharsets.UTF_8);
        StyleText pirate = StyleText.read(two);
        assertEquals("pirate", pirate.name());
        assertEquals(List.of("Arr, matey.", "Shiver me\ntimbers."), pirate.answers());
    }

    @Test
    void theClassifierLearnsStylesAndTheLabsJudgeIsAccurate() {
        Map<String, List<String>> toy = new LinkedHashMap<>();
        toy.put("yoda", List.of("Strong with the Force, you are.", "Much to learn, you still have. Hmm."));
        toy.put("pirate", List.of("Arr, me hearty, the ship be ready.", "Ye scallywag, hoist the sails!"));
        StyleClassifier classifier = StyleClassifier.train(toy);
        assertEquals("yoda", classifier.classify("Ready, you are. Hmm."));
        assertEquals("pirate", classifier.classify("Arr, hoist ye sails, me hearty!"));
        double[] p = classifier.probabilities("the Force, you are");
        assertEquals(1, p[0] + p[1], 1e-9);
        assertThrows(IllegalArgumentException.class, () -> classifier.count(List.of("x"), "elf"));
        assertThrows(IllegalArgumentException.class, () -> StyleClassifier.train(Map.of("one", List.of("a"))));

        StyleJudge judge = StyleTransfer.yoda(CHARS, 200).judge();
        assertTrue(judge.accuracy() >= 0.9, "the judge tells the three styles apart: " + judge.accuracy());
        assertTrue(judge.judgedYoda(judge.heldOut(StyleJudge.YODA)).rate() >= 0.9);
        assertTrue(judge.judgedYoda(judge.heldOut(StyleJudge.SHAKESPEARE)).rate() <= 0.1);
    }

    @Test
    void templatesAndExperimentsRejectWhatCannotWork() {
        assertThrows(IllegalArgumentException.class, () -> AnswerTemplate.speaker(""));
        assertThrows(IllegalArgumentException.class, () -> AnswerTemplate.speaker("TWO\nLINES"));
        StyleText yoda = StyleText.bundled("yoda");
        assertThrows(IllegalArgumentException.class, () -> StyleTransfer.of(yoda, yoda, CHARS,
                AnswerTemplate.none(), yoda.size(), 200));
        assertThrows(IllegalArgumentException.class, () -> StyleJudge.of(yoda, yoda, "text", 5));
        StyleTransfer lab = StyleTransfer.yoda(CHARS, 200);
        assertEquals("Hmm, yes.", lab.answer("Hmm, yes.\n\nYODA:\nMore."), "an answer ends where the template ends it");
        assertFalse(lab.answer("no end").isEmpty());
    }
}
