import ai.djl.Model;
import introdl.lab.Lab;
import introdl.lab.LabException;
import introdl.lab.LabRun;
import introdl.music.Composer;
import introdl.music.Novelty;
import introdl.music.TemperatureSweep;
import introdl.music.TuneModel;
import introdl.lab.MusicReport;
import introdl.music.TuneData;
import introdl.music.Tunes;
import introdl.sequence.SequenceLoss;
import introdl.sequence.TextGenerator;
import introdl.train.Fit;
import introdl.train.History;
import introdl.train.Metric;
import introdl.train.Models;
import introdl.train.Optimizers;
import introdl.train.Schedule;
import java.nio.file.Path;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** Lab 1: an LSTM learns Irish folk tunes in ABC notation, character by character, and writes new ones. */
@Command(name = "music", mixinStandardHelpOptions = true,
        description = "Train an LSTM on Irish folk tunes in ABC notation and let it write new ones, as ABC, MIDI "
                + "and WAV (Lab 1).")
public final class MusicLab extends Lab {
    @Option(names = "--tunes", paramLabel = "FILE",
            description = "An ABC collection to learn from (default: the course's irish.abc from the data folder, "
                    + "the cache or a download, else the bundled tunes).")
    Path tunes;

    @Option(names = "--preset", paramLabel = "NAME", defaultValue = "default",
            description = "default (sized for a laptop CPU: embedding 64, LSTM 256, 8 epochs) or course (the "
                    + "course's: embedding 256, LSTM 1024, batch 8, 3000 steps) (default: ${DEFAULT-VALUE}).")
    String preset;

    @Option(names = "--epochs", paramLabel = "N", description = "Passes over the training windows (overrides the preset).")
    Integer epochs;

    @Option(names = "--hidden", paramLabel = "N", description = "LSTM units (overrides the preset).")
    Integer hidden;

    @Option(names = "--lr", paramLabel = "RATE", description = "Adam's learning rate (overrides the preset).")
    Double learningRate;

    @Option(names = "--layers", paramLabel = "N", description = "Stacked LSTM layers (overrides the preset's 1).")
    Integer layers;

    @Option(names = "--dropout", paramLabel = "RATE", description = "Dropout between stacked LSTM layers (default 0).")
    Double dropout;

    @Option(names = "--patience", paramLabel = "EPOCHS", defaultValue = "0",
            description = "Stop after this many epochs without a lower validation loss on the held-out tunes, and "
                    + "keep the best epoch's weights; 0 = off (default).")
    int patience;

    @Option(names = "--sweep",
            description = "Also write --generate tunes each way at temperatures 0.5 to 1.2 and chart the well-formed "
                    + "share and the variety against the temperature (sweep.png, a table in the report).")
    boolean sweep;

    @Option(names = "--generate", paramLabel = "N", defaultValue = "10",
            description = "How many tunes to write after training (default: ${DEFAULT-VALUE}).")
    int generate;

    @Option(names = "--temperature", paramLabel = "T", defaultValue = "0.8",
            description = "Sampling temperature: below 1 plays safe, above 1 takes risks (default: ${DEFAULT-VALUE}).")
    double temperature;

    @Option(names = "--sampling", paramLabel = "HOW", defaultValue = "structured",
            description = "structured (a bar that overflows or misses the meter, or cannot be read, is sampled "
                    + "again) or plain (the network alone); the report gives both figures (default: ${DEFAULT-VALUE}).")
    String sampling;

    @Option(names = "--prefix", paramLabel = "TEXT", defaultValue = "X:",
            description = "What each new tune starts with (default: ${DEFAULT-VALUE}).")
    String prefix;

    @Override
    protected void validate() {
        if (tunes != null && !java.nio.file.Files.isRegularFile(tunes)) {
            throw new IllegalArgumentException("--tunes: there is no file " + tunes.toAbsolutePath()
                    + "; give the path of an ABC collection");
        }
        Tunes.Preset chosen;
        try {
            chosen = Tunes.Preset.named(preset);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("--preset: " + e.getMessage(), e);
        }
        chosen.withOverrides(epochs, hidden, learningRate, layers, dropout);
        if (patience < 0) {
            throw new IllegalArgumentException("--patience must be 0 (off) or more, got " + patience);
        }
        requirePositive("--generate", generate);
        try {
            TextGenerator.requireTemperature(temperature);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("--temperature: " + e.getMessage(), e);
        }
        try {
            Composer.Sampling.named(sampling);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("--sampling: " + e.getMessage(), e);
        }
        if (prefix.isEmpty()) {
            throw new IllegalArgumentException("--prefix must not be empty; tunes start with X:");
        }
    }

    @Override
    protected void run(LabRun run) {
        TuneData.Loaded loaded = TuneData.load(tunes, run.data());
        Tunes.Preset settings = Tunes.Preset.named(preset).withOverrides(epochs, hidden, learningRate, layers,
                dropout);
        if (run.quick()) {
            settings = Tunes.Preset.QUICK;
        }
        loaded.book().problems().forEach(problem -> run.say("skipped %s", problem.getMessage()));
        Tunes.Corpus corpus = Tunes.corpus(loaded.book(), settings, run.seed());
        run.say("%s from %s: %s; %s", settings, loaded.source(), loaded.book(), corpus);
        try {
            corpus.vocabulary().encode(prefix);
        } catch (IllegalArgumentException e) {
            throw new LabException("--prefix cannot start a tune: " + e.getMessage()
                    + " (the collection's characters)", e);
        }
        try (Model model = Models.create("music", settings.model(corpus.vocabulary().size()))) {
            Fit fit = run.fit(model).loss(new SequenceLoss()).metrics(Metric.accuracy())
                    .optimizer(Optimizers.adam(settings.learningRate()).schedule(Schedule.cosine(0.1)))
                    .clipGradNorm(5).epochs(settings.epochs(corpus.training().size()))
                    .batchSize(settings.batchSize()).validateOn(corpus.validation());
            if (patience > 0) {
                fit.earlyStopping(patience, 0);
            }
            History history = fit.run(corpus.training());
            MusicReport.saveModel(run, model, corpus, history);
            MusicReport.Written written = MusicReport.Written.compose(new Composer(model, corpus.vocabulary()),
                    Novelty.of(loaded.book()), run.quickOr(3, generate), prefix, temperature, run.seed(),
                    Composer.Sampling.named(sampling));
            MusicReport.Written pretrained = null;
            if (run.quick()) {
                try (TuneModel shipped = TuneModel.pretrained()) {
                    pretrained = MusicReport.Written.compose(shipped.composer(), Novelty.of(loaded.book()), 3,
                            "X:", temperature, run.seed(), Composer.Sampling.named(sampling));
                }
                run.say("Quick mode's model is too small to write tunes; introdl's pretrained model wrote %d, %d with "
                        + "every bar fitting the meter (tunes/pretrained-*)", pretrained.verdict().tunes(),
                        pretrained.verdict().barsMatch());
            }
            TemperatureSweep temperatures = null;
            if (sweep) {
                temperatures = TemperatureSweep.run(new Composer(model, corpus.vocabulary()), written.collection(),
                        TemperatureSweep.TEMPERATURES, run.quickOr(2, generate), prefix, run.seed());
                run.say("Temperature sweep, %d tunes a point:%n%s", run.quickOr(2, generate), temperatures);
            }
            MusicReport.write(run, corpus, loaded, settings, history, written, pretrained, temperatures);
            run.say("Validation loss %.3f nats per character; %s sampling: %s%nthe other way (%s): %s",
                    history.kept().get(History.VAL_LOSS), written.sampling(), written.verdict(), written.other(),
                    written.otherVerdict());
        }
    }
}
