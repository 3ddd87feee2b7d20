import introdl.lab.Lab;
import introdl.lab.LabException;
import introdl.lab.LabRun;
import introdl.lab.LlmReport;
import introdl.language.AnswerTemplate;
import introdl.language.FineTuning;
import introdl.language.Gpt2Checkpoint;
import introdl.language.LanguageModel;
import introdl.language.Lora;
import introdl.language.Sampling;
import introdl.language.StyleEvaluation;
import introdl.language.StyleText;
import introdl.language.StyleTransfer;
import introdl.train.History;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** Lab 3: fine-tune the pretrained GPT to answer in Yoda's voice (LoRA, full, or from scratch) and measure it. */
@Command(name = "llm", mixinStandardHelpOptions = true,
        description = "Fine-tune the shipped GPT into Yoda's voice with LoRA (Lab 3) and measure it without an LLM "
                + "judge: held-out loss, the course's competition number, forgetting, and a style classifier.")
public final class LlmLab extends Lab {
    @Option(names = "--mode", paramLabel = "MODE", defaultValue = "lora",
            description = "lora, full, scratch, or all (the three compared on the same data and updates) "
                    + "(default: ${DEFAULT-VALUE}).")
    String mode;

    @Option(names = "--preset", paramLabel = "NAME", defaultValue = "cpu",
            description = "cpu (240 updates of 16 windows, a few minutes on 2 cores) or course (the course's recipe: "
                    + "200 updates of one window, Lion 1e-4, LoRA alpha 8; for a GPU) (default: ${DEFAULT-VALUE}).")
    String preset;

    @Option(names = "--rank", paramLabel = "R", description = "LoRA's rank (default: the preset's, 8).")
    Integer rank;

    @Option(names = "--updates", paramLabel = "N", description = "Parameter updates (overrides the preset).")
    Integer updates;

    @Option(names = "--model", paramLabel = "DIR",
            description = "A Hugging Face GPT-2-family checkpoint to fine-tune instead of the shipped base: a folder "
                    + "with config.json, model.safetensors and tokenizer.json (gpt2 or distilgpt2 saved with "
                    + "save_pretrained), read offline.")
    Path checkpoint;

    @Option(names = "--style", paramLabel = "FILE",
            description = "A UTF-8 file of answers, one per line, to fine-tune on (default: the course's yoda.txt, "
                    + "bundled).")
    Path style;

    @Option(names = "--prompt", paramLabel = "TEXT", defaultValue = "",
            description = "How every answer begins, after the speaker tag (default: nothing; the model starts it).")
    String prompt;

    @Option(names = "--samples", paramLabel = "N", defaultValue = "20",
            description = "Answers each model writes for the judge (default: ${DEFAULT-VALUE}, as the course).")
    int samples;

    @Option(names = "--length", paramLabel = "N", defaultValue = "200",
            description = "The most tokens in an answer (default: ${DEFAULT-VALUE}).")
    int length;

    @Option(names = "--temperature", paramLabel = "T", defaultValue = "0.8",
            description = "Sampling temperature; 0 is greedy (default: ${DEFAULT-VALUE}).")
    double temperature;

    private List<FineTuning> tunings() {
        List<String> modes = mode.equals("all") ? FineTuning.MODES : List.of(mode.toLowerCase(Locale.ROOT));
        List<FineTuning> chosen = new ArrayList<>();
        for (String m : modes) {
            FineTuning tuning;
            try {
                tuning = FineTuning.named(m, preset);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException((e.getMessage().contains("preset") ? "--preset: " : "--mode: ")
                        + e.getMessage() + (e.getMessage().contains("mode") ? ", or all" : ""), e);
            }
            if (rank != null && tuning.mode().equals("lora")) {
                requirePositive("--rank", rank);
                tuning = tuning.withRank(rank);
            }
            if (updates != null) {
                requirePositive("--updates", updates);
                tuning = tuning.withRun(tuning.run().withUpdates(updates, Math.min(tuning.run().evaluations(),
                        divisorAtMost(updates, tuning.run().evaluations()))));
            }
            chosen.add(tuning);
        }
        return chosen;
    }

    private static int divisorAtMost(int n, int most) {
        for (int d = most; d > 1; d--) {
            if (n % d == 0) {
                return d;
            }
        }
        return 1;
    }

    private StyleText styleText() {
        return style == null ? StyleText.bundled("yoda") : StyleText.read(style);
    }

    @Override
    protected void validate() {
        tunings();
        Sampling.temperature(temperature);
        requirePositive("--samples", samples);
        requirePositive("--length", length);
        if (checkpoint != null) {
            for (String file : Gpt2Checkpoint.FILES) {
                if (!java.nio.file.Files.isRegularFile(checkpoint.resolve(file))) {
                    throw new IllegalArgumentException("--model: " + checkpoint + " has no " + file + "; a checkpoint "
                            + "folder holds " + String.join(", ", Gpt2Checkpoint.FILES) + " (save_pretrained writes them)");
                }
            }
        }
        if (style != null) {
            try {
                StyleText.read(style);
            } catch (introdl.data.DataUnavailableException | introdl.data.InvalidDataException e) {
                // read now, before a run folder is made: a bad file is a usage error
                throw new IllegalArgumentException("--style: " + e.getMessage(), e);
            }
        }
    }

    @Override
    protected void run(LabRun run) {
        StyleText answers = styleText();
        Supplier<LanguageModel> base = checkpoint == null ? LanguageModel::base : () -> Gpt2Checkpoint.load(checkpoint);
        Sampling sampling = Sampling.temperature(temperature);
        int count = run.quickOr(3, samples);
        int tokens = run.quickOr(60, length);
        try (LanguageModel original = base.get()) {
            int context = original.config().context();
            List<FineTuning> tunings = tunings();
            for (FineTuning tuning : tunings) {
                if (tuning.mode().equals("lora") && tuning.rank() > original.config().width()) {
                    throw new LabException("--rank: a rank of " + tuning.rank() + " is above the model's "
                            + "width (" + original.config().width() + "); LoRA's rank must be between 1 and the width");
                }
            }
            AnswerTemplate template = AnswerTemplate.speaker(answers.name().toUpperCase(Locale.ROOT));
            int promptTokens = original.tokenizer().encode(template.prompt() + prompt).length;
            if (promptTokens >= context) {
                throw new LabException("--prompt: the prompt is " + promptTokens + " tokens with its speaker "
                        + "tag, but the model sees " + context + " at once; shorten it");
            }
            StyleTransfer lab = StyleTransfer.of(answers, StyleText.bundled("leprechaun"), original.tokenizer(),
                    template, StyleTransfer.HELD_OUT, tokens);
            run.say("%s%nJudge: %s, %.1f%% right on held-out snippets", lab, lab.judge().classifier(),
                    100 * lab.judge().accuracy());
            StyleEvaluation before = lab.evaluate("base", original, prompt, count, tokens, sampling, run.seed());
            say(run, before);
            List<LlmReport.Tuned> tuned = new ArrayList<>();
            for (FineTuning tuning : tunings) {
                FineTuning used = run.quick() ? tuning.quick(4) : tuning;
                // windows of 128 tokens on a CPU, the course's 512 with its preset (at most the model's context)
                int window = Math.min(context, preset.equalsIgnoreCase("course") ? 512 : 128);
                tuned.add(fineTune(run, used, base, lab, window, prompt, count, tokens, sampling));
            }
            LlmReport.write(run, (checkpoint == null ? "the shipped base: " : checkpoint + ": ") + original, lab, before,
                    tuned, prompt);
        }
    }

    private static LlmReport.Tuned fineTune(LabRun run, FineTuning tuning, Supplier<LanguageModel> base,
            StyleTransfer lab, int context, String opening, int count, int tokens, Sampling sampling) {
        run.say("%n%s", tuning);
        try (LanguageModel model = tuning.start(base, run.seed())) {
            long trainable = Lora.trainableParameters(model.gpt());
            long all = Lora.allParameters(model.gpt());
            run.say("Training %,d of %,d parameters (%.2f%%)", trainable, all, 100.0 * trainable / all);
            int window = Math.min(context, model.config().context());
            History history = tuning.configure(run.fit(model.model(), tuning.mode()), lab.validationWindows(window))
                    .run(lab.trainingWindows(window, run.seed()));
            StyleEvaluation after = lab.evaluate(tuning.mode(), model, opening, count, tokens, sampling, run.seed());
            say(run, after);
            Lora.mergeInto(model.gpt());
            model.save(run.file("model-" + tuning.mode()));
            long seen = (long) tuning.run().updates() * tuning.run().batchSize() * window;
            return new LlmReport.Tuned(tuning, history, trainable, all, seen, after);
        }
    }

    private static void say(LabRun run, StyleEvaluation e) {
        run.say("%-8s held-out Yoda %.3f, competition %.3f per token (%.3f per character), Shakespeare %.3f, "
                + "judged Yoda %s", e.model(), e.heldOut().perToken(), e.competition().perToken(),
                e.competition().perCharacter(), e.shakespeare().perToken(), e.judgedYoda());
    }
}
