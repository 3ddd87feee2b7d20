package introdl.train.optimizer;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDScope;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Adadelta: Adagrad's successor, whose step needs no hand-set rate: running averages of squared
 * gradients (v) and squared steps (u) give Δ = √(u + ε) / √(v + ε) · g; u is then updated with Δ²,
 * and w -= lr · Δ (lr = 1 in the original paper and in PyTorch).
 */
public final class Adadelta extends ElementwiseOptimizer {
    private final float rho;
    private final float epsilon;
    private final Map<String, Map<Device, NDArray>> squaredGradients = new ConcurrentHashMap<>();
    private final Map<String, Map<Device, NDArray>> squaredSteps = new ConcurrentHashMap<>();

    private Adadelta(Builder builder) {
        super(builder);
        this.rho = builder.rho;
        this.epsilon = builder.epsilon;
    }

    public static Builder builder() {
        return new Builder();
    }

    @Override
    protected void apply(String parameterId, NDArray weight, NDArray grad) {
        float lr = nextLearningRate(parameterId);
        NDArray v = zeroState(squaredGradients, parameterId, weight);
        NDArray u = zeroState(squaredSteps, parameterId, weight);
        try (NDScope scope = new NDScope()) {
            NDArray g = effectiveGradient(weight, grad);
            v.muli(rho).addi(g.square().mul(1 - rho));
            NDArray delta = u.add(epsilon).sqrt().div(v.add(epsilon).sqrt()).mul(g);
            u.muli(rho).addi(delta.square().mul(1 - rho));
            weight.subi(delta.mul(lr));
        }
    }

    /** Builds an {@link Adadelta}. */
    public static final class Builder extends ElementwiseOptimizer.Builder<Builder> {
        private float rho = 0.9f;
        private float epsilon = 1e-6f;

        /** ρ, the decay of both running averages (default 0.9). */
        public Builder optRho(float value) {
            this.rho = value;
            return this;
        }

        /** ε (default 1e-6, as in PyTorch). */
        public Builder optEpsilon(float value) {
            this.epsilon = value;
            return this;
        }

        @Override
        protected Builder self() {
            return this;
        }

        public Adadelta build() {
            return new Adadelta(this);
        }
    }
}
