package introdl.basics;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.training.GradientCollector;
import ai.djl.engine.Engine;
import introdl.nn.Activation;

/**
 * Backpropagation by hand: a network with one hidden layer, h = g(x W₁ᵀ + b₁),
 * ŷ = h W₂ᵀ + b₂, whose gradients are computed with the chain rule, one factor at a time, as
 * the lecture derives them. {@link #autograd} computes the same gradients with DJL's automatic
 * differentiation, so the two can be compared.
 */
public final class TwoLayerNet {
    /** The loss the gradients are of. */
    public enum Objective {
        /** Mean squared error over all outputs (regression). */
        MEAN_SQUARED_ERROR,
        /** Softmax cross-entropy over one-hot targets, mean over samples (classification). */
        SOFTMAX_CROSS_ENTROPY
    }

    /**
     * The loss and its gradient with respect to every weight and bias.
     *
     * @param loss the loss value
     * @param w1 ∂J/∂W₁, shape (hidden, inputs)
     * @param b1 ∂J/∂b₁, shape (hidden)
     * @param w2 ∂J/∂W₂, shape (outputs, hidden)
     * @param b2 ∂J/∂b₂, shape (outputs)
     */
    public record Gradients(float loss, NDArray w1, NDArray b1, NDArray w2, NDArray b2) {}

    private final DenseLayer hidden;
    private final DenseLayer output;

    /** A network of these two layers: a hidden layer with any activation, a linear output layer. */
    public TwoLayerNet(DenseLayer hidden, DenseLayer output) {
        if (output.inputs() != hidden.outputs()) {
            throw new IllegalArgumentException("the output layer takes " + output.inputs() + " inputs but the hidden "
                    + "layer gives " + hidden.outputs());
        }
        if (output.activation() != Activation.IDENTITY) {
            throw new IllegalArgumentException("the output layer must be linear (Activation.IDENTITY); the loss "
                    + "applies any softmax");
        }
        this.hidden = hidden;
        this.output = output;
    }

    /** A network with random weights, from the engine's seed. */
    public static TwoLayerNet random(NDManager manager, int inputs, int hiddenUnits, int outputs, Activation g) {
        return new TwoLayerNet(DenseLayer.random(manager, inputs, hiddenUnits, g),
                DenseLayer.random(manager, hiddenUnits, outputs, Activation.IDENTITY));
    }

    public DenseLayer hidden() {
        return hidden;
    }

    public DenseLayer output() {
        return output;
    }

    /** The network's output ŷ (scores, before any softmax) for a batch x. */
    public NDArray forward(NDArray x) {
        return output.forward(hidden.forward(x));
    }

    /** The loss of the outputs for targets y. */
    public NDArray loss(NDArray x, NDArray y, Objective objective) {
        NDArray yHat = forward(x);
        return objective == Objective.MEAN_SQUARED_ERROR ? Losses.meanSquaredError(yHat, y)
                : Losses.softmaxCrossEntropy(yHat, y);
    }

    /** The gradients by the chain rule, written out. */
    public Gradients backprop(NDArray x, NDArray y, Objective objective) {
        NDArray z1 = hidden.z(x);
        NDArray h = hidden.activation().apply(z1);
        NDArray yHat = output.forward(h);
        long n = x.getShape().get(0);
        NDArray loss;
        NDArray dYHat;
        if (objective == Objective.MEAN_SQUARED_ERROR) {
            loss = Losses.meanSquaredError(yHat, y);
            // J = (1/N) Σ (ŷ − y)² over all N = n·k values, so ∂J/∂ŷ = 2 (ŷ − y) / N
            dYHat = yHat.sub(y).mul(2f / yHat.size());
        } else {
            loss = Losses.softmaxCrossEntropy(yHat, y);
            // softmax and cross-entropy together: ∂J/∂z = (softmax(z) − y) / n
            dYHat = Losses.softmax(yHat).sub(y).div(n);
        }
        NDArray dW2 = dYHat.transpose().matMul(h);          // ∂J/∂W₂ = (∂J/∂ŷ)ᵀ h
        NDArray dB2 = dYHat.sum(new int[] {0});             // ∂J/∂b₂ = Σ over samples
        NDArray dH = dYHat.matMul(output.weights());        // ∂J/∂h = ∂J/∂ŷ W₂
        NDArray dZ1 = dH.mul(hidden.activation().derivative(z1)); // ∂J/∂z₁ = ∂J/∂h ⊙ g'(z₁)
        NDArray dW1 = dZ1.transpose().matMul(x);            // ∂J/∂W₁ = (∂J/∂z₁)ᵀ x
        NDArray dB1 = dZ1.sum(new int[] {0});               // ∂J/∂b₁
        return new Gradients(loss.getFloat(), dW1, dB1, dW2, dB2);
    }

    /** The same gradients by DJL's automatic differentiation. */
    public Gradients autograd(NDArray x, NDArray y, Objective objective) {
        NDArray w1 = hidden.weights().duplicate();
        NDArray b1 = hidden.bias().duplicate();
        NDArray w2 = output.weights().duplicate();
        NDArray b2 = output.bias().duplicate();
        for (NDArray p : new NDArray[] {w1, b1, w2, b2}) {
            p.setRequiresGradient(true);
        }
        TwoLayerNet copy = new TwoLayerNet(DenseLayer.of(w1, b1, hidden.activation()),
                DenseLayer.of(w2, b2, Activation.IDENTITY));
        float loss;
        try (GradientCollector collector = Engine.getInstance().newGradientCollector()) {
            NDArray value = copy.loss(x, y, objective);
            collector.backward(value);
            loss = value.getFloat();
        }
        return new Gradients(loss, w1.getGradient(), b1.getGradient(), w2.getGradient(), b2.getGradient());
    }
}
