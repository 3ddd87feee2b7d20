package introdl.train;

/**
 * A checkpoint that cannot be continued: damaged, or written by a run with other settings. The
 * message names the file and says what to do (delete it, or resume with the same settings). It
 * is an {@link IllegalStateException}, as before it had its own type, so callers that catch that
 * keep working; labs tell it apart from DJL's own state errors, which are bugs.
 */
public class CheckpointException extends IllegalStateException {
    private static final long serialVersionUID = 1L;

    public CheckpointException(String message) {
        super(message);
    }

    public CheckpointException(String message, Throwable cause) {
        super(message, cause);
    }
}
