package introdl.music;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import introdl.SharedData;
import introdl.data.DataDirectory;
import introdl.sequence.Vocabulary;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Supplier;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Lab 1's data: where the tunes come from, how they are split and cut into windows, and how new tunes are judged. */
@Tag("slow")
class TunesTest {
    @TempDir
    Path home;

    @Test
    void aFailedDownloadIsExplainedEvenWithoutAMessage() {
        String refused = TuneData.reason(new java.io.IOException(new java.net.ConnectException()));
        assertTrue(refused.contains("ConnectException") && !refused.contains("null"), refused);
        String named = TuneData.reason(new java.net.UnknownHostException("github.com"));
        assertEquals("UnknownHostException: github.com", named);
    }

    @Test
    void aBatchOfTunesHoldsTheTunesWrittenOneByOne() {
        Vocabulary vocabulary = Vocabulary.of("X:1\nT:a\nM:4/4\nK:D\n|abcd efga|\n\n");
        try (ai.djl.Model model = introdl.train.Models.create("tunes", new introdl.sequence.CharLstm(vocabulary.size(), 4,
                16), new ai.djl.ndarray.types.Shape(1, 8), 3)) {
            Composer composer = new Composer(model, vocabulary);
            for (Composer.Sampling sampling : Composer.Sampling.values()) {
                List<Composer.Composition> batch = composer.compose(3, "X:", 2.0, 9, sampling);
                assertEquals(3, batch.size());
                for (int i = 0; i < 3; i++) {
                    Composer.Composition alone = composer.composeOne(i, "X:", 2.0, 9, sampling);
                    assertEquals(alone.abc(), batch.get(i).abc(), sampling + " tune " + i);
                    assertEquals(alone.corrections(), batch.get(i).corrections(), sampling + " tune " + i);
                }
                assertFalse(batch.get(0).abc().equals(batch.get(1).abc()), "each tune has its own random stream");
            }
        }
    }

    @Test
    void theBundledTunesAreWholeAndEveryBarFitsItsMeter() {
        TuneBook bundled = TuneData.bundled();
        assertEquals(12, bundled.tunes().size());
        assertTrue(bundled.problems().isEmpty(), bundled.problems().toString());
        for (Tune tune : bundled.tunes()) {
            assertTrue(tune.barsMatchMeter(), tune.title() + " has bars off its meter");
            assertFalse(tune.title().isEmpty());
        }
    }

    @Test
    void offlineWithoutTheCoursesFileTheBundledTunesAreUsedAndSaidSo() {
        assertEquals("true", System.getProperty("ai.djl.offline"), "tests must never download");
        TuneData.Loaded loaded = inEmptyHome(() -> {
            TuneData.Loaded[] out = new TuneData.Loaded[1];
            SharedData.withDataDirectory(home.resolve("no-data").toString(), () -> out[0] = TuneData.load(null));
            return out[0];
        });
        assertTrue(loaded.bundled());
        assertEquals(12, loaded.book().tunes().size());
        assertTrue(loaded.source().contains("bundled"), loaded.source());
    }

    @Test
    void aCachedCopyIsUsedOnlyIfItIsTheCoursesFile() throws Exception {
        Path course = SharedData.require("mit6s191").resolve(TuneData.FILE_NAME);
        TuneData.Loaded fromCache = inEmptyHome(() -> {
            Path cache = TuneData.cacheFile();
            try {
                Files.createDirectories(cache.getParent());
                Files.writeString(cache, "X:1\nT:Not the course's\nM:4/4\nL:1/8\nK:D\nABcd efga|\n");
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
            TuneData.Loaded[] out = new TuneData.Loaded[2];
            SharedData.withDataDirectory(home.resolve("no-data").toString(), () -> {
                out[0] = TuneData.load(null);
                try {
                    Files.copy(course, cache, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
                } catch (java.io.IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
                out[1] = TuneData.load(null);
            });
            assertTrue(out[0].bundled(), "a cached file with the wrong checksum is ignored");
            return out[1];
        });
        assertFalse(fromCache.bundled());
        assertEquals(804, fromCache.book().texts().size());
        assertEquals(TuneData.SHA256, TuneData.sha256(Files.readAllBytes(course)));
        assertEquals("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad",
                TuneData.sha256("abc".getBytes(StandardCharsets.US_ASCII)));
    }

    @Test
    void theDataFolderCopyIsFoundAndANamedFileMustExist() {
        Path folder = SharedData.require("mit6s191");
        TuneData.Loaded loaded = TuneData.load(null);
        assertTrue(loaded.source().startsWith(folder.toString()), loaded.source() + " via " + DataDirectory.describe());
        assertEquals(801, loaded.book().tunes().size());
        Exception missing = assertThrows(RuntimeException.class, () -> TuneData.load(home.resolve("songs.abc")));
        assertTrue(missing.getMessage().contains("songs.abc"), missing.getMessage());
    }

    @Test
    void wholeTunesAreHeldOutSoValidationMeasuresUnseenTunes() {
        TuneBook book = TuneData.bundled();
        Tunes.Corpus corpus = Tunes.corpus(book, Tunes.Preset.QUICK, 3);
        assertEquals(11, corpus.trainingTunes());
        assertEquals(1, corpus.validationTunes());
        assertEquals(Vocabulary.of(book.text()).size(), corpus.vocabulary().size(), "every character has an index");
        String training = decodeAll(corpus.vocabulary(), corpus.training());
        String validation = decodeAll(corpus.vocabulary(), corpus.validation());
        assertEquals(1, corpus.heldOut().size());
        String heldOut = corpus.heldOut().get(0);
        String heldOutTitle = heldOut.lines().filter(l -> l.startsWith("T:")).findFirst().orElseThrow();
        assertFalse(training.contains(heldOutTitle), heldOutTitle + " is only in the validation windows");
        for (String window : windows(corpus.vocabulary(), corpus.validation())) {
            assertTrue((heldOut + "\n\n").contains(window), "a validation window comes from the held-out tune");
        }
        assertEquals(Tunes.Preset.QUICK.sequenceLength(), corpus.training().sampleShape().get(0));
        Tunes.Corpus again = Tunes.corpus(book, Tunes.Preset.QUICK, 3);
        assertEquals(validation, decodeAll(again.vocabulary(), again.validation()), "the split is seeded");
        introdl.data.InvalidDataException one = assertThrows(introdl.data.InvalidDataException.class,
                () -> Tunes.corpus(TuneBook.parse(book.texts().get(0)), Tunes.Preset.QUICK, 1));
        assertTrue(one.getMessage().contains("at least 2"), one.getMessage());
    }

    @Test
    void presetsAreFoundByNameAndTheCoursesCountsStepsNotEpochs() {
        assertEquals(Tunes.Preset.COURSE, Tunes.Preset.named(" Course"));
        IllegalArgumentException unknown = assertThrows(IllegalArgumentException.class,
                () -> Tunes.Preset.named("huge"));
        assertTrue(unknown.getMessage().contains("default or course"), unknown.getMessage());
        // 3,557 windows in batches of 8 are 444 steps an epoch: 3000 steps need 7 epochs
        assertEquals(7, Tunes.Preset.COURSE.epochs(3557));
        Tunes.Preset overridden = Tunes.Preset.COURSE.withOverrides(2, 128, null);
        assertEquals(2, overridden.epochs(3557));
        assertEquals(128, overridden.hidden());
        assertEquals(Tunes.Preset.COURSE.learningRate(), overridden.learningRate());
        assertThrows(IllegalArgumentException.class, () -> Tunes.Preset.DEFAULT.withOverrides(0, null, null));
        assertThrows(IllegalArgumentException.class, () -> Tunes.Preset.DEFAULT.withOverrides(null, null, -1.0));
    }

    @Test
    void generatedTextIsJudgedOnWhetherItReadsAndWhetherItsBarsFit() {
        Composer.Composition good = Composer.read("X:1\nT:Made up\nM:4/4\nL:1/8\nK:G\nGABc dedB|dcBA G4|GABc dedB|dcBA G4|]\n\nX:2\n");
        Composer.Composition offMeter = Composer.read("X:1\nT:Limping\nM:4/4\nL:1/8\nK:G\nGABc dedB|dcBA G4|GABc ded|dcBA G4|]");
        Composer.Composition broken = Composer.read("X:1\nT:Noise\nM:4/4\nL:1/8\nK:G\nGA(((Bc &&& |");
        assertTrue(good.parses() && good.barsMatchMeter());
        assertFalse(good.abc().contains("X:2"), "only the first tune is kept: " + good.abc());
        assertTrue(offMeter.parses());
        assertFalse(offMeter.barsMatchMeter());
        assertFalse(broken.parses());
        assertNull(broken.tune());
        assertTrue(broken.problem() != null && !broken.problem().isEmpty());
        Novelty collection = Novelty.of(TuneBook.parse("X:1\nT:Made Up\nM:4/4\nL:1/8\nK:G\nGFED CDEF|GABc dcBA|\n"));
        Composer.Verdict verdict = Composer.judge(List.of(good, offMeter, broken), collection);
        assertEquals(new Composer.Verdict(3, 2, 1, 1, 0, 0), verdict, "the good tune copies a title");
        assertEquals(2.0 / 3, verdict.parseShare(), 1e-12);
        assertEquals(0, Composer.judge(List.of(), collection).barsMatchShare());
        assertEquals("the title of 'Made Up'", collection.copied(good));
        assertNull(collection.copied(offMeter));
    }

    @Test
    void aTuneSharingThirtyCharactersOfMelodyWithTheCollectionIsACopy() {
        String melody = "GABc dedB|dcBA G4|GFED CDEF|GABc d4|";
        Novelty collection = Novelty.of(TuneBook.parse("X:1\nT:Old\nM:4/4\nL:1/8\nK:G\n" + melody + "\n"));
        Composer.Composition copy = Composer.read("X:5\nT:New\nM:4/4\nL:1/8\nK:G\n" + melody + "\nB8|]");
        Composer.Composition near = Composer.read("X:5\nT:New\nM:4/4\nL:1/8\nK:G\nGABc dedB|dcBA G4|GFEF CDEF|]");
        assertEquals("30 characters of melody in a row from 'Old'", collection.copied(copy));
        assertNull(collection.copied(near), "19 characters shared, then another note");
    }

    @Test
    void distinctBarsFallAsTunesRepeatThemselves() {
        Composer.Composition varied = Composer.read("X:1\nM:4/4\nL:1/8\nK:G\nGABc dedB|dcBA G4|GFED CDEF|]");
        Composer.Composition looping = Composer.read("X:1\nM:4/4\nL:1/8\nK:G\nGABc dedB|GABc dedB|GABc dedB|]");
        assertEquals(1.0, Novelty.distinctBars(List.of(varied)));
        assertEquals(1.0 / 3, Novelty.distinctBars(List.of(looping)), 1e-12);
        assertEquals(3.0 / 6, Novelty.distinctBars(List.of(varied, looping)), 1e-12, "the looping bar is the varied tune's first");
    }

    private <T> T inEmptyHome(Supplier<T> body) {
        String old = System.getProperty("user.home");
        System.setProperty("user.home", home.toString());
        try {
            return body.get();
        } finally {
            System.setProperty("user.home", old);
        }
    }

    private static String decodeAll(Vocabulary vocabulary, introdl.data.Examples windows) {
        return String.join("|", windows(vocabulary, windows));
    }

    private static List<String> windows(Vocabulary vocabulary, introdl.data.Examples windows) {
        List<String> out = new java.util.ArrayList<>();
        for (int w = 0; w < windows.size(); w++) {
            StringBuilder text = new StringBuilder();
            for (float id : windows.sample(w)) {
                text.append(vocabulary.character((int) id));
            }
            out.add(text.toString());
        }
        return out;
    }
}
