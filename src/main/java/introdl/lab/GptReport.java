package introdl.lab;

import introdl.io.AtomicFiles;
import introdl.language.AttentionMaps;
import introdl.language.Corpus;
import introdl.language.GptRecipe;
import introdl.language.LanguageModel;
import introdl.language.Sampling;
import introdl.report.HtmlReport;
import introdl.train.History;
import introdl.train.Seeds;
import introdl.viz.ImageFiles;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** What the GPT lab writes into its run folder: samples, attention maps, the loss curve, results.json and index.html. */
public final class GptReport {
    private static final int MAP_TOKENS = 24;

    private GptReport() {}

    /** Writes the samples and the report of a finished pretraining run. */
    public static void write(LabRun run, GptRecipe recipe, Corpus corpus, LanguageModel model, History history,
            String prompt, int samples, int length, Sampling sampling) {
        history.writeCsv(run.file(LabRun.HISTORY));
        history.plotLoss(run.file("loss.png"));
        List<String> texts = new ArrayList<>();
        long start = System.nanoTime();
        for (int i = 0; i < samples; i++) {
            // derived seeds: java.util.Random's first draws from seeds 1, 2, 3 ... are nearly the same
            texts.add(prompt + model.generate(prompt, length, sampling, Seeds.derive(run.seed(), i)));
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        AtomicFiles.writeString(run.file("samples.txt"), String.join("\n\n----\n\n", texts) + "\n");

        int[] ids = model.tokenizer().encode(texts.get(0));
        int[] shown = Arrays.copyOf(ids, Math.min(ids.length, Math.min(MAP_TOKENS, model.config().context())));
        float[][][][] maps = AttentionMaps.of(model.gpt(), model.model().getNDManager(), shown);
        ImageFiles.writePng(AttentionMaps.picture(maps, shown, model.tokenizer()::describe), run.file("attention.png"));

        double perToken = history.last().get(History.VAL_LOSS);
        int[] validation = corpus.validation();
        double tokensPerChar = corpus.tokenizer().tokensPerCharacter(corpus.tokenizer().decode(validation));
        double trainSeconds = history.totalSeconds();
        long tokensSeen = (long) recipe.pretraining().updates() * recipe.pretraining().batchSize()
                * model.config().context();

        Map<String, Object> table = new LinkedHashMap<>();
        table.put("model", model.config() + String.format(Locale.ROOT, ", %,d parameters",
                model.config().parameterCount()));
        table.put("tokens", corpus.tokenizer().name());
        table.put("data", corpus.toString());
        table.put("training", recipe.pretraining().toString());
        table.put("validation loss", String.format(Locale.ROOT, "%.3f nats per token, %.3f per character", perToken,
                perToken * tokensPerChar));
        table.put("training time", String.format(Locale.ROOT, "%.1f s with validation (%,.0f tokens/s)", trainSeconds,
                tokensSeen / trainSeconds));
        table.put("samples", String.format(Locale.ROOT, "%d of %d tokens, %s, in %.1f s", samples, length, sampling,
                seconds));
        HtmlReport report = run.report("A GPT pretrained on " + corpus.name()).table(table)
                .image("loss.png", "Training and validation loss (nats per token)")
                .heading("What it writes").paragraph("Prompt: " + prompt);
        texts.forEach(report::preformatted);
        report.heading("Where it looks").image("attention.png", "Attention of every layer (rows) and head (columns) "
                + "over the first sample's first tokens: each row of a map is one token looking back at the ones "
                + "before it").heading("History").csvTable(history.toCsv())
                .link("model/", "Saved model (LanguageModel.load reads it)").link("samples.txt", "Samples")
                .link("config.json", "Configuration");
        report.write(run.file("index.html"));

        Map<String, Object> figures = new LinkedHashMap<>();
        figures.put("validation_loss_per_token", perToken);
        figures.put("validation_loss_per_character", perToken * tokensPerChar);
        figures.put("parameters", model.config().parameterCount());
        figures.put("updates", recipe.pretraining().updates());
        figures.put("training_seconds", trainSeconds);
        figures.put("tokens_per_second", tokensSeen / trainSeconds);
        run.folder().writeJson(Reports.RESULTS, figures);
    }
}
