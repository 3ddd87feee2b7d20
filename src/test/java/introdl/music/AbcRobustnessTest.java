package introdl.music;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.List;
import javax.sound.midi.MidiSystem;
import javax.sound.midi.Sequence;
import org.junit.jupiter.api.Test;

/**
 * Bad ABC text (issue 17): numbers too large to count with, input that made the parser slow, and
 * tunes that ask for more audio than fits in memory are reported with the library's own errors.
 */
class AbcRobustnessTest {
    private static final String HUGE_UNIT = "X:1\nL:9223372036854775807/1\nK:C\nA2 B|";

    @Test
    void aHugeUnitLengthIsAProblemOfItsTuneNotACrashOfTheBook() {
        TuneBook book = TuneBook.parse(HUGE_UNIT + "\n\nX:2\nL:1/8\nK:C\nA2 B|");
        assertEquals(1, book.tunes().size(), book.toString());
        String problem = book.problems().get(0).getMessage();
        assertTrue(problem.contains("L:9223372036854775807/1") && problem.contains("out of range"), problem);
    }

    @Test
    void lengthsTooFineToAddUpAreReportedWhenTheTuneIsRead() {
        // 1/3037000500 squared overflows a long: checkBars used to throw ArithmeticException
        AbcException unit = assertThrows(AbcException.class,
                () -> Tune.parse("X:1\nM:4/4\nL:1/3037000500\nK:C\nA2 B|A B|").checkBars());
        assertTrue(unit.getMessage().contains("L:1/3037000500"), unit.getMessage());
        // each length is fine; their sum's denominator (the product of seven primes) is not
        AbcException bar = assertThrows(AbcException.class,
                () -> Tune.parse("X:1\nM:4/4\nL:1/8\nK:C\nA/1021A/1019A/1013A/1009A/997A/991A/983|").checkBars());
        assertTrue(bar.getMessage().contains("this bar's notes add up to"), bar.getMessage());
    }

    @Test
    void meterTermsThatWouldWrapAroundAreOutOfRange() {
        // (2^63 - 1) + (2^63 - 1) + 6 wraps around to 4: the meter used to read as 4/4
        AbcException e = assertThrows(AbcException.class,
                () -> Tune.parse("X:1\nM:9223372036854775807+9223372036854775807+6/4\nK:C\nA2 B|"));
        assertTrue(e.getMessage().contains("out of range"), e.getMessage());
    }

    @Test
    void brokenRhythmsNeedANoteBetweenThem() {
        // each '>>>' lengthened the same note again, until its length overflowed
        AbcException e = assertThrows(AbcException.class,
                () -> Tune.parse("X:1\nL:1/8\nK:C\nA" + " >>>".repeat(40) + " B|"));
        assertTrue(e.getMessage().contains("a note between"), e.getMessage());
    }

    @Test
    void aTupletOfNoTimeIsAnError() {
        assertThrows(AbcException.class, () -> Tune.parse("X:1\nL:1/8\nK:C\n(3:0abc|"));
    }

    @Test
    void longBlankAndLongLinesAreReadInLinearTime() {
        // 160,000 leading spaces took 3.7 s (each character looked back over the line's start)
        assertFast(() -> Tune.parse("X:1\nK:C\n" + " ".repeat(160_000) + "A|"));
        // a decoration, a chord symbol or a +...+ looked for the line's end every time
        assertFast(() -> Tune.parse("X:1\nK:C\n" + "!p!A\"G\"A+f+A".repeat(120_000) + "|"));
    }

    /**
     * Runs well under a second of CPU when linear (milliseconds, and about 0.3 s for the 1.4 million
     * characters of decorations); the quadratic versions took 4 and 8 s. CPU time, the thread's own,
     * so that other work on the machine cannot make the test flaky.
     */
    private static void assertFast(Runnable parse) {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long start = threads.getCurrentThreadCpuTime();
        parse.run();
        double seconds = (threads.getCurrentThreadCpuTime() - start) / 1e9;
        assertTrue(seconds < 1, "took " + seconds + " s of CPU");
    }

    @Test
    void audioLongerThanTheCapIsRefusedBeforeItIsAllocated() {
        // 400 bars of 8 whole notes at the slowest tempo: 2.1e5 s, 4.7e9 samples (an OutOfMemoryError)
        Tune tune = Tune.parse("X:1\nL:1/1\nQ:1/4=1\nK:C\n" + "A8|".repeat(400));
        List<Midi.TimedNote> notes = Midi.notes(Midi.sequence(tune));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Synth.render(notes));
        assertTrue(e.getMessage().contains("Synth.MAX_SECONDS") && e.getMessage().contains("render(notes, sampleRate, "
                + "seconds)"), e.getMessage());
        float[] opening = Synth.render(notes, Synth.NOTEBOOK_SAMPLE_RATE, 2);
        assertEquals(2.03, opening.length / (double) Synth.NOTEBOOK_SAMPLE_RATE, 0.01, "the first 2 s and a release");
        float[] capped = Synth.render(notes, Synth.NOTEBOOK_SAMPLE_RATE, 1e9);
        assertEquals(Synth.MAX_SECONDS + 0.03, capped.length / (double) Synth.NOTEBOOK_SAMPLE_RATE, 0.01);
    }

    @Test
    void aMidiFileKeepsItsTimesWithinWhatMidiHolds() throws Exception {
        // 16 tied notes of 9999 whole notes: 3e8 ticks, more than the 4 bytes of a MIDI delta time hold
        Tune tune = Tune.parse("X:1\nL:1/1\nK:C\n" + "A9999-|".repeat(16) + "B|");
        Sequence sequence = Midi.sequence(tune);
        assertEquals(Midi.MAX_TICKS, sequence.getTickLength(), "cut at the longest time MIDI holds");
        ByteArrayOutputStream file = new ByteArrayOutputStream();
        MidiSystem.write(sequence, 1, file);
        Sequence back = MidiSystem.getSequence(new ByteArrayInputStream(file.toByteArray()));
        assertEquals(Midi.MAX_TICKS, back.getTickLength());
        assertEquals(69, Midi.notes(back).get(0).pitch());
    }

    @Test
    void aComposerReadingABadTuneRecordsTheProblem() {
        Composer.Composition c = Composer.read(HUGE_UNIT);
        assertFalse(c.parses());
        assertFalse(c.barsMatchMeter());
        assertTrue(c.problem().contains("L:9223372036854775807/1"), c.problem());
    }
}
