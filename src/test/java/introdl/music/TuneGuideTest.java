package introdl.music;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import introdl.sequence.SamplingGuide.Step;
import org.junit.jupiter.api.Test;

/** Structure-aware sampling's decisions, one character at a time, on texts written by hand. */
class TuneGuideTest {
    private static final String HEADER = "X:1\nT:Test\nM:4/4\nL:1/8\nK:D\n";

    /** Feeds {@code text} after the prefix "X:" one character at a time and returns the last step. */
    private static Step feed(TuneGuide guide, String text) {
        Step step = null;
        for (int i = 3; i <= text.length(); i++) {
            step = guide.after(text.substring(0, i));
        }
        return step;
    }

    @Test
    void barsThatFitAreMarkedAndTheTuneEndsAtABlankLine() {
        TuneGuide guide = new TuneGuide("X:");
        assertEquals(Step.MARK, feed(guide, HEADER + "ABcd efga|ABcd efga|B"), "a new bar after one that fits");
        assertEquals(Step.KEEP, guide.after(HEADER + "ABcd efga|ABcd efga|Bc"), "a note inside the bar");
        assertEquals(Step.END, feed(guide, HEADER + "ABcd efga|ABcd efga|B8|]\n\n"));
        assertFalse(guide.corrections().any(), guide.corrections().toString());
    }

    @Test
    void aFinishedBarShortOfTheMeterIsSampledAgain() {
        TuneGuide guide = new TuneGuide("X:");
        feed(guide, HEADER + "ABcd efga|A");
        assertEquals(Step.BACK, guide.after(HEADER + "ABcd efga|ABcd efg|a"), "7 eighths in 4/4");
        assertEquals(1, guide.corrections().misfitting());
        assertEquals(Step.MARK, guide.after(HEADER + "ABcd efga|ABcd efga|a"), "written again, it fits");
    }

    @Test
    void aBarIsStoppedAsSoonAsItOverflows() {
        TuneGuide guide = new TuneGuide("X:");
        feed(guide, HEADER + "ABcd efga|ABcd efga b");
        assertEquals(Step.BACK, guide.after(HEADER + "ABcd efga|ABcd efga bc"), "9 eighths before the bar line");
        assertEquals(1, guide.corrections().overflowing());
    }

    @Test
    void aPickUpAndTheSectionsLastBarMakeOneBar() {
        TuneGuide guide = new TuneGuide("X:");
        assertEquals(Step.END, feed(guide, HEADER + "A|dcBA GABc|d7:|\n\n"));
        assertFalse(guide.corrections().any(), guide.corrections().toString());
        TuneGuide longer = new TuneGuide("X:");
        feed(longer, HEADER + "A|dcBA GABc|d6:|");
        assertEquals(Step.BACK, longer.after(HEADER + "A|dcBA GABc|d6:|A"), "6 + the pick-up's 1 is not 8");
        TuneGuide next = new TuneGuide("X:");
        feed(next, HEADER + "dcBA GABc|d6||ABc");
        assertEquals(Step.BACK, next.after(HEADER + "dcBA GABc|d6||ABcd"), "the next section's pick-up may "
                + "only complete the bar: 2 eighths");
    }

    @Test
    void unreadableMusicAndAHeaderWithoutAMeterAreWrittenAgain() {
        TuneGuide unreadable = new TuneGuide("X:");
        feed(unreadable, HEADER + "AB#");
        assertEquals(Step.BACK, unreadable.after(HEADER + "AB#c"));
        assertEquals(1, unreadable.corrections().unreadable());
        TuneGuide meterless = new TuneGuide("X:");
        assertEquals(Step.BACK, feed(meterless, "X:1\nT:Free\nL:1/8\nK:D\nA"));
        assertEquals(1, meterless.corrections().headers());
        TuneGuide endless = new TuneGuide("X:");
        assertEquals(Step.BACK, feed(endless, "X:1\nT:No key and no music\n\n"), "a tune must reach its music");
    }

    @Test
    void aFirstEndingMustBelongToARepeatAsAbc2midiReadsIt() {
        TuneGuide stray = new TuneGuide("X:");
        feed(stray, HEADER + "ABcd efga:|ABcd efga|[1 ");
        assertEquals(Step.BACK, stray.after(HEADER + "ABcd efga:|ABcd efga|[1 A"), "[1 after a :| with no |:");
        assertEquals(1, stray.corrections().endings());
        TuneGuide started = new TuneGuide("X:");
        assertEquals(Step.KEEP, feed(started, HEADER + "ABcd efga:||:ABcd efga|[1 AB"), "a |: starts the repeat");
        TuneGuide unclosed = new TuneGuide("X:");
        assertEquals(Step.BACK, feed(unclosed, HEADER + "|:ABcd efga|[1 ABcd efga|]\n\n"), "no :| closes the ending");
        assertEquals(1, unclosed.corrections().endings());
        TuneGuide dangling = new TuneGuide("X:");
        assertEquals(Step.BACK, feed(dangling, HEADER + "ABcd efga|ABcd efga::!\n\n"), "a repeat that starts at the end");
        TuneGuide numberless = new TuneGuide("X:");
        assertEquals(Step.BACK, feed(numberless, "X:I46\nT:t\nM:4/4\nL:1/8\nK:D\nA"), "X: must be a number");
    }

    @Test
    void lettersInChordSymbolsQuotesFieldsAndGraceNotesAreNotNotes() {
        assertTrue(TuneGuide.startsNote("|A"));
        assertFalse(TuneGuide.startsNote("|\"A"), "a chord symbol");
        assertFalse(TuneGuide.startsNote("|{g"), "a grace note");
        assertFalse(TuneGuide.startsNote("|[CE"), "inside a chord");
        assertTrue(TuneGuide.startsNote("|[1 A"), "an ending is not a chord");
        assertFalse(TuneGuide.startsNote("AB\nT:A"), "a field line");
        assertFalse(TuneGuide.startsNote("AB % A"), "a comment");
        assertFalse(TuneGuide.startsNote("AB ^A"), "the letter of a sharp note: the ^ started it");
        assertTrue(TuneGuide.inMusic(HEADER));
        assertFalse(TuneGuide.inMusic("X:1\nM:4/4\nK:D"), "the K: line is not finished");
    }

    @Test
    void aBarNotFixedInTenTriesStartsTheTuneAgainAndAfterThreeRestartsIsLeftAsWritten() {
        TuneGuide guide = new TuneGuide("X:");
        feed(guide, HEADER + "ABcd efga|A");
        String shortBar = HEADER + "ABcd efga|ABcd efg|a";
        for (int restart = 0; restart <= TuneGuide.RESTARTS; restart++) {
            for (int i = 0; i < TuneGuide.TRIES_PER_POINT; i++) {
                assertEquals(Step.BACK, guide.after(shortBar), "try " + (i + 1) + " after " + restart + " restarts");
            }
            if (restart < TuneGuide.RESTARTS) {
                assertEquals(Step.RESTART, guide.after(shortBar), "restart " + (restart + 1));
            }
        }
        assertEquals(Step.MARK, guide.after(shortBar), "given up on: kept as the network wrote it");
        assertEquals(new TuneGuide.Corrections(0, (TuneGuide.RESTARTS + 1) * TuneGuide.TRIES_PER_POINT, 0, 0, 0,
                TuneGuide.RESTARTS, 1), guide.corrections());
        assertEquals(Step.KEEP, guide.after(shortBar + "b"), "and not checked again");
        assertEquals("40 short bars, 3 restarts, 1 bar left as written", guide.corrections().toString());
    }
}
