package introdl.language;

import introdl.data.DataUnavailableException;
import introdl.data.Examples;
import introdl.data.InvalidDataException;
import introdl.sequence.CharWindows;
import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * A text to train a language model on, as token ids, split like nanoGPT: the first 90% for
 * training and the last 10% for validation, so the validation text is a stretch the model has
 * never read (Tiny Shakespeare's last tenth is whole scenes of other plays).
 */
public final class Corpus {
    private final String name;
    private final Tokenizer tokenizer;
    private final int[] train;
    private final int[] validation;
    private final int characters;

    private Corpus(String name, Tokenizer tokenizer, int[] train, int[] validation, int characters) {
        this.name = name;
        this.tokenizer = tokenizer;
        this.train = train;
        this.validation = validation;
        this.characters = characters;
    }

    /**
     * {@code text} in {@code tokenizer}'s ids, the first {@code trainFraction} for training.
     *
     * @throws InvalidDataException if the text is empty or too short to split
     * @throws IllegalArgumentException if the training fraction is not between 0 and 1
     */
    public static Corpus of(String name, String text, Tokenizer tokenizer, double trainFraction) {
        if (text.isBlank()) {
            throw new InvalidDataException("the corpus '" + name + "' is empty: a language model needs text to read");
        }
        if (!(trainFraction > 0 && trainFraction < 1)) {
            throw new IllegalArgumentException("the training fraction must be between 0 and 1, got " + trainFraction);
        }
        int[] ids = tokenizer.encode(text);
        int cut = (int) Math.round(ids.length * trainFraction);
        if (cut < 2 || ids.length - cut < 2) {
            throw new InvalidDataException("the corpus '" + name + "' has " + ids.length + " tokens: too few to "
                    + "split into training and validation text");
        }
        return new Corpus(name, tokenizer, Arrays.copyOf(ids, cut), Arrays.copyOfRange(ids, cut, ids.length),
                text.codePointCount(0, text.length()));
    }

    /**
     * Reads a UTF-8 text file.
     *
     * @throws DataUnavailableException if there is no such file
     * @throws InvalidDataException naming the file if it is not UTF-8 text or is empty
     */
    public static String read(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new DataUnavailableException("no text file " + file.toAbsolutePath() + " to train on");
        }
        try {
            String text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(java.nio.ByteBuffer.wrap(Files.readAllBytes(file))).toString();
            if (text.isBlank()) {
                throw new InvalidDataException(file + " is empty: a language model needs text to read");
            }
            return text;
        } catch (CharacterCodingException e) {
            throw new InvalidDataException(file + " is not UTF-8 text (" + e.getMessage()
                    + "); save it as UTF-8 and try again", e);
        } catch (IOException e) {
            throw new InvalidDataException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    public String name() {
        return name;
    }

    public Tokenizer tokenizer() {
        return tokenizer;
    }

    /** The training text's ids. */
    public int[] train() {
        return train.clone();
    }

    /** The validation text's ids. */
    public int[] validation() {
        return validation.clone();
    }

    /** Characters (code points) in the whole text. */
    public int characters() {
        return characters;
    }

    /**
     * Training windows of {@code context} tokens, one every {@code stride} tokens from a seeded
     * random offset, each with its next-token targets.
     */
    public Examples trainingWindows(int context, int stride, long seed) {
        return CharWindows.ofTokens(name + " (training)", train, context, stride, seed);
    }

    /** The validation text cut into windows end to end: every token predicted once. */
    public Examples validationWindows(int context) {
        return CharWindows.tiledTokens(name + " (validation)", validation, context);
    }

    @Override
    public String toString() {
        return String.format(java.util.Locale.ROOT, "%s: %,d characters, %,d + %,d tokens (%s)", name, characters,
                train.length, validation.length, tokenizer.name());
    }
}
