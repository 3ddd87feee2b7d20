package introdl.attention;

import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Block;
import java.util.Map;

/**
 * A block built from named dense projections that can be swapped after it is built: how
 * fine-tuning wraps a trained layer's projections in adapters (LoRA) without rebuilding the
 * model or touching its weights.
 */
public abstract class ProjectingBlock extends AbstractBlock {
    /** The projections by name, in the order the block applies them. */
    public abstract Map<String, Block> projections();

    /**
     * Puts {@code replacement} where the projection {@code name} was (same place among the
     * children, so saving and loading still line up).
     *
     * @throws IllegalArgumentException for a name the block does not have
     */
    public final void replaceProjection(String name, Block replacement) {
        Block old = projections().get(name);
        if (old == null) {
            throw new IllegalArgumentException("no projection '" + name + "' in " + this + "; it has "
                    + String.join(", ", projections().keySet()));
        }
        int index = children.values().indexOf(old);
        String key = children.keyAt(index);
        children.remove(index);
        children.add(index, key, replacement);
        assign(name, replacement);
    }

    /** Points the block's own field for projection {@code name} at {@code replacement}. */
    protected abstract void assign(String name, Block replacement);
}
