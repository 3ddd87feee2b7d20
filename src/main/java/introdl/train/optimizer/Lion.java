package introdl.train.optimizer;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDScope;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Lion (Chen et al. 2023, "Symbolic Discovery of Optimization Algorithms"), the optimiser of the
 * course's Lab 3: every weight moves by the same amount, the learning rate, in the direction of the
 * sign of a blend of the gradient and its running mean:
 * {@code c = β1 m + (1 − β1) g;  w -= lr · (sign(c) + λ w);  m = β2 m + (1 − β2) g}.
 * It keeps one state array (Adam keeps two), and because each step has size lr its learning rate is
 * usually 3 to 10 times smaller than AdamW's. The weight decay λ is decoupled, as in AdamW.
 */
public final class Lion extends ElementwiseOptimizer {
    private final float beta1;
    private final float beta2;
    private final Map<String, Map<Device, NDArray>> momenta = new ConcurrentHashMap<>();

    private Lion(Builder builder) {
        super(builder);
        this.beta1 = builder.beta1;
        this.beta2 = builder.beta2;
    }

    public static Builder builder() {
        return new Builder();
    }

    @Override
    protected void apply(String parameterId, NDArray weight, NDArray grad) {
        float lr = nextLearningRate(parameterId);
        NDArray m = zeroState(momenta, parameterId, weight);
        try (NDScope scope = new NDScope()) {
            NDArray g = rescaledGradient(grad);
            NDArray direction = m.mul(beta1).add(g.mul(1 - beta1)).sign();
            float decay = getWeightDecay();
            if (decay > 0) {
                weight.muli(1 - lr * decay);
            }
            weight.subi(direction.mul(lr));
            m.muli(beta2).addi(g.mul(1 - beta2));
        }
    }

    /** Builds a {@link Lion}. */
    public static final class Builder extends ElementwiseOptimizer.Builder<Builder> {
        private float beta1 = 0.9f;
        private float beta2 = 0.99f;

        /** β1, the blend of momentum and gradient that gives the step's sign (default 0.9). */
        public Builder optBeta1(float value) {
            this.beta1 = check(value, "beta1");
            return this;
        }

        /** β2, the decay of the momentum kept between steps (default 0.99). */
        public Builder optBeta2(float value) {
            this.beta2 = check(value, "beta2");
            return this;
        }

        private static float check(float value, String name) {
            if (!(value >= 0 && value < 1)) {
                throw new IllegalArgumentException(name + " must be in [0, 1), got " + value);
            }
            return value;
        }

        @Override
        protected Builder self() {
            return this;
        }

        public Lion build() {
            return new Lion(this);
        }
    }
}
