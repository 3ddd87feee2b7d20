package introdl.music;

import introdl.sequence.SamplingGuide;
import java.util.List;

/**
 * Structure-aware sampling for Lab 1: follows a tune while the network writes it and sends it
 * back when the notation goes wrong. It knows whether it is in the header or the music; in the
 * music it reads the bars written so far with the same parser and the same rule as
 * {@link Tune#checkBars()} (the meter from {@code M:}, note lengths from {@code L:}, bars counted
 * in playing order so that a section's last bar and its pick-up make one bar), and it resamples
 * the current bar when it grows longer than it may, when a finished bar does not fit the meter,
 * or when what was written cannot be read; a header without a meter is written again. After
 * {@link #TRIES_PER_POINT} tries at one point it starts the tune again (the mistake is then often
 * in the header: a meter the bars do not follow), and after {@link #RESTARTS} restarts it leaves
 * the bar as written, so the network's own writing has the last word. {@link #corrections()} says
 * what it did.
 */
public final class TuneGuide implements SamplingGuide {
    /** How many times one bar (or the header) is sampled again before the tune starts again. */
    public static final int TRIES_PER_POINT = 10;
    /**
     * How many times a tune is started again from its prefix when a bar could not be fixed (the
     * mistake is often earlier: a meter that the network's bars do not follow), before a bar is left
     * as written.
     */
    public static final int RESTARTS = 3;

    /**
     * What a guide corrected in one tune.
     *
     * @param overflowing bars resampled because they grew longer than the meter
     * @param misfitting finished bars resampled because they were shorter than the meter
     * @param unreadable bars (or headers) resampled because they could not be read
     * @param headers headers written again because they had no meter
     * @param endings bars resampled because a repeat was left open (a first ending with no |: after an
     *     earlier :|, or no :| to close it; a tune ending on |: or ::), which abc2midi reports as errors
     * @param restarts times the tune was started again, a bar not fixed in {@link #TRIES_PER_POINT} tries
     * @param leftAsWritten points given up on, after {@link #RESTARTS} restarts
     */
    public record Corrections(int overflowing, int misfitting, int unreadable, int headers, int endings,
            int restarts, int leftAsWritten) {
        /** No correction. */
        public static final Corrections NONE = new Corrections(0, 0, 0, 0, 0, 0, 0);

        /** How many times the tune was sent back. */
        public int resampled() {
            return overflowing + misfitting + unreadable + headers + endings;
        }

        /** Whether anything was corrected or given up on. */
        public boolean any() {
            return resampled() + restarts + leftAsWritten > 0;
        }

        @Override
        public String toString() {
            if (!any()) {
                return "no corrections";
            }
            StringBuilder out = new StringBuilder();
            append(out, overflowing, "overflowing bar", "overflowing bars");
            append(out, misfitting, "short bar", "short bars");
            append(out, unreadable, "unreadable bar", "unreadable bars");
            append(out, headers, "header without a meter", "headers without a meter");
            append(out, endings, "repeat left open", "repeats left open");
            append(out, restarts, "restart", "restarts");
            append(out, leftAsWritten, "bar left as written", "bars left as written");
            return out.toString();
        }

        private static void append(StringBuilder out, int count, String one, String many) {
            if (count > 0) {
                out.append(out.length() == 0 ? "" : ", ").append(count).append(' ').append(count == 1 ? one : many);
            }
        }
    }

    private enum Problem { OVERFLOW, MISFIT, UNREADABLE, NO_METER, ENDING }

    private final int prefixLength;
    private int barsAtMark;
    private int mismatchesAtMark;
    private boolean musicMarked;
    private int tries;
    private int barLeftAsWritten = -1;
    private boolean passive;
    private int overflowing;
    private int misfitting;
    private int unreadable;
    private int headers;
    private int endings;
    private int restarts;
    private int leftAsWritten;

    /** A guide for one tune started from {@code prefix}. */
    public TuneGuide(String prefix) {
        this.prefixLength = prefix.length();
    }

    /** What this guide corrected so far. */
    public Corrections corrections() {
        return new Corrections(overflowing, misfitting, unreadable, headers, endings, restarts, leftAsWritten);
    }

    /** Whether a generated text is complete: a blank line after at least 20 characters. */
    public static boolean endsTune(CharSequence text, int prefixLength) {
        int n = text.length();
        return n > prefixLength + 20 && text.charAt(n - 1) == '\n' && text.charAt(n - 2) == '\n';
    }

    @Override
    public Step after(CharSequence text) {
        if (endsTune(text, prefixLength)) {
            return passive ? Step.END : atEnd(text.toString());
        }
        if (passive || !startsNote(text)) {
            return Step.KEEP;
        }
        String before = text.subSequence(0, text.length() - 1).toString();
        if (!inMusic(before)) {
            return Step.KEEP;
        }
        List<Bar> bars;
        try {
            bars = AbcParser.barsSoFar(before);
        } catch (AbcException e) {
            return back(Problem.UNREADABLE, -1, 0);
        }
        int closed = bars.size() - 1;
        Bar open = bars.get(closed);
        if (!musicMarked && open.meter().isFree()) {
            return back(Problem.NO_METER, -1, 0);
        }
        Tune.MeterCheck check = Tune.meterCheck(bars, true);
        if (closed != barLeftAsWritten && check.room() != null && open.length().compareTo(check.room()) > 0) {
            return back(Problem.OVERFLOW, closed, check.mismatched());
        }
        if (check.mismatched() > mismatchesAtMark) {
            return back(Problem.MISFIT, closed, check.mismatched());
        }
        if (closed != barLeftAsWritten && open.ending() == 1 && !repeatOpen(bars)) {
            return back(Problem.ENDING, closed, check.mismatched());
        }
        if (closed > barsAtMark || !musicMarked) {
            return mark(closed, check.mismatched());
        }
        return Step.KEEP;
    }

    /** At the blank line that ends the tune: the whole tune must read, and its last bars fit (a repeat may close it). */
    private Step atEnd(String text) {
        Step step;
        try {
            Tune tune = AbcParser.parse(text.strip(), 1);
            int[] check = tune.checkBars();
            if (check[1] > mismatchesAtMark) {
                step = back(Problem.MISFIT, barsAtMark, check[1]);
            } else if (!endingsClosed(tune.bars()) || opensRepeatAtTheEnd(text)) {
                step = back(Problem.ENDING, barsAtMark, check[1]);
            } else {
                return Step.END;
            }
        } catch (AbcException e) {
            step = back(Problem.UNREADABLE, -1, 0);
        }
        return step == Step.KEEP || step == Step.MARK ? Step.END : step;
    }

    private Step mark(int closedBars, int mismatches) {
        barsAtMark = closedBars;
        mismatchesAtMark = mismatches;
        musicMarked = true;
        tries = 0;
        return Step.MARK;
    }

    /** Sends the tune back to the last mark; after too many tries, starts it again, or gives up on this point. */
    private Step back(Problem problem, int closedBars, int mismatches) {
        if (tries >= TRIES_PER_POINT && restarts < RESTARTS) {
            restarts++;
            barsAtMark = 0;
            mismatchesAtMark = 0;
            musicMarked = false;
            tries = 0;
            barLeftAsWritten = -1;
            return Step.RESTART;
        }
        if (tries >= TRIES_PER_POINT) {
            leftAsWritten++;
            if (problem == Problem.UNREADABLE || problem == Problem.NO_METER) {
                passive = true; // the tune cannot be read (or checked) whatever follows
                return Step.KEEP;
            }
            if (problem == Problem.OVERFLOW || problem == Problem.ENDING) {
                barLeftAsWritten = closedBars; // the open bar: not checked again
            }
            return mark(closedBars, mismatches);
        }
        tries++;
        switch (problem) {
            case OVERFLOW -> overflowing++;
            case MISFIT -> misfitting++;
            case UNREADABLE -> unreadable++;
            case NO_METER -> headers++;
            case ENDING -> endings++;
        }
        return Step.BACK;
    }

    /**
     * Whether a first ending starting at the last of {@code bars} belongs to a repeat: no :| came
     * before it, or a |: came after the last one.
     */
    static boolean repeatOpen(List<Bar> bars) {
        for (int i = bars.size() - 1; i >= 0; i--) {
            if (bars.get(i).startsRepeat()) {
                return true;
            }
            if (i < bars.size() - 1 && bars.get(i).endsRepeat()) {
                return false;
            }
        }
        return true;
    }

    /** Whether the music ends with a bar line that starts a repeat (|: or ::), which nothing then closes. */
    static boolean opensRepeatAtTheEnd(String text) {
        String music = text.strip().replaceAll("[!\\s]+$", "");
        return music.endsWith("|:") || music.endsWith("::");
    }

    /** Whether every first ending is closed by a :| before the tune ends. */
    static boolean endingsClosed(List<Bar> bars) {
        boolean open = false;
        for (Bar bar : bars) {
            open = open || bar.ending() == 1;
            if (bar.endsRepeat()) {
                open = false;
            }
        }
        return !open;
    }

    /** Whether the newest character starts a note or rest in the music (not in a field, quote, chord or comment). */
    static boolean startsNote(CharSequence text) {
        int n = text.length();
        char c = text.charAt(n - 1);
        boolean noteStart = c >= 'A' && c <= 'G' || c >= 'a' && c <= 'g' || c == 'z' || c == 'x' || "^_=".indexOf(c) >= 0;
        if (!noteStart || n >= 2 && "^_=".indexOf(text.charAt(n - 2)) >= 0) {
            return false;
        }
        int lineStart = 0;
        for (int i = n - 2; i >= 0; i--) {
            if (text.charAt(i) == '\n') {
                lineStart = i + 1;
                break;
            }
        }
        String line = text.subSequence(lineStart, n - 1).toString();
        if (line.length() >= 2 && line.charAt(1) == ':' && Character.isLetter(line.charAt(0)) || line.indexOf('%') >= 0
                || count(line, '"') % 2 == 1 || count(line, '!') % 2 == 1 || count(line, '+') % 2 == 1
                || line.lastIndexOf('{') > line.lastIndexOf('}')) {
            return false;
        }
        int open = line.lastIndexOf('[');
        boolean inBracket = open > line.lastIndexOf(']') && (open + 1 == line.length()
                || !Character.isDigit(line.charAt(open + 1)) && line.charAt(open + 1) != '|');
        return !inBracket;
    }

    /** Whether the text has reached the music: its K: line is complete. */
    static boolean inMusic(String text) {
        return musicStart(text) >= 0;
    }

    /** Where a tune's music begins: just after the line break that ends its first K: line, or -1 if none yet. */
    static int musicStart(String text) {
        int key = text.startsWith("K:") ? 0 : text.indexOf("\nK:");
        int end = key < 0 ? -1 : text.indexOf('\n', key + 1);
        return end < 0 ? -1 : end + 1;
    }

    private static int count(String s, char c) {
        int k = 0;
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) == c) {
                k++;
            }
        }
        return k;
    }
}
