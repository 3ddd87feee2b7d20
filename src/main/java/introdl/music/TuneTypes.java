package introdl.music;

import ai.djl.ndarray.types.Shape;
import introdl.data.Examples;
import introdl.data.Split;
import introdl.sequence.Vocabulary;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Many-to-one on real data: which dance a tune is (reel, jig, hornpipe...), to be read from its
 * notes alone. The label comes from the tune's R: (rhythm) field or, as in the course's
 * collection, its Z: transcription id ({@code id:dc-reel-96}); the input is the start of the body,
 * the header (and with it the meter, which would give the answer away) left out.
 */
public final class TuneTypes {
    /** The three commonest dances of the course's collection. */
    public static final List<String> DANCES = List.of("reel", "jig", "hornpipe");
    /**
     * Filled in front of a body shorter than the window, so the notes come last: a character ABC
     * never uses, so the model can tell padding from the notation's spaces.
     */
    public static final char PAD = '\u00B7';
    private static final Pattern ID = Pattern.compile("id:\\s*[a-z]+-([a-z ]+?)-\\d+", Pattern.CASE_INSENSITIVE);

    private TuneTypes() {}

    /**
     * A labelled set ready to train on.
     *
     * @param split stratified training and held-out tunes: inputs (characters) are indices into the
     *     vocabulary, labels index {@code types}
     * @param vocabulary the characters of the bodies (and the padding)
     * @param types the class names
     */
    public record Dataset(Split split, Vocabulary vocabulary, List<String> types) {}

    /** The tune's dance in lower case, from R: or else a Z: id; "" if it has neither. */
    public static String type(Tune tune) {
        String rhythm = tune.field('R');
        if (rhythm != null && !rhythm.isBlank()) {
            return rhythm.trim().toLowerCase(Locale.ROOT);
        }
        String id = tune.field('Z');
        if (id != null) {
            Matcher m = ID.matcher(id);
            if (m.find()) {
                return m.group(1).trim().toLowerCase(Locale.ROOT);
            }
        }
        return "";
    }

    /** The tune's text after its K: line (the notes, line breaks kept). */
    public static String body(Tune tune) {
        List<String> lines = tune.abc().lines().toList();
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).startsWith("K:")) {
                return String.join("\n", lines.subList(i + 1, lines.size())).strip();
            }
        }
        throw new IllegalArgumentException("tune " + tune.number() + " has no K: line");
    }

    /**
     * The tunes of these types, each as the first {@code length} characters of its body (padded
     * in front if shorter), split with {@code testShare} held out.
     *
     * @throws IllegalArgumentException if a type has fewer than 2 tunes
     */
    public static Dataset of(TuneBook book, List<String> types, int length, double testShare, long seed) {
        if (length < 1) {
            throw new IllegalArgumentException("the window must have at least 1 character, got " + length);
        }
        List<String> windows = new ArrayList<>();
        List<Integer> labels = new ArrayList<>();
        int[] counts = new int[types.size()];
        for (Tune tune : book.tunes()) {
            int label = types.indexOf(type(tune));
            if (label < 0) {
                continue;
            }
            String notes = body(tune);
            notes = notes.length() >= length ? notes.substring(0, length)
                    : String.valueOf(PAD).repeat(length - notes.length()) + notes;
            windows.add(notes);
            labels.add(label);
            counts[label]++;
        }
        for (int c = 0; c < types.size(); c++) {
            if (counts[c] < 2) {
                throw new IllegalArgumentException("the collection has " + counts[c] + " tune(s) of type '"
                        + types.get(c) + "'; each type needs at least 2 (R: or Z: id fields name the type)");
            }
        }
        Vocabulary vocabulary = Vocabulary.of(String.join("", windows) + PAD);
        float[] inputs = new float[windows.size() * length];
        float[] y = new float[windows.size()];
        for (int i = 0; i < windows.size(); i++) {
            int[] ids = vocabulary.encode(windows.get(i));
            for (int t = 0; t < length; t++) {
                inputs[i * length + t] = ids[t];
            }
            y[i] = labels.get(i);
        }
        Examples all = Examples.of("tune types", inputs, new Shape(length), y, types);
        return new Dataset(all.split(1 - testShare, seed), vocabulary, List.copyOf(types));
    }
}
