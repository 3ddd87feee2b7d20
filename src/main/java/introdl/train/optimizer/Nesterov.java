package introdl.train.optimizer;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDScope;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * SGD with Nesterov momentum, in PyTorch's form: b = μ b + g; w -= lr · (g + μ b), which looks
 * one step ahead along the momentum before taking the gradient step.
 */
public final class Nesterov extends ElementwiseOptimizer {
    private final float momentum;
    private final Map<String, Map<Device, NDArray>> buffers = new ConcurrentHashMap<>();

    private Nesterov(Builder builder) {
        super(builder);
        this.momentum = builder.momentum;
    }

    public static Builder builder() {
        return new Builder();
    }

    @Override
    protected void apply(String parameterId, NDArray weight, NDArray grad) {
        float lr = nextLearningRate(parameterId);
        NDArray buffer = zeroState(buffers, parameterId, weight);
        try (NDScope scope = new NDScope()) {
            NDArray g = effectiveGradient(weight, grad);
            buffer.muli(momentum).addi(g);
            weight.subi(g.add(buffer.mul(momentum)).mul(lr));
        }
    }

    /** Builds a {@link Nesterov}. */
    public static final class Builder extends ElementwiseOptimizer.Builder<Builder> {
        private float momentum = 0.9f;

        /** μ, the momentum (default 0.9). */
        public Builder optMomentum(float value) {
            this.momentum = value;
            return this;
        }

        @Override
        protected Builder self() {
            return this;
        }

        public Nesterov build() {
            return new Nesterov(this);
        }
    }
}
