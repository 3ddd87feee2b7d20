package introdl.language;

import java.util.Locale;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * A named way to pretrain a GPT: its shape, its tokens and its training run. {@code cpu} is
 * nanoGPT's CPU configuration on Tiny Shakespeare characters (the quality anchor: nanoGPT reaches
 * about 1.88 nats per character), {@code base} the one introdl's shipped base model was trained
 * with ({@link LanguageModel#base()}), {@code course} nanoGPT's larger configuration for a GPU.
 *
 * @param tokens {@code char} for characters, or {@code bpe:N} for byte-level BPE with N tokens
 */
public record GptRecipe(String name, GptConfig config, Pretraining pretraining, String tokens) {
    /** Every printable ASCII character and the new line: a character model knows them all, seen or not. */
    public static final String ASCII = "\n" + IntStream.rangeClosed(32, 126).mapToObj(c -> String.valueOf((char) c))
            .collect(Collectors.joining());

    public GptRecipe {
        tokenizerFor(tokens);
    }

    /** {@code cpu}, {@code base} or {@code course}. */
    public static GptRecipe named(String name) {
        switch (name.toLowerCase(Locale.ROOT)) {
            case "cpu":
                return new GptRecipe("cpu", GptConfig.nanoGptCpu(2), Pretraining.nanoGptCpu(), "char");
            case "base":
                return new GptRecipe("base", new GptConfig(2, 128, 4, 4, 192, 0, introdl.attention.Positions.Kind.LEARNED),
                        new Pretraining(3000, 16, 1e-3, 0.1, 100, 0.1, 1.0, 12), "char");
            case "course":
                return new GptRecipe("course", GptConfig.nanoGptCourse(2), Pretraining.nanoGptCourse(), "char");
            default:
                throw new IllegalArgumentException("unknown preset '" + name + "'; expected cpu, base or course");
        }
    }

    /** A run small enough for a smoke test: {@code updates} updates, measured up to 3 times. */
    public GptRecipe quick(int updates) {
        int times = updates % 3 == 0 ? 3 : updates % 2 == 0 ? 2 : 1;
        return new GptRecipe(name + " (quick)", config, pretraining.withUpdates(updates, times), tokens);
    }

    /** The same run with another model shape (its vocabulary still comes from the tokens). */
    public GptRecipe withConfig(GptConfig shape) {
        return new GptRecipe(name, shape, pretraining, tokens);
    }

    public GptRecipe withTokens(String kind) {
        return new GptRecipe(name, config, pretraining, kind);
    }

    public GptRecipe withPretraining(Pretraining run) {
        return new GptRecipe(name, config, run, tokens);
    }

    /**
     * The tokeniser this recipe reads {@code corpus} with: characters (the corpus's and all of
     * printable ASCII, so any English prompt encodes), or BPE merges learnt from the corpus.
     */
    public Tokenizer tokenizer(String corpus) {
        int bpe = tokenizerFor(tokens);
        return bpe == 0 ? CharTokenizer.fit(ASCII + corpus) : BytePairTokenizer.train(corpus, bpe);
    }

    /** 0 for characters, else the BPE vocabulary size. */
    private static int tokenizerFor(String kind) {
        if (kind.equals("char")) {
            return 0;
        }
        if (kind.startsWith("bpe:")) {
            try {
                int size = Integer.parseInt(kind.substring(4));
                if (size >= 256) {
                    return size;
                }
            } catch (NumberFormatException e) {
                // reported below
            }
        }
        throw new IllegalArgumentException("unknown tokens '" + kind + "'; expected char, or bpe:N with N >= 256 "
                + "(e.g. bpe:512)");
    }

    @Override
    public String toString() {
        return name + ": " + config.shape() + ", " + (tokens.equals("char") ? "characters" : "byte-level BPE " + tokens.substring(4))
                + ", " + pretraining;
    }
}
