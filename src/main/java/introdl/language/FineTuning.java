package introdl.language;

import introdl.data.Examples;
import introdl.sequence.CharWindows;
import introdl.sequence.SequenceLoss;
import introdl.train.Fit;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;

/**
 * One way to fine-tune a pretrained GPT on styled answers (Lab 3), as the lab compares them:
 * {@code lora} trains rank-r adapters on every projection and nothing else ({@link Lora}), with
 * Lion as the course does; {@code full} trains every weight of the base model; {@code scratch}
 * trains a new model of the same shape on the styled answers alone, which shows what pretraining
 * brings. All of them see the same windows for the same number of updates, and score only the
 * answers' tokens (the answer mask; see {@link PromptedTokens}).
 *
 * @param mode lora, full or scratch
 * @param rank LoRA's rank (LoRA only)
 * @param alpha LoRA's alpha: the change is scaled by alpha / rank (LoRA only)
 * @param optimizer the optimiser's name ({@code lion} or {@code adamw}, or any of
 *     {@link introdl.train.Optimizers#NAMES})
 * @param run the updates, batch, learning rate, schedule and clipping
 */
public record FineTuning(String mode, int rank, double alpha, String optimizer, Pretraining run) {
    /** The modes, in the order the lab compares them. */
    public static final List<String> MODES = List.of("lora", "full", "scratch");

    public FineTuning {
        if (!MODES.contains(mode)) {
            throw new IllegalArgumentException("unknown fine-tuning mode '" + mode + "'; expected one of " + MODES);
        }
        if (mode.equals("lora") && rank < 1) {
            throw new IllegalArgumentException("a LoRA rank must be at least 1, got " + rank);
        }
        introdl.train.Optimizers.named(optimizer, run.learningRate());
    }

    /**
     * The defaults for a 2-core CPU on the shipped base: 240 updates of 16 windows of 128 characters
     * (about two thirds of a pass over the Yoda answers), learning rate warmed up over 20 updates then
     * a cosine to a tenth. LoRA: rank 8, alpha 16, Lion at 1e-3 (adapters start at zero and need
     * larger steps than the course's 1e-4 for a 1.2-billion-parameter model); full fine-tuning: Lion
     * at 1e-4; from scratch: AdamW at 1e-3, as the base was pretrained.
     */
    public static FineTuning named(String mode) {
        return named(mode, "cpu");
    }

    /**
     * A mode with a preset: {@code cpu} (see {@link #named(String)}) or {@code course}, the course's
     * own recipe: 200 updates of one window (the model's whole context: 512 tokens for a GPT-2
     * checkpoint), Lion at 1e-4, LoRA rank 8 with peft's default alpha 8, no warm-up; from scratch
     * keeps AdamW at 1e-3.
     */
    public static FineTuning named(String mode, String preset) {
        boolean course;
        switch (preset.toLowerCase(Locale.ROOT)) {
            case "cpu" -> course = false;
            case "course" -> course = true;
            default -> throw new IllegalArgumentException("unknown preset '" + preset + "'; expected cpu or course");
        }
        switch (mode.toLowerCase(Locale.ROOT)) {
            case "lora":
                return course ? new FineTuning("lora", 8, 8, "lion", courseRun(1e-4))
                        : new FineTuning("lora", 8, 16, "lion", cpuRun(1e-3));
            case "full":
                return new FineTuning("full", 0, 0, "lion", course ? courseRun(1e-4) : cpuRun(1e-4));
            case "scratch":
                return new FineTuning("scratch", 0, 0, "adamw", course ? courseRun(1e-3) : cpuRun(1e-3));
            default:
                throw new IllegalArgumentException("unknown fine-tuning mode '" + mode + "'; expected one of " + MODES);
        }
    }

    private static Pretraining cpuRun(double learningRate) {
        return new Pretraining(240, 16, learningRate, 0.1, 20, 0, 1.0, 4);
    }

    private static Pretraining courseRun(double learningRate) {
        return new Pretraining(200, 1, learningRate, 1, 0, 0, 1.0, 4);
    }

    /** A run small enough for a smoke test: {@code updates} updates of 4 windows, measured twice. */
    public FineTuning quick(int updates) {
        Pretraining shorter = run.withUpdates(updates, updates % 2 == 0 ? 2 : 1);
        return withRun(new Pretraining(shorter.updates(), 4, shorter.learningRate(), shorter.finalFraction(),
                shorter.warmup(), shorter.weightDecay(), shorter.clipNorm(), shorter.evaluations()));
    }

    /** The same mode with another LoRA rank. */
    public FineTuning withRank(int newRank) {
        return new FineTuning(mode, newRank, alpha, optimizer, run);
    }

    /** The same mode with another run (length, batch, learning rate). */
    public FineTuning withRun(Pretraining newRun) {
        return new FineTuning(mode, rank, alpha, optimizer, newRun);
    }

    /**
     * The model this mode starts from: the base with adapters added (its own weights frozen), the
     * base itself, or a new model of the base's shape and tokens, initialised from {@code seed}.
     */
    public LanguageModel start(Supplier<LanguageModel> base, long seed) {
        LanguageModel model = base.get();
        switch (mode) {
            case "lora":
                Lora.addTo(model.gpt(), model.model().getNDManager(), rank, alpha, Lora.COURSE_TARGETS, seed);
                return model;
            case "full":
                return model;
            default:
                try (model) {
                    return LanguageModel.create(model.config(), model.tokenizer(), seed);
                }
        }
    }

    /** The fit loop set up for this mode: the answer-masked loss, the optimiser, the run's length. */
    public Fit configure(Fit fit, Examples validation) {
        return run.configure(fit, validation, SequenceLoss.ignoring(CharWindows.UNSCORED), optimizer);
    }

    @Override
    public String toString() {
        String what = switch (mode) {
            case "lora" -> String.format(Locale.ROOT, "LoRA rank %d (alpha %s) on %s", rank, alpha,
                    String.join(", ", Lora.COURSE_TARGETS.stream().sorted().toList()));
            case "full" -> "full fine-tuning";
            default -> "from scratch";
        };
        return String.format(Locale.ROOT, "%s: %s lr %.3g, %d updates of %d windows (warm-up %d, cosine to %.3g), "
                + "clip %.3g", what, optimizer, run.learningRate(), run.updates(), run.batchSize(), run.warmup(),
                run.finalFraction(), run.clipNorm());
    }
}
