package introdl.music;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import javax.sound.sampled.AudioFileFormat;
import javax.sound.sampled.AudioSystem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MidiAndSynthTest {
    @Test
    void aTuneBecomesAStandardMidiFileWithItsNotesAndTempo(@TempDir Path dir) {
        Tune tune = Tune.parse("X:1\nQ:1/4=120\nM:4/4\nL:1/8\nK:C\nA2 B2 c4|C2-C2 z4|");
        List<Midi.TimedNote> notes = Midi.read(Midi.write(tune, dir.resolve("tune.mid")));
        assertEquals(4, notes.size(), "the tied C sounds once: " + notes);
        assertEquals(69, notes.get(0).pitch());
        assertEquals(0.5, notes.get(0).length(), 1e-6, "a quarter note at 120 quarters a minute lasts half a second");
        assertEquals(72, notes.get(2).pitch());
        assertEquals(1.0, notes.get(2).start(), 1e-6);
        assertEquals(1.0, notes.get(2).length(), 1e-6);
        assertEquals(60, notes.get(3).pitch());
        assertEquals(1.0, notes.get(3).length(), 1e-6, "C2-C2 is held for a half note");
    }

    @Test
    void repeatsAreHeardTwice(@TempDir Path dir) {
        Tune tune = Tune.parse("X:1\nL:1/8\nK:C\n|:C2 D2:|E4|]");
        List<Midi.TimedNote> notes = Midi.notes(Midi.sequence(tune));
        assertEquals(List.of(60, 62, 60, 62, 64), notes.stream().map(Midi.TimedNote::pitch).toList());
    }

    @Test
    void theSynthesizerPlaysTheRightPitchForTheRightTime(@TempDir Path dir) throws Exception {
        // one A (440 Hz), a whole note at 60 quarters a minute: 4 seconds
        Tune tune = Tune.parse("X:1\nQ:1/4=60\nL:1/1\nK:C\nA|");
        Path wav = Synth.writeWav(tune, dir.resolve("a.wav"));
        AudioFileFormat format = AudioSystem.getAudioFileFormat(wav.toFile());
        assertEquals(AudioFileFormat.Type.WAVE, format.getType());
        assertEquals(Synth.SAMPLE_RATE, format.getFormat().getSampleRate(), 1e-6);
        float[] samples = Synth.render(Midi.notes(Midi.sequence(tune)));
        assertEquals(pitchOf(samples, 1.0, 0.5), 440, 4.0);
        double sounding = rms(samples, 3.8, 3.95);
        double after = samples.length > (int) (4.05 * Synth.SAMPLE_RATE) ? rms(samples, 4.05, 4.1) : 0;
        assertTrue(sounding > 1e-3, "still sounding just before 4 s: " + sounding);
        assertTrue(after < 1e-6, "silent after the note and its release: " + after);
        assertEquals(4.03, samples.length / (double) Synth.SAMPLE_RATE, 0.01, "the note and a 30 ms release");
    }

    @Test
    void theNotebookPlayerEmbedsTheTunesOpeningSecondsAsAWav() throws Exception {
        // four whole notes at 60 quarters a minute: 16 seconds, of which the player keeps 6
        Tune tune = Tune.parse("X:1\nQ:1/4=60\nL:1/1\nK:C\nA|B|c|d|");
        String html = Synth.player(tune, 6);
        String prefix = "<audio controls src=\"data:audio/wav;base64,";
        assertTrue(html.startsWith(prefix) && html.endsWith("\"></audio>"), html.substring(0, 60));
        byte[] wav = java.util.Base64.getDecoder().decode(html.substring(prefix.length(), html.length() - 10));
        javax.sound.sampled.AudioInputStream audio = AudioSystem.getAudioInputStream(new java.io.ByteArrayInputStream(wav));
        assertEquals(Synth.NOTEBOOK_SAMPLE_RATE, audio.getFormat().getSampleRate(), 1e-6);
        assertEquals(6.03, audio.getFrameLength() / (double) Synth.NOTEBOOK_SAMPLE_RATE, 0.01);
        assertThrows(IllegalArgumentException.class, () -> Synth.player(tune, 0));
    }

    @Test
    void aTempoThatCannotBePlayedIsAProblemOfTheTuneAndOneMidiCannotHoldIsClamped() {
        for (String bad : new String[] {"Q:0", "Q:1/4=-60", "Q:fast", "Q:1/0=120", "Q:1/4=1e999"}) {
            AbcException e = assertThrows(AbcException.class, () -> Tune.parse("X:1\n" + bad + "\nK:C\nC|"), bad);
            assertTrue(e.getMessage().contains(bad) && e.getMessage().contains("line 2"), e.getMessage());
        }
        assertEquals(120, Tune.parse("X:1\nQ:\"Allegro\"\nK:C\nC|").quartersPerMinute(), "a text alone names no tempo");
        assertEquals(90, Tune.parse("X:1\nQ:\"Andante\" 3/8=60\nK:C\nC|").quartersPerMinute(), 1e-9);
        assertEquals(120, Tune.parse("X:1\nK:C\nC|").quartersPerMinute(), "no Q: is the usual 120");
        List<Midi.TimedNote> slow = Midi.notes(Midi.sequence(Tune.parse("X:1\nQ:1/4=2\nL:1/4\nK:C\nC|")));
        assertEquals(0xFFFFFF / 1e6, slow.get(0).length(), 0.01, "the slowest tempo MIDI holds, not a wrapped one");
    }

    @Test
    void middleCIsMiddleC() {
        Tune tune = Tune.parse("X:1\nQ:1/4=120\nL:1/4\nK:C\nC|");
        float[] samples = Synth.render(Midi.notes(Midi.sequence(tune)));
        assertEquals(261.63, pitchOf(samples, 0.05, 0.4), 3.0);
    }

    /**
     * The fundamental frequency over [from, from + span) seconds: the shortest lag whose
     * autocorrelation is a peak within 10% of the highest (later peaks are multiples of the period).
     */
    private static double pitchOf(float[] samples, double from, double span) {
        int start = (int) (from * Synth.SAMPLE_RATE);
        int n = (int) (span * Synth.SAMPLE_RATE);
        int minLag = Synth.SAMPLE_RATE / 2000;
        int maxLag = Synth.SAMPLE_RATE / 50;
        double[] c = new double[maxLag + 2];
        double highest = Double.NEGATIVE_INFINITY;
        for (int lag = minLag - 1; lag <= maxLag + 1; lag++) {
            c[Math.min(lag, maxLag + 1)] = correlation(samples, start, n, lag);
            highest = Math.max(highest, c[Math.min(lag, maxLag + 1)]);
        }
        for (int lag = minLag; lag <= maxLag; lag++) {
            if (c[lag] >= 0.9 * highest && c[lag] >= c[lag - 1] && c[lag] >= c[lag + 1]) {
                double offset = 0.5 * (c[lag - 1] - c[lag + 1]) / (c[lag - 1] - 2 * c[lag] + c[lag + 1]);
                return Synth.SAMPLE_RATE / (lag + offset);
            }
        }
        throw new AssertionError("no pitch found");
    }

    private static double correlation(float[] samples, int start, int n, int lag) {
        double sum = 0;
        for (int i = 0; i < n; i++) {
            sum += samples[start + i] * samples[start + i + lag];
        }
        return sum;
    }

    private static double rms(float[] samples, double from, double to) {
        int a = (int) (from * Synth.SAMPLE_RATE);
        int b = Math.min(samples.length, (int) (to * Synth.SAMPLE_RATE));
        double sum = 0;
        for (int i = a; i < b; i++) {
            sum += samples[i] * samples[i];
        }
        return Math.sqrt(sum / Math.max(1, b - a));
    }
}
