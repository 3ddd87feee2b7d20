package introdl.train.optimizer;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDScope;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Adagrad: each weight's step shrinks with the sum of its squared gradients so far,
 * h += g², w -= lr · g / (√h + ε).
 */
public final class Adagrad extends ElementwiseOptimizer {
    private final float epsilon;
    private final Map<String, Map<Device, NDArray>> history = new ConcurrentHashMap<>();

    private Adagrad(Builder builder) {
        super(builder);
        this.epsilon = builder.epsilon;
    }

    public static Builder builder() {
        return new Builder();
    }

    @Override
    protected void apply(String parameterId, NDArray weight, NDArray grad) {
        float lr = nextLearningRate(parameterId);
        NDArray h = zeroState(history, parameterId, weight);
        try (NDScope scope = new NDScope()) {
            NDArray g = effectiveGradient(weight, grad);
            h.addi(g.square());
            weight.subi(g.div(h.sqrt().add(epsilon)).mul(lr));
        }
    }

    /** Builds an {@link Adagrad}. */
    public static final class Builder extends ElementwiseOptimizer.Builder<Builder> {
        private float epsilon = 1e-10f;

        /** ε, which keeps the first steps finite (default 1e-10, as in PyTorch). */
        public Builder optEpsilon(float value) {
            this.epsilon = value;
            return this;
        }

        @Override
        protected Builder self() {
            return this;
        }

        public Adagrad build() {
            return new Adagrad(this);
        }
    }
}
