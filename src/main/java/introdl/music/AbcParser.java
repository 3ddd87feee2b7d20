package introdl.music;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Reads one tune in ABC notation (the subset folk-tune collections use): the header fields, then
 * notes with octave marks, accidentals and lengths, rests, bar lines, repeats and first/second
 * endings, broken rhythm, tuplets, ties, chords, quoted chord symbols, grace notes, decorations
 * and inline fields. A construct it cannot read is an {@link AbcException} naming the tune, line
 * and column; so is a number too large to count with (an {@code L:} or {@code M:} out of range, a
 * bar too long or too finely divided), so that every tune it reads can be checked and played. It
 * reads in time linear in the text, whatever its lines hold.
 */
final class AbcParser {
    private static final int[] LETTER_SEMITONES = {9, 11, 0, 2, 4, 5, 7}; // A B C D E F G
    private static final String DECORATIONS = ".~HLMOPSTuv";
    private static final Pattern DECORATION_NAME = Pattern.compile("[A-Za-z0-9<>().+-]+");
    /** The largest numerator and denominator of an {@code L:} unit length (tunes use 1/4 to 1/16). */
    private static final long MAX_UNIT_TERM = 1024;
    /**
     * The longest bar, in whole notes, and the finest step its length may have (1/2^20): within these,
     * two bars' lengths add and compare exactly in a {@code long} (2^20 x 2^20 x 2^20 = 2^60), as
     * {@link Tune#checkBars()} does with a short bar and the one completing it; real bars are far
     * inside them.
     */
    private static final long MAX_BAR_TERM = 1L << 20;

    private final String text;
    private final int number;
    private int pos;
    private int line = 1;
    private int lineStart;
    /** Where the current line's leading blanks end, as far as looked (kept so each line is scanned once). */
    private int blankEnd;
    /** The end of the line holding {@code pos}, once looked up (kept so a long line is scanned once). */
    private int knownLineEnd = -1;

    private final Map<Character, String> fields = new LinkedHashMap<>();
    private Key key = Key.C_MAJOR;
    private Meter meter = Meter.FREE;
    private Fraction unit;
    private final Map<String, Integer> barAccidentals = new HashMap<>();

    private final List<Bar> bars = new ArrayList<>();
    private List<Note> notes = new ArrayList<>();
    private boolean barStartsRepeat;
    private int barEnding;
    private boolean barMultiRest;
    /** A broken-rhythm factor waiting for the next note (the note after a '>' or '<'). */
    private Fraction pendingBroken;
    /** Tuplet: notes still to scale, and the factor. */
    private int tupletLeft;
    private Fraction tupletFactor = Fraction.ONE;

    private AbcParser(String text, int number) {
        this.text = text;
        this.number = number;
    }

    /** Parses the text of one tune (from its X: line to before the next). */
    static Tune parse(String text, int number) {
        return new AbcParser(text, number).tune();
    }

    /**
     * Reads the beginning of a tune, as far as it is written (its header complete): the bars
     * closed so far, then the bar still open (possibly empty), which carries the marks of the bar
     * line before it (a repeat starting, an ending). Used while a tune is being generated.
     *
     * @throws AbcException if what is written so far cannot be read
     */
    static List<Bar> barsSoFar(String text) {
        AbcParser parser = new AbcParser(text, 1);
        parser.header();
        if (parser.unit == null) {
            parser.unit = parser.meter.defaultUnit();
        }
        parser.body();
        List<Bar> out = new ArrayList<>(parser.bars);
        out.add(parser.checked(new Bar(parser.notes, parser.barStartsRepeat, false, false, parser.barEnding,
                parser.barMultiRest, parser.meter)));
        return out;
    }

    private Tune tune() {
        header();
        if (unit == null) {
            unit = meter.defaultUnit();
        }
        body();
        endBar(false, false);
        if (bars.stream().allMatch(b -> b.notes().stream().allMatch(Note::isRest))) {
            throw error("the tune has no notes");
        }
        int x = fields.containsKey('X') ? Integer.parseInt(fields.get('X').trim()) : number;
        return new Tune(x, fields, meter, unit, key, bars, text);
    }

    // ----- header

    private void header() {
        boolean sawX = false;
        while (pos < text.length()) {
            int start = pos;
            int fieldLine = line;
            String content = readLine();
            String trimmed = content.strip();
            if (trimmed.isEmpty() || trimmed.startsWith("%")) {
                continue;
            }
            if (!isField(trimmed)) {
                pos = start;
                lineStart = start;
                line--;
                throw error("expected a header field such as T: or K: before the music, found '"
                        + shorten(trimmed) + "'");
            }
            char name = trimmed.charAt(0);
            String value = stripComment(trimmed.substring(2)).trim();
            if (!sawX && name != 'X') {
                throw errorAt(fieldLine, 1, "a tune must start with its X: line");
            }
            sawX = true;
            if (name == 'X' && !value.matches("\\d{1,9}")) {
                throw errorAt(fieldLine, 1, "the X: field must be the tune's number, found '" + shorten(value) + "'");
            }
            applyField(name, value, fieldLine, 1);
            fields.putIfAbsent(name, value);
            if (name == 'K') {
                return;
            }
        }
        throw error("the header has no K: (key) line, which ends the header and starts the music");
    }

    private static boolean isField(String line) {
        return line.length() >= 2 && line.charAt(1) == ':' && Character.isLetter(line.charAt(0));
    }

    private void applyField(char name, String value, int fieldLine, int column) {
        try {
            switch (name) {
                case 'K' -> key = Key.parse(value);
                case 'M' -> meter = Meter.parse(value);
                case 'L' -> unit = parseUnit(value);
                case 'Q' -> Tune.tempo(value);
                default -> {
                    // other fields (T, R, Z, C, ...) are kept as text
                }
            }
        } catch (IllegalArgumentException e) {
            throw errorAt(fieldLine, column, e.getMessage());
        }
    }

    private static Fraction parseUnit(String value) {
        String[] parts = value.split("/");
        long n = parts.length == 2 ? number(parts[0]) : -1;
        long d = parts.length == 2 ? number(parts[1]) : -1;
        if (n < 0 || d < 0) {
            throw new IllegalArgumentException("unknown note length 'L:" + value + "'; expected e.g. L:1/8");
        }
        if (n < 1 || d < 1 || n > MAX_UNIT_TERM || d > MAX_UNIT_TERM) {
            throw new IllegalArgumentException("the note length 'L:" + value + "' is out of range: its numerator and "
                    + "denominator must be 1 to " + MAX_UNIT_TERM + ", e.g. L:1/8");
        }
        return Fraction.of(n, d);
    }

    /**
     * A number written in a field: its digits' value, or -1 if it is not digits. One too large for a
     * {@code long} reads as {@link Long#MAX_VALUE}, so that a range check reports it as out of range.
     */
    static long number(String digits) {
        String s = digits.trim();
        if (s.isEmpty() || !s.chars().allMatch(c -> c >= '0' && c <= '9')) {
            return -1;
        }
        try {
            return Long.parseLong(s);
        } catch (NumberFormatException e) {
            return Long.MAX_VALUE;
        }
    }

    // ----- body

    private void body() {
        while (pos < text.length()) {
            char c = text.charAt(pos);
            if (atLineStart() && pos + 1 < text.length() && text.charAt(pos + 1) == ':' && Character.isLetter(c)) {
                bodyField();
            } else if (c == '\n') {
                pos++;
                line++;
                lineStart = pos;
            } else if (c == '%') {
                skipToLineEnd();
            } else if (c == ' ' || c == '\t' || c == '\r' || c == '`' || c == '\\') {
                pos++;
            } else if (c == '|' || c == ':' && pos + 1 < text.length() && "|:".indexOf(text.charAt(pos + 1)) >= 0) {
                barLine();
            } else if (c == '[') {
                bracket();
            } else if (c == '"') {
                skipPast('"', "a closing \" for the chord symbol");
            } else if (c == '{') {
                skipPast('}', "a closing } for the grace notes");
            } else if (c == '!') {
                decorationOrLineBreak();
            } else if (c == '+' && text.indexOf('+', pos + 1) > pos && text.indexOf('+', pos + 1) < lineEnd()) {
                pos = text.indexOf('+', pos + 1) + 1;
            } else if (DECORATIONS.indexOf(c) >= 0) {
                pos++;
            } else if (c == '(') {
                tupletOrSlur();
            } else if (c == ')') {
                pos++;
            } else if (c == '-') {
                tie();
            } else if (c == '>' || c == '<') {
                brokenRhythm();
            } else if (c == 'z' || c == 'x') {
                pos++;
                addNote(Note.rest(length()));
            } else if (c == 'Z') {
                pos++;
                length();
                barMultiRest = true;
            } else if (c == '^' || c == '_' || c == '=' || isNoteLetter(c)) {
                addNote(note());
            } else {
                throw error("unexpected '" + c + "'; expected a note (A-G, a-g), a rest (z), a bar line or a "
                        + "decoration");
            }
        }
    }

    /** Whether only blanks come before {@code pos} on its line (a field may start there). */
    private boolean atLineStart() {
        blankEnd = Math.max(blankEnd, lineStart);
        while (blankEnd < pos && Character.isWhitespace(text.charAt(blankEnd))) {
            blankEnd++;
        }
        return blankEnd >= pos;
    }

    private void bodyField() {
        int column = pos - lineStart + 1;
        int fieldLine = line;
        char name = text.charAt(pos);
        pos += 2;
        String value = stripComment(readLine()).trim();
        if (name == 'K' || name == 'M' || name == 'L') {
            applyField(name, value, fieldLine, column);
        }
    }

    private void bracket() {
        if (pos + 1 >= text.length()) {
            throw error("a '[' ends the tune");
        }
        char next = text.charAt(pos + 1);
        if (Character.isDigit(next)) {
            pos++;
            barEnding = readEndingNumber();
        } else if (Character.isLetter(next) && pos + 2 < text.length() && text.charAt(pos + 2) == ':') {
            int close = text.indexOf(']', pos);
            if (close < 0 || close > lineEnd()) {
                throw error("an inline field [" + next + ":...] has no closing ]");
            }
            int column = pos - lineStart + 1;
            String value = text.substring(pos + 3, close).trim();
            pos = close + 1;
            applyField(next, value, line, column);
        } else if (next == '|') {
            pos++; // [| reads as |
            barLine();
        } else {
            chord();
        }
    }

    private void chord() {
        int column = pos - lineStart + 1;
        pos++;
        List<Integer> pitches = new ArrayList<>();
        Fraction first = null;
        while (pos < text.length() && text.charAt(pos) != ']') {
            char c = text.charAt(pos);
            if (c == '^' || c == '_' || c == '=' || isNoteLetter(c)) {
                Note n = note();
                pitches.add(n.pitches()[0]);
                if (first == null) {
                    first = n.length();
                }
            } else if (c == ' ' || DECORATIONS.indexOf(c) >= 0 || c == '-') {
                pos++;
            } else {
                throw errorAt(column, "a chord [...] holds '" + c + "'; expected notes");
            }
        }
        if (pos >= text.length() || pitches.isEmpty()) {
            throw errorAt(column, pitches.isEmpty() ? "an empty chord []" : "a chord [ has no closing ]");
        }
        pos++;
        Fraction outer = multiplier();
        addNote(new Note(pitches.stream().mapToInt(Integer::intValue).toArray(), first.times(outer), false));
    }

    private void barLine() {
        int start = pos;
        while (pos < text.length() && "|:]".indexOf(text.charAt(pos)) >= 0) {
            pos++;
        }
        String bar = text.substring(start, pos);
        boolean endsRepeat = bar.startsWith(":");
        boolean startsRepeat = bar.endsWith(":") && bar.length() > 1 || bar.equals("::");
        if (bar.equals("::")) {
            endsRepeat = true;
            startsRepeat = true;
        }
        boolean endsSection = endsRepeat || bar.contains("||") || bar.contains("]");
        int ending = 0;
        if (pos < text.length() && Character.isDigit(text.charAt(pos))) {
            ending = readEndingNumber();
        }
        endBar(endsRepeat, endsSection);
        barStartsRepeat = startsRepeat;
        if (ending > 0) {
            barEnding = ending;
        }
    }

    private int readEndingNumber() {
        int value = text.charAt(pos) - '0';
        pos++;
        while (pos < text.length() && (Character.isDigit(text.charAt(pos)) || text.charAt(pos) == ','
                || text.charAt(pos) == '-')) {
            pos++;
        }
        return value;
    }

    private void endBar(boolean endsRepeat, boolean endsSection) {
        if (notes.isEmpty() && !barMultiRest) {
            // an empty bar (as before a leading |:) carries its marks to the next one
            if (endsRepeat && !bars.isEmpty()) {
                Bar last = bars.remove(bars.size() - 1);
                bars.add(new Bar(last.notes(), last.startsRepeat(), true, true, last.ending(), last.multiMeasureRest(),
                        last.meter()));
            }
            return;
        }
        bars.add(checked(new Bar(notes, barStartsRepeat, endsRepeat, endsSection, barEnding, barMultiRest, meter)));
        notes = new ArrayList<>();
        barStartsRepeat = false;
        barEnding = 0;
        barMultiRest = false;
        barAccidentals.clear();
    }

    /** The bar, if its length is within {@link #MAX_BAR_TERM}; else an error at the bar line that ends it. */
    private Bar checked(Bar bar) {
        Fraction length;
        try {
            length = bar.length();
        } catch (ArithmeticException e) {
            length = null; // the sum itself does not fit in a long
        }
        if (length == null || length.denominator() > MAX_BAR_TERM || length.compareTo(Fraction.of(MAX_BAR_TERM, 1)) > 0) {
            throw error("this bar's notes add up to " + (length == null ? "a length" : length + " whole notes, a length")
                    + " too long or too finely divided to count (at most " + MAX_BAR_TERM + " whole notes, in steps of 1/"
                    + MAX_BAR_TERM + "); write ordinary lengths such as A2, A/2 or A3/2");
        }
        return bar;
    }

    private void decorationOrLineBreak() {
        int close = text.indexOf('!', pos + 1);
        if (close > pos + 1 && close < lineEnd() && DECORATION_NAME.matcher(text.substring(pos + 1, close)).matches()) {
            pos = close + 1;
        } else {
            pos++; // '!' as a line break (ABC 1.6)
        }
    }

    private void tupletOrSlur() {
        pos++;
        if (pos < text.length() && Character.isDigit(text.charAt(pos))) {
            int p = readInt();
            int q = -1;
            int r = p;
            if (pos < text.length() && text.charAt(pos) == ':') {
                pos++;
                if (pos < text.length() && Character.isDigit(text.charAt(pos))) {
                    q = readInt();
                }
                if (pos < text.length() && text.charAt(pos) == ':') {
                    pos++;
                    if (pos < text.length() && Character.isDigit(text.charAt(pos))) {
                        r = readInt();
                    }
                }
            }
            if (q < 0) {
                q = switch (p) {
                    case 2, 4, 8 -> 3;
                    case 3, 6 -> 2;
                    default -> meter.isCompound() ? 3 : 2;
                };
            }
            if (p < 2 || p > 9) {
                throw error("a tuplet (" + p + " is not supported; expected (2 to (9");
            }
            if (q < 1 || q > 9) {
                throw error("a tuplet (" + p + ":" + q + " is not supported: its notes take the time of 1 to 9 notes");
            }
            tupletLeft = r;
            tupletFactor = Fraction.of(q, p);
        }
    }

    private void tie() {
        pos++;
        if (notes.isEmpty()) {
            return; // a tie across a bar line is marked on the previous bar's last note, already closed
        }
        Note last = notes.remove(notes.size() - 1);
        notes.add(last.withTie());
    }

    private void brokenRhythm() {
        char c = text.charAt(pos);
        int count = 0;
        while (pos < text.length() && text.charAt(pos) == c) {
            pos++;
            count++;
        }
        String marks = shorten(String.valueOf(c).repeat(count));
        if (notes.isEmpty()) {
            throw error("a broken rhythm '" + marks + "' needs a note before it");
        }
        if (pendingBroken != null) {
            // without a note between, each mark would lengthen the same note again
            throw error("two broken rhythms in a row ('" + marks + "' after another) need a note between them");
        }
        if (count > 3) {
            throw error("a broken rhythm has 1 to 3 marks ('" + c + "', '" + c + c + "' or '" + c + c + c + "'), found '"
                    + marks + "'");
        }
        Fraction shorter = Fraction.of(1, 1L << count);
        Fraction longer = Fraction.of(2, 1).minus(shorter);
        Note last = notes.remove(notes.size() - 1);
        notes.add(last.withLength(last.length().times(c == '>' ? longer : shorter)));
        pendingBroken = c == '>' ? shorter : longer;
    }

    private void addNote(Note note) {
        Note n = note;
        if (pendingBroken != null) {
            n = n.withLength(n.length().times(pendingBroken));
            pendingBroken = null;
        }
        if (tupletLeft > 0) {
            n = n.withLength(n.length().times(tupletFactor));
            tupletLeft--;
        }
        notes.add(n);
    }

    /** A single note: accidental, letter, octave marks and length. */
    private Note note() {
        int column = pos - lineStart + 1;
        Integer accidental = null;
        if (text.charAt(pos) == '^') {
            accidental = 1;
            pos++;
            if (pos < text.length() && text.charAt(pos) == '^') {
                accidental = 2;
                pos++;
            }
        } else if (text.charAt(pos) == '_') {
            accidental = -1;
            pos++;
            if (pos < text.length() && text.charAt(pos) == '_') {
                accidental = -2;
                pos++;
            }
        } else if (text.charAt(pos) == '=') {
            accidental = 0;
            pos++;
        }
        if (pos >= text.length() || !isNoteLetter(text.charAt(pos))) {
            throw errorAt(column, "an accidental must be followed by a note letter");
        }
        char letter = text.charAt(pos);
        pos++;
        int octave = Character.isLowerCase(letter) ? 1 : 0;
        while (pos < text.length() && (text.charAt(pos) == '\'' || text.charAt(pos) == ',')) {
            octave += text.charAt(pos) == '\'' ? 1 : -1;
            pos++;
        }
        char upper = Character.toUpperCase(letter);
        String slot = upper + ":" + octave;
        int shift;
        if (accidental != null) {
            shift = accidental;
            barAccidentals.put(slot, accidental);
        } else {
            shift = barAccidentals.getOrDefault(slot, key.accidental(upper));
        }
        int pitch = 60 + LETTER_SEMITONES[upper - 'A'] + 12 * octave + shift;
        if (pitch < 0 || pitch > 127) {
            throw errorAt(column, "the note " + letter + " is outside MIDI's range");
        }
        return new Note(new int[] {pitch}, length(), false);
    }

    private Fraction length() {
        return unit.times(multiplier());
    }

    /** A length multiplier: 2, /2, /, //, 3/2... (1 if none). */
    private Fraction multiplier() {
        long n = 1;
        long d = 1;
        if (pos < text.length() && Character.isDigit(text.charAt(pos))) {
            n = readInt();
            if (n == 0) {
                throw error("a note length of 0");
            }
        }
        while (pos < text.length() && text.charAt(pos) == '/') {
            pos++;
            if (pos < text.length() && Character.isDigit(text.charAt(pos))) {
                long div = readInt();
                if (div == 0) {
                    throw error("a note length divided by 0");
                }
                d *= div;
            } else {
                d *= 2;
            }
            if (d > 1024) {
                throw error("a note length shorter than 1/1024");
            }
        }
        return Fraction.of(n, d);
    }

    private int readInt() {
        int start = pos;
        while (pos < text.length() && Character.isDigit(text.charAt(pos)) && pos - start < 4) {
            pos++;
        }
        return Integer.parseInt(text.substring(start, pos));
    }

    private static boolean isNoteLetter(char c) {
        return (c >= 'A' && c <= 'G') || (c >= 'a' && c <= 'g');
    }

    // ----- text helpers

    private String readLine() {
        int end = lineEnd();
        String content = text.substring(pos, end);
        pos = Math.min(end + 1, text.length());
        line++;
        lineStart = pos;
        return content;
    }

    private int lineEnd() {
        if (knownLineEnd < pos) {
            int end = text.indexOf('\n', pos);
            knownLineEnd = end < 0 ? text.length() : end;
        }
        return knownLineEnd;
    }

    private void skipToLineEnd() {
        pos = lineEnd();
    }

    private void skipPast(char close, String expected) {
        int column = pos - lineStart + 1;
        int end = text.indexOf(close, pos + 1);
        if (end < 0 || end > lineEnd()) {
            throw errorAt(column, "expected " + expected + " on the same line");
        }
        pos = end + 1;
    }

    private static String stripComment(String value) {
        int percent = value.indexOf('%');
        return percent < 0 ? value : value.substring(0, percent);
    }

    private static String shorten(String s) {
        return s.length() <= 30 ? s : s.substring(0, 27) + "...";
    }

    private AbcException error(String message) {
        return errorAt(pos - lineStart + 1, message);
    }

    private AbcException errorAt(int column, String message) {
        return errorAt(line, column, message);
    }

    private AbcException errorAt(int atLine, int column, String message) {
        String name = fields.containsKey('X') ? " (X:" + fields.get('X') + (fields.containsKey('T')
                ? " '" + fields.get('T') + "'" : "") + ")" : "";
        return new AbcException(number, name, atLine, column, message);
    }
}
