package introdl.language;

import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.Set;

/**
 * Learns byte-pair merges from the distinct chunks of a corpus and how often each occurs. Pair
 * counts are kept up to date merge by merge, touching only the chunks that hold the merged pair,
 * instead of being recounted over the whole corpus each time: that is what makes training on a
 * megabyte take seconds.
 */
final class MergeLearner {
    /** A pair and its count when it was queued; the count may since have fallen. */
    private record Candidate(long count, int left, int right) {}

    /** Most frequent first; ties go to the lowest ids, so the same corpus always learns the same merges. */
    private static final Comparator<Candidate> ORDER = Comparator.comparingLong(Candidate::count).reversed()
            .thenComparingInt(Candidate::left).thenComparingInt(Candidate::right);

    private final int[][] words;
    private final int[] lengths;
    private final long[] counts;
    private final Map<Long, Long> pairCounts = new HashMap<>();
    /** The chunks that hold each pair, or once held it: a chunk is checked before it is merged. */
    private final Map<Long, Set<Integer>> where = new HashMap<>();
    private final PriorityQueue<Candidate> queue = new PriorityQueue<>(ORDER);

    private MergeLearner(Map<String, Long> chunkCounts) {
        int n = chunkCounts.size();
        words = new int[n][];
        lengths = new int[n];
        counts = new long[n];
        int w = 0;
        for (Map.Entry<String, Long> chunk : chunkCounts.entrySet()) {
            words[w] = BytePairTokenizer.byteTokens(chunk.getKey());
            lengths[w] = words[w].length;
            counts[w] = chunk.getValue();
            countPairs(w, 1);
            w++;
        }
        pairCounts.forEach((pair, count) -> queue.add(new Candidate(count, left(pair), right(pair))));
    }

    /**
     * The {@code merges} pairs, each {@code {left, right}}, that make tokens 256, 257, ... in turn:
     * at each step the most frequent pair of adjacent tokens within a chunk.
     *
     * @throws IllegalArgumentException if every chunk becomes a single token before that many merges
     */
    static int[][] learn(Map<String, Long> chunkCounts, int merges) {
        MergeLearner learner = new MergeLearner(chunkCounts);
        int[][] learnt = new int[merges][];
        for (int m = 0; m < merges; m++) {
            Candidate best = learner.mostFrequent();
            if (best == null) {
                throw new IllegalArgumentException("after " + m + " merges every chunk of the corpus is a single token,"
                        + " so there is nothing left to merge: ask for at most " + (256 + m)
                        + " tokens or train on a longer corpus");
            }
            learner.merge(best.left(), best.right(), 256 + m);
            learnt[m] = new int[] {best.left(), best.right()};
        }
        return learnt;
    }

    private Candidate mostFrequent() {
        while (!queue.isEmpty()) {
            Candidate top = queue.poll();
            long current = pairCounts.getOrDefault(key(top.left(), top.right()), 0L);
            if (current == top.count()) {
                return top;
            }
            // Merging only ever lowers the count of a pair that does not hold the new token, so a
            // stale entry is too high, never too low: requeue it at its true count and look again.
            if (current > 0) {
                queue.add(new Candidate(current, top.left(), top.right()));
            }
        }
        return null;
    }

    private void merge(int a, int b, int merged) {
        Set<Long> created = new HashSet<>();
        for (int w : where.remove(key(a, b))) {
            countPairs(w, -1);
            lengths[w] = merge(words[w], lengths[w], a, b, merged);
            countPairs(w, 1);
            for (int i = 0; i + 1 < lengths[w]; i++) {
                if (words[w][i] == merged || words[w][i + 1] == merged) {
                    created.add(key(words[w][i], words[w][i + 1]));
                }
            }
        }
        // The pairs holding the new token are the only ones whose counts rose; queue them now.
        for (long pair : created) {
            queue.add(new Candidate(pairCounts.get(pair), left(pair), right(pair)));
        }
    }

    /** Adds (sign 1) or takes away (sign -1) the pairs of chunk {@code w}, each as often as the chunk occurs. */
    private void countPairs(int w, int sign) {
        int[] symbols = words[w];
        for (int i = 0; i + 1 < lengths[w]; i++) {
            long pair = key(symbols[i], symbols[i + 1]);
            long count = pairCounts.getOrDefault(pair, 0L) + sign * counts[w];
            if (count == 0) {
                pairCounts.remove(pair);
            } else {
                pairCounts.put(pair, count);
            }
            if (sign > 0) {
                where.computeIfAbsent(pair, p -> new HashSet<>()).add(w);
            }
        }
    }

    /**
     * Replaces each {@code a b} in {@code symbols[0..length)} by {@code merged}, left to right (so
     * {@code a a a} with {@code a a} becomes {@code merged a}), and returns the new length.
     */
    static int merge(int[] symbols, int length, int a, int b, int merged) {
        int out = 0;
        for (int i = 0; i < length; i++) {
            if (i + 1 < length && symbols[i] == a && symbols[i + 1] == b) {
                symbols[out++] = merged;
                i++;
            } else {
                symbols[out++] = symbols[i];
            }
        }
        return out;
    }

    static long key(int left, int right) {
        return ((long) left << 32) | right;
    }

    private static int left(long pair) {
        return (int) (pair >>> 32);
    }

    private static int right(long pair) {
        return (int) pair;
    }
}
