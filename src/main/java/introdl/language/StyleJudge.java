package introdl.language;

import introdl.train.Proportion;
import introdl.viz.BarChart;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Lab 3's judge without an LLM: a {@link StyleClassifier} that tells Yoda from a leprechaun and from
 * Shakespeare, trained on half of the held-out answers of both styles and of Tiny Shakespeare's
 * validation text, cut to snippets of the length of a generated sample, and measured on the other
 * half ({@link #accuracy()}). A sample is judged Yoda when Yoda is its most likely style.
 */
public final class StyleJudge {
    public static final String YODA = "yoda";
    public static final String LEPRECHAUN = "leprechaun";
    public static final String SHAKESPEARE = "shakespeare";

    private final StyleClassifier classifier;
    private final Map<String, List<String>> test;
    private final double accuracy;

    private StyleJudge(StyleClassifier classifier, Map<String, List<String>> test) {
        this.classifier = classifier;
        this.test = test;
        this.accuracy = classifier.accuracy(test);
    }

    /**
     * A judge trained and measured on held-out text: {@code yoda} and {@code leprechaun} answers
     * (never fine-tuned on) and {@code shakespeare} (text the base model was not trained on), each
     * cut to snippets of at most {@code length} characters.
     */
    public static StyleJudge of(StyleText yoda, StyleText leprechaun, String shakespeare, int length) {
        if (length < 20) {
            throw new IllegalArgumentException("snippets of " + length + " characters are too short to judge a style; "
                    + "use at least 20");
        }
        Map<String, List<String>> snippets = new LinkedHashMap<>();
        snippets.put(YODA, beginnings(yoda, length));
        snippets.put(LEPRECHAUN, beginnings(leprechaun, length));
        snippets.put(SHAKESPEARE, pieces(shakespeare, length, Math.max(yoda.size(), leprechaun.size())));
        Map<String, List<String>> train = new LinkedHashMap<>();
        Map<String, List<String>> test = new LinkedHashMap<>();
        snippets.forEach((style, texts) -> {
            int half = texts.size() / 2;
            if (half < 1) {
                throw new IllegalArgumentException("the " + style + " text gives " + texts.size() + " snippet(s); a judge "
                        + "needs at least 2, one to learn from and one to test on");
            }
            train.put(style, texts.subList(0, half));
            test.put(style, texts.subList(half, texts.size()));
        });
        return new StyleJudge(StyleClassifier.train(train), test);
    }

    private static List<String> beginnings(StyleText text, int length) {
        return text.answers().stream().map(a -> a.substring(0, Math.min(a.length(), length))).toList();
    }

    private static List<String> pieces(String text, int length, int count) {
        List<String> pieces = new ArrayList<>();
        for (int i = 0; i + length <= text.length() && pieces.size() < count; i += length) {
            pieces.add(text.substring(i, i + length));
        }
        return pieces;
    }

    /** The share of the held-out test snippets judged their true style. */
    public double accuracy() {
        return accuracy;
    }

    public StyleClassifier classifier() {
        return classifier;
    }

    /** Real answers of {@code style} the classifier did not learn from (the histogram's reference bar). */
    public List<String> heldOut(String style) {
        return test.get(style);
    }

    /** Rows: true style of the test snippets; columns: the share judged each of {@link StyleClassifier#styles()}. */
    public Map<String, double[]> confusion() {
        return classifier.confusion(test);
    }

    /** How many of {@code texts} are judged Yoda, with a 95% interval. */
    public Proportion judgedYoda(List<String> texts) {
        return new Proportion(classifier.count(texts, YODA), texts.size());
    }

    /**
     * The course's histogram as bars: the share of each model's samples judged Yoda with its 95%
     * interval, and last the share of real held-out Yoda answers (what a perfect imitation gets).
     */
    public BarChart chart(List<StyleEvaluation> evaluations) {
        List<String> bars = new ArrayList<>();
        List<Proportion> shares = new ArrayList<>();
        for (StyleEvaluation e : evaluations) {
            bars.add(e.model());
            shares.add(e.judgedYoda());
        }
        bars.add("real " + YODA);
        shares.add(judgedYoda(heldOut(YODA)));
        return BarChart.of("Share of answers judged Yoda", bars).yAxis("share judged Yoda", 0, 1)
                .series("judged Yoda (95% interval)", shares.stream().mapToDouble(Proportion::rate).toArray(),
                        shares.stream().mapToDouble(Proportion::low).toArray(),
                        shares.stream().mapToDouble(Proportion::high).toArray());
    }
}
