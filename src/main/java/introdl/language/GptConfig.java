package introdl.language;

import introdl.attention.Positions;
import java.util.Locale;

/**
 * The shape of a GPT: vocabulary, context (the most tokens it sees at once), layers, heads, width,
 * dropout and the kind of position vectors. {@link #nanoGptCpu(int)} is nanoGPT's Shakespeare
 * configuration for a CPU, the quality anchor; {@link #nanoGptCourse(int)} its larger GPU one.
 */
public record GptConfig(int vocabulary, int context, int layers, int heads, int width, double dropout,
        Positions.Kind positions) {
    public GptConfig {
        if (vocabulary < 2 || context < 1 || layers < 1 || heads < 1 || width < 1) {
            throw new IllegalArgumentException("a GPT needs a vocabulary of at least 2 and positive sizes, got " + this);
        }
        if (width % heads != 0) {
            throw new IllegalArgumentException("width " + width + " does not split evenly into " + heads + " heads");
        }
        if (!(dropout >= 0 && dropout < 1)) {
            throw new IllegalArgumentException("dropout must be in [0, 1), got " + dropout);
        }
        if (positions == Positions.Kind.SINUSOIDAL && width % 2 != 0) {
            throw new IllegalArgumentException("sinusoidal positions need an even width, got " + width);
        }
    }

    /** nanoGPT's CPU configuration: 4 layers, 4 heads, width 128, context 64, no dropout. */
    public static GptConfig nanoGptCpu(int vocabulary) {
        return new GptConfig(vocabulary, 64, 4, 4, 128, 0, Positions.Kind.LEARNED);
    }

    /** nanoGPT's Shakespeare configuration for a GPU: 6 layers, 6 heads, width 384, context 256, dropout 0.2. */
    public static GptConfig nanoGptCourse(int vocabulary) {
        return new GptConfig(vocabulary, 256, 6, 6, 384, 0.2, Positions.Kind.LEARNED);
    }

    public GptConfig withVocabulary(int size) {
        return new GptConfig(size, context, layers, heads, width, dropout, positions);
    }

    public GptConfig withContext(int length) {
        return new GptConfig(vocabulary, length, layers, heads, width, dropout, positions);
    }

    public GptConfig withLayers(int count) {
        return new GptConfig(vocabulary, context, count, heads, width, dropout, positions);
    }

    public GptConfig withHeads(int count) {
        return new GptConfig(vocabulary, context, layers, count, width, dropout, positions);
    }

    public GptConfig withWidth(int size) {
        return new GptConfig(vocabulary, context, layers, heads, size, dropout, positions);
    }

    public GptConfig withDropout(double rate) {
        return new GptConfig(vocabulary, context, layers, heads, width, rate, positions);
    }

    public GptConfig withPositions(Positions.Kind kind) {
        return new GptConfig(vocabulary, context, layers, heads, width, dropout, kind);
    }

    /**
     * The number of trained parameters: embeddings (the output head shares the token embedding),
     * four projections and an MLP of 4 × width per layer, the layer norms and their biases.
     */
    public long parameterCount() {
        long w = width;
        long perLayer = 4 * (w * w + w) + (w * 4 * w + 4 * w) + (4 * w * w + w) + 4 * w;
        long positionsTable = positions == Positions.Kind.LEARNED ? (long) context * w : 0;
        return vocabulary * w + positionsTable + layers * perLayer + 2 * w;
    }

    /** The shape without the vocabulary, which a recipe takes from its tokens. */
    public String shape() {
        return String.format(Locale.ROOT, "GPT(%d layers, %d heads, width %d, context %d, dropout %s, %s positions)",
                layers, heads, width, context, dropout, positions.name().toLowerCase(Locale.ROOT));
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "GPT(%d layers, %d heads, width %d, context %d, vocabulary %d, dropout %s, "
                + "%s positions)", layers, heads, width, context, vocabulary, dropout,
                positions.name().toLowerCase(Locale.ROOT));
    }
}
