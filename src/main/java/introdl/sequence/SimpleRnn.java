package introdl.sequence;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Activation;
import ai.djl.nn.Parameter;
import ai.djl.training.initializer.NormalInitializer;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;

/**
 * A vanilla recurrent layer written out: at every step
 * hₜ = tanh(W_xh xₜ + W_hh hₜ₋₁ + b), the same weights reused along the sequence. It is a DJL
 * block, so the fit loop trains it; autograd then follows the unrolled steps back through time
 * (backpropagation through time). Input (batch, time, inputs), output every hₜ (batch, time, H);
 * a dense layer after it gives ŷₜ = W_hy hₜ.
 */
public final class SimpleRnn extends AbstractBlock {
    private final int hidden;
    private final Parameter inputWeights;
    private final Parameter hiddenWeights;
    private final Parameter bias;

    /** A layer of {@code hidden} units, every weight initialised by DJL's default (Xavier). */
    public SimpleRnn(int hidden) {
        this(hidden, Double.NaN);
    }

    /**
     * A layer of {@code hidden} units whose recurrent weights start as N(0, gain²/H): their
     * largest eigenvalues then have size about {@code gain}, so below 1 the state (and the
     * gradient through it) shrinks step by step, and above 1 it grows.
     */
    public SimpleRnn(int hidden, double recurrentGain) {
        if (hidden < 1) {
            throw new IllegalArgumentException("a recurrent layer needs at least 1 unit, got " + hidden);
        }
        if (!Double.isNaN(recurrentGain) && !(recurrentGain > 0)) {
            throw new IllegalArgumentException("the recurrent gain must be positive, got " + recurrentGain);
        }
        this.hidden = hidden;
        inputWeights = addParameter(Parameter.builder().setName("W_xh").setType(Parameter.Type.WEIGHT).build());
        Parameter.Builder recurrent = Parameter.builder().setName("W_hh").setType(Parameter.Type.WEIGHT);
        if (!Double.isNaN(recurrentGain)) {
            recurrent.optInitializer(new NormalInitializer((float) (recurrentGain / Math.sqrt(hidden))));
        }
        hiddenWeights = addParameter(recurrent.build());
        bias = addParameter(Parameter.builder().setName("b").setType(Parameter.Type.BIAS).build());
    }

    @Override
    protected void prepare(Shape[] inputShapes) {
        Shape input = inputShapes[0];
        if (input.dimension() != 3) {
            throw new IllegalArgumentException("a recurrent layer takes (batch, time, inputs), got " + input);
        }
        inputWeights.setShape(new Shape(hidden, input.get(2)));
        hiddenWeights.setShape(new Shape(hidden, hidden));
        bias.setShape(new Shape(hidden));
    }

    @Override
    protected NDList forwardInternal(ParameterStore store, NDList inputs, boolean training,
            PairList<String, Object> params) {
        NDArray x = inputs.head();
        NDArray wx = store.getValue(inputWeights, x.getDevice(), training);
        NDArray wh = store.getValue(hiddenWeights, x.getDevice(), training);
        NDArray b = store.getValue(bias, x.getDevice(), training);
        long time = x.getShape().get(1);
        NDArray h = x.getManager().zeros(new Shape(x.getShape().get(0), hidden));
        NDList steps = new NDList();
        for (long t = 0; t < time; t++) {
            NDArray xt = x.get(new NDIndex(":, {}, :", t));
            h = Activation.tanh(xt.matMul(wx.transpose()).add(h.matMul(wh.transpose())).add(b));
            steps.add(h);
        }
        return new NDList(NDArrays.stack(steps, 1));
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        Shape input = inputShapes[0];
        return new Shape[] {new Shape(input.get(0), input.get(1), hidden)};
    }
}
