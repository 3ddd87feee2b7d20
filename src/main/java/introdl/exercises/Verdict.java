package introdl.exercises;

/**
 * What a check says of a student's code: correct, or not yet and why. A notebook shows it as its
 * text, so a check is the last line of its cell.
 *
 * @param correct whether the code does what the exercise asks
 * @param message what was checked, or what is wrong and what to try
 */
public record Verdict(boolean correct, String message) {
    /** The code does what the exercise asks. */
    public static Verdict correct(String message) {
        return new Verdict(true, message);
    }

    /** The code does not do it yet: {@code message} says what is wrong. */
    public static Verdict notYet(String message) {
        return new Verdict(false, message);
    }

    @Override
    public String toString() {
        return (correct ? "correct: " : "not yet: ") + message;
    }
}
