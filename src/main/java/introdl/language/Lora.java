package introdl.language;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.nn.core.Linear;
import ai.djl.training.ParameterStore;
import ai.djl.training.initializer.Initializer;
import ai.djl.training.initializer.UniformInitializer;
import ai.djl.util.PairList;
import introdl.nn.Scalars;
import introdl.train.NoGrad;
import introdl.train.Seeds;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * LoRA (low-rank adaptation, Hu et al. 2021), the fine-tuning of Lab 3: a trained dense layer
 * {@code W} stays frozen and learns a change of rank {@code r} instead, {@code y = W x + (α/r)·B A x},
 * with A (r × in) random and B (out × r) zero, so training starts from the base model exactly and
 * trains {@code r·(in + out)} numbers instead of {@code in·out}. After training the change can be
 * {@linkplain #merge() merged} into W ({@code W + (α/r)·B A}), leaving a plain model of the
 * original shape and speed.
 *
 * <pre>{@code
 * List<Lora> adapters = Lora.addTo(gpt, manager, 8, 16, Lora.COURSE_TARGETS, seed);  // freezes the rest
 * ... train ...
 * Lora.mergeInto(gpt);
 * }</pre>
 */
public final class Lora extends AbstractBlock {
    /** The projections the course adapts: attention's q, k, v, o and the MLP's (its up and down). */
    public static final Set<String> COURSE_TARGETS = Set.of("query", "key", "value", "output", "up", "down");

    private final Linear base;
    private final int rank;
    private final float scale;
    private final Parameter a;
    private final Parameter b;

    /**
     * Adapts {@code base}, an initialised dense layer, with rank {@code rank} and scale
     * {@code alpha / rank}.
     *
     * @throws IllegalArgumentException if the rank is not between 1 and the layer's smaller side
     */
    public Lora(Linear base, int rank, double alpha) {
        Parameter weight = base.getParameters().get("weight");
        if (weight == null || !weight.isInitialized()) {
            throw new IllegalArgumentException("LoRA adapts a trained dense layer; initialise or load the model first");
        }
        Shape shape = weight.getArray().getShape();
        long out = shape.get(0);
        long in = shape.get(1);
        if (rank < 1 || rank > Math.min(in, out)) {
            throw new IllegalArgumentException("a LoRA rank must be between 1 and the layer's smaller side ("
                    + Math.min(in, out) + " for a " + in + " -> " + out + " layer), got " + rank);
        }
        if (!(alpha > 0) || Double.isInfinite(alpha)) {
            throw new IllegalArgumentException("LoRA's alpha must be a positive number, got " + alpha);
        }
        this.base = addChildBlock("base", base);
        this.rank = rank;
        this.scale = (float) (alpha / rank);
        // A as PyTorch initialises a dense layer (what the LoRA paper and peft do); B zero, so B·A = 0
        a = addParameter(Parameter.builder().setName("loraA").setType(Parameter.Type.WEIGHT)
                .optShape(new Shape(rank, in)).optInitializer(new UniformInitializer((float) (1 / Math.sqrt(in))))
                .build());
        b = addParameter(Parameter.builder().setName("loraB").setType(Parameter.Type.WEIGHT)
                .optShape(new Shape(out, rank)).optInitializer(Initializer.ZEROS).build());
    }

    /**
     * Freezes every parameter of {@code gpt} and wraps each projection whose name is in
     * {@code targets} (see {@link Gpt#projections()}) in a new adapter, initialised from {@code seed}
     * in {@code manager} (the model's).
     *
     * @return the adapters, in the model's order
     */
    public static List<Lora> addTo(Gpt gpt, NDManager manager, int rank, double alpha, Collection<String> targets,
            long seed) {
        Set<String> known = Set.of("query", "key", "value", "output", "up", "down");
        if (targets.isEmpty() || !known.containsAll(targets)) {
            throw new IllegalArgumentException("LoRA targets must be some of " + known + ", got " + targets);
        }
        gpt.freezeParameters(true);
        Seeds.seedEngine(seed);
        List<Lora> adapters = new ArrayList<>();
        for (Map.Entry<String, Block> projection : gpt.projections().entrySet()) {
            String name = projection.getKey().substring(projection.getKey().indexOf('.') + 1);
            if (!targets.contains(name)) {
                continue;
            }
            if (!(projection.getValue() instanceof Linear layer)) {
                throw new IllegalStateException(projection.getKey() + " is already adapted; merge it first");
            }
            Lora adapter = new Lora(layer, rank, alpha);
            adapter.initialize(manager, layer.getParameters().get("weight").getArray().getDataType(),
                    new Shape(1, adapter.inputs()));
            gpt.replaceProjection(projection.getKey(), adapter);
            adapters.add(adapter);
        }
        return adapters;
    }

    /**
     * Merges every adapter of {@code gpt} into its layer and puts the plain layer back, then
     * unfreezes the model: the result is an ordinary GPT that computes what the adapted one did.
     *
     * @return how many adapters were merged
     */
    public static int mergeInto(Gpt gpt) {
        int merged = 0;
        for (Map.Entry<String, Block> projection : gpt.projections().entrySet()) {
            if (projection.getValue() instanceof Lora adapter) {
                gpt.replaceProjection(projection.getKey(), adapter.merge());
                merged++;
            }
        }
        gpt.freezeParameters(false);
        return merged;
    }

    /** Numbers that training changes in {@code block}: those of its parameters that are not frozen. */
    public static long trainableParameters(Block block) {
        return count(block, true);
    }

    /** Every number in {@code block}'s parameters, frozen or not. */
    public static long allParameters(Block block) {
        return count(block, false);
    }

    private static long count(Block block, boolean trainableOnly) {
        long total = 0;
        for (var pair : block.getParameters()) {
            Parameter p = pair.getValue();
            if (!trainableOnly || p.requiresGradient()) {
                total += p.getArray().getShape().size();
            }
        }
        return total;
    }

    /** Adds (α/r)·B A to the frozen layer's weights and returns the layer. */
    public Linear merge() {
        NoGrad.run(() -> {
            NDArray weight = base.getParameters().get("weight").getArray();
            try (NDManager scratch = weight.getManager().newSubManager()) {
                NDArray delta = b.getArray().matMul(a.getArray());
                delta.attach(scratch);
                weight.addi(Scalars.times(delta, scale));
            }
        });
        return base;
    }

    public int rank() {
        return rank;
    }

    /** α / r, the factor on B A. */
    public float scale() {
        return scale;
    }

    /** The adapted (frozen) layer. */
    public Linear base() {
        return base;
    }

    private long inputs() {
        return a.getShape().get(1);
    }

    @Override
    protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
        base.initialize(manager, dataType, inputShapes);
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        return base.getOutputShapes(inputShapes);
    }

    @Override
    protected NDList forwardInternal(ParameterStore store, NDList inputs, boolean training,
            PairList<String, Object> params) {
        NDArray x = inputs.head();
        NDArray frozen = base.forward(store, inputs, training, params).head();
        // the scale goes on A x (batch × time × r), the narrowest array of the three
        NDArray down = Scalars.times(Linear.linear(x, store.getValue(a, x.getDevice(), training)).head(), scale);
        NDArray change = Linear.linear(down, store.getValue(b, x.getDevice(), training)).head();
        return new NDList(frozen.add(change));
    }

    @Override
    public String toString() {
        return "Lora(rank " + rank + ", scale " + scale + ", " + base + ")";
    }
}
