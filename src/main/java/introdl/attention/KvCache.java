package introdl.attention;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import java.util.ArrayList;
import java.util.List;

/**
 * The keys and values a causal model has already computed, kept between generation steps. A
 * token's key and value never change once computed (later tokens cannot affect it under the
 * causal mask), so each step only needs the new token's query, key and value: generating n
 * tokens costs n small steps instead of n passes over the growing text.
 *
 * <p>The cached arrays live in the cache's own manager; {@link #close()} frees them.
 */
public final class KvCache implements AutoCloseable {
    private final NDManager manager;
    private final List<NDArray[]> layers = new ArrayList<>();

    /** An empty cache for {@code layerCount} attention layers, its arrays kept in a child of {@code parent}. */
    public KvCache(NDManager parent, int layerCount) {
        this.manager = parent.newSubManager();
        for (int i = 0; i < layerCount; i++) {
            layers.add(new NDArray[2]);
        }
    }

    /** How many positions are cached (0 when empty). */
    public int length() {
        NDArray keys = layers.get(0)[0];
        return keys == null ? 0 : (int) keys.getShape().get(2);
    }

    /** Forgets every cached position (the arrays are freed). */
    public void clear() {
        for (NDArray[] layer : layers) {
            for (int i = 0; i < 2; i++) {
                if (layer[i] != null) {
                    layer[i].close();
                    layer[i] = null;
                }
            }
        }
    }

    /**
     * Appends a layer's new keys and values (B, heads, T, head size) after the cached ones and
     * returns all of them: index 0 keys, 1 values.
     */
    NDArray[] append(int layer, NDArray keys, NDArray values) {
        NDArray[] cached = layers.get(layer);
        NDArray[] all = {cached[0] == null ? keys : cached[0].concat(keys, 2),
                cached[1] == null ? values : cached[1].concat(values, 2)};
        for (int i = 0; i < 2; i++) {
            if (cached[i] != null) {
                // concat puts its result in the cache's manager (the first operand's); hand it to the
                // caller's scope instead, or every step's copy would stay until the cache is closed
                all[i].attach(i == 0 ? keys.getManager() : values.getManager());
            }
            NDArray kept = all[i].duplicate();
            kept.attach(manager);
            if (cached[i] != null) {
                cached[i].close();
            }
            cached[i] = kept;
        }
        return all;
    }

    @Override
    public void close() {
        manager.close();
    }
}
