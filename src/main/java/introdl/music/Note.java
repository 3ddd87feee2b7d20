package introdl.music;

/**
 * One sounding event of a tune: a note, a chord (several pitches) or a rest (none), with its
 * length in whole notes.
 *
 * @param pitches MIDI note numbers (60 = middle C, ABC's C); empty for a rest
 * @param length the length in whole notes (1/8 = a quaver)
 * @param tied whether the note is tied to the next one (held, not struck again)
 */
public record Note(int[] pitches, Fraction length, boolean tied) {
    /** A rest of this length. */
    public static Note rest(Fraction length) {
        return new Note(new int[0], length, false);
    }

    public boolean isRest() {
        return pitches.length == 0;
    }

    Note withLength(Fraction newLength) {
        return new Note(pitches, newLength, tied);
    }

    Note withTie() {
        return new Note(pitches, length, true);
    }
}
