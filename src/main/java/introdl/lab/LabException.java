package introdl.lab;

/**
 * A problem with a lab's options or inputs that shows only once the lab runs, after its data is
 * read (a LoRA rank above the model's width, a prefix the collection's characters cannot write):
 * reported in one line with exit code 1, like a damaged file, and never mistaken for a bug.
 */
public class LabException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public LabException(String message) {
        super(message);
    }

    public LabException(String message, Throwable cause) {
        super(message, cause);
    }
}
