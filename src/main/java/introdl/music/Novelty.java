package introdl.music;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Whether a generated tune copies the collection its model learnt from: a title of the
 * collection, or {@link #MELODY_RUN} characters of melody in a row (the music after the K: line,
 * spaces and line breaks left out) that some tune of the collection also has. A network that has
 * memorised its training tunes writes well-formed tunes easily; this is how the lab tells the two
 * apart.
 */
public final class Novelty {
    /** The length of a shared stretch of melody that counts as a copy. */
    public static final int MELODY_RUN = 30;

    private final Map<String, String> runs = new HashMap<>();
    private final Map<String, String> titles = new HashMap<>();

    private Novelty(List<Tune> collection) {
        for (Tune tune : collection) {
            String name = tune.title().isBlank() ? "X:" + tune.number() : tune.title();
            if (!tune.title().isBlank()) {
                titles.putIfAbsent(normalTitle(tune.title()), name);
            }
            String melody = melody(tune.abc());
            for (int i = 0; i + MELODY_RUN <= melody.length(); i++) {
                runs.putIfAbsent(melody.substring(i, i + MELODY_RUN), name);
            }
        }
    }

    /** The copies test against the readable tunes of {@code collection}. */
    public static Novelty of(TuneBook collection) {
        return new Novelty(collection.tunes());
    }

    /**
     * What {@code composition} copies, as a sentence ("the title of 'Kilfenora'", "30 characters of
     * melody in a row from 'The Kesh'"), or null if it copies nothing.
     */
    public String copied(Composer.Composition composition) {
        if (composition.parses() && !composition.tune().title().isBlank()) {
            String title = titles.get(normalTitle(composition.tune().title()));
            if (title != null) {
                return "the title of '" + title + "'";
            }
        }
        String melody = melody(composition.abc());
        for (int i = 0; i + MELODY_RUN <= melody.length(); i++) {
            String from = runs.get(melody.substring(i, i + MELODY_RUN));
            if (from != null) {
                return MELODY_RUN + " characters of melody in a row from '" + from + "'";
            }
        }
        return null;
    }

    /** Whether {@code composition} copies nothing. */
    public boolean isOriginal(Composer.Composition composition) {
        return copied(composition) == null;
    }

    /**
     * The share of distinct bars among all the bars of {@code compositions} (their text between bar
     * lines, spaces left out, pieces of under 3 characters such as ending numbers skipped): 1 when no
     * bar is written twice, lower as sampling grows repetitive. 0 for no bars.
     */
    public static double distinctBars(List<Composer.Composition> compositions) {
        java.util.Set<String> distinct = new java.util.HashSet<>();
        int bars = 0;
        for (Composer.Composition c : compositions) {
            for (String bar : melody(c.abc()).split("[|:\\[\\]]+")) {
                if (bar.length() >= 3) {
                    distinct.add(bar);
                    bars++;
                }
            }
        }
        return bars == 0 ? 0 : (double) distinct.size() / bars;
    }

    /** The music of a tune's text: everything after its K: line, without spaces and line breaks. */
    static String melody(String abc) {
        int start = TuneGuide.musicStart(abc);
        return start < 0 ? "" : abc.substring(start).replaceAll("\\s+", "");
    }

    private static String normalTitle(String title) {
        return title.strip().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
    }
}
