package introdl.music;

import java.util.Locale;
import java.util.Map;

/**
 * A key signature from an ABC {@code K:} field ("G", "D Major", "Ador", "E Dorian", "Dmix",
 * "F#m", "Bb"): the sharps or flats it implies for each note letter.
 */
public record Key(String text, int fifths) {
    private static final String SHARP_ORDER = "FCGDAEB";
    private static final String FLAT_ORDER = "BEADGCF";
    private static final Map<String, Integer> TONIC_FIFTHS = Map.ofEntries(
            Map.entry("C", 0), Map.entry("G", 1), Map.entry("D", 2), Map.entry("A", 3), Map.entry("E", 4),
            Map.entry("B", 5), Map.entry("F#", 6), Map.entry("C#", 7), Map.entry("F", -1), Map.entry("BB", -2),
            Map.entry("EB", -3), Map.entry("AB", -4), Map.entry("DB", -5), Map.entry("GB", -6), Map.entry("CB", -7),
            Map.entry("G#", 8), Map.entry("D#", 9), Map.entry("A#", 10), Map.entry("E#", 11), Map.entry("B#", 12),
            Map.entry("FB", -8));
    /** Fifths to add to the major key of the same tonic, for each mode. */
    private static final Map<String, Integer> MODE_FIFTHS = Map.ofEntries(
            Map.entry("", 0), Map.entry("MAJ", 0), Map.entry("ION", 0), Map.entry("MIX", -1), Map.entry("DOR", -2),
            Map.entry("M", -3), Map.entry("MIN", -3), Map.entry("AEO", -3), Map.entry("PHR", -4), Map.entry("LOC", -5),
            Map.entry("LYD", 1));

    /** C major: no sharps or flats. */
    public static final Key C_MAJOR = new Key("C", 0);

    /**
     * Parses a key field.
     *
     * @throws IllegalArgumentException if it is not a key ABC knows
     */
    public static Key parse(String field) {
        String text = field.trim();
        if (text.isEmpty() || text.equalsIgnoreCase("none")) {
            return new Key(text, 0);
        }
        // the key is the first word (with an optional mode joined or after a space); clefs etc. follow
        String[] words = text.split("\\s+");
        String head = words[0];
        int i = 1;
        if (head.length() > 1 && (head.charAt(1) == '#' || head.charAt(1) == 'b')) {
            i = 2;
        }
        String tonic = head.substring(0, Math.min(i, head.length())).toUpperCase(Locale.ROOT);
        String mode = head.substring(Math.min(i, head.length()));
        if (mode.isEmpty() && words.length > 1 && words[1].matches("(?i)[a-z]+") && !words[1].contains("=")) {
            mode = words[1];
        }
        Integer base = TONIC_FIFTHS.get(tonic);
        String modeKey = mode.length() >= 3 ? mode.substring(0, 3).toUpperCase(Locale.ROOT) : mode.toUpperCase(Locale.ROOT);
        Integer modeShift = MODE_FIFTHS.get(modeKey);
        if (base == null || modeShift == null) {
            throw new IllegalArgumentException("unknown key '" + field + "'; expected a tonic A-G (with # or b) and an "
                    + "optional mode (major, minor, m, dorian, mixolydian, phrygian, lydian, locrian)");
        }
        return new Key(text, base + modeShift);
    }

    /** The accidental the key gives note letter {@code letter} (A-G): +1 sharp, -1 flat, 0 natural. */
    public int accidental(char letter) {
        char upper = Character.toUpperCase(letter);
        if (fifths > 0) {
            int i = SHARP_ORDER.indexOf(upper);
            return (i < fifths ? 1 : 0) + (i < fifths - 7 ? 1 : 0);
        }
        if (fifths < 0) {
            int i = FLAT_ORDER.indexOf(upper);
            return -((i < -fifths ? 1 : 0) + (i < -fifths - 7 ? 1 : 0));
        }
        return 0;
    }

    @Override
    public String toString() {
        return text + " (" + (fifths == 0 ? "no sharps or flats" : Math.abs(fifths) + (fifths > 0 ? " sharp" : " flat")
                + (Math.abs(fifths) == 1 ? "" : "s")) + ")";
    }
}
