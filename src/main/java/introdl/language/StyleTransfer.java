package introdl.language;

import introdl.data.Examples;
import introdl.data.Shakespeare;
import introdl.train.Seeds;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Lab 3's experiment: fine-tune a model to answer in one style (Yoda) and measure how well it does.
 * The style's last {@code heldOut} answers are never trained on; they give the held-out loss and,
 * with the same answers in a contrasting style (the leprechaun) and Tiny Shakespeare, the data of the
 * {@link StyleJudge}. Every model is evaluated the same way ({@link #evaluate}).
 */
public final class StyleTransfer {
    /** Answers held out of fine-tuning by default: the last 200 of the 2,048. */
    public static final int HELD_OUT = 200;

    private final Tokenizer tokenizer;
    private final AnswerTemplate template;
    private final PromptedTokens training;
    private final PromptedTokens heldOut;
    private final PromptedTokens shakespeare;
    private final StyleJudge judge;
    private final String description;

    private StyleTransfer(Tokenizer tokenizer, AnswerTemplate template, PromptedTokens training,
            PromptedTokens heldOut, PromptedTokens shakespeare, StyleJudge judge, String description) {
        this.tokenizer = tokenizer;
        this.template = template;
        this.training = training;
        this.heldOut = heldOut;
        this.shakespeare = shakespeare;
        this.judge = judge;
        this.description = description;
    }

    /**
     * The experiment on {@code style} (Yoda) against {@code contrast} (the leprechaun, for the judge),
     * read by {@code tokenizer}, each answer laid out by {@code template}; samples of
     * {@code sampleLength} characters are judged.
     */
    public static StyleTransfer of(StyleText style, StyleText contrast, Tokenizer tokenizer, AnswerTemplate template,
            int heldOut, int sampleLength) {
        if (heldOut < 4 || heldOut >= style.size()) {
            throw new IllegalArgumentException("hold out between 4 and " + (style.size() - 1) + " of the "
                    + style.size() + " answers of " + style.name() + ", not " + heldOut);
        }
        if (contrast.size() < heldOut) {
            throw new IllegalArgumentException("the contrasting style " + contrast.name() + " has " + contrast.size()
                    + " answers; the judge needs " + heldOut);
        }
        StyleText train = style.withoutLast(heldOut);
        StyleText held = style.last(heldOut);
        // Tiny Shakespeare's validation tenth, split as the base was pretrained (Corpus)
        int[] ids = Corpus.of("Tiny Shakespeare", Shakespeare.text(), tokenizer, 0.9).validation();
        String validation = tokenizer.decode(ids);
        boolean[] all = new boolean[ids.length];
        Arrays.fill(all, 1, ids.length, true);
        StyleJudge judge = StyleJudge.of(held, contrast.last(heldOut), validation, sampleLength);
        String description = String.format(Locale.ROOT, "%s: %,d answers to train on (%,d characters), the last %d "
                + "held out; prompt %s", style.name(), train.size(), train.characters(), heldOut,
                AnswerTemplate.visible(template.prompt()));
        return new StyleTransfer(tokenizer, template, PromptedTokens.of(train.answers(), template, tokenizer),
                PromptedTokens.of(held.answers(), template, tokenizer), new PromptedTokens(ids, all), judge,
                description);
    }

    /** Lab 3 on what ships: Yoda against the leprechaun, 200 answers held out, the speaker tag {@code YODA:}. */
    public static StyleTransfer yoda(Tokenizer tokenizer, int sampleLength) {
        return of(StyleText.bundled("yoda"), StyleText.bundled("leprechaun"), tokenizer, AnswerTemplate.speaker("YODA"),
                HELD_OUT, sampleLength);
    }

    public AnswerTemplate template() {
        return template;
    }

    public PromptedTokens training() {
        return training;
    }

    public PromptedTokens heldOut() {
        return heldOut;
    }

    public StyleJudge judge() {
        return judge;
    }

    /** Training windows of {@code context} tokens, a quarter-context apart, answer tokens as targets. */
    public Examples trainingWindows(int context, long seed) {
        return training.windows("styled answers (training)", context, Math.max(1, context / 4), seed);
    }

    /** The held-out answers in windows end to end: the fit loop's validation loss. */
    public Examples validationWindows(int context) {
        return heldOut.tiled("styled answers (held out)", context);
    }

    /**
     * Measures {@code model}: the three losses, and {@code samples} answers of up to {@code length}
     * tokens to the template's prompt (each cut where the template says an answer ends), judged.
     */
    public StyleEvaluation evaluate(String name, LanguageModel model, int samples, int length, Sampling sampling,
            long seed) {
        return evaluate(name, model, "", samples, length, sampling, seed);
    }

    /** As {@link #evaluate(String, LanguageModel, int, int, Sampling, long)}, each answer starting with {@code opening}. */
    public StyleEvaluation evaluate(String name, LanguageModel model, String opening, int samples, int length,
            Sampling sampling, long seed) {
        if (model.tokenizer().vocabularySize() != tokenizer.vocabularySize()) {
            throw new IllegalArgumentException("the model reads " + model.tokenizer().name() + ", not the "
                    + tokenizer.name() + " this experiment was tokenised with");
        }
        List<String> texts = new ArrayList<>();
        for (int i = 0; i < samples; i++) {
            // derived seeds: java.util.Random's first draws from seeds 1, 2, 3 ... are nearly the same
            texts.add(answer(opening + model.generate(template.prompt() + opening, length, sampling,
                    Seeds.derive(seed, i))));
        }
        return new StyleEvaluation(name, TextScore.of(model, heldOut), TextScore.of(model, StyleText.competitionText()),
                TextScore.of(model, shakespeare), texts, judge.judgedYoda(texts));
    }

    /** A generated text up to where the template says the answer ends. */
    public String answer(String generated) {
        int end = template.end().isEmpty() ? -1 : generated.indexOf(template.end());
        return (end < 0 ? generated : generated.substring(0, end)).strip();
    }

    @Override
    public String toString() {
        return description;
    }
}
