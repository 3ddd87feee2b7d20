package introdl.nn;

import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.training.initializer.Initializer;
import ai.djl.training.initializer.NormalInitializer;
import ai.djl.training.initializer.XavierInitializer;
import ai.djl.training.initializer.XavierInitializer.FactorType;
import ai.djl.training.initializer.XavierInitializer.RandomType;
import java.util.Locale;

/**
 * How a layer's weights start, by name. Good starting scales keep the signal (and the gradient)
 * about the same size from layer to layer; each is one of DJL's initializers with the scale the
 * literature gives. Biases start at zero.
 */
public enum Init {
    /** Glorot/Xavier: uniform in ±√(6 / (fan_in + fan_out)), for tanh and sigmoid layers. */
    XAVIER(new XavierInitializer(RandomType.UNIFORM, FactorType.AVG, 3)),
    /** LeCun: normal with variance 1 / fan_in. */
    LECUN(new XavierInitializer(RandomType.GAUSSIAN, FactorType.IN, 1)),
    /** He (Kaiming): normal with variance 2 / fan_in, for ReLU layers. */
    HE(new XavierInitializer(RandomType.GAUSSIAN, FactorType.IN, 2)),
    /** A fixed small normal, N(0, 0.01²), whatever the layer's size: signals shrink layer by layer. */
    NORMAL(new NormalInitializer(0.01f));

    private final Initializer initializer;

    Init(Initializer initializer) {
        this.initializer = initializer;
    }

    /** DJL's initializer. */
    public Initializer initializer() {
        return initializer;
    }

    /** Sets this scheme on every weight of {@code block} (before it is initialised). */
    public <T extends Block> T applyTo(T block) {
        block.setInitializer(initializer, Parameter.Type.WEIGHT);
        return block;
    }

    /** The lower-case name ("xavier", "he"...). */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
