package introdl.train.optimizer;

import ai.djl.ndarray.NDArray;
import ai.djl.training.optimizer.AdamW;

/**
 * AdamW whose weight decay applies to weight matrices (and embedding tables) only, not to biases
 * or normalisation gains, as GPT-2 and nanoGPT train: decaying a layer norm's gain toward 0 only
 * fights the normalisation. DJL's AdamW decays every parameter alike; this is DJL's update with the
 * decay switched off for parameters of fewer than two dimensions.
 */
public final class MatrixDecayAdamW extends AdamW {
    private boolean decaying = true;

    public MatrixDecayAdamW(AdamW.Builder builder) {
        super(builder);
    }

    @Override
    public synchronized void update(String parameterId, NDArray weight, NDArray grad) {
        decaying = weight.getShape().dimension() >= 2;
        try {
            super.update(parameterId, weight, grad);
        } finally {
            decaying = true;
        }
    }

    @Override
    protected float getWeightDecay() {
        return decaying ? super.getWeightDecay() : 0f;
    }
}
