package introdl.notebook;

/**
 * A notebook that could not be read or whose cell failed. The message names the notebook file,
 * and for a failing cell its number, its first line and the error, so the fix is one look away.
 */
public class NotebookException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public NotebookException(String message) {
        super(message);
    }

    public NotebookException(String message, Throwable cause) {
        super(message, cause);
    }
}
