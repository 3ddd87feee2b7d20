package introdl.data;

/**
 * A dataset that is neither on this machine nor downloadable now. The message says which files
 * to get, from where, and where to put them.
 */
public class DataUnavailableException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public DataUnavailableException(String message) {
        super(message);
    }

    public DataUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
