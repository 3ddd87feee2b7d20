package introdl.train.optimizer;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.pytorch.engine.PtNDArray;
import ai.djl.pytorch.jni.JniUtils;
import ai.djl.training.optimizer.Optimizer;
import ai.djl.training.tracker.ParameterTracker;
import ai.djl.training.tracker.Tracker;
import introdl.train.NoGrad;
import java.util.Map;

/**
 * Base of the optimisers written with NDArray operations, for those whose DJL versions the
 * PyTorch engine does not implement (RMSProp, Adagrad, Adadelta, Nesterov). It applies DJL's
 * common options the way DJL's own optimisers do: gradient rescaling, element-wise clipping,
 * L2 weight decay, and a learning-rate tracker.
 */
abstract class ElementwiseOptimizer extends Optimizer {
    private final ParameterTracker learningRate;

    protected ElementwiseOptimizer(Builder<?> builder) {
        super(builder);
        this.learningRate = builder.learningRate;
    }

    @Override
    public final void update(String parameterId, NDArray weight, NDArray grad) {
        NoGrad.run(() -> apply(parameterId, weight, grad));
        zeroGradient(weight);
    }

    /** The optimiser's rule: updates {@code weight} in place from {@code grad}. */
    protected abstract void apply(String parameterId, NDArray weight, NDArray grad);

    /** The learning rate for this update of {@code parameterId} (counts the update). */
    protected float nextLearningRate(String parameterId) {
        return learningRate.getNewValue(parameterId, updateCount(parameterId));
    }

    /** The gradient the update rule sees: rescaled, clipped, plus weight decay. Call inside an NDScope. */
    protected NDArray effectiveGradient(NDArray weight, NDArray grad) {
        NDArray g = rescaledGradient(grad);
        float decay = getWeightDecay();
        if (decay > 0) {
            g = g.add(weight.mul(decay));
        }
        return g;
    }

    /** The gradient rescaled and clipped, without weight decay (for decoupled decay). Call inside an NDScope. */
    protected NDArray rescaledGradient(NDArray grad) {
        NDArray g = rescaleGrad == 1f ? grad.duplicate() : grad.mul(rescaleGrad);
        return clipGrad > 0 ? g.clip(-clipGrad, clipGrad) : g;
    }

    /** The state array kept in {@code state} for this parameter, zero at first (DJL's withDefaultState). */
    protected NDArray zeroState(Map<String, Map<Device, NDArray>> state, String parameterId, NDArray weight) {
        return withDefaultState(state, parameterId, weight.getDevice(), k -> weight.zerosLike());
    }

    /** Clears the weight's accumulated gradient after an update, as DJL's PyTorch optimisers do. */
    private static void zeroGradient(NDArray weight) {
        JniUtils.zeroGrad((PtNDArray) weight);
    }

    /** Options shared by these optimisers. */
    public abstract static class Builder<T extends Builder<T>> extends OptimizerBuilder<T> {
        private ParameterTracker learningRate = Tracker.fixed(1e-3f);

        /** The learning rate, possibly scheduled. */
        public T optLearningRateTracker(ParameterTracker tracker) {
            this.learningRate = tracker;
            return self();
        }
    }
}
