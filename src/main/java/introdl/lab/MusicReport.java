package introdl.lab;

import ai.djl.Model;
import introdl.io.AtomicFiles;
import introdl.music.Composer;
import introdl.music.Midi;
import introdl.music.Synth;
import introdl.music.TuneData;
import introdl.music.Tunes;
import introdl.report.HtmlReport;
import introdl.train.History;
import introdl.train.Models;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** What the music lab writes into its run folder: the model, the new tunes as ABC, MIDI and WAV, and index.html. */
public final class MusicReport {
    private MusicReport() {}

    /**
     * Saves the trained model with its vocabulary (what {@code Vocabulary.ofCharacters} reads back)
     * as soon as training ends, so nothing after it can lose the training.
     */
    public static void saveModel(LabRun run, Model model, Tunes.Corpus corpus, History history) {
        model.setProperty("Epoch", String.valueOf(history.size()));
        Models.save(model, run.file("model"));
        AtomicFiles.writeString(run.file("model/vocabulary.json"),
                new com.google.gson.Gson().toJson(Map.of("characters", corpus.vocabulary().characters())));
    }

    /** Writes the new tunes, the charts and the report. */
    public static void write(LabRun run, Tunes.Corpus corpus, TuneData.Loaded loaded, Tunes.Preset preset,
            History history, List<Composer.Composition> written, double temperature) {
        history.writeCsv(run.file(LabRun.HISTORY));
        history.plotLoss(run.file("loss.png"));
        Composer.Verdict verdict = Composer.judge(written);

        Map<String, Object> results = new LinkedHashMap<>();
        results.put("model", preset.toString());
        results.put("tunes", loaded.source() + (loaded.bundled() ? " (the small bundled set)" : ""));
        results.put("data", corpus.toString());
        results.put("validation loss", String.format(Locale.ROOT, "%.3f nats per character",
                history.last().get(History.VAL_LOSS)));
        results.put("tunes written", verdict.tunes() + " at temperature " + temperature);
        results.put("can be read as ABC", String.format(Locale.ROOT, "%d (%.0f%%)", verdict.parse(),
                100 * verdict.parseShare()));
        results.put("every bar fits the meter", String.format(Locale.ROOT, "%d (%.0f%%)", verdict.barsMatch(),
                100 * verdict.barsMatchShare()));
        results.put("training time", String.format(Locale.ROOT, "%.1f s",
                history.totalSeconds()));
        HtmlReport report = HtmlReport.titled("Lab 1: an LSTM writes folk tunes").table(results)
                .image("loss.png", "Loss per epoch (nats per character)").heading("The tunes it wrote");
        for (int i = 0; i < written.size(); i++) {
            Composer.Composition c = written.get(i);
            String name = String.format(Locale.ROOT, "tunes/tune-%02d", i + 1);
            AtomicFiles.writeString(run.file(name + ".abc"), c.abc() + "\n");
            String status;
            if (c.parses()) {
                Midi.write(c.tune(), run.file(name + ".mid"));
                Synth.writeWav(c.tune(), run.file(name + ".wav"));
                int[] bars = c.tune().checkBars();
                status = String.format(Locale.ROOT, "%s: %d bars checked, %d off the meter", c.tune().title().isEmpty()
                        ? "untitled" : c.tune().title(), bars[0], bars[1]);
                report.paragraph("Tune " + (i + 1) + " - " + status).audio(name + ".wav", "Listen")
                        .link(name + ".mid", "MIDI").preformatted(c.abc());
            } else {
                status = "cannot be read: " + c.problem();
                report.paragraph("Tune " + (i + 1) + " - " + status).preformatted(c.abc());
            }
        }
        report.heading("History").csvTable(history.toCsv())
                .link("model/", "Saved model and its vocabulary").link("config.json", "Configuration");
        report.write(run.file("index.html"));
        Map<String, Object> figures = new LinkedHashMap<>();
        figures.put("validation_loss", history.last().get(History.VAL_LOSS));
        figures.put("tunes_written", verdict.tunes());
        figures.put("tunes_parsed", verdict.parse());
        figures.put("tunes_bars_match", verdict.barsMatch());
        figures.put("epochs", history.size());
        run.folder().writeJson(Reports.RESULTS, figures);
    }
}
