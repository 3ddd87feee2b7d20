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

    TrainingDivergedException(String message, History history, Path checkpoint) {
        super(message);
        this.history = history;
        this.checkpoint = checkpoint;
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
