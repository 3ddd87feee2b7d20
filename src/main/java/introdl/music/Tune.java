package introdl.music;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One tune read from ABC notation: its header fields (X, T, M, L, K, Q, R, Z...), meter, unit
 * length and key, and its bars. It can check its bars against the meter and list the notes in
 * the order they are played, repeats and endings followed.
 */
public final class Tune {
    private final int number;
    private final Map<Character, String> fields;
    private final Meter meter;
    private final Fraction unit;
    private final Key key;
    private final List<Bar> bars;
    private final String abc;

    Tune(int number, Map<Character, String> fields, Meter meter, Fraction unit, Key key, List<Bar> bars, String abc) {
        this.number = number;
        this.fields = Map.copyOf(fields);
        this.meter = meter;
        this.unit = unit;
        this.key = key;
        this.bars = List.copyOf(bars);
        this.abc = abc;
    }

    /**
     * Reads one tune.
     *
     * @throws AbcException naming the line and column of the first thing that cannot be read
     */
    public static Tune parse(String abc) {
        return AbcParser.parse(abc, 1);
    }

    /** The X: number. */
    public int number() {
        return number;
    }

    /** The first T: title, or "" if none. */
    public String title() {
        return fields.getOrDefault('T', "");
    }

    /** A header field's value (the first, if repeated), or null. */
    public String field(char name) {
        return fields.get(name);
    }

    public Meter meter() {
        return meter;
    }

    public Fraction unitLength() {
        return unit;
    }

    public Key key() {
        return key;
    }

    public List<Bar> bars() {
        return bars;
    }

    /** The tune's text, as read. */
    public String abc() {
        return abc;
    }

    /**
     * Quarter notes per minute, from Q: ("1/4=120", "3/8=100", "120"); 120 when there is no Q: or
     * it names no number (a text such as "Allegro" alone). A Q: that cannot be read was reported
     * when the tune was parsed.
     */
    public double quartersPerMinute() {
        String q = fields.get('Q');
        double tempo = q == null ? Double.NaN : tempo(q);
        return Double.isNaN(tempo) ? 120 : tempo;
    }

    /**
     * The quarter notes per minute a Q: value asks for: "1/4=120", "3/8=100", "1/4 1/8=80" or
     * "120"; text in quotes is left out, and a value of text alone gives NaN (no number).
     *
     * @throws IllegalArgumentException if it cannot be read, or is not a positive number
     */
    static double tempo(String q) {
        String value = q.replaceAll("\"[^\"]*\"", "").trim();
        if (value.isEmpty()) {
            return Double.NaN;
        }
        double tempo;
        try {
            if (value.contains("=")) {
                String[] parts = value.split("=", 2);
                Fraction beat = Fraction.ZERO;
                for (String part : parts[0].trim().split("\\s+")) {
                    String[] nd = part.split("/");
                    beat = beat.plus(Fraction.of(Long.parseLong(nd[0]), Long.parseLong(nd[1])));
                }
                tempo = Double.parseDouble(parts[1].trim()) * beat.toDouble() * 4;
            } else {
                tempo = Double.parseDouble(value);
            }
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("the tempo 'Q:" + q + "' cannot be read; expected a beat and how many "
                    + "of them a minute, such as Q:1/4=120, or quarter notes a minute, such as Q:120", e);
        }
        if (!(tempo > 0) || Double.isInfinite(tempo)) {
            throw new IllegalArgumentException("the tempo 'Q:" + q + "' is " + tempo
                    + " quarter notes a minute; a tempo must be a positive number, such as Q:1/4=120");
        }
        return tempo;
    }

    /**
     * Checks the bars against the meter in the order they are played (repeats and endings
     * followed), as a musician counts them and as abc2midi checks them: every bar has the meter's
     * length, except at the edges of a section, where a short bar must be completed by the bar
     * played after it (a section's last bar by the pick-up that starts it again, or that starts the
     * next section); only the first bar played (a pick-up) and the last may be left partial. Multi-bar rests, bars
     * in a free meter and a short bar before a change of meter are not checked.
     *
     * @return {checked, mismatched}: bars (or pairs completing each other) checked, and those off the meter
     */
    public int[] checkBars() {
        MeterCheck check = meterCheck(bars, false);
        return new int[] {check.checked(), check.mismatched()};
    }

    /** Whether every checked bar fits the meter (and at least one bar was checked). */
    public boolean barsMatchMeter() {
        int[] check = checkBars();
        return check[0] > 0 && check[1] == 0;
    }

    /**
     * What {@link #meterCheck} found.
     *
     * @param checked bars, or pairs of partial bars, checked
     * @param mismatched of those, how many are off the meter
     * @param room with an open last bar, how long it may grow: a whole bar, or what completes the
     *     partial bar played before it (null without an open bar, or in a free meter)
     */
    record MeterCheck(int checked, int mismatched, Fraction room) {}

    /**
     * The rule of {@link #checkBars()} over {@code bars}; with {@code lastOpen}, the last bar is
     * still being written (a tune being generated): it is not checked, and {@code room} says how
     * long it may grow.
     */
    static MeterCheck meterCheck(List<Bar> bars, boolean lastOpen) {
        List<Integer> order = playingOrder(bars);
        int n = order.size();
        int checked = 0;
        int mismatched = 0;
        Fraction room = null;
        int k = 0;
        while (k < n) {
            Bar bar = bars.get(order.get(k));
            boolean last = k == n - 1;
            boolean unchecked = bar.multiMeasureRest() || bar.meter().isFree();
            if (last && lastOpen) {
                room = unchecked ? null : bar.meter().bar();
                break;
            }
            int cmp = unchecked ? 0 : bar.length().compareTo(bar.meter().bar());
            if (unchecked || cmp < 0 && (k == 0 || last)) {
                k++; // a rest of several bars, a free meter, the opening pick-up or the closing bar
                continue;
            }
            if (cmp >= 0) {
                checked++;
                mismatched += cmp > 0 ? 1 : 0;
                k++;
                continue;
            }
            Bar next = bars.get(order.get(k + 1));
            boolean boundary = bar.endsSection() || order.get(k + 1) != order.get(k) + 1 || next.startsRepeat()
                    || next.ending() > 0;
            if (!boundary) {
                checked++; // a short bar inside a section
                mismatched++;
                k++;
                continue;
            }
            if (lastOpen && k + 1 == n - 1) {
                room = next.meter().equals(bar.meter()) ? bar.meter().bar().minus(bar.length()) : null;
                break;
            }
            if (!next.meter().equals(bar.meter()) || next.multiMeasureRest()) {
                k++;
                continue;
            }
            checked++;
            if (bar.length().plus(next.length()).compareTo(bar.meter().bar()) == 0) {
                k += 2;
            } else {
                mismatched++;
                k++;
            }
        }
        return new MeterCheck(checked, mismatched, room);
    }

    /**
     * The notes in playing order: sections with :| repeated once (from the last |:, else from just
     * after the last :|, else from the start, as abc2midi plays them), first endings skipped the
     * second time.
     */
    public List<Note> performance() {
        List<Note> out = new ArrayList<>();
        for (int i : playingOrder(bars)) {
            out.addAll(bars.get(i).notes());
        }
        return out;
    }

    /** The indices of {@code bars} in playing order. */
    static List<Integer> playingOrder(List<Bar> bars) {
        List<Integer> out = new ArrayList<>();
        Set<Integer> repeated = new HashSet<>();
        int sectionStart = 0;
        boolean secondPass = false;
        int i = 0;
        while (i < bars.size()) {
            Bar bar = bars.get(i);
            if (bar.startsRepeat() && !secondPass) {
                sectionStart = i;
            }
            if (secondPass && bar.ending() == 1) {
                // the second time, on to the second ending, or past the :| that closed the first
                int next = i;
                while (next < bars.size() && bars.get(next).ending() < 2 && !bars.get(next).endsRepeat()) {
                    next++;
                }
                secondPass = false;
                i = next < bars.size() && bars.get(next).ending() < 2 ? next + 1 : next;
                continue;
            }
            out.add(i);
            if (bar.endsRepeat() && repeated.add(i)) {
                i = sectionStart;
                secondPass = true;
                continue;
            }
            if (bar.endsSection()) {
                secondPass = false;
            }
            if (bar.endsRepeat()) {
                sectionStart = i + 1; // as abc2midi plays it: a :| with no |: repeats from the last :| (or the start)
            }
            i++;
        }
        return out;
    }

    @Override
    public String toString() {
        return "Tune " + number + " '" + title() + "' (" + meter.text() + ", " + key.text() + ", " + bars.size() + " bars)";
    }
}
