package introdl.sequence;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;

/**
 * An LSTM cell written out, its four steps as the lecture gives them:
 * <ol>
 *   <li>forget: f = σ(W_f [h, x] + b_f), how much of the old cell state to keep;</li>
 *   <li>store: i = σ(W_i [h, x] + b_i) and the candidate g = tanh(W_g [h, x] + b_g);</li>
 *   <li>update the cell state: c' = f ⊙ c + i ⊙ g;</li>
 *   <li>output: o = σ(W_o [h, x] + b_o) and h' = o ⊙ tanh(c').</li>
 * </ol>
 * The weights can be taken from a DJL {@code LSTM} block, whose output it then reproduces.
 */
public final class LstmCell {
    private final NDArray inputWeights;
    private final NDArray hiddenWeights;
    private final NDArray bias;
    private final int hidden;

    /**
     * A cell with PyTorch's layout: rows of the stacked gates input, forget, candidate, output.
     *
     * @param inputWeights W for x, shape (4H, inputs)
     * @param hiddenWeights W for h, shape (4H, H)
     * @param bias the input and hidden biases summed, shape (4H)
     */
    public LstmCell(NDArray inputWeights, NDArray hiddenWeights, NDArray bias) {
        long rows = hiddenWeights.getShape().get(0);
        if (rows % 4 != 0 || hiddenWeights.getShape().get(1) * 4 != rows || inputWeights.getShape().get(0) != rows
                || bias.getShape().get(0) != rows) {
            throw new IllegalArgumentException("LSTM weights must be (4H, inputs), (4H, H) and (4H); got "
                    + inputWeights.getShape() + ", " + hiddenWeights.getShape() + ", " + bias.getShape());
        }
        this.inputWeights = inputWeights;
        this.hiddenWeights = hiddenWeights;
        this.bias = bias;
        this.hidden = (int) (rows / 4);
    }

    /** The first layer of a DJL {@code LSTM} block (initialised), as a cell with the same weights. */
    public static LstmCell of(Block lstm) {
        NDArray wx = parameter(lstm, "l_0_i2h_WEIGHT");
        NDArray wh = parameter(lstm, "l_0_h2h_WEIGHT");
        NDArray bx = parameter(lstm, "l_0_i2h_BIAS");
        NDArray bh = parameter(lstm, "l_0_h2h_BIAS");
        // the summed bias is a new array; it lives with the block's parameters
        return new LstmCell(wx, wh, bx.add(bh));
    }

    private static NDArray parameter(Block block, String name) {
        Parameter p = block.getParameters().get(name);
        if (p == null || !p.isInitialized()) {
            throw new IllegalArgumentException("the block has no initialised parameter " + name
                    + "; expected a DJL LSTM block");
        }
        return p.getArray();
    }

    public int hiddenSize() {
        return hidden;
    }

    /**
     * One time step.
     *
     * @param x the inputs at this step, shape (batch, inputs)
     * @param state h and c, each (batch, H)
     * @return the new h and c
     */
    public NDList step(NDArray x, NDList state) {
        NDManager owner = x.getManager();
        // every intermediate (the gates, transposed weights...) is freed with this scope; the
        // inputs and weights go back to their own managers when it closes
        try (NDManager scope = owner.newSubManager()) {
            x.tempAttach(scope);
            state.tempAttach(scope);
            inputWeights.tempAttach(scope);
            hiddenWeights.tempAttach(scope);
            bias.tempAttach(scope);
            NDArray h = state.get(0);
            NDArray c = state.get(1);
            NDArray gates = x.matMul(inputWeights.transpose()).add(h.matMul(hiddenWeights.transpose())).add(bias);
            NDArray forget = Activation.sigmoid(slice(gates, 1));
            NDArray store = Activation.sigmoid(slice(gates, 0));
            NDArray candidate = Activation.tanh(slice(gates, 2));
            NDArray output = Activation.sigmoid(slice(gates, 3));
            NDArray newC = forget.mul(c).add(store.mul(candidate));
            NDArray newH = output.mul(Activation.tanh(newC));
            NDList next = new NDList(newH, newC);
            next.attach(owner);
            return next;
        }
    }

    /**
     * Runs the cell over a sequence from zero state.
     *
     * @param x inputs, shape (batch, time, inputs)
     * @return the hidden state at every step, shape (batch, time, H)
     */
    public NDArray unroll(NDArray x) {
        long batch = x.getShape().get(0);
        long time = x.getShape().get(1);
        NDManager owner = x.getManager();
        try (NDManager scope = owner.newSubManager()) {
            x.tempAttach(scope);
            NDList state = new NDList(scope.zeros(new Shape(batch, hidden)), scope.zeros(new Shape(batch, hidden)));
            NDList outputs = new NDList();
            for (long t = 0; t < time; t++) {
                state = step(x.get(new NDIndex(":, {}, :", t)), state);
                outputs.add(state.get(0));
            }
            NDArray all = NDArrays.stack(outputs, 1);
            all.attach(owner);
            return all;
        }
    }

    private NDArray slice(NDArray gates, int gate) {
        return gates.get(new NDIndex(":, {}:{}", gate * hidden, (gate + 1) * hidden));
    }
}
