import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.Model;
import com.google.gson.Gson;
import introdl.basics.Mlp;
import introdl.data.Digits;
import introdl.lab.Reports;
import introdl.train.Inference;
import introdl.train.Models;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The launcher and the MLP lab, driven the way a student drives them. */
@Tag("slow")
class LabsTest {
    @TempDir
    Path runs;

    /** What one launcher call printed and returned. */
    record Result(int exitCode, String out, String err) {}

    static synchronized Result launch(String... args) {
        PrintStream oldOut = System.out;
        PrintStream oldErr = System.err;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
        try {
            int code = Labs.run(args);
            return new Result(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
        } finally {
            System.setOut(oldOut);
            System.setErr(oldErr);
        }
    }

    static Path onlyRun(Path runsDir, String lab) throws Exception {
        try (Stream<Path> dirs = Files.list(runsDir.resolve(lab))) {
            List<Path> all = dirs.toList();
            assertEquals(1, all.size(), "one run folder: " + all);
            return all.get(0);
        }
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> results(Path run) throws Exception {
        return new Gson().fromJson(Files.readString(run.resolve(Reports.RESULTS)), Map.class);
    }

    @Test
    void helpListsEveryLabAndItsOptions() {
        Result r = launch("--help");
        assertEquals(0, r.exitCode());
        for (String expected : new String[] {"mlp", "cnn", "music", "bench", "notebooks", "--hidden", "--filters",
                "--classify", "--resume", "--quick", "--rounds"}) {
            assertTrue(r.out().contains(expected), "help mentions " + expected + ":\n" + r.out());
        }
    }

    @Test
    void unknownLabOrOptionIsAUsageErrorWithExitCode2() {
        Result lab = launch("perceptron-of-doom");
        assertEquals(2, lab.exitCode());
        assertTrue(lab.err().contains("perceptron-of-doom") && lab.err().contains("--help"), lab.err());
        Result option = launch("mlp", "--epoch", "3", "--runs", runs.toString());
        assertEquals(2, option.exitCode());
        assertTrue(option.err().contains("--epochs"), "suggests the right spelling: " + option.err());
        Result value = launch("mlp", "--activation", "swish", "--runs", runs.toString());
        assertEquals(2, value.exitCode());
        assertTrue(value.err().contains("relu"), value.err());
        assertEquals(2, launch().exitCode(), "no lab at all");
        assertTrue(!Files.exists(runs.resolve("mlp")), "a usage error makes no run folder");
    }

    @Test
    void quickRunWritesTheWholeRunFolderAndASavedModelThatPredicts() throws Exception {
        Result r = launch("mlp", "--quick", "--runs", runs.toString());
        assertEquals(0, r.exitCode(), r.err());
        assertTrue(r.out().contains("Test accuracy"), r.out());
        Path run = onlyRun(runs, "mlp");
        for (String file : new String[] {"config.json", "history.csv", "loss.png", "accuracy.png", "predictions.png",
                "mistakes.png", "index.html", "results.json", "checkpoint.zip", "model/mlp-0003.params"}) {
            assertTrue(Files.isRegularFile(run.resolve(file)), "run folder has " + file);
        }
        String html = Files.readString(run.resolve("index.html"));
        assertTrue(html.contains("src=\"loss.png\"") && html.contains("src=\"predictions.png\""), html);
        assertEquals(4, Files.readAllLines(run.resolve("history.csv")).size(), "header + 3 epochs");
        double accuracy = (Double) results(run).get("test_accuracy");
        assertTrue(accuracy > 0.85, "3 quick epochs reach " + accuracy);

        Mlp labDefault = Mlp.of(400, 10, 256, 128).withDropout(0.1).withBatchNorm(true);
        try (Model model = Models.load(run.resolve("model"), "mlp", labDefault.build())) {
            assertEquals(accuracy, Inference.accuracy(model, Digits.split(42).test()), 1e-9,
                    "the saved model predicts exactly as the report says");
        }
    }

    @Test
    void defaultLabReachesTheCourseAccuracyOnTheHeldOutDigits() throws Exception {
        Result r = launch("mlp", "--quiet", "--runs", runs.toString());
        assertEquals(0, r.exitCode(), r.err());
        Map<String, Object> results = results(onlyRun(runs, "mlp"));
        double accuracy = (Double) results.get("test_accuracy");
        assertEquals(1000.0, results.get("test_samples"));
        assertTrue((Double) results.get("epochs") <= 20);
        assertTrue(accuracy >= 0.945, "at least 94.5% on the 1000 held-out digits, got " + accuracy);
    }

    @Test
    void benchmarkCommandPrintsItsFigures() {
        Result r = launch("bench", "--rounds", "1", "--epochs", "1");
        assertEquals(0, r.exitCode(), r.err());
        for (String expected : new String[] {"introdl Fit", "plain DJL (loss + accuracy)", "ArrayDataset + EasyTrain", "time of the fit loop over plain DJL", "samples/s",
                "peak Java heap", "peak process RSS"}) {
            assertTrue(r.out().contains(expected), r.out());
        }
    }

    @Test
    void cnnLabReachesTheCourseAccuracyAndShowsWhatItLearnt() throws Exception {
        Result r = launch("cnn", "--quiet", "--runs", runs.toString());
        assertEquals(0, r.exitCode(), r.err());
        Path run = onlyRun(runs, "cnn");
        double accuracy = (Double) results(run).get("test_accuracy");
        assertTrue(accuracy >= 0.975, "at least 97.5% on the 1000 held-out digits, got " + accuracy);
        for (String file : new String[] {"confusion.png", "filters.png", "convolution-1.png", "convolution-2.png",
                "model/cnn-0012.params"}) {
            assertTrue(Files.isRegularFile(run.resolve(file)), "run folder has " + file);
        }
        String html = Files.readString(run.resolve("index.html"));
        assertTrue(html.contains("src=\"confusion.png\"") && html.contains("src=\"filters.png\"")
                && html.contains("src=\"convolution-2.png\""), "the report shows them");
    }

    @Test
    void cnnLabClassifiesImageFilesFittedToTheModel(@TempDir Path images) throws Exception {
        java.awt.image.BufferedImage drawn = new java.awt.image.BufferedImage(60, 60,
                java.awt.image.BufferedImage.TYPE_INT_RGB);
        java.awt.Graphics2D g = drawn.createGraphics();
        g.setColor(java.awt.Color.WHITE);
        g.fillRect(0, 0, 60, 60);
        g.setColor(java.awt.Color.BLACK);
        g.fillRect(27, 8, 6, 44);
        g.dispose();
        Path one = images.resolve("one.png");
        javax.imageio.ImageIO.write(drawn, "png", one.toFile());
        Result r = launch("cnn", "--quick", "--runs", runs.toString(), "--classify", one.toString(),
                "--apply-filters", one.toString());
        assertEquals(0, r.exitCode(), r.err());
        assertTrue(r.out().contains("one.png: 1 (") && r.out().contains("resized from 60x60 to 20x20")
                && r.out().contains("inverted"), r.out());
        Path run = onlyRun(runs, "cnn");
        for (String file : new String[] {"filters/your-image-original.png", "filters/your-image-sobel-x.png",
                "filters/first-test-image-sharpen.png", "classic-filters-your-image.png"}) {
            assertTrue(Files.isRegularFile(run.resolve(file)), "run folder has " + file);
        }
        assertTrue(Files.readString(run.resolve("index.html")).contains("classic-filters-your-image.png"));
        Path notAnImage = Files.writeString(images.resolve("notes.png"), "not a picture");
        for (String[] bad : new String[][] {{"--classify", images.resolve("none.png").toString()},
                {"--apply-filters", notAnImage.toString()}}) {
            Result r2 = launch("cnn", "--quick", "--runs", images.resolve("runs").toString(), bad[0], bad[1]);
            assertEquals(2, r2.exitCode(), "a bad picture is a usage error before training: " + r2.err());
            assertTrue(r2.err().contains(bad[0]) && r2.err().contains(Path.of(bad[1]).getFileName().toString()),
                    r2.err());
        }
        assertTrue(!Files.exists(images.resolve("runs")), "no run folder, no training");
    }

    @Test
    void divergingRunStopsWithAClearMessageAndKeepsWhatItWrote() throws Exception {
        Result r = launch("mlp", "--quick", "--optimizer", "sgd", "--lr", "1e9", "--no-batch-norm", "--runs",
                runs.toString());
        assertEquals(1, r.exitCode());
        assertTrue(r.err().contains("learning rate") && r.err().contains(runs.toString()), r.err());
        Path run = onlyRun(runs, "mlp");
        assertTrue(Files.readString(run.resolve("index.html")).contains("failed"));
    }

    @Test
    void resumeRefusesNewSettingsAndNeedsARun() {
        Result none = launch("mlp", "--resume", "--runs", runs.toString());
        assertEquals(2, none.exitCode());
        assertTrue(none.err().contains("no run"), none.err());
        assertEquals(0, launch("mlp", "--quick", "--quiet", "--runs", runs.toString()).exitCode());
        Result mixed = launch("mlp", "--resume", "--epochs", "50", "--runs", runs.toString());
        assertEquals(2, mixed.exitCode());
        assertTrue(mixed.err().contains("--epochs"), mixed.err());
        Result finished = launch("mlp", "--resume", "--quiet", "--runs", runs.toString());
        assertEquals(0, finished.exitCode(), "resuming a finished run just rewrites its report: " + finished.err());
    }

    @Test
    void resumeContinuesTheLatestRunOrSaysWhyNotAndMayLowerTheRate() throws Exception {
        assertEquals(0, launch("mlp", "--quick", "--quiet", "--runs", runs.toString()).exitCode());
        Path finished = onlyRun(runs, "mlp");
        Path leftover = Files.writeString(finished.resolve(".checkpoint.zip123456.tmp"), "half a checkpoint");

        Result lowered = launch("mlp", "--resume", "--lr", "1e-3", "--runs", runs.toString());
        assertEquals(0, lowered.exitCode(), lowered.err());
        assertTrue(lowered.out().contains("with --lr 1e-3"), lowered.out());
        Map<?, ?> config = new Gson().fromJson(Files.readString(finished.resolve("config.json")), Map.class);
        assertTrue(config.get("args").toString().contains("--lr, 1e-3") && config.containsKey("resumed with"),
                config.toString());
        assertTrue(!Files.exists(leftover), "the temporary file of an interrupted write is removed on resume");
        Result other = launch("mlp", "--resume", "--lr", "1e-3", "--epochs", "5", "--runs", runs.toString());
        assertEquals(2, other.exitCode());
        assertTrue(other.err().contains("--epochs") && other.err().contains("--lr"), other.err());

        // a run killed before it saved its settings (an older introdl left such folders)
        Path killed = Files.createDirectory(runs.resolve("mlp").resolve("2999-01-01_00-00-00"));
        Result refused = launch("mlp", "--resume", "--runs", runs.toString());
        assertEquals(2, refused.exitCode(), "the latest run cannot be resumed, and no older one is: " + refused.out());
        assertTrue(refused.err().contains(killed.toString()) && refused.err().contains("--resume " + finished),
                refused.err());
    }

    @Test
    void aLossThatExplodesWithoutNaNIsWarnedOfInTheTerminalAndTheReport() throws Exception {
        Result r = launch("mlp", "--quick", "--quiet", "--lr", "1e6", "--runs", runs.toString());
        assertEquals(0, r.exitCode(), r.err());
        assertTrue(r.err().contains("warning") && r.err().contains("exploded"), r.err());
        assertTrue(Files.readString(onlyRun(runs, "mlp").resolve("index.html")).contains("class=\"warning\""));
    }

    @Test
    void badOptionValuesAreUsageErrorsBeforeAnyRunFolder() {
        for (String[] args : new String[][] {{"--epochs", "0"}, {"--dropout", "1.5"}, {"--hidden", "64,0"},
                {"--lr", "-1"}, {"--batch-size", "1"}}) {
            List<String> all = new java.util.ArrayList<>(List.of("mlp", "--runs", runs.toString()));
            all.addAll(List.of(args));
            Result r = launch(all.toArray(String[]::new));
            assertEquals(2, r.exitCode(), String.join(" ", args) + ": " + r.err());
            assertTrue(!r.err().contains("Exception") && r.err().contains("--help"), r.err());
        }
        assertTrue(!Files.exists(runs.resolve("mlp")), "no run folder for a usage error");
    }

    @Test
    void aDamagedCheckpointIsExplainedAndTheFinishedReportIsKept() throws Exception {
        assertEquals(0, launch("mlp", "--quick", "--quiet", "--runs", runs.toString()).exitCode());
        Path run = onlyRun(runs, "mlp");
        String report = Files.readString(run.resolve("index.html"));
        Files.writeString(run.resolve("checkpoint.zip"), "damaged");
        Result r = launch("mlp", "--resume", "--runs", runs.toString());
        assertEquals(1, r.exitCode());
        assertTrue(r.err().contains("checkpoint") && r.err().contains("delete") && !r.err().contains("\tat "), r.err());
        assertEquals(report, Files.readString(run.resolve("index.html")), "the run's report is not overwritten");
        assertTrue(Files.readString(run.resolve("failure.html")).contains("checkpoint"));
    }

    @Test
    void resumeReusesTheDataFolderTheRunWasStartedWith() throws Exception {
        Path data = introdl.SharedData.require("mnist").getParent();
        String before = System.getProperty(introdl.data.DataDirectory.PROPERTY);
        try {
            assertEquals(0, launch("mlp", "--dataset", "mnist", "--quick", "--quiet", "--data", data.toString(),
                    "--runs", runs.toString()).exitCode());
            System.clearProperty(introdl.data.DataDirectory.PROPERTY);
            Result resumed = launch("mlp", "--resume", "--quiet", "--runs", runs.toString());
            assertEquals(0, resumed.exitCode(), resumed.err());
        } finally {
            if (before == null) {
                System.clearProperty(introdl.data.DataDirectory.PROPERTY);
            } else {
                System.setProperty(introdl.data.DataDirectory.PROPERTY, before);
            }
        }
    }

    @Test
    void killedRunResumesToTheSameResultAsAnUninterruptedOne(@TempDir Path other) throws Exception {
        Path killedRuns = runs;
        Process child = new ProcessBuilder(javaCommand(), "-cp", System.getProperty("java.class.path"),
                "-Dai.djl.offline=true", "-Djava.awt.headless=true", "Labs", "mlp", "--quiet", "--runs",
                killedRuns.toString())
                .redirectErrorStream(true).redirectOutput(other.resolve("child.log").toFile()).start();
        int epochsAtKill = 0;
        try {
            long deadline = System.currentTimeMillis() + 120_000;
            while (System.currentTimeMillis() < deadline && child.isAlive()) {
                epochsAtKill = completedEpochs(killedRuns);
                if (epochsAtKill >= 3) {
                    break;
                }
                Thread.sleep(10);
            }
        } finally {
            child.destroyForcibly().waitFor();
        }
        assertTrue(epochsAtKill >= 3 && epochsAtKill < 20,
                "the child was killed mid-run (after " + epochsAtKill + " epochs); log: "
                        + Files.readString(other.resolve("child.log")));

        Result resumed = launch("mlp", "--resume", "--quiet", "--runs", killedRuns.toString());
        assertEquals(0, resumed.exitCode(), resumed.err());
        Result whole = launch("mlp", "--quiet", "--runs", other.toString());
        assertEquals(0, whole.exitCode(), whole.err());

        List<String> resumedHistory = withoutSeconds(onlyRun(killedRuns, "mlp").resolve("history.csv"));
        List<String> wholeHistory = withoutSeconds(onlyRun(other, "mlp").resolve("history.csv"));
        assertEquals(21, wholeHistory.size());
        assertEquals(wholeHistory, resumedHistory);
        assertEquals(results(onlyRun(other, "mlp")).get("test_accuracy"),
                results(onlyRun(killedRuns, "mlp")).get("test_accuracy"));
    }

    private static int completedEpochs(Path runsDir) throws Exception {
        Path labDir = runsDir.resolve("mlp");
        if (!Files.isDirectory(labDir)) {
            return 0;
        }
        try (Stream<Path> dirs = Files.list(labDir)) {
            for (Path run : dirs.toList()) {
                Path history = run.resolve("history.csv");
                if (Files.exists(history)) {
                    return Math.max(0, Files.readAllLines(history).size() - 1);
                }
            }
        }
        return 0;
    }

    private static List<String> withoutSeconds(Path historyCsv) throws Exception {
        return Files.readAllLines(historyCsv).stream().map(line -> line.substring(0, line.lastIndexOf(','))).toList();
    }

    private static String javaCommand() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }
}
