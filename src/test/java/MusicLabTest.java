import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import introdl.SharedData;
import introdl.music.TuneBook;
import introdl.music.TuneModel;
import introdl.sequence.TextGenerator;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Lab 1 driven from the command line: a quick run, a run that learns the notation, and bad options. */
@Tag("slow")
class MusicLabTest {
    @TempDir
    Path runs;

    @Test
    void quickRunWritesEveryTuneAsAbcAndEachReadableOneAsMidiAndWav() throws Exception {
        LabsTest.Result r = LabsTest.launch("music", "--quick", "--runs", runs.toString());
        assertEquals(0, r.exitCode(), r.err());
        assertTrue(r.out().contains("nats per character"), r.out());
        Path run = LabsTest.onlyRun(runs, "music");
        for (String file : new String[] {"config.json", "history.csv", "loss.png", "index.html", "results.json",
                "checkpoint.zip", "model/vocabulary.json", "tunes/tune-01.abc", "tunes/tune-03.abc"}) {
            assertTrue(Files.isRegularFile(run.resolve(file)), "run folder has " + file);
        }
        Map<String, Object> results = LabsTest.results(run);
        assertEquals(3.0, results.get("tunes_written"));
        assertEquals(results.get("tunes_parsed"), (double) count(run.resolve("tunes"), ".wav"));
        assertEquals(results.get("tunes_parsed"), (double) count(run.resolve("tunes"), ".mid"));
        String html = Files.readString(run.resolve("index.html"));
        assertTrue(html.contains("Tune 1 - ") && html.contains("Tune 3 - "), "the report lists every tune");
        // quick mode's model cannot write a tune yet: the shipped model plays some, well-formed
        assertEquals(3.0, results.get("pretrained_tunes_written"));
        assertTrue((Double) results.get("pretrained_tunes_bars_match") >= 1, results.toString());
        assertTrue(Files.isRegularFile(run.resolve("tunes/pretrained-01.wav")) || Files.isRegularFile(
                run.resolve("tunes/pretrained-02.wav")), "a pretrained tune to play");
        assertTrue(r.out().contains("introdl's pretrained model wrote 3"), r.out());
    }

    @Test
    void theDefaultLabLearnsTheNotationOfTheCoursesTunesWellEnoughToBePlayed() throws Exception {
        SharedData.require("mit6s191");
        LabsTest.Result r = LabsTest.launch("music", "--generate", "20", "--quiet", "--runs", runs.toString());
        assertEquals(0, r.exitCode(), r.err());
        Path run = LabsTest.onlyRun(runs, "music");
        Map<String, Object> results = LabsTest.results(run);
        double loss = (Double) results.get("validation_loss");
        // a model that knew only character frequencies would score about 3.3 nats per character
        assertTrue(loss < 1.25, "validation loss on 80 unseen tunes: " + loss);
        double parsed = (Double) results.get("tunes_parsed");
        assertEquals(parsed, (double) count(run.resolve("tunes"), ".wav"));
        // measured on 3 seeds x 50 tunes (BENCHMARKS.md): 100% well-formed with structure-aware sampling, 96-100%
        // copying nothing, against 16-22% plain; the bars here leave a margin
        double wellFormed = (Double) results.get("tunes_bars_match");
        assertTrue(wellFormed >= 16, "at least 80% of 20 tunes with every bar fitting the meter: " + results);
        assertTrue((Double) results.get("tunes_bars_match_original") >= 15, "and copying nothing: " + results);
        assertTrue(wellFormed >= (Double) results.get("plain_tunes_bars_match") + 6,
                "structure-aware sampling beats plain sampling on the same seeds: " + results);
        String html = Files.readString(run.resolve("index.html"));
        assertTrue(html.contains("<audio controls src=\"tunes/tune-"), "the report plays the tunes");

        // the saved model and vocabulary are enough to write more
        try (TuneModel saved = TuneModel.load(run.resolve("model"))) {
            String tune = new TextGenerator(saved.model(), saved.vocabulary()).generate("X:1\nT:", 200, 0.8,
                    new Random(1));
            assertTrue(tune.contains("\nK:") || tune.contains("\nM:"), "writes a header: " + tune);
        }
    }

    @Test
    void optionValuesAreCheckedBeforeAnyRunFolder() {
        for (String[] args : new String[][] {{"--temperature", "0"}, {"--temperature", "Infinity"},
                {"--preset", "huge"}, {"--generate", "0"}, {"--prefix", ""}, {"--epochs", "0"}, {"--hidden", "0"},
                {"--lr", "-1"}, {"--tunes", runs.resolve("none.abc").toString()}, {"--sampling", "greedy"}}) {
            List<String> all = new java.util.ArrayList<>(List.of("music", "--runs", runs.toString()));
            all.addAll(List.of(args));
            LabsTest.Result r = LabsTest.launch(all.toArray(String[]::new));
            assertEquals(2, r.exitCode(), String.join(" ", args) + ": " + r.err());
            assertFalse(r.err().contains("Exception"), r.err());
            assertTrue(r.err().contains(args[0]), "the message names " + args[0] + ": " + r.err());
            assertFalse(r.err().contains("null"), r.err());
        }
        assertFalse(Files.exists(runs.resolve("music")), "no run folder for a usage error");
    }

    @Test
    void offlineWithNoCollectionTheLabRunsOnTheBundledTunesAndSaysSo(@TempDir Path home) throws Exception {
        String oldHome = System.getProperty("user.home");
        System.setProperty("user.home", home.toString());
        LabsTest.Result[] r = new LabsTest.Result[1];
        try {
            SharedData.withDataDirectory(home.resolve("no-data").toString(),
                    () -> r[0] = LabsTest.launch("music", "--quick", "--runs", runs.toString()));
        } finally {
            System.setProperty("user.home", oldHome);
        }
        assertEquals(0, r[0].exitCode(), r[0].err());
        assertTrue(r[0].out().contains("bundled with introdl: 12 tunes"), r[0].out());
        assertTrue(Files.readString(LabsTest.onlyRun(runs, "music").resolve("index.html")).contains("bundled"));
    }

    @Test
    void aPrefixTheCollectionCannotStartIsExplainedAndUnreadableTunesAreListed(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("mine.abc");
        List<String> good = introdl.music.TuneData.bundled().texts().subList(0, 3);
        Files.writeString(file, String.join("\n\n", good) + "\n\nX:99\nT:Broken\nK:G\nAB$c|\n");
        LabsTest.Result r = LabsTest.launch("music", "--quick", "--tunes", file.toString(), "--prefix", "X:€",
                "--runs", runs.toString());
        assertEquals(1, r.exitCode());
        assertTrue(r.err().contains("--prefix") && r.err().contains("'€'"), r.err());
        assertTrue(r.out().contains("skipped tune 4 (X:99 'Broken'), line 4"), r.out());
        assertTrue(r.out().contains("3 tunes (") || r.out().contains("2 tunes ("), "only readable tunes are used: " + r.out());
    }

    @Test
    void aNamedCollectionIsLearntFrom(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("mine.abc");
        Files.writeString(file, String.join("\n\n", introdl.music.TuneData.bundled().texts().subList(0, 4)));
        LabsTest.Result r = LabsTest.launch("music", "--quick", "--tunes", file.toString(), "--runs", runs.toString());
        assertEquals(0, r.exitCode(), r.err());
        assertTrue(r.out().contains("mine.abc") && r.out().contains("4 tunes"), r.out());
        assertEquals(4, TuneBook.read(file).tunes().size());
    }

    /** The lab's own tunes with this suffix (tune-NN), not the shipped model's (pretrained-NN). */
    private static long count(Path folder, String suffix) throws Exception {
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(f -> f.getFileName().toString().startsWith("tune-") && f.toString().endsWith(suffix))
                    .count();
        }
    }
}
