package introdl.music;

import introdl.io.AtomicFiles;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.sound.midi.InvalidMidiDataException;
import javax.sound.midi.MetaMessage;
import javax.sound.midi.MidiEvent;
import javax.sound.midi.MidiMessage;
import javax.sound.midi.MidiSystem;
import javax.sound.midi.Sequence;
import javax.sound.midi.ShortMessage;
import javax.sound.midi.Track;

/**
 * ABC to MIDI with Java's own {@code javax.sound.midi}: a standard MIDI file any player opens, no
 * external program. Tied notes sound as one; repeats and endings are played out. A tune longer than
 * {@link #MAX_TICKS} is cut there: a MIDI file holds a time between two events in at most 4 bytes.
 */
public final class Midi {
    /** Ticks per quarter note. */
    public static final int RESOLUTION = 480;
    /**
     * The longest sequence written, in ticks: the largest time between two events a MIDI file holds
     * (28 bits, 559,240 quarter notes: over 77 hours at 120 a minute). Java writes a longer one in
     * more bytes, which other players reject.
     */
    public static final long MAX_TICKS = 0x0FFF_FFFF;
    private static final int TEMPO = 0x51;
    private static final int VELOCITY = 90;

    private Midi() {}

    private static final int MAX_MICROS_PER_QUARTER = 0xFFFFFF;

    /** A timed note read back from MIDI: start and length in seconds. */
    public record TimedNote(int pitch, double start, double length, int velocity) {}

    /** The tune as a one-track MIDI sequence (piano, at the tune's Q: tempo). */
    public static Sequence sequence(Tune tune) {
        try {
            Sequence sequence = new Sequence(Sequence.PPQ, RESOLUTION);
            Track track = sequence.createTrack();
            // MIDI holds the tempo in 3 bytes: at most 16.7 s a quarter note (3.6 a minute)
            int microsPerQuarter = (int) Math.max(1, Math.min(MAX_MICROS_PER_QUARTER,
                    Math.round(60_000_000 / tune.quartersPerMinute())));
            track.add(new MidiEvent(new MetaMessage(TEMPO, new byte[] {(byte) (microsPerQuarter >> 16),
                    (byte) (microsPerQuarter >> 8), (byte) microsPerQuarter}, 3), 0));
            track.add(new MidiEvent(new ShortMessage(ShortMessage.PROGRAM_CHANGE, 0, 0, 0), 0));
            long tick = 0;
            int[] held = new int[0];
            for (Note note : tune.performance()) {
                if (tick >= MAX_TICKS) {
                    break; // the rest of the tune is beyond what the file can hold
                }
                long ticks = Math.min(Math.round(note.length().toDouble() * 4 * RESOLUTION), MAX_TICKS - tick);
                boolean continues = java.util.Arrays.equals(held, note.pitches());
                if (!continues) {
                    release(track, held, tick);
                    strike(track, note.pitches(), tick);
                }
                tick += ticks;
                held = note.tied() ? note.pitches() : new int[0];
                if (!note.tied()) {
                    release(track, note.pitches(), tick);
                }
            }
            release(track, held, tick);
            return sequence;
        } catch (InvalidMidiDataException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void strike(Track track, int[] pitches, long tick) throws InvalidMidiDataException {
        for (int p : pitches) {
            track.add(new MidiEvent(new ShortMessage(ShortMessage.NOTE_ON, 0, p, VELOCITY), tick));
        }
    }

    private static void release(Track track, int[] pitches, long tick) throws InvalidMidiDataException {
        for (int p : pitches) {
            track.add(new MidiEvent(new ShortMessage(ShortMessage.NOTE_OFF, 0, p, 0), tick));
        }
    }

    /** Writes the tune as a standard MIDI file (type 1). */
    public static Path write(Tune tune, Path file) {
        Sequence sequence = sequence(tune);
        return AtomicFiles.write(file, out -> MidiSystem.write(sequence, 1, out));
    }

    /** The notes of a MIDI sequence, with their times in seconds (following its tempo changes). */
    public static List<TimedNote> notes(Sequence sequence) {
        List<MidiEvent> events = new ArrayList<>();
        for (Track track : sequence.getTracks()) {
            for (int i = 0; i < track.size(); i++) {
                events.add(track.get(i));
            }
        }
        events.sort((a, b) -> Long.compare(a.getTick(), b.getTick()));
        double secondsPerTick = 0.5 / sequence.getResolution();
        double time = 0;
        long lastTick = 0;
        double[] onSince = new double[128];
        int[] onVelocity = new int[128];
        java.util.Arrays.fill(onSince, -1);
        List<TimedNote> notes = new ArrayList<>();
        for (MidiEvent event : events) {
            time += (event.getTick() - lastTick) * secondsPerTick;
            lastTick = event.getTick();
            MidiMessage message = event.getMessage();
            if (message instanceof MetaMessage meta && meta.getType() == TEMPO) {
                byte[] d = meta.getData();
                int micros = ((d[0] & 0xff) << 16) | ((d[1] & 0xff) << 8) | (d[2] & 0xff);
                secondsPerTick = micros / 1e6 / sequence.getResolution();
            } else if (message instanceof ShortMessage sm) {
                int pitch = sm.getData1();
                boolean on = sm.getCommand() == ShortMessage.NOTE_ON && sm.getData2() > 0;
                boolean off = sm.getCommand() == ShortMessage.NOTE_OFF
                        || sm.getCommand() == ShortMessage.NOTE_ON && sm.getData2() == 0;
                if ((on || off) && onSince[pitch] >= 0) {
                    notes.add(new TimedNote(pitch, onSince[pitch], time - onSince[pitch], onVelocity[pitch]));
                    onSince[pitch] = -1;
                }
                if (on) {
                    onSince[pitch] = time;
                    onVelocity[pitch] = sm.getData2();
                }
            }
        }
        return notes;
    }

    /** Reads a MIDI file's notes. */
    public static List<TimedNote> read(Path file) {
        try {
            return notes(MidiSystem.getSequence(file.toFile()));
        } catch (InvalidMidiDataException e) {
            throw new introdl.data.InvalidDataException(file + " is not a valid MIDI file: " + e.getMessage(), e);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }
}
