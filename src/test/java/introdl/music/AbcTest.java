package introdl.music;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import introdl.SharedData;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class AbcTest {
    private static Tune tune(String body) {
        return Tune.parse("X:1\nT:Test\nM:4/4\nL:1/8\nK:C\n" + body);
    }

    private static Tune tune(String key, String body) {
        return Tune.parse("X:1\nT:Test\nM:4/4\nL:1/8\nK:" + key + "\n" + body);
    }

    private static List<String> lengths(Tune t) {
        return t.bars().get(0).notes().stream().map(n -> n.length().toString()).collect(Collectors.toList());
    }

    private static int[] pitches(Tune t) {
        return t.bars().get(0).notes().stream().mapToInt(n -> n.isRest() ? -1 : n.pitches()[0]).toArray();
    }

    @Test
    void noteLengthsAreMultiplesOfTheUnit() {
        assertEquals(List.of("1/8", "1/4", "1/16", "3/16", "1/16", "1/32", "1/2"), lengths(tune("A A2 A/2 A3/2 A/ A// A4|")));
    }

    @Test
    void pitchesFollowLettersOctaveMarksAccidentalsAndTheKey() {
        assertArrayEquals(new int[] {60, 72, 84, 48, 61, 70, 62, -1}, pitches(tune("C c c' C, ^C _B ^^C z|")));
        // K:D has F# and C#; an accidental lasts to the end of its bar
        assertArrayEquals(new int[] {66, 61, 65, 65, 62}, pitches(tune("D", "F C =F F D|")));
        assertArrayEquals(new int[] {66}, pitches(tune("D", "F|=F F|")));
        assertEquals(66, tune("D", "=F|F|").bars().get(1).notes().get(0).pitches()[0], "the next bar is in the key again");
    }

    @Test
    void keysWithModesHaveTheirSignatures() {
        assertEquals(1, Key.parse("Ador").fifths(), "A dorian has G major's F#");
        assertEquals(1, Key.parse("A Dorian").fifths());
        assertEquals(2, Key.parse("Edor").fifths());
        assertEquals(1, Key.parse("Dmix").fifths());
        assertEquals(1, Key.parse("D Mixolydian").fifths());
        assertEquals(1, Key.parse("Em").fifths());
        assertEquals(3, Key.parse("F#m").fifths());
        assertEquals(-2, Key.parse("Bb").fifths());
        assertEquals(2, Key.parse("D Major").fifths());
        assertEquals(0, Key.parse("A Minor").fifths());
        assertEquals(-1, Key.parse("Bb").accidental('B'));
        assertEquals(1, Key.parse("E").accidental('D'));
        assertThrows(IllegalArgumentException.class, () -> Key.parse("H"));
    }

    @Test
    void brokenRhythmTupletsTiesAndChords() {
        assertEquals(List.of("3/16", "1/16", "1/16", "3/16"), lengths(tune("A>B c<d|")));
        assertEquals(List.of("1/12", "1/12", "1/12", "1/8"), lengths(tune("(3ABc d|")));
        Tune quintuplet = Tune.parse("X:1\nM:6/8\nL:1/8\nK:C\n(5ABcde f|");
        assertEquals(List.of("3/40", "3/40", "3/40", "3/40", "3/40", "1/8"), lengths(quintuplet),
                "in compound 6/8 five notes take the time of three");
        assertTrue(Meter.parse("12/8").isCompound() && !Meter.parse("3/4").isCompound());
        assertEquals("C| (2/2)", Meter.parse("C|").toString());
        assertEquals("D Major (2 sharps)", Key.parse("D Major").toString());
        Tune tied = tune("A2-A2 B4|");
        assertTrue(tied.bars().get(0).notes().get(0).tied());
        Tune chord = tune("[CEG]2 \"Am\"A2 {ga}B2 !trill!c ~d .e|");
        assertArrayEquals(new int[] {60, 64, 67}, chord.bars().get(0).notes().get(0).pitches());
        assertEquals(List.of("1/4", "1/4", "1/4", "1/8", "1/8", "1/8"), lengths(chord),
                "the chord symbol, grace notes and decorations add no time");
    }

    @Test
    void repeatsAndEndingsArePlayedOut() {
        Tune t = tune("C D|E F:|G A|B c|]");
        assertEquals(12, t.performance().size(), "the first section twice, then the second");
        Tune endings = tune("|:C D|[1 E F:|[2 G A|]");
        int[] played = endings.performance().stream().mapToInt(n -> n.pitches()[0]).toArray();
        assertArrayEquals(new int[] {60, 62, 64, 65, 60, 62, 67, 69}, played);
        Tune oldStyle = tune("C D|1 E F:|2 G A|]");
        assertArrayEquals(played, oldStyle.performance().stream().mapToInt(n -> n.pitches()[0]).toArray());
    }

    @Test
    void barsAreCheckedAgainstTheMeterButPickupsAreAllowed() {
        Tune good = Tune.parse("X:1\nM:6/8\nL:1/8\nK:G\nD|GAB AGE|GAB AGE|GAB AGE|GAB AG:|");
        assertTrue(good.barsMatchMeter());
        assertEquals(7, good.checkBars()[0], "counted as played: 3 whole bars twice, the closing bar with the "
                + "pick-up that starts the repeat once; the opening pick-up and the very last bar are not checked");
        Tune bad = Tune.parse("X:1\nM:6/8\nL:1/8\nK:G\nD|GAB AGE|GAB AG|GAB AGE|GAB AG:|");
        assertFalse(bad.barsMatchMeter());
        assertEquals(2, bad.checkBars()[1], "a short bar inside the section, played twice");
        Tune longPickUp = Tune.parse("X:1\nM:6/8\nL:1/8\nK:G\nDE|GAB AGE|GAB AGE|GAB AG:|");
        assertFalse(longPickUp.barsMatchMeter(), "the closing bar and the pick-up make 7 eighths, not 6");
        Tune fullClose = Tune.parse("X:1\nM:6/8\nL:1/8\nK:G\nD|GAB AGE|GAB AGE|GAB AGE:|");
        assertFalse(fullClose.barsMatchMeter(), "a whole closing bar leaves the repeated pick-up alone");
        Tune twoSections = Tune.parse("X:1\nM:6/8\nL:1/8\nK:G\nD|GAB AGE|GAB AG:|d|gfe dBA|GAB AG|]");
        assertTrue(twoSections.barsMatchMeter(), "a section closes with the next section's pick-up");
        Tune fromTheStart = Tune.parse("X:1\nM:6/8\nL:1/8\nK:G\nDE|GAB AGE|GAB AGE||d|gfe dBA|GAB AG:|");
        assertFalse(fromTheStart.barsMatchMeter(), "with no |:, the repeat goes back to the start, as abc2midi "
                + "plays it, and the 2-eighth pick-up there does not complete the 5-eighth bar");
        assertEquals(1.0, Meter.parse("C").bar().toDouble());
        assertEquals(1.0, Meter.parse("C|").bar().toDouble());
    }

    @Test
    void unreadableTunesAreReportedWithLineAndColumn() {
        AbcException unknown = assertThrows(AbcException.class, () -> Tune.parse("X:7\nT:Bad\nK:G\nABc dsf|"));
        assertEquals(4, unknown.line());
        assertEquals(6, unknown.column());
        assertTrue(unknown.getMessage().contains("X:7 'Bad'") && unknown.getMessage().contains("'s'"), unknown.getMessage());
        AbcException noKey = assertThrows(AbcException.class, () -> Tune.parse("X:1\nT:No key\n"));
        assertTrue(noKey.getMessage().contains("K:"), noKey.getMessage());
        AbcException badKey = assertThrows(AbcException.class, () -> Tune.parse("X:1\nK:Q\nABC|"));
        assertEquals(2, badKey.line(), "the K: line itself");
        AbcException badMeter = assertThrows(AbcException.class, () -> Tune.parse("X:1\nT:T\nM:7/x\nK:G\nABC|"));
        assertEquals(3, badMeter.line());
        assertTrue(badMeter.getMessage().contains("unknown meter '7/x'"), badMeter.getMessage());
        AbcException noX = assertThrows(AbcException.class, () -> Tune.parse("T:Untitled\nK:G\nABC|"));
        assertEquals(1, noX.line());
        AbcException bodyField = assertThrows(AbcException.class, () -> Tune.parse("X:1\nK:G\nABc|\nM:bad\nABc|"));
        assertEquals(4, bodyField.line(), "a field inside the music, on its own line");
        AbcException inline = assertThrows(AbcException.class, () -> Tune.parse("X:1\nK:G\nABc [M:oops] ABc|"));
        assertEquals(3, inline.line());
        assertEquals(5, inline.column());
        AbcException broken = assertThrows(AbcException.class, () -> Tune.parse("X:1\nK:G\nA>>>>B|"));
        assertTrue(broken.getMessage().contains("1 to 3 marks"), broken.getMessage());
        assertThrows(AbcException.class, () -> Tune.parse("X:1\nK:C\n\"unclosed ABC|"));
        assertThrows(AbcException.class, () -> Tune.parse("X:1\nK:C\nz4|"), "a tune must have notes");
    }

    @Test
    void aCollectionKeepsItsFirstAndLastTunesAndReportsBadOnesWithoutStopping() {
        String text = "Some notes about this collection\nX:1\nT:First\nK:G\nGAB|\nX:2\nT:Broken\nK:G\nGsB|\n\n\n"
                + "X:3\nT:Last\nK:D\nDEF|";
        TuneBook book = TuneBook.parse(text);
        assertEquals(3, book.texts().size());
        assertEquals(List.of("First", "Last"), book.tunes().stream().map(Tune::title).toList());
        assertEquals(1, book.problems().size());
        assertEquals(2, book.problems().get(0).tune());
        assertTrue(book.text().startsWith("X:1\nT:First"));
    }

    @Test
    void theCoursesCollectionReadsAlmostWhole() {
        TuneBook book = TuneBook.read(SharedData.require("mit6s191").resolve("irish.abc"));
        assertEquals(804, book.texts().size(), "every X: tune, first and last included");
        assertEquals("Alexander's", book.tunes().get(0).title());
        assertEquals("Waterford", book.tunes().get(book.tunes().size() - 1).title());
        assertTrue(book.tunes().size() >= 800, book.toString());
        long matching = book.tunes().stream().filter(Tune::barsMatchMeter).count();
        // 781 of 801 counted as played (BENCHMARKS.md); abc2midi finds a bar off in 41 of the 806 pieces it reads
        assertTrue(matching >= 775, "tunes whose bars all match their meter: " + matching);
        book.problems().forEach(p -> assertTrue(p.line() > 0 && p.column() > 0, p.getMessage()));
    }
}
