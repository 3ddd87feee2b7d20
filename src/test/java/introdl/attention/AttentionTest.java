package introdl.attention;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.Model;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.nn.transformer.ScaledDotProductAttentionBlock;
import ai.djl.training.ParameterStore;
import ai.djl.util.Pair;
import introdl.language.Gpt;
import introdl.language.GptConfig;
import introdl.train.Models;
import java.nio.FloatBuffer;
import java.util.Random;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/**
 * The attention lecture's claims, checked: the written-out formula is DJL's attention, weights are
 * distributions that ignore masked keys, the causal mask hides the future, attention without
 * positions ignores order, the multi-head split matches DJL's, and the KV cache changes nothing
 * but the cost.
 */
class AttentionTest {
    private static final float TOLERANCE = 1e-5f;

    // ---- the formula against DJL's ScaledDotProductAttentionBlock ----

    @Test
    void applyEqualsDjlAttentionWithIdentityProjectionsWithoutAndWithMasks() {
        int batch = 2;
        int queriesLength = 4;
        int keysLength = 4;
        int width = 6;
        try (NDManager manager = NDManager.newBaseManager()) {
            Random random = new Random(1);
            NDArray q = normal(manager, random, batch, queriesLength, width);
            NDArray k = normal(manager, random, batch, keysLength, width);
            NDArray v = normal(manager, random, batch, keysLength, width);
            ScaledDotProductAttentionBlock djl = djlAttention(manager, 1, width, q.getShape());
            // with every projection the identity and no bias, DJL's block computes the bare formula
            setParameters(djl, p -> p.getName().equals("weight") ? identity(width) : new float[width]);
            ParameterStore store = new ParameterStore(manager, false);

            NDArray ours = Attention.apply(q, k, v, null).head();
            NDArray theirs = djl.forward(store, new NDList(k, q, v), false).head();
            assertClose(theirs, ours, "no mask");

            // DJL wants the mask spelled out as (B, T, F); ours broadcasts a (T, F) causal mask
            NDArray causal = Attention.causalMask(manager, queriesLength);
            assertClose(djl.forward(store, new NDList(k, q, v, causal.broadcast(batch, queriesLength, keysLength)),
                    false).head(), Attention.apply(q, k, v, causal).head(), "causal mask");

            // ... and a (B, 1, F) padding mask
            NDArray padding = Attention.paddingMask(manager, new int[] {4, 2}, keysLength);
            assertClose(djl.forward(store, new NDList(k, q, v, padding.broadcast(batch, queriesLength, keysLength)),
                    false).head(), Attention.apply(q, k, v, padding).head(), "padding mask");
        }
    }

    @Test
    void aTinyExampleWorkedByHand() {
        // d = 2, so scores are divided by √2 = 1.41421.
        // keys k1 = (1, 0), k2 = (0, 1), k3 = (1, 1); values v1 = (1, 0), v2 = (0, 1), v3 = (0, 0)
        // query 1 = (1, 0): dots 1, 0, 1 → scaled 0.70711, 0, 0.70711
        //   exp 2.02811, 1, 2.02811, sum 5.05623 → weights 0.40111, 0.19778, 0.40111
        //   output 0.40111·v1 + 0.19778·v2 = (0.40111, 0.19778)
        // query 2 = (0, 2): dots 0, 2, 2 → scaled 0, 1.41421, 1.41421
        //   exp 1, 4.11325, 4.11325, sum 9.22650 → weights 0.10838, 0.44581, 0.44581
        //   output (0.10838, 0.44581)
        // (without the √d scale query 1 would give e/(2e+1) = 0.42232 instead of 0.40111)
        try (NDManager manager = NDManager.newBaseManager()) {
            NDArray q = manager.create(new float[] {1, 0, 0, 2}, new Shape(2, 2));
            NDArray k = manager.create(new float[] {1, 0, 0, 1, 1, 1}, new Shape(3, 2));
            NDArray v = manager.create(new float[] {1, 0, 0, 1, 0, 0}, new Shape(3, 2));
            NDList result = Attention.apply(q, k, v, null);
            assertArrays(new float[] {0.40111f, 0.19778f, 0.40111f, 0.10838f, 0.44581f, 0.44581f},
                    result.get(1).toFloatArray(), 1e-5f, "weights");
            assertArrays(new float[] {0.40111f, 0.19778f, 0.10838f, 0.44581f}, result.head().toFloatArray(), 1e-5f,
                    "outputs");
            // with query 2 not allowed to see k1, its weight moves to k2 and k3 equally: 0.5 each
            NDArray mask = manager.create(new float[] {1, 1, 1, 0, 1, 1}, new Shape(2, 3));
            assertArrays(new float[] {0.40111f, 0.19778f, 0.40111f, 0, 0.5f, 0.5f},
                    Attention.apply(q, k, v, mask).get(1).toFloatArray(), 1e-5f, "masked weights");
        }
    }

    @Test
    void weightsAreDistributionsAndMaskedKeysGetNone() {
        try (NDManager manager = NDManager.newBaseManager()) {
            Random random = new Random(2);
            NDArray q = normal(manager, random, 2, 5, 4).mul(3); // large scores: a near one-hot softmax
            NDArray k = normal(manager, random, 2, 5, 4);
            NDArray causal = Attention.causalMask(manager, 5);
            NDArray padding = Attention.paddingMask(manager, new int[] {5, 3}, 5);
            NDArray[] masks = {null, causal, padding, causal.mul(padding)};
            for (NDArray mask : masks) {
                NDArray w = Attention.weights(Attention.scores(q, k), mask);
                String name = mask == null ? "no mask" : mask.getShape().toString();
                assertArrays(new float[10], w.sum(new int[] {2}).sub(1).toFloatArray(), 1e-6f, "rows sum to 1, " + name);
                assertTrue(w.min().getFloat() >= 0, "weights are never negative, " + name);
                if (mask != null) {
                    NDArray hidden = w.mul(mask.broadcast(w.getShape()).toType(DataType.FLOAT32, false).sub(1).neg());
                    assertTrue(hidden.max().getFloat() < 1e-6f, "masked keys get weight 0, " + name);
                }
            }
            // the padding mask really hides sequence 1's keys 3 and 4 from every one of its queries
            NDArray w = Attention.weights(Attention.scores(q, k), padding);
            assertTrue(w.get(new NDIndex("1, :, 3:")).max().getFloat() < 1e-6f);
            assertTrue(w.get(new NDIndex("0, :, 3:")).max().getFloat() > 1e-3f, "sequence 0 sees all five");
        }
    }

    // ---- causality ----

    @Test
    void withTheCausalMaskAFutureTokenCannotChangeAnEarlierOutput() {
        int length = 6;
        int changed = 3;
        int width = 8;
        try (NDManager manager = NDManager.newBaseManager()) {
            Random random = new Random(3);
            NDArray x = normal(manager, random, 1, length, width);
            NDArray y = withRowChanged(x, changed, random);
            NDArray mask = Attention.causalMask(manager, length);
            assertOnlyFromChangedOn(Attention.apply(x, x, x, mask).head(), Attention.apply(y, y, y, mask).head(),
                    changed, "the bare formula");

            MultiHeadAttention attention = new MultiHeadAttention(width, 2, true, 0);
            attention.initialize(manager, DataType.FLOAT32, x.getShape());
            ParameterStore store = new ParameterStore(manager, false);
            assertOnlyFromChangedOn(attention.forward(store, new NDList(x), false).head(),
                    attention.forward(store, new NDList(y), false).head(), changed, "a causal MultiHeadAttention");

            TransformerBlock block = new TransformerBlock(width, 2, true, 0);
            block.initialize(manager, DataType.FLOAT32, x.getShape());
            assertOnlyFromChangedOn(block.forward(store, new NDList(x), false).head(),
                    block.forward(store, new NDList(y), false).head(), changed, "a causal TransformerBlock");

            // the same layer without the causal mask lets the future leak back: the check can fail
            MultiHeadAttention open = new MultiHeadAttention(width, 2, false, 0);
            open.initialize(manager, DataType.FLOAT32, x.getShape());
            float earlier = maxDifference(open.forward(store, new NDList(x), false).head().get(":, :3, :"),
                    open.forward(store, new NDList(y), false).head().get(":, :3, :"));
            assertTrue(earlier > 1e-4f, "without the mask earlier outputs move by " + earlier);
        }
    }

    // ---- order: permutation equivariance ----

    @Test
    void withoutPositionsSelfAttentionIgnoresOrderAndWithPositionsItDoesNot() {
        int length = 5;
        int width = 8;
        int[] order = {2, 0, 4, 1, 3};
        try (NDManager manager = NDManager.newBaseManager()) {
            Random random = new Random(4);
            NDArray x = normal(manager, random, 1, length, width);
            NDArray shuffled = permuteRows(x, order);
            ParameterStore store = new ParameterStore(manager, false);

            MultiHeadAttention attention = new MultiHeadAttention(width, 2, false, 0);
            attention.initialize(manager, DataType.FLOAT32, x.getShape());
            Function<NDArray, NDArray> viaAttention = in -> attention.forward(store, new NDList(in), false).head();
            TransformerBlock block = new TransformerBlock(width, 2, false, 0);
            block.initialize(manager, DataType.FLOAT32, x.getShape());
            Function<NDArray, NDArray> viaBlock = in -> block.forward(store, new NDList(in), false).head();

            for (Function<NDArray, NDArray> layer : java.util.List.of(viaAttention, viaBlock)) {
                // f(P x) = P f(x): shuffling the tokens only shuffles the outputs
                assertClose(permuteRows(layer.apply(x), order), layer.apply(shuffled), "permutation equivariance");
                // with each token's position added the shuffled sentence is a different input
                NDArray positions = Positions.sinusoidal(manager, length, width);
                float moved = maxDifference(permuteRows(layer.apply(x.add(positions)), order),
                        layer.apply(shuffled.add(positions)));
                assertTrue(moved > 1e-3f, "with positions the outputs are no mere shuffle, moved by " + moved);
            }
        }
    }

    // ---- several heads against DJL ----

    @Test
    void multiHeadAttentionEqualsDjlWithTheSameProjectionsWithoutAndWithPadding() {
        int batch = 2;
        int length = 5;
        int width = 8;
        int heads = 2;
        try (NDManager manager = NDManager.newBaseManager()) {
            Random random = new Random(5);
            NDArray x = normal(manager, random, batch, length, width);
            MultiHeadAttention ours = new MultiHeadAttention(width, heads, false, 0);
            ours.initialize(manager, DataType.FLOAT32, x.getShape());
            // random weights and biases everywhere, so a bias dropped or a head mixed up shows
            setParameters(ours, p -> randomValues(random, p.getArray().getShape()));
            ScaledDotProductAttentionBlock djl = djlAttention(manager, heads, width, x.getShape());
            copyLinear(ours.projections().get("query"), djl.getQueryProjection());
            copyLinear(ours.projections().get("key"), djl.getKeyProjection());
            copyLinear(ours.projections().get("value"), djl.getValueProjection());
            copyLinear(ours.projections().get("output"), djl.getResultProjection());
            ParameterStore store = new ParameterStore(manager, false);

            assertClose(djl.forward(store, new NDList(x), false).head(),
                    ours.forward(store, new NDList(x), false).head(), heads + " heads, no mask");

            // batch 2 with 2 heads: a mask that lined its batch axis up with the heads would pass silently
            NDArray padding = Attention.paddingMask(manager, new int[] {5, 2}, length);
            assertClose(djl.forward(store, new NDList(x, padding.broadcast(batch, length, length)), false).head(),
                    ours.forward(store, new NDList(x, padding), false).head(), heads + " heads, padding mask");

            // and the weights it reports are (B, heads, T, S) with sequence 1's padding unseen by every head
            NDArray weights = ours.attend(store, x, padding, null, 0, false).get(1);
            assertEquals(new Shape(batch, heads, length, length), weights.getShape());
            assertTrue(weights.get(new NDIndex("1, :, :, 2:")).max().getFloat() < 1e-6f);
        }
    }

    // ---- positions ----

    @Test
    void sinusoidalPositionsMatchHandComputedEntriesAndRejectBadSizes() {
        float[][] table = Positions.sinusoidal(3, 4);
        // p = 0: sin 0 = 0 and cos 0 = 1 in every pair
        assertArrays(new float[] {0, 1, 0, 1}, table[0], 0, "position 0");
        // p = 1, i = 0: angle 1 / 10000^0 = 1; i = 1: angle 1 / 10000^(2/4) = 1/100
        assertArrays(new float[] {(float) Math.sin(1), (float) Math.cos(1), (float) Math.sin(0.01),
                (float) Math.cos(0.01)}, table[1], 1e-7f, "position 1");
        // p = 2, i = 0: sin 2 = 0.909297
        assertEquals(0.909297f, table[2][0], 1e-6f);
        try (NDManager manager = NDManager.newBaseManager()) {
            assertArrays(table[2], Positions.sinusoidal(manager, 3, 4).get(2).toFloatArray(), 0, "as an array");
        }
        for (int[] bad : new int[][] {{0, 4}, {3, 3}, {3, 0}}) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> Positions.sinusoidal(bad[0], bad[1]));
            assertTrue(e.getMessage().contains(bad[0] + ", " + bad[1]), e.getMessage());
        }
    }

    // ---- the KV cache ----

    @Test
    void tokenByTokenWithTheCacheGivesTheLogitsOfOneFullPass() {
        GptConfig config = new GptConfig(11, 16, 2, 2, 16, 0, Positions.Kind.LEARNED);
        Gpt gpt = new Gpt(config);
        int[] ids = {1, 5, 2, 9, 0, 3, 3, 10, 7, 4};
        try (Model model = Models.create("gpt", gpt, new Shape(config.context()), 7);
                NDManager manager = NDManager.newBaseManager();
                KvCache cache = new KvCache(manager, config.layers())) {
            ParameterStore store = new ParameterStore(manager, false);
            NDArray sequence = manager.create(ids).reshape(1, ids.length);
            NDArray full = gpt.forward(store, sequence, null, null, false);
            for (int t = 0; t < ids.length; t++) {
                try (NDManager step = manager.newSubManager()) {
                    NDArray one = step.create(new int[] {ids[t]}).reshape(1, 1);
                    NDArray logits = gpt.forward(store, one, cache, null, false);
                    assertEquals(t + 1, cache.length());
                    assertClose(full.get(new NDIndex(":, {}:{}, :", t, t + 1)), logits, "step " + t);
                }
            }
            // a prompt of several tokens after the cached ones works too
            cache.clear();
            NDArray first = gpt.forward(store, sequence.get(":, :6"), cache, null, false);
            NDArray rest = gpt.forward(store, sequence.get(":, 6:"), cache, null, false);
            assertClose(full, first.concat(rest, 1), "two chunks");

            // filling the context then asking for one more is an error that says what to do
            cache.clear();
            gpt.forward(store, manager.zeros(new Shape(1, config.context()), DataType.INT32), cache, null, false);
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> gpt.forward(store, manager.zeros(new Shape(1, 1), DataType.INT32), cache, null, false));
            assertTrue(e.getMessage().contains("at most 16 tokens") && e.getMessage().contains("16 cached"),
                    e.getMessage());
            assertThrows(IllegalArgumentException.class,
                    () -> gpt.forward(store, manager.zeros(new Shape(1, 17), DataType.INT32), null, null, false));
        }
    }

    @Test
    void theCacheKeepsOneCopyOfEachLayerSoLongGenerationsDoNotPileUp() {
        try (NDManager manager = NDManager.newBaseManager(); KvCache cache = new KvCache(manager, 1)) {
            NDArray[] previous = null;
            for (int step = 0; step < 4; step++) {
                try (NDManager scope = manager.newSubManager()) {
                    NDArray[] all = cache.append(0, scope.ones(new Shape(1, 2, 1, 4)), scope.ones(new Shape(1, 2, 1, 4)));
                    assertEquals(new Shape(1, 2, step + 1, 4), all[0].getShape());
                    if (previous != null) {
                        assertTrue(previous[0].isReleased() && previous[1].isReleased(),
                                "step " + step + ": the cache frees the keys and values it replaced");
                    }
                    previous = all;
                }
                assertEquals(2, manager.getManagedArrays().size(),
                        "step " + step + ": the cache holds one key and one value array, nothing else stays");
            }
            assertEquals(4, cache.length());
            cache.clear();
            assertEquals(0, manager.getManagedArrays().size(), "clear() frees the cached arrays");
        }
    }

    // ---- bad input ----

    @Test
    void badSizesAreRejectedWithAClearMessage() {
        IllegalArgumentException heads = assertThrows(IllegalArgumentException.class,
                () -> new MultiHeadAttention(10, 3, true, 0));
        assertTrue(heads.getMessage().contains("10") && heads.getMessage().contains("3 heads"), heads.getMessage());
        try (NDManager manager = NDManager.newBaseManager()) {
            IllegalArgumentException causal = assertThrows(IllegalArgumentException.class,
                    () -> Attention.causalMask(manager, 3, 2));
            assertTrue(causal.getMessage().contains("3 queries and 2 keys"), causal.getMessage());
            IllegalArgumentException padding = assertThrows(IllegalArgumentException.class,
                    () -> Attention.paddingMask(manager, new int[] {2, 5}, 4));
            assertTrue(padding.getMessage().contains("sequence 1 has length 5"), padding.getMessage());
        }
    }

    // ---- helpers ----

    private static ScaledDotProductAttentionBlock djlAttention(NDManager manager, int heads, int width, Shape input) {
        ScaledDotProductAttentionBlock block = ScaledDotProductAttentionBlock.builder().setEmbeddingSize(width)
                .setHeadCount(heads).optAttentionProbsDropoutProb(0).build();
        block.initialize(manager, DataType.FLOAT32, input);
        return block;
    }

    /** Overwrites every parameter of {@code block} with {@code values.apply(parameter)}. */
    private static void setParameters(Block block, Function<Parameter, float[]> values) {
        for (Pair<String, Parameter> p : block.getParameters()) {
            p.getValue().getArray().set(FloatBuffer.wrap(values.apply(p.getValue())));
        }
    }

    /** DJL's Linear keeps its weight as (out, in) in both blocks, so the arrays copy straight across. */
    private static void copyLinear(Block from, Block to) {
        for (Pair<String, Parameter> p : to.getParameters()) {
            NDArray source = from.getParameters().get(p.getKey()).getArray();
            assertEquals(source.getShape(), p.getValue().getArray().getShape(), p.getKey());
            p.getValue().getArray().set(FloatBuffer.wrap(source.toFloatArray()));
        }
    }

    private static float[] identity(int n) {
        float[] eye = new float[n * n];
        for (int i = 0; i < n; i++) {
            eye[i * n + i] = 1;
        }
        return eye;
    }

    private static float[] randomValues(Random random, Shape shape) {
        float[] values = new float[(int) shape.size()];
        for (int i = 0; i < values.length; i++) {
            values[i] = (float) (random.nextGaussian() * 0.5);
        }
        return values;
    }

    private static NDArray normal(NDManager manager, Random random, long... shape) {
        Shape s = new Shape(shape);
        return manager.create(randomValues(random, s), s).mul(2);
    }

    /** {@code x} (1, T, width) with row {@code row} replaced by fresh random values. */
    private static NDArray withRowChanged(NDArray x, int row, Random random) {
        NDArray y = x.duplicate();
        long width = x.getShape().get(2);
        y.set(new NDIndex(":, {}, :", row), x.getManager().create(randomValues(random, new Shape(1, width))));
        return y;
    }

    /** Row i of the result is row order[i] of {@code x} (1, T, width). */
    private static NDArray permuteRows(NDArray x, int[] order) {
        NDList rows = new NDList();
        for (int i : order) {
            rows.add(x.get(new NDIndex(":, {}:{}, :", i, i + 1)));
        }
        return NDArrays.concat(rows, 1);
    }

    /** Outputs before {@code changed} are the same in both, the output at {@code changed} is not. */
    private static void assertOnlyFromChangedOn(NDArray before, NDArray after, int changed, String what) {
        float earlier = maxDifference(before.get(new NDIndex(":, :{}, :", changed)),
                after.get(new NDIndex(":, :{}, :", changed)));
        assertTrue(earlier <= 1e-6f, what + ": earlier outputs moved by " + earlier);
        float at = maxDifference(before.get(new NDIndex(":, {}, :", changed)), after.get(new NDIndex(":, {}, :", changed)));
        assertTrue(at > 1e-3f, what + ": the changed position's output moved by only " + at);
    }

    private static float maxDifference(NDArray a, NDArray b) {
        return a.sub(b).abs().max().getFloat();
    }

    private static void assertClose(NDArray expected, NDArray actual, String what) {
        assertEquals(expected.getShape(), actual.getShape(), what + ": shape");
        assertArrays(expected.toFloatArray(), actual.toFloatArray(), TOLERANCE, what);
    }

    private static void assertArrays(float[] expected, float[] actual, float tolerance, String what) {
        assertEquals(expected.length, actual.length, what + ": length");
        for (int i = 0; i < expected.length; i++) {
            float diff = Math.abs(expected[i] - actual[i]);
            assertTrue(diff <= tolerance, what + ": element " + i + " is " + actual[i] + ", expected " + expected[i]);
        }
    }
}
