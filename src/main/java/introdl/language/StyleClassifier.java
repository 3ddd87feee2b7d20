package introdl.language;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Tells which style a text is written in: a multinomial naive Bayes classifier over the text's
 * character n-grams (1 to 4 characters), the classic baseline for telling authors apart. It stands
 * in for the course's LLM judge, which needs a network and an API key: it is trained on real
 * examples of each style (held out from fine-tuning), its accuracy on other held-out examples is
 * reported beside every judgement, and the same texts always get the same verdict. Fine-tuned
 * samples are then "judged Yoda" when Yoda is the most likely style. It trains in milliseconds and
 * needs no tuning, which is why it is not a neural network: the judge should be the simplest thing
 * that is measurably right.
 */
public final class StyleClassifier {
    private static final int LONGEST_GRAM = 4;
    /** Laplace smoothing: every n-gram is counted half a time more in every style. */
    private static final double SMOOTHING = 0.5;

    private final List<String> styles;
    private final Map<String, int[]> counts;
    private final long[] totals;

    private StyleClassifier(List<String> styles, Map<String, int[]> counts, long[] totals) {
        this.styles = styles;
        this.counts = counts;
        this.totals = totals;
    }

    /**
     * A classifier trained on {@code examples}: each style's name and its texts.
     *
     * @throws IllegalArgumentException with fewer than two styles, or a style with no text
     */
    public static StyleClassifier train(Map<String, List<String>> examples) {
        if (examples.size() < 2) {
            throw new IllegalArgumentException("a style classifier needs at least two styles, got " + examples.keySet());
        }
        List<String> styles = List.copyOf(examples.keySet());
        Map<String, int[]> counts = new HashMap<>();
        long[] totals = new long[styles.size()];
        for (int s = 0; s < styles.size(); s++) {
            List<String> texts = examples.get(styles.get(s));
            if (texts.stream().allMatch(String::isEmpty)) {
                throw new IllegalArgumentException("the style '" + styles.get(s) + "' has no text to learn from");
            }
            for (String text : texts) {
                for (String gram : grams(text)) {
                    counts.computeIfAbsent(gram, g -> new int[styles.size()])[s]++;
                    totals[s]++;
                }
            }
        }
        return new StyleClassifier(styles, counts, totals);
    }

    private static List<String> grams(String text) {
        List<String> grams = new ArrayList<>();
        for (int n = 1; n <= LONGEST_GRAM; n++) {
            for (int i = 0; i + n <= text.length(); i++) {
                grams.add(text.substring(i, i + n));
            }
        }
        return grams;
    }

    public List<String> styles() {
        return styles;
    }

    /** The probability of each style given {@code text} (equal prior odds), in {@link #styles()}' order. */
    public double[] probabilities(String text) {
        double[] logs = new double[styles.size()];
        double vocabulary = counts.size() + 1;
        for (String gram : grams(text)) {
            int[] seen = counts.get(gram);
            for (int s = 0; s < logs.length; s++) {
                double count = seen == null ? 0 : seen[s];
                logs[s] += Math.log((count + SMOOTHING) / (totals[s] + SMOOTHING * vocabulary));
            }
        }
        double max = java.util.Arrays.stream(logs).max().orElse(0);
        double sum = 0;
        for (int s = 0; s < logs.length; s++) {
            logs[s] = Math.exp(logs[s] - max);
            sum += logs[s];
        }
        for (int s = 0; s < logs.length; s++) {
            logs[s] /= sum;
        }
        return logs;
    }

    /** The most likely style of {@code text}. */
    public String classify(String text) {
        double[] p = probabilities(text);
        int best = 0;
        for (int s = 1; s < p.length; s++) {
            best = p[s] > p[best] ? s : best;
        }
        return styles.get(best);
    }

    /** How many of {@code texts} are judged {@code style}. */
    public int count(List<String> texts, String style) {
        if (!styles.contains(style)) {
            throw new IllegalArgumentException("unknown style '" + style + "'; this classifier knows " + styles);
        }
        return (int) texts.stream().filter(t -> classify(t).equals(style)).count();
    }

    /** The share of {@code test}'s texts (style to texts) judged their own style. */
    public double accuracy(Map<String, List<String>> test) {
        int right = 0;
        int all = 0;
        for (Map.Entry<String, List<String>> style : test.entrySet()) {
            right += count(style.getValue(), style.getKey());
            all += style.getValue().size();
        }
        return all == 0 ? Double.NaN : (double) right / all;
    }

    /** Per style of {@code test}, the share judged each style: rows are the truth, columns the verdict. */
    public Map<String, double[]> confusion(Map<String, List<String>> test) {
        Map<String, double[]> rows = new LinkedHashMap<>();
        test.forEach((truth, texts) -> {
            double[] row = new double[styles.size()];
            for (int s = 0; s < styles.size(); s++) {
                row[s] = (double) count(texts, styles.get(s)) / texts.size();
            }
            rows.put(truth, row);
        });
        return rows;
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "naive Bayes over character 1- to %d-grams, styles %s", LONGEST_GRAM, styles);
    }
}
