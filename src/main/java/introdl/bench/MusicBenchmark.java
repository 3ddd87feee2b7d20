package introdl.bench;

import ai.djl.Model;
import introdl.data.Examples;
import introdl.music.TuneData;
import introdl.music.Tunes;
import introdl.sequence.SequenceLoss;
import introdl.sequence.TextGenerator;
import introdl.train.Fit;
import introdl.train.History;
import introdl.train.Models;
import introdl.train.Optimizers;
import java.io.PrintWriter;
import java.util.Arrays;
import java.util.Locale;
import java.util.Random;

/**
 * Lab 1's speeds for each preset: training characters per second (an untimed warm-up epoch, then
 * timed epochs over a fixed number of batches) and generation characters per second, one text at a
 * time (one character per step) and 50 texts written together as one batch, as the lab writes tunes. Quality figures come from the lab's own runs.
 */
final class MusicBenchmark {
    private static final int GENERATED = 2000;
    /** Texts written together in the batched generation figure: the lab's default of 50 tunes. */
    private static final int BATCH = 50;
    private static final int BATCH_LENGTH = 400;

    private MusicBenchmark() {}

    /** Prints one line per preset. */
    static void run(PrintWriter out, int batches, int epochs) {
        TuneData.Loaded loaded = TuneData.load(null);
        out.printf(Locale.ROOT, "%nLab 1 (music) on %s: %s; %d timed epoch(s) of %d batches after a warm-up epoch%n%n",
                loaded.source(), loaded.book(), epochs, batches);
        out.printf(Locale.ROOT, "%-8s %-36s %14s %10s %15s %17s%n", "preset", "model", "train chars/s", "steps/s",
                "generate chars/s", "batch of " + BATCH + " chars/s");
        for (Tunes.Preset preset : new Tunes.Preset[] {Tunes.Preset.DEFAULT, Tunes.Preset.COURSE}) {
            Tunes.Corpus corpus = Tunes.corpus(loaded.book(), preset, 1);
            int windows = Math.min(corpus.training().size(), batches * preset.batchSize());
            Examples timed = corpus.training().sample(windows, 1);
            try (Model model = Models.create("music", preset.model(corpus.vocabulary().size()))) {
                History history = Fit.of(model).loss(new SequenceLoss()).optimizer(Optimizers.adam(preset.learningRate()))
                        .clipGradNorm(5).epochs(epochs + 1).batchSize(preset.batchSize()).seed(1).quiet().run(timed);
                double seconds = Arrays.stream(BenchCommand.afterWarmUp(history)).sum();
                double steps = (double) epochs * (windows / preset.batchSize());
                double characters = (double) epochs * windows * timed.sampleShape().get(0);
                TextGenerator generator = new TextGenerator(model, corpus.vocabulary());
                generator.generate("X:", 50, 1, new Random(1));
                long start = System.nanoTime();
                generator.generate("X:", GENERATED, 1, new Random(2));
                double generateSeconds = (System.nanoTime() - start) / 1e9;
                java.util.List<Random> streams = new java.util.ArrayList<>();
                for (int i = 0; i < BATCH; i++) {
                    streams.add(new Random(3 + i));
                }
                long batchStart = System.nanoTime();
                generator.generate("X:", BATCH_LENGTH, 1, streams, text -> false);
                double batchSeconds = (System.nanoTime() - batchStart) / 1e9;
                out.printf(Locale.ROOT, "%-8s %-36s %,14.0f %10.1f %,15.0f %,17.0f%n", preset.name(),
                        "embedding " + preset.embedding() + ", LSTM " + preset.hidden() + ", batch " + preset.batchSize(),
                        characters / seconds, steps / seconds, GENERATED / generateSeconds,
                        (double) BATCH * BATCH_LENGTH / batchSeconds);
            }
        }
        out.printf(Locale.ROOT, "process RSS now %.0f MiB%n", Memory.rssMiB());
        out.flush();
    }
}
