package introdl.train;

import java.nio.file.Path;

/**
 * Training stopped because the loss became NaN or infinite. The history of the epochs that
 * finished is kept, and so is the last checkpoint written before the failure.
 */
public class TrainingDivergedException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final transient History history;
    private final transient Path checkpoint;
    private final double learningRate;
    private final int lastGoodEpoch;

    TrainingDivergedException(String message, History history, Path checkpoint, double learningRate,
            int lastGoodEpoch) {
        super(message);
        this.history = history;
        this.checkpoint = checkpoint;
        this.learningRate = learningRate;
        this.lastGoodEpoch = lastGoodEpoch;
    }

    /** The learning rate the run diverged with. */
    public double learningRate() {
        return learningRate;
    }

    /** The last epoch that finished with finite losses (0 if none). */
    public int lastGoodEpoch() {
        return lastGoodEpoch;
    }

    /** The epochs that finished before the loss diverged. */
    public History history() {
        return history;
    }

    /** The last good checkpoint, or null if none was written. */
    public Path checkpoint() {
        return checkpoint;
    }
}
