package introdl.data;

/**
 * A data file that exists but cannot be used: truncated, malformed, or not what its name says.
 * The message names the file and says what was expected, so the user can replace it.
 */
public class InvalidDataException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public InvalidDataException(String message) {
        super(message);
    }

    public InvalidDataException(String message, Throwable cause) {
        super(message, cause);
    }
}
