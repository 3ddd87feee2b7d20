package introdl.music;

/**
 * ABC text that cannot be read: says which tune, where (line and column, counted from 1 within
 * the tune) and what was expected.
 */
public class AbcException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final int tune;
    private final int line;
    private final int column;

    public AbcException(int tune, String name, int line, int column, String message) {
        super("tune " + tune + name + ", line " + line + ", column " + column + ": " + message);
        this.tune = tune;
        this.line = line;
        this.column = column;
    }

    /** The tune's position in its collection, counted from 1. */
    public int tune() {
        return tune;
    }

    public int line() {
        return line;
    }

    public int column() {
        return column;
    }
}
