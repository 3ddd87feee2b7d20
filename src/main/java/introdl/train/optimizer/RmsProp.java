package introdl.train.optimizer;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDScope;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * RMSProp: steps scaled by a running average of squared gradients,
 * v = ρ v + (1 − ρ) g², w -= lr · g / (√v + ε); optionally with momentum, and centred
 * (dividing by the running variance instead of the raw second moment).
 */
public final class RmsProp extends ElementwiseOptimizer {
    private final float rho;
    private final float momentum;
    private final float epsilon;
    private final boolean centered;
    private final Map<String, Map<Device, NDArray>> squares = new ConcurrentHashMap<>();
    private final Map<String, Map<Device, NDArray>> means = new ConcurrentHashMap<>();
    private final Map<String, Map<Device, NDArray>> velocities = new ConcurrentHashMap<>();

    private RmsProp(Builder builder) {
        super(builder);
        this.rho = builder.rho;
        this.momentum = builder.momentum;
        this.epsilon = builder.epsilon;
        this.centered = builder.centered;
    }

    public static Builder builder() {
        return new Builder();
    }

    @Override
    protected void apply(String parameterId, NDArray weight, NDArray grad) {
        float lr = nextLearningRate(parameterId);
        NDArray v = zeroState(squares, parameterId, weight);
        NDArray mean = centered ? zeroState(means, parameterId, weight) : null;
        NDArray velocity = momentum > 0
                ? zeroState(velocities, parameterId, weight) : null;
        try (NDScope scope = new NDScope()) {
            NDArray g = effectiveGradient(weight, grad);
            v.muli(rho).addi(g.square().mul(1 - rho));
            NDArray denominator;
            if (centered) {
                mean.muli(rho).addi(g.mul(1 - rho));
                denominator = v.sub(mean.square()).sqrt().add(epsilon);
            } else {
                denominator = v.sqrt().add(epsilon);
            }
            NDArray step = g.div(denominator);
            if (velocity != null) {
                velocity.muli(momentum).addi(step);
                step = velocity;
            }
            weight.subi(step.mul(lr));
        }
    }

    /** Builds an {@link RmsProp}. */
    public static final class Builder extends ElementwiseOptimizer.Builder<Builder> {
        private float rho = 0.9f;
        private float momentum;
        private float epsilon = 1e-8f;
        private boolean centered;

        /** ρ, the decay of the running average (default 0.9). */
        public Builder optRho(float value) {
            this.rho = value;
            return this;
        }

        /** Momentum (default 0). */
        public Builder optMomentum(float value) {
            this.momentum = value;
            return this;
        }

        /** ε (default 1e-8). */
        public Builder optEpsilon(float value) {
            this.epsilon = value;
            return this;
        }

        /** Whether to divide by the running variance rather than the second moment (default no). */
        public Builder optCentered(boolean value) {
            this.centered = value;
            return this;
        }

        @Override
        protected Builder self() {
            return this;
        }

        public RmsProp build() {
            return new RmsProp(this);
        }
    }
}
