package introdl.lab;

import ai.djl.Model;
import introdl.io.AtomicFiles;
import introdl.music.Composer;
import introdl.music.Midi;
import introdl.music.Novelty;
import introdl.music.TemperatureSweep;
import introdl.music.TuneModel;
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
     * Saves the trained model with its vocabulary (what {@link TuneModel#load} reads back) as soon
     * as training ends, so nothing after it can lose the training.
     */
    public static void saveModel(LabRun run, Model model, Tunes.Corpus corpus, History history) {
        model.setProperty("Epoch", String.valueOf(history.size()));
        TuneModel.save(model, corpus.vocabulary(), run.file("model"));
    }

    /**
     * The tunes a lab run wrote, with the chosen sampling, and the figures of the other sampling on
     * the same seeds (structure-aware against plain), so the report shows both side by side.
     *
     * @param sampling how {@code tunes} were sampled
     * @param temperature the sampling temperature
     * @param tunes the tunes written out
     * @param verdict their figures
     * @param otherVerdict the figures of as many tunes sampled the other way
     * @param collection what the tunes are checked against for copies
     */
    public record Written(Composer.Sampling sampling, double temperature, List<Composer.Composition> tunes,
            Composer.Verdict verdict, Composer.Verdict otherVerdict, Novelty collection) {
        /** Writes {@code count} tunes each way with the same seeds, keeping the {@code sampling} ones. */
        public static Written compose(Composer composer, Novelty collection, int count, String prefix,
                double temperature, long seed, Composer.Sampling sampling) {
            List<Composer.Composition> chosen = composer.compose(count, prefix, temperature, seed, sampling);
            List<Composer.Composition> other = composer.compose(count, prefix, temperature, seed, otherOf(sampling));
            return new Written(sampling, temperature, chosen, Composer.judge(chosen, collection),
                    Composer.judge(other, collection), collection);
        }

        /** The sampling the comparison figures come from. */
        public Composer.Sampling other() {
            return otherOf(sampling);
        }

        private static Composer.Sampling otherOf(Composer.Sampling sampling) {
            return sampling == Composer.Sampling.PLAIN ? Composer.Sampling.STRUCTURED : Composer.Sampling.PLAIN;
        }
    }

    /**
     * Writes the new tunes, the charts and the report; {@code pretrained}, if not null, holds tunes
     * that introdl's shipped model wrote (quick mode's model is too small to write any), and
     * {@code sweep}, if not null, the temperature sweep.
     */
    public static void write(LabRun run, Tunes.Corpus corpus, TuneData.Loaded loaded, Tunes.Preset preset,
            History history, Written written, Written pretrained, TemperatureSweep sweep) {
        history.writeCsv(run.file(LabRun.HISTORY));
        history.plotLoss(run.file("loss.png"));
        Composer.Verdict verdict = written.verdict();

        Map<String, Object> results = new LinkedHashMap<>();
        results.put("model", preset.toString());
        results.put("tunes", loaded.source() + (loaded.bundled() ? " (the small bundled set)" : ""));
        results.put("data", corpus.toString());
        results.put("validation loss", String.format(Locale.ROOT, "%.3f nats per character",
                history.kept().get(History.VAL_LOSS)));
        if (history.restoredEpoch() > 0) {
            results.put("weights from epoch", history.restoredEpoch() + " of " + history.size()
                    + " (the lowest validation loss)");
        }
        results.put("tunes written", verdict.tunes() + " at temperature " + written.temperature() + ", "
                + written.sampling() + " sampling");
        results.put(written.sampling() + " sampling", verdict.toString());
        results.put(written.other() + " sampling, same seeds", written.otherVerdict().toString());
        results.put("training time", String.format(Locale.ROOT, "%.1f s",
                history.totalSeconds()));
        HtmlReport report = run.report("Lab 1: an LSTM writes folk tunes").table(results)
                .image("loss.png", "Loss per epoch (nats per character)");
        if (sweep != null) {
            sweep.chart().save(run.file("sweep.png"));
            report.heading("Temperature").image("sweep.png", "Well-formed share and variety against the temperature")
                    .table(TemperatureSweep.header(), sweep.rows());
        }
        report.heading("The tunes it wrote");
        writeTunes(run, report, written, "tune");
        if (pretrained != null) {
            report.heading("Tunes from the model shipped with introdl").paragraph("Quick mode's model is too small to "
                    + "write tunes; these come from Lab 1's default model trained on the course's 804 tunes "
                    + "(TuneModel.pretrained()), " + pretrained.sampling() + " sampling: " + pretrained.verdict());
            writeTunes(run, report, pretrained, "pretrained");
        }
        report.heading("History").csvTable(history.toCsv())
                .link("model/", "Saved model and its vocabulary").link("config.json", "Configuration");
        report.write(run.file("index.html"));
        Map<String, Object> figures = new LinkedHashMap<>();
        figures.put("validation_loss", history.kept().get(History.VAL_LOSS));
        figures.put("tunes_written", verdict.tunes());
        figures.put("tunes_parsed", verdict.parse());
        figures.put("tunes_bars_match", verdict.barsMatch());
        figures.put("tunes_bars_match_original", verdict.barsMatchOriginal());
        figures.put("tunes_copied", verdict.copies());
        figures.put("tunes_corrected", verdict.corrected());
        figures.put("sampling", written.sampling().toString());
        figures.put(written.other() + "_tunes_parsed", written.otherVerdict().parse());
        figures.put(written.other() + "_tunes_bars_match", written.otherVerdict().barsMatch());
        if (pretrained != null) {
            figures.put("pretrained_tunes_written", pretrained.verdict().tunes());
            figures.put("pretrained_tunes_bars_match", pretrained.verdict().barsMatch());
        }
        figures.put("epochs", history.size());
        run.folder().writeJson(Reports.RESULTS, figures);
    }

    /** Each tune as ABC, and as MIDI and WAV if it can be read, listed in the report with its figures. */
    private static void writeTunes(LabRun run, HtmlReport report, Written written, String stem) {
        List<Composer.Composition> tunes = written.tunes();
        for (int i = 0; i < tunes.size(); i++) {
            Composer.Composition c = tunes.get(i);
            String name = String.format(Locale.ROOT, "tunes/%s-%02d", stem, i + 1);
            AtomicFiles.writeString(run.file(name + ".abc"), c.abc() + "\n");
            String copied = written.collection().copied(c);
            String notes = (c.corrections().any() ? "; corrected: " + c.corrections() : "")
                    + (copied != null ? "; copies " + copied : "");
            String label = (stem.equals("tune") ? "Tune " : "Pretrained tune ") + (i + 1) + " - ";
            if (c.parses()) {
                Midi.write(c.tune(), run.file(name + ".mid"));
                Synth.writeWav(c.tune(), run.file(name + ".wav"));
                int[] bars = c.tune().checkBars();
                report.paragraph(label + String.format(Locale.ROOT, "%s: %d bars checked, %d off the meter%s",
                        c.tune().title().isEmpty() ? "untitled" : c.tune().title(), bars[0], bars[1], notes))
                        .audio(name + ".wav", "Listen").link(name + ".mid", "MIDI").preformatted(c.abc());
            } else {
                report.paragraph(label + "cannot be read: " + c.problem() + notes).preformatted(c.abc());
            }
        }
    }
}
