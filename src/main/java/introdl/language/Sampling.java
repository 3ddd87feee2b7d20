package introdl.language;

import introdl.train.Inference;
import java.util.Arrays;
import java.util.Locale;
import java.util.Random;

/**
 * How the next token is chosen from a model's scores. Greedy takes the most likely token (the
 * same text every time, often stuck in loops); sampling draws from the softmax of the scores
 * divided by a temperature (below 1 sharper and safer, above 1 flatter and wilder), optionally
 * only among the k most likely tokens (top-k) or the smallest set whose probabilities add up to p
 * (top-p, "nucleus"), which cuts off the long tail of unlikely tokens. Immutable.
 */
public final class Sampling {
    private final double temperature;
    private final int topK;
    private final double topP;

    private Sampling(double temperature, int topK, double topP) {
        if (!(temperature >= 0) || Double.isInfinite(temperature)) {
            throw new IllegalArgumentException("temperature must be a number >= 0 (0 = greedy), got " + temperature);
        }
        if (topK < 0) {
            throw new IllegalArgumentException("top-k must be >= 1, or 0 for no limit, got " + topK);
        }
        if (!(topP > 0 && topP <= 1)) {
            throw new IllegalArgumentException("top-p must be in (0, 1], got " + topP);
        }
        this.temperature = temperature;
        this.topK = topK;
        this.topP = topP;
    }

    /** Always the most likely token. */
    public static Sampling greedy() {
        return new Sampling(0, 0, 1);
    }

    /** Draws from softmax(scores / temperature); temperature 0 is greedy. */
    public static Sampling temperature(double temperature) {
        return new Sampling(temperature, 0, 1);
    }

    /** The same, drawing only among the {@code k} most likely tokens. */
    public Sampling topK(int k) {
        return new Sampling(temperature, k, topP);
    }

    /** The same, drawing only among the most likely tokens whose probabilities add up to {@code p}. */
    public Sampling topP(double p) {
        return new Sampling(temperature, topK, p);
    }

    public double temperature() {
        return temperature;
    }

    /**
     * The probability of every token under this rule (zeros for those it cuts off): the softmax
     * of scores / temperature, restricted to the top k and the top p, renormalised; greedy puts
     * all of it on the most likely token.
     */
    public double[] probabilities(float[] scores) {
        int n = scores.length;
        double[] p = new double[n];
        int best = Inference.argMax(scores);
        if (temperature == 0) {
            p[best] = 1;
            return p;
        }
        double sum = 0;
        for (int i = 0; i < n; i++) {
            p[i] = Math.exp((scores[i] - scores[best]) / temperature);
            sum += p[i];
        }
        for (int i = 0; i < n; i++) {
            p[i] /= sum;
        }
        if (topK > 0 || topP < 1) {
            keepMostLikely(p);
        }
        return p;
    }

    /** Zeroes all but the most likely tokens allowed by top-k and top-p, then renormalises. */
    private void keepMostLikely(double[] p) {
        Integer[] order = new Integer[p.length];
        Arrays.setAll(order, i -> i);
        Arrays.sort(order, (a, b) -> p[b] != p[a] ? Double.compare(p[b], p[a]) : Integer.compare(a, b));
        int keep = topK > 0 ? Math.min(topK, p.length) : p.length;
        double mass = 0;
        for (int r = 0; r < keep; r++) {
            mass += p[order[r]];
            if (mass >= topP) {
                keep = r + 1;
                break;
            }
        }
        double kept = 0;
        for (int r = 0; r < p.length; r++) {
            if (r < keep) {
                kept += p[order[r]];
            } else {
                p[order[r]] = 0;
            }
        }
        for (int i = 0; i < p.length; i++) {
            p[i] /= kept;
        }
    }

    /** Chooses the next token from {@code scores}, drawing from {@code random}. */
    public int choose(float[] scores, Random random) {
        if (temperature == 0) {
            return Inference.argMax(scores);
        }
        double[] p = probabilities(scores);
        double u = random.nextDouble();
        double cumulative = 0;
        int last = 0;
        for (int i = 0; i < p.length; i++) {
            if (p[i] > 0) {
                cumulative += p[i];
                last = i;
                if (u < cumulative) {
                    return i;
                }
            }
        }
        return last;
    }

    @Override
    public String toString() {
        if (temperature == 0) {
            return "greedy";
        }
        return String.format(Locale.ROOT, "temperature %s%s%s", temperature, topK > 0 ? ", top-k " + topK : "",
                topP < 1 ? ", top-p " + topP : "");
    }
}
