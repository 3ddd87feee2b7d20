package introdl.music;

import java.util.List;

/**
 * One bar of a tune: its notes and the repeat structure around it.
 *
 * @param notes the notes, rests and chords, in order
 * @param startsRepeat the bar follows a |: (a repeated section starts here)
 * @param endsRepeat the bar ends with :| (play the section again)
 * @param endsSection the bar ends with ||, |], :| or :: (a section ends here)
 * @param ending 1 or 2 if the bar begins a first or second ending, else 0
 * @param multiMeasureRest the bar is a rest of several bars (Z), not checked against the meter
 * @param meter the meter in force in this bar (a tune may change meter)
 */
public record Bar(List<Note> notes, boolean startsRepeat, boolean endsRepeat, boolean endsSection, int ending,
        boolean multiMeasureRest, Meter meter) {
    public Bar {
        notes = List.copyOf(notes);
    }

    /** The bar's length in whole notes: the sum of its notes (a chord counts once). */
    public Fraction length() {
        Fraction sum = Fraction.ZERO;
        for (Note n : notes) {
            sum = sum.plus(n.length());
        }
        return sum;
    }
}
