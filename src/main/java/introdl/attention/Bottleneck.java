package introdl.attention;

import ai.djl.Model;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import introdl.data.Examples;
import introdl.sequence.SequenceLoss;
import introdl.train.Fit;
import introdl.train.History;
import introdl.train.Inference;
import introdl.train.Models;
import introdl.train.Optimizers;
import introdl.train.Progress;
import introdl.viz.LineChart;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The encoder bottleneck, measured: the curve lecture 2 draws by hand. Two {@link Seq2Seq}
 * models of the same size learn to reverse digit strings from the same data with the same
 * budget; one squeezes the string into the encoder's final state, the other attends to every
 * encoder state. Their accuracy by string length shows the first fall as strings get longer and
 * the second hold up; the attention weights of one string show where the decoder looked.
 */
public final class Bottleneck {
    private Bottleneck() {}

    /**
     * The experiment's settings.
     *
     * @param hidden LSTM units of the encoder and of the decoder (both models)
     * @param embedding size of a token's learnt vector
     * @param maxLength training strings have 1 to maxLength digits; accuracy is measured at every length in that range
     * @param trainSamples training strings
     * @param testSamples test strings per length
     * @param epochs passes over the training strings
     * @param batchSize strings per update
     * @param learningRate Adam's learning rate
     * @param seed the seed of the data, of initialisation and of shuffling
     */
    public record Settings(int hidden, int embedding, int maxLength, int trainSamples, int testSamples, int epochs,
            int batchSize, double learningRate, long seed) {
        public Settings {
            if (hidden < 1 || embedding < 1 || maxLength < 1 || trainSamples < 2 || testSamples < 1 || epochs < 1
                    || batchSize < 1 || !(learningRate > 0)) {
                throw new IllegalArgumentException("every setting must be positive (and at least 2 training "
                        + "samples), got " + this);
            }
        }

        /** About half a minute on a 2-core CPU, and the gap between the models is plain from length 8 on. */
        public static Settings quick() {
            return new Settings(64, 16, 16, 6000, 200, 10, 64, 5e-3, 1);
        }

        /** The same settings with another seed. */
        public Settings withSeed(long newSeed) {
            return new Settings(hidden, embedding, maxLength, trainSamples, testSamples, epochs, batchSize,
                    learningRate, newSeed);
        }
    }

    /** How well a model reverses strings of one length: whole strings right, and digits right. */
    public record Accuracy(int length, double exactMatch, double perDigit) {}

    /**
     * One model's accuracy at every length.
     *
     * @param model its name in the chart
     * @param history its training history
     * @param byLength its accuracy at each measured length, shortest first
     */
    public record Curve(String model, History history, List<Accuracy> byLength) {
        public Curve {
            byLength = List.copyOf(byLength);
        }

        /** The accuracy at strings of {@code length} digits. */
        public Accuracy at(int length) {
            return byLength.stream().filter(a -> a.length() == length).findFirst()
                    .orElseThrow(() -> new IllegalArgumentException("no accuracy measured at length " + length
                            + "; measured " + byLength.get(0).length() + "-" + byLength.get(byLength.size() - 1).length()));
        }

        double[] lengths() {
            return byLength.stream().mapToDouble(Accuracy::length).toArray();
        }

        double[] exactMatch() {
            return byLength.stream().mapToDouble(Accuracy::exactMatch).toArray();
        }

        double[] perDigit() {
            return byLength.stream().mapToDouble(Accuracy::perDigit).toArray();
        }
    }

    /**
     * What the experiment found.
     *
     * @param withoutAttention the bottleneck model's curve
     * @param withAttention the attention model's curve
     * @param example the digits of one test string of the longest length
     * @param attentionMap the attention model's weights on that string: row t (output step) over
     *     column s (input digit); for reversal they concentrate on the anti-diagonal
     * @param seconds how long training and measuring both models took
     */
    public record Result(Settings settings, Curve withoutAttention, Curve withAttention, int[] example,
            float[][] attentionMap, double seconds) {
        /** Whole strings right against string length, one line per model: the curve the lecture draws. */
        public LineChart chart() {
            return chart("whole strings right", Curve::exactMatch);
        }

        /** Digits right against string length, one line per model (guessing scores 0.1). */
        public LineChart perDigitChart() {
            return chart("digits right", Curve::perDigit);
        }

        private LineChart chart(String measure, java.util.function.Function<Curve, double[]> values) {
            // tall, so the legend (top right) covers less of the attention model's line near 1
            LineChart chart = LineChart.of("The encoder bottleneck: reversing digit strings")
                    .axes("string length (digits)", measure + " (test strings)").size(720, 560);
            for (Curve curve : List.of(withoutAttention, withAttention)) {
                chart.series(curve.model(), curve.lengths(), values.apply(curve));
            }
            return chart;
        }

        /** The accuracy by length of both models as a text table. */
        public String table() {
            StringBuilder out = new StringBuilder(String.format(Locale.ROOT, "%6s  %-21s  %-21s%n", "",
                    withoutAttention.model(), withAttention.model()));
            out.append(String.format(Locale.ROOT, "%6s  %9s %11s  %9s %11s%n", "length", "string", "per digit",
                    "string", "per digit"));
            for (Accuracy plain : withoutAttention.byLength()) {
                Accuracy attended = withAttention.at(plain.length());
                out.append(String.format(Locale.ROOT, "%6d  %9.3f %11.3f  %9.3f %11.3f%n", plain.length(),
                        plain.exactMatch(), plain.perDigit(), attended.exactMatch(), attended.perDigit()));
            }
            return out.toString();
        }
    }

    /** Runs the experiment quietly. */
    public static Result run(Settings settings) {
        return run(settings, Progress.quiet());
    }

    /** Trains both models on the same strings, then measures them at every length 1..maxLength. */
    public static Result run(Settings settings, Progress progress) {
        long start = System.nanoTime();
        Examples train = DigitStrings.reversal(settings.trainSamples(), 1, settings.maxLength(), settings.seed());
        Curve plain = trainAndMeasure("without attention", false, train, settings, progress, null);
        float[][][] map = new float[1][][];
        int[] example = firstTestString(settings);
        Curve attended = trainAndMeasure("with attention", true, train, settings, progress,
                model -> map[0] = attentionWeights(model, example, settings.maxLength()));
        return new Result(settings, plain, attended, example, map[0], (System.nanoTime() - start) / 1e9);
    }

    private static Curve trainAndMeasure(String name, boolean attention, Examples train, Settings settings,
            Progress progress, java.util.function.Consumer<Model> inspect) {
        Seq2Seq block = Seq2Seq.builder().hidden(settings.hidden()).embedding(settings.embedding())
                .attention(attention).build();
        try (Model model = Models.create("seq2seq " + name, block)) {
            History history = train(model, train, settings, progress);
            List<Accuracy> byLength = new ArrayList<>();
            for (int n = 1; n <= settings.maxLength(); n++) {
                byLength.add(accuracy(model, testSet(settings, n)));
            }
            if (inspect != null) {
                inspect.accept(model);
            }
            return new Curve(name, history, byLength);
        }
    }

    /** Trains {@code model} (holding a {@link Seq2Seq}) on {@code train} through the one fit loop. */
    public static History train(Model model, Examples train, Settings settings, Progress progress) {
        return Fit.of(model).loss(SequenceLoss.ignoring(DigitStrings.PAD)).optimizer(Optimizers.adam(settings.learningRate()))
                .epochs(settings.epochs()).batchSize(settings.batchSize()).seed(settings.seed())
                .clipGradNorm(1).progress(progress).run(train);
    }

    /**
     * Greedy-decoded accuracy of {@code model} on reversal strings: the share whose every digit
     * is right, and the share of digits right (padded target steps do not count).
     */
    public static Accuracy accuracy(Model model, Examples data) {
        float[][] predicted = predict(model, data);
        int strings = 0;
        int digits = 0;
        int digitsRight = 0;
        int length = 0;
        for (int i = 0; i < data.size(); i++) {
            float[] target = data.target(i);
            int n = DigitStrings.length(target);
            int right = 0;
            for (int t = 0; t < n; t++) {
                right += predicted[i][t] == target[t] ? 1 : 0;
            }
            strings += right == n ? 1 : 0;
            digits += n;
            digitsRight += right;
            length = Math.max(length, n);
        }
        return new Accuracy(length, (double) strings / data.size(), (double) digitsRight / Math.max(1, digits));
    }

    /** The tokens {@code model} writes for each input of {@code data}, by greedy decoding. */
    public static float[][] predict(Model model, Examples data) {
        return Inference.map(model, data, (store, x) -> model.getBlock().forward(store, new NDList(x), false).head()
                .argMax(-1).toType(DataType.FLOAT32, false));
    }

    /**
     * The attention weights of an attention model reading {@code digits} (padded to {@code width}):
     * a (digits.length × digits.length) array, row t the weights output step t gave the input
     * digits. Padding columns are left out; they get no weight.
     */
    public static float[][] attentionWeights(Model model, int[] digits, int width) {
        if (!(model.getBlock() instanceof Seq2Seq s) || !s.hasAttention()) {
            throw new IllegalArgumentException("attention weights need a Seq2Seq with attention, got "
                    + model.getBlock());
        }
        float[] row = DigitStrings.encode(digits, width);
        float[] all = Inference.map(model, new float[][] {row}, new Shape(width),
                (store, x) -> model.getBlock().forward(store, new NDList(x), false).get(1))[0];
        int n = digits.length;
        int pad = width - n;
        float[][] map = new float[n][n];
        for (int t = 0; t < n; t++) {
            System.arraycopy(all, t * width + pad, map[t], 0, n);
        }
        return map;
    }

    private static Examples testSet(Settings settings, int length) {
        // a stream of its own per length, apart from the training strings' seed
        return DigitStrings.ofLength(settings.testSamples(), length, settings.maxLength(),
                introdl.train.Seeds.derive(settings.seed(), 1000 + length));
    }

    private static int[] firstTestString(Settings settings) {
        float[] tokens = testSet(settings, settings.maxLength()).sample(0);
        int[] digits = new int[settings.maxLength()];
        for (int i = 0; i < digits.length; i++) {
            digits[i] = DigitStrings.digit(tokens[i]);
        }
        return digits;
    }
}
