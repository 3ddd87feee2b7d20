package introdl.music;

/**
 * A time signature from an ABC {@code M:} field ("6/8", "C" = 4/4, "C|" = 2/2, "none"): how long a
 * complete bar is, in whole notes, and the beats as written (6/8 is not 3/4, though its bars are
 * as long).
 *
 * @param text the field as written
 * @param bar a complete bar's length in whole notes (null for a free meter)
 * @param beats the written numerator (6 in 6/8)
 * @param beatUnit the written denominator (8 in 6/8)
 */
public record Meter(String text, Fraction bar, long beats, long beatUnit) {
    /** No meter: bars are not checked. */
    public static final Meter FREE = new Meter("none", null, 0, 0);
    /** The most beats a meter may have, and its shortest beat (1/64). */
    private static final long MAX_TERM = 64;

    /**
     * Parses a meter field.
     *
     * @throws IllegalArgumentException if it is not a meter
     */
    public static Meter parse(String field) {
        String text = field.trim();
        if (text.equals("C")) {
            return new Meter(text, Fraction.of(4, 4), 4, 4);
        }
        if (text.equals("C|")) {
            return new Meter(text, Fraction.of(2, 2), 2, 2);
        }
        if (text.equalsIgnoreCase("none") || text.isEmpty()) {
            return FREE;
        }
        String[] parts = text.split("/");
        long d = parts.length == 2 ? AbcParser.number(parts[1]) : -1;
        long n = parts.length == 2 ? beats(parts[0]) : -1;
        if (n < 0 || d < 0) {
            throw new IllegalArgumentException("unknown meter '" + field + "'; expected e.g. 6/8, 4/4, C or C|");
        }
        if (n < 1 || d < 1 || n > MAX_TERM || d > MAX_TERM) {
            throw new IllegalArgumentException("the meter 'M:" + field + "' is out of range: its beats and beat unit "
                    + "must be 1 to " + MAX_TERM + ", e.g. M:6/8");
        }
        return new Meter(text, Fraction.of(n, d), n, d);
    }

    /**
     * The beats of a meter's numerator, added up if written as a sum (2+3+2): -1 if it is not
     * numbers; more than {@link #MAX_TERM} if any term is (each term is checked before it is added,
     * so that huge terms cannot wrap around to a small sum).
     */
    private static long beats(String numerator) {
        long sum = 0;
        for (String term : numerator.split("\\+")) {
            long beats = AbcParser.number(term);
            if (beats < 0) {
                return -1;
            }
            sum += Math.min(beats, MAX_TERM + 1);
        }
        return sum;
    }

    /** Whether bars have a length to check. */
    public boolean isFree() {
        return bar == null;
    }

    /** ABC's default note length: 1/16 for meters under 3/4, else 1/8. */
    public Fraction defaultUnit() {
        return bar != null && bar.compareTo(Fraction.of(3, 4)) < 0 ? Fraction.of(1, 16) : Fraction.of(1, 8);
    }

    /** True for compound meters (6/8, 9/8, 12/8): tuplets of 5, 7 or 9 then take 3 beats. */
    public boolean isCompound() {
        return bar != null && beatUnit == 8 && beats % 3 == 0 && beats > 3;
    }

    @Override
    public String toString() {
        return isFree() ? "free meter" : text.equals(beats + "/" + beatUnit) ? text : text + " (" + beats + "/" + beatUnit + ")";
    }
}
