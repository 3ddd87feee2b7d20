package introdl.attention;

import introdl.nn.Scalars;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;

/**
 * Scaled dot-product attention, the lecture's formula written out step by step:
 * {@code softmax(Q Kᵀ / √d) V}. Each query scores every key (a dot product), the scores are
 * scaled by √d so their spread does not grow with the width, a mask removes the keys a query may
 * not see (the future, or padding), softmax turns each query's scores into weights that sum to 1,
 * and the output is the weighted sum of the values.
 *
 * <p>Shapes: queries {@code (..., T, d)}, keys {@code (..., S, d)}, values {@code (..., S, dv)};
 * a mask broadcasts to {@code (..., T, S)} and holds 1 where a query may attend to a key and 0
 * where it may not (DJL's {@code ScaledDotProductAttentionBlock} takes the same masks).
 */
public final class Attention {
    /** What a masked score becomes before the softmax: so low that its weight is 0 in float32. */
    static final float MASKED = -1e9f;

    private Attention() {}

    /** Step 1 and 2: every query's dot product with every key, divided by √d. Shape (..., T, S). */
    public static NDArray scores(NDArray queries, NDArray keys) {
        long d = queries.getShape().get(queries.getShape().dimension() - 1);
        // autograd keeps the divisor for the backward pass, so it must outlive this call
        return Scalars.dividedBy(queries.matMul(keys.swapAxes(-1, -2)), Math.sqrt(d));
    }

    /**
     * Step 3 and 4: the mask applied (masked scores pushed to {@value #MASKED}) and a softmax over
     * the keys, so every query's weights are positive and sum to 1. {@code mask} may be null.
     */
    public static NDArray weights(NDArray scores, NDArray mask) {
        NDArray masked = mask == null ? scores : scores.add(maskOffset(mask));
        return masked.softmax(-1);
    }

    /** Step 5: each query's output is the weighted sum of the values. Shape (..., T, dv). */
    public static NDArray weightedSum(NDArray weights, NDArray values) {
        return weights.matMul(values);
    }

    /**
     * The whole mechanism: {@code softmax(Q Kᵀ / √d + mask) V}.
     *
     * @return the outputs (..., T, dv), then the attention weights (..., T, S)
     */
    public static NDList apply(NDArray queries, NDArray keys, NDArray values, NDArray mask) {
        NDArray w = weights(scores(queries, keys), mask);
        return new NDList(weightedSum(w, values), w);
    }

    /**
     * The causal mask of a language model: query t may attend to keys 0..t only, never to a later
     * token. A (T, T) array of 1s on and below the diagonal, 0s above it.
     */
    public static NDArray causalMask(NDManager manager, int length) {
        return causalMask(manager, length, length);
    }

    /**
     * The causal mask for {@code queries} new tokens that follow {@code keys - queries} earlier ones
     * (generation with a cache): query i sits at position {@code keys - queries + i}.
     */
    public static NDArray causalMask(NDManager manager, int queries, int keys) {
        if (queries < 1 || keys < queries) {
            throw new IllegalArgumentException("a causal mask needs 1 <= queries <= keys, got " + queries + " queries and "
                    + keys + " keys");
        }
        float[] ones = new float[queries * keys];
        int offset = keys - queries;
        for (int t = 0; t < queries; t++) {
            for (int s = 0; s <= t + offset; s++) {
                ones[t * keys + s] = 1;
            }
        }
        return manager.create(ones, new Shape(queries, keys));
    }

    /**
     * The padding mask of a batch of sequences of different lengths, padded to {@code length}:
     * (B, 1, length), 1 for the real tokens of each sequence and 0 for its padding, so no query
     * attends to padding.
     */
    public static NDArray paddingMask(NDManager manager, int[] lengths, int length) {
        float[] ones = new float[lengths.length * length];
        for (int b = 0; b < lengths.length; b++) {
            if (lengths[b] < 0 || lengths[b] > length) {
                throw new IllegalArgumentException("sequence " + b + " has length " + lengths[b]
                        + ", outside 0.." + length);
            }
            java.util.Arrays.fill(ones, b * length, b * length + lengths[b], 1f);
        }
        return manager.create(ones, new Shape(lengths.length, 1, length));
    }

    /** A 1/0 mask as what is added to the scores: 0 where kept, {@value #MASKED} where masked. */
    static NDArray maskOffset(NDArray mask) {
        NDArray m = mask.getDataType() == DataType.FLOAT32 ? mask : mask.toType(DataType.FLOAT32, false);
        return m.sub(1f).mul(-MASKED);
    }
}
