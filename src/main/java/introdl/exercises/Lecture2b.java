package introdl.exercises;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import introdl.attention.Attention;

/** Checks for lecture 2b's exercise (notebook 08): attention with its mask, written out. */
public final class Lecture2b {
    private Lecture2b() {}

    /** Attention as the student writes it: outputs (T, dv) from queries, keys, values and a 1/0 mask (T, S). */
    @FunctionalInterface
    public interface Attend {
        NDArray apply(NDArray queries, NDArray keys, NDArray values, NDArray mask);
    }

    /**
     * Checks softmax(Q Kᵀ / √d, hidden keys pushed to -10⁹) V against {@link Attention#apply}, on
     * seeded queries, keys and values of 5 tokens of width 8, with no key hidden and with the
     * causal mask.
     */
    public static Verdict attention(Attend attend) {
        try (NDManager m = NDManager.newBaseManager()) {
            m.getEngine().setRandomSeed(8);
            NDArray q = m.randomNormal(new Shape(5, 8));
            NDArray k = m.randomNormal(new Shape(5, 8));
            NDArray v = m.randomNormal(new Shape(5, 8));
            NDArray all = m.ones(new Shape(5, 5));
            NDArray causal = Attention.causalMask(m, 5);
            NDArray plain;
            NDArray masked;
            try {
                plain = attend.apply(q, k, v, all);
                masked = attend.apply(q, k, v, causal);
            } catch (RuntimeException e) {
                return Verdict.notYet("it failed on Q, K, V of shape (5, 8) and a (5, 5) mask: " + e.getMessage()
                        + " (Q Kᵀ needs the keys transposed: k.transpose())");
            }
            if (plain == null || masked == null || plain.size() != 40 || masked.size() != 40) {
                return Verdict.notYet("the output should have one row of 8 per query, shape (5, 8)");
            }
            NDArray expected = Attention.apply(q, k, v, all).head();
            if (!Compare.close(plain, expected)) {
                if (Compare.close(plain, q.matMul(k.transpose()).softmax(-1).matMul(v))) {
                    return Verdict.notYet("the scores are not divided by √d = √8: without it a wide model's softmax "
                            + "saturates");
                }
                if (Compare.close(plain, Attention.scores(q, k).softmax(0).matMul(v))) {
                    return Verdict.notYet("the softmax runs over the queries (axis 0): each query's weights over the "
                            + "keys must sum to 1, softmax(-1)");
                }
                if (Compare.close(plain, Attention.scores(q, k).matMul(v))) {
                    return Verdict.notYet("there is no softmax: the scores become weights by a softmax over the keys");
                }
                if (Compare.isZero(plain)) {
                    return Verdict.notYet("the output is all zeros: softmax(Q Kᵀ / √d) V");
                }
                return Verdict.notYet("without a hidden key the output should be softmax(Q Kᵀ / √d) V, and it is not");
            }
            NDArray expectedMasked = Attention.apply(q, k, v, causal).head();
            if (Compare.close(masked, expectedMasked)) {
                return Verdict.correct("softmax(Q Kᵀ / √d) V, and with the causal mask no query sees a later key");
            }
            if (Compare.close(masked, expected)) {
                return Verdict.notYet("the mask changes nothing: a query still sees later keys; push the hidden "
                        + "scores to -10⁹ before the softmax (scores + (mask - 1) * 1e9)");
            }
            if (Compare.close(masked, Attention.scores(q, k).softmax(-1).mul(causal).matMul(v))) {
                return Verdict.notYet("the mask is applied after the softmax, so each query's weights no longer sum to "
                        + "1: mask the scores before it");
            }
            return Verdict.notYet("without a mask it is right, but with the causal mask it is not: hide the keys where "
                    + "the mask is 0 by adding -10⁹ to their scores");
        }
    }
}
