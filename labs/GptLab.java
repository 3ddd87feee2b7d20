import introdl.data.Shakespeare;
import introdl.lab.GptReport;
import introdl.lab.Lab;
import introdl.lab.LabRun;
import introdl.language.Corpus;
import introdl.language.GptRecipe;
import introdl.language.LanguageModel;
import introdl.language.Pretraining;
import introdl.language.Sampling;
import introdl.train.History;
import java.nio.file.Path;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** Lecture 2b's model: a GPT pretrained on Tiny Shakespeare (or any text), then writing some of its own. */
@Command(name = "gpt", mixinStandardHelpOptions = true,
        description = "Pretrain a GPT (a decoder-only transformer) on Tiny Shakespeare or any text, and let it write "
                + "(the attention lecture; the base model of Lab 3).")
public final class GptLab extends Lab {
    @Option(names = "--preset", paramLabel = "NAME", defaultValue = "cpu",
            description = "cpu (nanoGPT's CPU run: 4 layers, width 128, context 64, 2000 updates; about 2.5 min), "
                    + "base (the shipped base: width 192, context 128, 3000 updates), or course (nanoGPT's GPU run: "
                    + "6 layers, width 384, context 256) (default: ${DEFAULT-VALUE}).")
    String preset;

    @Option(names = "--tokens", paramLabel = "KIND",
            description = "char, or bpe:N for byte-level BPE with N tokens learnt from the corpus (default: the "
                    + "preset's, char).")
    String tokens;

    @Option(names = "--corpus", paramLabel = "FILE",
            description = "A UTF-8 text to learn (default: Tiny Shakespeare, bundled).")
    Path corpus;

    @Option(names = "--updates", paramLabel = "N", description = "Parameter updates (overrides the preset).")
    Integer updates;

    @Option(names = "--evaluations", paramLabel = "N",
            description = "Validations (and checkpoints) during the run; must divide the updates (overrides the preset).")
    Integer evaluations;

    @Option(names = "--prompt", paramLabel = "TEXT", defaultValue = "ROMEO:",
            description = "What each sample starts with (default: ${DEFAULT-VALUE}).")
    String prompt;

    @Option(names = "--samples", paramLabel = "N", defaultValue = "3",
            description = "How many texts to write after training (default: ${DEFAULT-VALUE}).")
    int samples;

    @Option(names = "--length", paramLabel = "N", defaultValue = "400",
            description = "Tokens in each text (default: ${DEFAULT-VALUE}).")
    int length;

    @Option(names = "--temperature", paramLabel = "T", defaultValue = "0.8",
            description = "Sampling temperature; 0 is greedy (default: ${DEFAULT-VALUE}).")
    double temperature;

    @Option(names = "--top-k", paramLabel = "K", defaultValue = "0",
            description = "Sample only among the K most likely tokens; 0 for all (default: ${DEFAULT-VALUE}).")
    int topK;

    private GptRecipe recipe() {
        GptRecipe chosen;
        try {
            chosen = GptRecipe.named(preset);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("--preset: " + e.getMessage(), e);
        }
        if (tokens != null) {
            try {
                chosen = chosen.withTokens(tokens);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("--tokens: " + e.getMessage(), e);
            }
        }
        if (updates != null || evaluations != null) {
            Pretraining run = chosen.pretraining();
            int count = updates != null ? updates : run.updates();
            int times = evaluations != null ? evaluations : Math.min(run.evaluations(), count);
            requirePositive("--updates", count);
            requirePositive("--evaluations", times);
            chosen = chosen.withPretraining(run.withUpdates(count, times));
        }
        return chosen;
    }

    private Sampling sampling() {
        return Sampling.temperature(temperature).topK(topK);
    }

    @Override
    protected void validate() {
        recipe();
        sampling();
        requirePositive("--samples", samples);
        requirePositive("--length", length);
        if (corpus != null && !java.nio.file.Files.isRegularFile(corpus)) {
            throw new IllegalArgumentException("--corpus: there is no file " + corpus.toAbsolutePath());
        }
    }

    @Override
    protected void run(LabRun run) {
        GptRecipe recipe = run.quick() ? recipe().quick(60) : recipe();
        String text = corpus == null ? Shakespeare.text() : Corpus.read(corpus);
        String name = corpus == null ? "Tiny Shakespeare" : corpus.getFileName().toString();
        Corpus data = Corpus.of(name, text, recipe.tokenizer(text), 0.9);
        run.say("%s%n%s", recipe, data);
        try (LanguageModel model = LanguageModel.create(recipe.config(), data.tokenizer(), run.seed())) {
            int context = model.config().context();
            History history = recipe.pretraining().configure(run.fit(model.model()), data.validationWindows(context))
                    .run(data.trainingWindows(context, Math.max(1, context / 4), run.seed()));
            model.save(run.file("model"));
            GptReport.write(run, recipe, data, model, history, prompt, run.quickOr(1, samples),
                    run.quickOr(100, length), sampling());
            run.say("Validation loss %.3f nats per token (%s)", history.last().get(History.VAL_LOSS),
                    data.tokenizer().name());
        }
    }
}
