package introdl.lab;

import introdl.language.AnswerTemplate;
import introdl.language.FineTuning;
import introdl.language.StyleEvaluation;
import introdl.language.StyleJudge;
import introdl.language.StyleTransfer;
import introdl.report.HtmlReport;
import introdl.train.Comparison;
import introdl.train.History;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What Lab 3 writes into its run folder: the evaluation table (held-out loss, the course's
 * competition number, forgetting, the share of samples judged Yoda), the judged-Yoda bar chart,
 * the validation curves, samples before and after, results.json and index.html.
 */
public final class LlmReport {
    private static final int SAMPLES_SHOWN = 3;

    /** One fine-tuned model: how it was trained, how many numbers it trained, how long it took, how it did. */
    public record Tuned(FineTuning tuning, History history, long trainable, long parameters, long tokensSeen,
            StyleEvaluation evaluation) {}

    private LlmReport() {}

    /** Writes the report of a run that evaluated {@code base} and fine-tuned {@code tuned}. */
    public static void write(LabRun run, String baseName, StyleTransfer lab, StyleEvaluation base, List<Tuned> tuned,
            String opening) {
        Comparison curves = Comparison.titled("Held-out answer loss while fine-tuning");
        tuned.forEach(t -> curves.add(t.tuning().mode(), t.history(), ""));
        if (!tuned.isEmpty()) {
            curves.chart(History.VAL_LOSS).axes("evaluation", "nats per token (held-out answers)")
                    .save(run.file("loss.png"));
        }
        List<StyleEvaluation> evaluations = new ArrayList<>(List.of(base));
        tuned.forEach(t -> evaluations.add(t.evaluation()));
        lab.judge().chart(evaluations).save(run.file("judged.png"));

        Map<String, Object> setup = new LinkedHashMap<>();
        setup.put("base model", baseName);
        setup.put("data", lab.toString());
        setup.put("judge", String.format(Locale.ROOT, "%s; accuracy %.1f%% on held-out snippets",
                lab.judge().classifier(), 100 * lab.judge().accuracy()));
        tuned.forEach(t -> setup.put(t.tuning().mode(), String.format(Locale.ROOT,
                "%s; %,d of %,d parameters trained (%.2f%%); %.1f s (%,.0f tokens/s)", t.tuning(), t.trainable(),
                t.parameters(), 100.0 * t.trainable() / t.parameters(), t.history().totalSeconds(), t.tokensSeen() / t.history().totalSeconds())));

        List<List<String>> rows = new ArrayList<>();
        rows.add(row(base, "0"));
        tuned.forEach(t -> rows.add(row(t.evaluation(),
                String.format(Locale.ROOT, "%.2f%%", 100.0 * t.trainable() / t.parameters()))));
        HtmlReport report = run.report("Lab 3: fine-tuning a language model into Yoda's voice").table(setup)
                .heading("Evaluation (lower loss is better)")
                .table(List.of("model", "trained", "held-out Yoda loss", "competition (per token)",
                        "competition (per character)", "Shakespeare loss", "judged Yoda"), rows)
                .image("judged.png", "Share of generated answers the style classifier calls Yoda, beside real Yoda "
                        + "answers it did not learn from");
        if (!tuned.isEmpty()) {
            report.image("loss.png", "Loss on the held-out Yoda answers at each evaluation");
        }
        report.heading("What they write").paragraph("Each answer starts after the prompt "
                + AnswerTemplate.visible(lab.template().prompt() + opening) + "; the same seeds for every model.");
        samples(report, base);
        tuned.forEach(t -> samples(report, t.evaluation()));
        report.link("samples.txt", "All samples").link("config.json", "Configuration");
        tuned.forEach(t -> report.link("model-" + t.tuning().mode() + "/", "The " + t.tuning().mode()
                + " model (LanguageModel.load reads it; LoRA merged)"));
        report.write(run.file("index.html"));

        StringBuilder all = new StringBuilder();
        for (StyleEvaluation e : evaluations) {
            all.append("== ").append(e.model()).append(" ==\n\n");
            e.samples().forEach(s -> all.append(s).append("\n\n"));
        }
        introdl.io.AtomicFiles.writeString(run.file("samples.txt"), all.toString());
        run.folder().writeJson(Reports.RESULTS, results(lab, evaluations, tuned));
    }

    private static List<String> row(StyleEvaluation e, String trained) {
        return List.of(e.model(), trained, format(e.heldOut().perToken()), format(e.competition().perToken()),
                format(e.competition().perCharacter()), format(e.shakespeare().perToken()), e.judgedYoda().toString());
    }

    private static void samples(HtmlReport report, StyleEvaluation e) {
        report.paragraph(e.model() + ":");
        e.samples().stream().limit(SAMPLES_SHOWN).forEach(report::preformatted);
    }

    private static Map<String, Object> results(StyleTransfer lab, List<StyleEvaluation> evaluations, List<Tuned> tuned) {
        Map<String, Object> figures = new LinkedHashMap<>();
        figures.put("judge_accuracy", lab.judge().accuracy());
        figures.put("real_yoda_judged_yoda", lab.judge().judgedYoda(lab.judge().heldOut(StyleJudge.YODA)).rate());
        for (StyleEvaluation e : evaluations) {
            Map<String, Object> one = new LinkedHashMap<>();
            one.put("held_out_loss", e.heldOut().perToken());
            one.put("competition_per_token", e.competition().perToken());
            one.put("competition_per_character", e.competition().perCharacter());
            one.put("shakespeare_loss", e.shakespeare().perToken());
            one.put("judged_yoda", e.judgedYoda().rate());
            one.put("samples", e.samples().size());
            figures.put(e.model(), one);
        }
        for (Tuned t : tuned) {
            @SuppressWarnings("unchecked")
            Map<String, Object> one = (Map<String, Object>) figures.get(t.evaluation().model());
            one.put("trainable_parameters", t.trainable());
            one.put("parameters", t.parameters());
            one.put("training_seconds", t.history().totalSeconds());
            one.put("tokens_per_second", t.tokensSeen() / t.history().totalSeconds());
        }
        return figures;
    }

    private static String format(double nats) {
        return String.format(Locale.ROOT, "%.3f", nats);
    }
}
