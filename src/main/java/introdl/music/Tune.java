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
     * Quarter notes per minute, from Q: ("1/4=120", "3/8=100", "120"); 120 when there is no Q:, or
     * it cannot be read, or it is not a positive number.
     */
    public double quartersPerMinute() {
        double tempo = writtenTempo();
        return tempo > 0 && Double.isFinite(tempo) ? tempo : 120;
    }

    private double writtenTempo() {
        String q = fields.get('Q');
        if (q == null) {
            return 120;
        }
        try {
            String value = q.replaceAll("\"[^\"]*\"", "").trim();
            if (value.contains("=")) {
                String[] parts = value.split("=");
                Fraction beat = Fraction.ZERO;
                for (String part : parts[0].trim().split("\\s+")) {
                    String[] nd = part.split("/");
                    beat = beat.plus(Fraction.of(Long.parseLong(nd[0]), Long.parseLong(nd[1])));
                }
                return Double.parseDouble(parts[1].trim()) * beat.toDouble() * 4;
            }
            return Double.parseDouble(value);
        } catch (RuntimeException e) {
            return 120;
        }
    }

    /**
     * The bars whose length can be checked against the meter, and those that do not match it. A
     * section's first and last bars may be partial (a pick-up and the bar that completes it) and
     * are not checked; nor are the bars either side of a change of meter, multi-bar rests, or
     * bars in a free meter.
     *
     * @return {checked, mismatched}
     */
    public int[] checkBars() {
        int checked = 0;
        int mismatched = 0;
        for (int i = 0; i < bars.size(); i++) {
            if (isChecked(bars, i)) {
                checked++;
                if (!fitsMeter(bars.get(i))) {
                    mismatched++;
                }
            }
        }
        return new int[] {checked, mismatched};
    }

    /** Whether bar {@code i} of {@code bars} is checked against the meter (see {@link #checkBars()}). */
    static boolean isChecked(List<Bar> bars, int i) {
        Bar bar = bars.get(i);
        boolean sectionStart = i == 0 || bars.get(i - 1).endsSection() || bar.startsRepeat() || bar.ending() > 0;
        boolean sectionEnd = i == bars.size() - 1 || bar.endsSection()
                || bars.get(i + 1).ending() > 0 || bars.get(i + 1).startsRepeat();
        boolean meterChanges = i > 0 && !bars.get(i - 1).meter().equals(bar.meter())
                || i < bars.size() - 1 && !bars.get(i + 1).meter().equals(bar.meter());
        return !(sectionStart || sectionEnd || meterChanges || bar.multiMeasureRest() || bar.meter().isFree());
    }

    /** Whether a bar is exactly as long as its meter's bar. */
    static boolean fitsMeter(Bar bar) {
        return bar.length().compareTo(bar.meter().bar()) == 0;
    }

    /** Whether every checked bar has the meter's length (and at least one bar was checked). */
    public boolean barsMatchMeter() {
        int[] check = checkBars();
        return check[0] > 0 && check[1] == 0;
    }

    /** The notes in playing order: sections with :| repeated once, first endings skipped the second time. */
    public List<Note> performance() {
        List<Note> out = new ArrayList<>();
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
                int next = i + 1;
                while (next < bars.size() && bars.get(next).ending() < 2) {
                    next++;
                }
                secondPass = false;
                if (next >= bars.size()) {
                    break;
                }
                i = next;
                continue;
            }
            out.addAll(bar.notes());
            if (bar.endsRepeat() && repeated.add(i)) {
                i = sectionStart;
                secondPass = true;
                continue;
            }
            if (bar.endsSection()) {
                sectionStart = i + 1;
                secondPass = false;
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
