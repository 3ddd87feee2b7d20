package introdl.language;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import introdl.SharedData;
import introdl.data.InvalidDataException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TokenizerTest {
    /** About 3 KB of ordinary English prose, for training without the shared data folder. */
    private static final String ENGLISH = """
            A language model reads a text one token at a time and learns to predict the token that comes \
            next. Before it can read anything, the text has to become numbers. The simplest way is to give \
            every character its own number: the letters, the digits, the punctuation and the spaces. That \
            vocabulary is small, a few dozen symbols for English, but the sequences are long, because every \
            word takes as many steps as it has letters, and the model has to learn to spell before it can \
            learn to say anything at all.
            Byte pair encoding takes a different path. It starts from the bytes of the text and looks for \
            the pair of neighbouring symbols that occurs most often. That pair becomes a new symbol, and the \
            search starts again on the text written with the new symbol. After a few hundred merges the \
            common words of the corpus are single tokens, the rarer words are spelt from a few pieces, and \
            any text at all can still be written, one byte at a time if it must be.
            The trade is between the size of the vocabulary and the length of the sequence. A larger \
            vocabulary makes every sequence shorter, so the same context window covers more of the text, \
            but each token is seen less often during training, and the embedding table and the output layer \
            grow with the number of tokens. For a small model trained on a small corpus, a vocabulary of a \
            few hundred tokens is a reasonable place to start.
            The merges are learnt once, from the training text, and then kept with the model. A model that \
            was trained with one set of merges cannot read the tokens of another, so the tokeniser is saved \
            next to the weights and loaded with them. Encoding a new text applies the merges in the order \
            they were learnt, the earliest first, inside each word, and decoding simply joins the bytes of \
            the tokens and reads them as text again.
            Words are kept apart before any merge is made: the text is cut into words, numbers, runs of \
            punctuation and runs of white space, and a merge never joins the end of one word to the start \
            of the next. The space before a word stays with the word, so the word and the word with a space \
            in front of it are different tokens, and the model learns both. This keeps the vocabulary for \
            words, and not for the accidents of which word happened to follow which in the training text.
            """;

    @Test
    void charactersRoundTripTextOfKnownCharacters() {
        CharTokenizer chars = CharTokenizer.fit(ENGLISH);
        String text = "The model reads a text, one token at a time.\nThen it learns.";
        int[] ids = chars.encode(text);
        assertEquals(text.length(), ids.length);
        assertEquals(text, chars.decode(ids));
        assertEquals("model", chars.decode(ids, 4, 9));
        assertEquals(0, chars.unknownCount(text));
    }

    @Test
    void unknownCharactersGetTheReservedTokenAndAreCounted() {
        CharTokenizer chars = CharTokenizer.fit("abc ");
        String text = "a cab 日 🎵z";
        int[] ids = chars.encode(text);
        // 🎵 is two UTF-16 chars but one code point, so one token.
        assertEquals(text.codePointCount(0, text.length()), ids.length);
        assertEquals(3, chars.unknownCount(text));
        assertEquals(3, Arrays.stream(ids).filter(id -> id == CharTokenizer.UNKNOWN).count());
        assertEquals("a cab \uFFFD \uFFFD\uFFFD", chars.decode(ids));
        assertEquals("<unk>", chars.describe(CharTokenizer.UNKNOWN));
    }

    @Test
    void characterIdsAreStableAndInCodePointOrder() {
        CharTokenizer one = CharTokenizer.fit("banana\n🎵 bread");
        CharTokenizer two = CharTokenizer.fit("bread 🎵\nbanana");
        assertEquals("\n abdenr🎵", one.characters());
        assertEquals(one.characters(), two.characters());
        assertArrayEquals(new int[] {4, 3, 7, 3}, one.encode("bana"));
        assertArrayEquals(one.encode(ENGLISH + "🎵"), two.encode(ENGLISH + "🎵"));
        assertEquals(10, one.vocabularySize());
        assertEquals("characters (10)", one.name());
        assertEquals("'\\n'", one.describe(1));
        assertEquals("' '", one.describe(2));
    }

    @Test
    void anEmptyCorpusIsAClearError() {
        IllegalArgumentException chars = assertThrows(IllegalArgumentException.class, () -> CharTokenizer.fit(""));
        assertTrue(chars.getMessage().contains("corpus is empty"), chars.getMessage());
        IllegalArgumentException bpe = assertThrows(IllegalArgumentException.class, () -> BytePairTokenizer.train("", 300));
        assertTrue(bpe.getMessage().contains("corpus is empty"), bpe.getMessage());
    }

    @Test
    void aVocabularySmallerThanTheBytesIsAClearError() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> BytePairTokenizer.train(ENGLISH, 255));
        assertTrue(e.getMessage().contains("at least 256 tokens, not 255"), e.getMessage());
        assertEquals(256, BytePairTokenizer.train(ENGLISH, 256).vocabularySize());
    }

    @Test
    void bytePairsLearnTheWorkedExample() {
        // One chunk, a a a b d a a a b a c. Pairs: aa 4, ab 2, bd 1, da 1, ba 1, ac 1, so 256 = aa.
        // Then [aa] a b d [aa] a b a c: (aa, a) 2 and (a, b) 2 tie; the lower ids win, so 257 = ab.
        // Then [aa][ab] d [aa][ab] a c: (aa, ab) 2, so 258 = aaab.
        BytePairTokenizer bpe = BytePairTokenizer.train("aaabdaaabac", 259);
        assertArrayEquals(new int[] {'a', 'a'}, bpe.parts(256));
        assertArrayEquals(new int[] {'a', 'b'}, bpe.parts(257));
        assertArrayEquals(new int[] {256, 257}, bpe.parts(258));
        assertEquals("'aaab'", bpe.describe(258));
        assertArrayEquals(new int[] {258, 'd', 258, 'a', 'c'}, bpe.encode("aaabdaaabac"));
        // Encoding a new text applies the merges in the order learnt: in a a b, aa (256) comes before
        // ab (257), so it is [aa] b, not a [ab].
        assertArrayEquals(new int[] {256, 'b'}, bpe.encode("aab"));
        assertThrows(IllegalArgumentException.class, () -> bpe.parts('a'));
    }

    @Test
    void mergesNeverCrossWordBoundaries() {
        // Chunks "ab", " ab", " ab": the pairs are (a, b) three times and (space, a) twice; "b " is
        // never a pair, so after two merges every chunk is one token and nothing is left.
        BytePairTokenizer bpe = BytePairTokenizer.train("ab ab ab", 258);
        assertEquals("'ab'", bpe.describe(256));
        assertEquals("' ab'", bpe.describe(257));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> BytePairTokenizer.train("ab ab ab", 259));
        assertTrue(e.getMessage().contains("after 2 merges") && e.getMessage().contains("at most 258 tokens"), e.getMessage());
    }

    @Test
    void incrementalPairCountsLearnWhatRecountingEveryPairLearns() {
        String corpus = ENGLISH + " aaaaaaa bbbb aaa abab ababab 1234 1234 !!! ?!?! \n\n\n  x";
        int merges = 300;
        BytePairTokenizer bpe = BytePairTokenizer.train(corpus, 256 + merges);
        List<int[]> expected = recountingEveryPair(BytePairTokenizer.chunks(corpus), merges);
        for (int m = 0; m < merges; m++) {
            assertArrayEquals(expected.get(m), bpe.parts(256 + m), "merge " + m);
        }
    }

    @Test
    void bytePairsCompressTheTrainingTextToTheVocabularyAsked() {
        BytePairTokenizer bpe = BytePairTokenizer.train(ENGLISH, 512);
        assertEquals(512, bpe.vocabularySize());
        assertEquals("byte-level BPE (512)", bpe.name());
        int[] ids = bpe.encode(ENGLISH);
        assertTrue(Arrays.stream(ids).allMatch(id -> id >= 0 && id < 512));
        assertTrue(Arrays.stream(ids).anyMatch(id -> id == 511), "the last merge is used on its own corpus");
        double perCharacter = bpe.tokensPerCharacter(ENGLISH);
        assertTrue(perCharacter < 0.6, "tokens per character " + perCharacter);
        assertEquals(1.0, CharTokenizer.fit(ENGLISH).tokensPerCharacter(ENGLISH));
    }

    @Test
    void bytePairsRoundTripEnglishAndUnicodeNotInTheCorpus() {
        BytePairTokenizer bpe = BytePairTokenizer.train(ENGLISH, 400);
        for (String text : new String[] {ENGLISH, "The model learns to predict what comes next.",
                "naïve café — 日本語 🎵", "  leading,   inner\t\ttabs and trailing  \n\n", "it's we've they'll 2024-12-01",
                "e\u0301 (combining accent) \u00a0\u2028\u3000 ١٢٣", ""}) {
            assertEquals(text, bpe.decode(bpe.encode(text)), text);
        }
        // Not in the corpus, so spelt in bytes: 3 for 日 and 4 for 🎵.
        assertEquals(3, bpe.encode("日").length);
        assertEquals(4, bpe.encode("🎵").length);
    }

    @Test
    void bytePairsRoundTripRandomStrings() {
        BytePairTokenizer bpe = BytePairTokenizer.train(ENGLISH, 400);
        int[][] ranges = {{0x20, 0x7E}, {'\n', '\n'}, {'\t', '\t'}, {0xA0, 0x17F}, {0x391, 0x3C9}, {0x300, 0x36F},
                {0x4E00, 0x4EFF}, {0x1F300, 0x1F64F}, {0x2000, 0x206F}, {0x660, 0x669}, {0xFFF0, 0xFFFF}, {0x10000, 0x10FFFF}};
        Random random = new Random(6191);
        for (int n = 0; n < 500; n++) {
            StringBuilder sb = new StringBuilder();
            for (int i = random.nextInt(40); i > 0; i--) {
                int[] range = ranges[random.nextInt(ranges.length)];
                sb.appendCodePoint(range[0] + random.nextInt(range[1] - range[0] + 1));
            }
            String text = sb.toString();
            int[] ids = bpe.encode(text);
            assertTrue(Arrays.stream(ids).allMatch(id -> id >= 0 && id < 400));
            assertEquals(text, bpe.decode(ids), () -> "code points " + Arrays.toString(text.codePoints().toArray()));
        }
    }

    @Test
    void aLoneSurrogateBecomesTheReplacementCharacter() {
        BytePairTokenizer bpe = BytePairTokenizer.train(ENGLISH, 300);
        // Not valid Unicode, so UTF-8 cannot hold it; Java's own encoder would make it '?'.
        assertEquals("a\uFFFDb \uFFFD!", bpe.decode(bpe.encode("a\uD800b \uDC00!")));
    }

    @Test
    void decodingHalfACharacterGivesReplacementCharacters() {
        BytePairTokenizer bpe = BytePairTokenizer.train(ENGLISH, 300);
        int[] ids = bpe.encode("日本");
        assertEquals(6, ids.length);
        assertEquals("日本", bpe.decode(ids));
        // Each stray continuation byte is one replacement character; a cut-off start is one.
        assertEquals("\uFFFD\uFFFD本", bpe.decode(ids, 1, 6));
        assertEquals("日\uFFFD", bpe.decode(ids, 0, 5));
        assertEquals("<e6>", bpe.describe(ids[0]));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> bpe.decode(new int[] {300}));
        assertTrue(e.getMessage().contains("token 300 is outside the vocabulary of 300"), e.getMessage());
    }

    @Test
    void savedTokenizersLoadWithIdenticalEncodings(@TempDir Path dir) {
        String text = ENGLISH + " naïve café — 日本語 🎵";
        List<Tokenizer> tokenizers = List.of(CharTokenizer.fit(ENGLISH), BytePairTokenizer.train(ENGLISH, 400));
        for (Tokenizer tokenizer : tokenizers) {
            Path file = dir.resolve("nested").resolve(tokenizer.getClass().getSimpleName() + ".json");
            tokenizer.save(file);
            Tokenizer loaded = Tokenizer.load(file);
            assertEquals(tokenizer.getClass(), loaded.getClass());
            assertEquals(tokenizer.name(), loaded.name());
            assertArrayEquals(tokenizer.encode(text), loaded.encode(text));
            assertEquals(tokenizer.decode(tokenizer.encode(text)), loaded.decode(loaded.encode(text)));
        }
    }

    @Test
    void aDamagedOrUnknownFileIsAClearError(@TempDir Path dir) throws IOException {
        String[] damaged = {"not json {", "", "[1, 2]", "{\"kind\": \"wordpiece\"}", "{\"merges\": []}",
                "{\"kind\": \"byte-level BPE\", \"merges\": [[97, 300]]}",
                "{\"kind\": \"byte-level BPE\", \"merges\": [[97, 98], [97, 98]]}",
                "{\"kind\": \"byte-level BPE\", \"merges\": [[97, 98.5]]}",
                "{\"kind\": \"characters\", \"characters\": [98, 97]}",
                "{\"kind\": \"characters\", \"characters\": \"ab\"}"};
        for (int i = 0; i < damaged.length; i++) {
            Path file = dir.resolve("damaged-" + i + ".json");
            Files.writeString(file, damaged[i], StandardCharsets.UTF_8);
            InvalidDataException e = assertThrows(InvalidDataException.class, () -> Tokenizer.load(file), damaged[i]);
            assertTrue(e.getMessage().contains(file.toString()) && e.getMessage().contains("not a tokeniser file"),
                    e.getMessage());
        }
        Path unknown = dir.resolve("damaged-3.json");
        assertTrue(assertThrows(InvalidDataException.class, () -> Tokenizer.load(unknown)).getMessage()
                .contains("its kind is wordpiece"));
        Path missing = dir.resolve("missing.json");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Tokenizer.load(missing));
        assertTrue(e.getMessage().contains("missing.json"), e.getMessage());
    }

    @Test
    void bytePairsOnTinyShakespeare() throws IOException {
        Path file = SharedData.require("tinyshakespeare").resolve("input.txt");
        String corpus = Files.readString(file, StandardCharsets.UTF_8).substring(0, 200_000);
        BytePairTokenizer bpe = BytePairTokenizer.train(corpus, 512);
        double perCharacter = bpe.tokensPerCharacter(corpus);
        System.out.printf("Tiny Shakespeare, first 200,000 characters: %s, %.3f tokens per character%n",
                bpe.name(), perCharacter);
        assertTrue(perCharacter < 0.52, "tokens per character " + perCharacter);
        assertEquals(corpus, bpe.decode(bpe.encode(corpus)));
    }

    /** BPE as the lecture states it: count every pair of every chunk afresh before each merge. */
    private static List<int[]> recountingEveryPair(List<String> chunks, int merges) {
        List<List<Integer>> words = new ArrayList<>();
        for (String chunk : chunks) {
            List<Integer> word = new ArrayList<>();
            for (byte b : chunk.getBytes(StandardCharsets.UTF_8)) {
                word.add(b & 0xFF);
            }
            words.add(word);
        }
        List<int[]> learnt = new ArrayList<>();
        for (int m = 0; m < merges; m++) {
            java.util.Map<List<Integer>, Integer> counts = new java.util.HashMap<>();
            for (List<Integer> word : words) {
                for (int i = 0; i + 1 < word.size(); i++) {
                    counts.merge(List.of(word.get(i), word.get(i + 1)), 1, Integer::sum);
                }
            }
            List<Integer> best = null;
            for (var entry : counts.entrySet()) {
                List<Integer> pair = entry.getKey();
                if (best == null || entry.getValue() > counts.get(best) || entry.getValue().equals(counts.get(best))
                        && (pair.get(0) < best.get(0) || pair.get(0).equals(best.get(0)) && pair.get(1) < best.get(1))) {
                    best = pair;
                }
            }
            int token = 256 + m;
            for (List<Integer> word : words) {
                for (int i = 0; i + 1 < word.size(); i++) {
                    if (word.get(i).equals(best.get(0)) && word.get(i + 1).equals(best.get(1))) {
                        word.set(i, token);
                        word.remove(i + 1);
                    }
                }
            }
            learnt.add(new int[] {best.get(0), best.get(1)});
        }
        return learnt;
    }
}
