package introdl.music;

import introdl.data.Examples;
import introdl.data.InvalidDataException;
import introdl.sequence.CharWindows;
import introdl.sequence.Vocabulary;
import introdl.train.Fit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Random;

/**
 * Lab 1's setup: model and training presets, and a tune collection turned into next-character
 * training windows, with whole tunes held out for validation so the validation loss measures
 * tunes the model has never seen. Only the tunes that were read are used: an unreadable one is
 * reported by the collection and left out.
 */
public final class Tunes {
    /** The share of tunes held out for validation. */
    public static final double VALIDATION_SHARE = 0.1;

    private Tunes() {}

    /**
     * Model and training sizes.
     *
     * @param name the preset's name
     * @param embedding the size of each character's learnt vector
     * @param hidden the LSTM's units
     * @param layers stacked LSTM layers
     * @param dropout the dropout rate between stacked layers (0 for none)
     * @param sequenceLength characters per training window
     * @param batchSize windows per update
     * @param learningRate Adam's base rate
     * @param epochs passes over the windows, or 0 to derive them from {@code steps}
     * @param steps parameter updates (the course counts these), used when epochs is 0
     */
    public record Preset(String name, int embedding, int hidden, int layers, double dropout, int sequenceLength,
            int batchSize, double learningRate, int epochs, int steps) {
        /**
         * Sized for a 2-core laptop CPU, under a minute: with more epochs the validation loss turns
         * up again (the model starts memorising the 724 training tunes).
         */
        public static final Preset DEFAULT = new Preset("default", 64, 256, 1, 0, 100, 32, 5e-3, 8, 0);
        /** The course's Lab 1: embedding 256, LSTM 1024, batch 8, sequence 100, Adam 5e-3, 3000 iterations. */
        public static final Preset COURSE = new Preset("course", 256, 1024, 1, 0, 100, 8, 5e-3, 0, 3000);
        /** For quick mode (tests, CI): a small model, two epochs, every tune. */
        public static final Preset QUICK = new Preset("quick", 16, 64, 1, 0, 50, 32, 1e-2, 2, 0);

        public Preset {
            requireAtLeast("embedding", embedding, 1);
            requireAtLeast("LSTM units (--hidden)", hidden, 1);
            requireAtLeast("number of LSTM layers (--layers)", layers, 1);
            if (!(dropout >= 0 && dropout < 1)) {
                throw new IllegalArgumentException("the dropout rate (--dropout) must be at least 0 and below 1, got "
                        + dropout);
            }
            requireAtLeast("window length", sequenceLength, 2);
            requireAtLeast("batch size", batchSize, 1);
            if (!(learningRate > 0) || Double.isInfinite(learningRate)) {
                throw new IllegalArgumentException("the learning rate (--lr) must be a positive number, got "
                        + learningRate);
            }
            if (epochs < 0 || steps < 0 || epochs == 0 && steps == 0) {
                throw new IllegalArgumentException("the number of epochs (--epochs) must be at least 1, got "
                        + (steps == 0 ? epochs : steps + " steps"));
            }
        }

        private static void requireAtLeast(String what, int value, int least) {
            if (value < least) {
                throw new IllegalArgumentException("the " + what + " must be at least " + least + ", got " + value);
            }
        }

        /** The preset by name: default or course. */
        public static Preset named(String name) {
            return switch (name.trim().toLowerCase(Locale.ROOT)) {
                case "default" -> DEFAULT;
                case "course" -> COURSE;
                default -> throw new IllegalArgumentException("unknown preset '" + name + "'; expected default or course");
            };
        }

        /** The same preset with any of these set (null keeps the preset's). */
        public Preset withOverrides(Integer newEpochs, Integer newHidden, Double newRate) {
            return withOverrides(newEpochs, newHidden, newRate, null, null);
        }

        /** The same preset with any of these set, layers and dropout too (null keeps the preset's). */
        public Preset withOverrides(Integer newEpochs, Integer newHidden, Double newRate, Integer newLayers,
                Double newDropout) {
            return new Preset(name, embedding, newHidden != null ? newHidden : hidden,
                    newLayers != null ? newLayers : layers, newDropout != null ? newDropout : dropout, sequenceLength,
                    batchSize, newRate != null ? newRate : learningRate, newEpochs != null ? newEpochs : epochs,
                    newEpochs != null ? 0 : steps);
        }

        /** A new, untrained model of this size over {@code vocabulary} characters. */
        public introdl.sequence.CharLstm model(int vocabulary) {
            return new introdl.sequence.CharLstm(vocabulary, embedding, hidden, layers, dropout);
        }

        /** Epochs to train for with this many windows: the preset's, or enough for its steps. */
        public int epochs(int windows) {
            if (epochs > 0) {
                return epochs;
            }
            int perEpoch = Fit.stepsPerEpoch(windows, batchSize);
            return Math.max(1, (int) Math.ceil((double) steps / perEpoch));
        }

        @Override
        public String toString() {
            return String.format(Locale.ROOT, "%s preset: embedding %d, LSTM %d%s%s, windows of %d, batch %d, Adam %.3g, %s",
                    name, embedding, hidden, layers > 1 ? " x " + layers + " layers" : "",
                    dropout > 0 ? String.format(Locale.ROOT, ", dropout %.2f", dropout) : "", sequenceLength, batchSize,
                    learningRate, epochs > 0 ? epochs + " epochs" : steps + " steps");
        }
    }

    /**
     * A collection ready to learn from.
     *
     * @param vocabulary every character of the collection
     * @param training windows of the training tunes
     * @param validation windows of the held-out tunes
     * @param trainingTunes how many tunes are trained on
     * @param heldOut the text of each held-out tune
     */
    public record Corpus(Vocabulary vocabulary, Examples training, Examples validation, int trainingTunes,
            List<String> heldOut) {
        /** How many tunes are held out. */
        public int validationTunes() {
            return heldOut.size();
        }

        @Override
        public String toString() {
            return vocabulary + ", " + trainingTunes + " tunes (" + training.size() + " windows) to train on, "
                    + heldOut.size() + " held out (" + validation.size() + " windows)";
        }
    }

    /**
     * Splits the tunes (seeded), builds the vocabulary, and cuts both parts into windows.
     *
     * @throws InvalidDataException if the collection has fewer than 2 readable tunes
     */
    public static Corpus corpus(TuneBook book, Preset preset, long seed) {
        List<String> texts = new ArrayList<>(book.readableTexts());
        if (texts.size() < 2) {
            throw new InvalidDataException("the collection has " + texts.size() + " readable tune(s); at least 2 "
                    + "are needed (one to train on, one to validate)");
        }
        Vocabulary vocabulary = Vocabulary.of(TuneBook.join(texts));
        Collections.shuffle(texts, new Random(seed));
        int held = Math.max(1, (int) Math.round(texts.size() * VALIDATION_SHARE));
        String validation = TuneBook.join(texts.subList(0, held));
        String training = TuneBook.join(texts.subList(held, texts.size()));
        int length = Math.min(preset.sequenceLength(), Math.min(training.length(), validation.length()) - 1);
        return new Corpus(vocabulary,
                CharWindows.of("tunes/train", training, vocabulary, length, Math.max(1, length / 2), seed),
                CharWindows.tiled("tunes/validation", validation, vocabulary, length),
                texts.size() - held, List.copyOf(texts.subList(0, held)));
    }
}
