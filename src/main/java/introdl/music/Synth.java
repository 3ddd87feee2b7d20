package introdl.music;

import introdl.io.AtomicFiles;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import javax.sound.sampled.AudioFileFormat;
import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioInputStream;
import javax.sound.sampled.AudioSystem;

/**
 * A small synthesizer written in Java: each note is a few harmonics of its pitch under an
 * envelope (5 ms attack, a quick decay to a held level, a 30 ms release at the note's end), mixed
 * and written as a WAV file. It needs no sound card, sound bank or external program, so it renders
 * the same everywhere. It renders at most {@link #MAX_SECONDS} of audio: a generated tune can ask
 * for hours (long notes at a slow tempo), more samples than fit in memory.
 */
public final class Synth {
    /** Samples per second. */
    public static final int SAMPLE_RATE = 22_050;
    private static final double[] HARMONICS = {1.0, 0.45, 0.25, 0.12};
    private static final double ATTACK = 0.005;
    private static final double RELEASE = 0.03;
    private static final double DECAY_SECONDS = 0.08;
    private static final double SUSTAIN = 0.6;
    /**
     * The longest audio rendered, in seconds (10 minutes; 53 MB of samples at {@link #SAMPLE_RATE}):
     * longer than any folk tune, short enough to keep in memory.
     */
    public static final double MAX_SECONDS = 600;

    private Synth() {}

    /** The frequency in Hz of a MIDI note (69 = A4 = 440 Hz). */
    public static double frequency(int pitch) {
        return 440 * Math.pow(2, (pitch - 69) / 12.0);
    }

    /**
     * Sample rate of the audio embedded in notebooks: telephone quality at about a third of the
     * WAV files' size; the tunes' fundamentals (up to about 1 kHz) and their first three
     * harmonics stay below its 4 kHz Nyquist limit.
     */
    public static final int NOTEBOOK_SAMPLE_RATE = 8_000;

    /**
     * Renders notes to samples in -1..1 at {@link #SAMPLE_RATE}.
     *
     * @throws IllegalArgumentException if they last longer than {@link #MAX_SECONDS}
     */
    public static float[] render(List<Midi.TimedNote> notes) {
        return render(notes, SAMPLE_RATE);
    }

    /**
     * Renders notes to samples in -1..1 at {@code sampleRate} samples per second.
     *
     * @throws IllegalArgumentException if they last longer than {@link #MAX_SECONDS} (checked before
     *     any sample is allocated); {@link #render(List, int, double)} renders their beginning
     */
    public static float[] render(List<Midi.TimedNote> notes, int sampleRate) {
        double music = end(notes);
        if (!(music <= MAX_SECONDS)) {
            throw new IllegalArgumentException(String.format(Locale.ROOT, "these notes last %.0f seconds (%.1f hours); "
                    + "Synth renders at most %.0f (Synth.MAX_SECONDS). Render their beginning with Synth.render(notes, "
                    + "sampleRate, seconds), as Synth.writeWav(tune, file) and Synth.player(tune, seconds) do",
                    music, music / 3600, MAX_SECONDS));
        }
        return mix(notes, sampleRate, music);
    }

    /**
     * Renders the first {@code seconds} of the notes (at most {@link #MAX_SECONDS}): notes that start
     * later are left out, and a note still sounding then is cut there (with its release).
     *
     * @throws IllegalArgumentException if {@code seconds} is not positive
     */
    public static float[] render(List<Midi.TimedNote> notes, int sampleRate, double seconds) {
        if (!(seconds > 0)) {
            throw new IllegalArgumentException("seconds must be positive, got " + seconds);
        }
        double cut = Math.min(seconds, MAX_SECONDS);
        List<Midi.TimedNote> opening = new ArrayList<>();
        for (Midi.TimedNote note : notes) {
            if (note.start() < cut) {
                opening.add(new Midi.TimedNote(note.pitch(), note.start(), Math.min(note.length(), cut - note.start()),
                        note.velocity()));
            }
        }
        // start + (cut - start) may round a hair past the cut, which must not count as too long
        return mix(opening, sampleRate, Math.min(end(opening), cut));
    }

    /** When the last note ends, in seconds (0 for none). */
    private static double end(List<Midi.TimedNote> notes) {
        return notes.stream().mapToDouble(n -> n.start() + n.length()).max().orElse(0);
    }

    /** The notes mixed into {@code music} seconds of samples and a release. */
    private static float[] mix(List<Midi.TimedNote> notes, int sampleRate, double music) {
        if (sampleRate <= 0) {
            throw new IllegalArgumentException("the sample rate must be positive, got " + sampleRate);
        }
        float[] out = new float[(int) Math.ceil((music + RELEASE) * sampleRate)];
        for (Midi.TimedNote note : notes) {
            double f = frequency(note.pitch());
            double gain = 0.25 * note.velocity() / 127.0;
            int first = (int) Math.round(note.start() * sampleRate);
            int count = (int) Math.round((note.length() + RELEASE) * sampleRate);
            for (int i = Math.max(0, -first); i < count && first + i < out.length; i++) {
                double t = (double) i / sampleRate;
                double envelope = t < ATTACK ? t / ATTACK
                        : SUSTAIN + (1 - SUSTAIN) * Math.exp(-(t - ATTACK) / DECAY_SECONDS);
                if (t > note.length()) {
                    envelope *= Math.max(0, 1 - (t - note.length()) / RELEASE);
                }
                double wave = 0;
                for (int h = 0; h < HARMONICS.length; h++) {
                    wave += HARMONICS[h] * Math.sin(2 * Math.PI * f * (h + 1) * t);
                }
                out[first + i] += (float) (gain * envelope * wave);
            }
        }
        float peak = 0;
        for (float v : out) {
            peak = Math.max(peak, Math.abs(v));
        }
        if (peak > 0.99f) {
            for (int i = 0; i < out.length; i++) {
                out[i] *= 0.99f / peak;
            }
        }
        return out;
    }

    /** Writes samples at {@link #SAMPLE_RATE} as a 16-bit mono WAV file. */
    public static Path writeWav(float[] samples, Path file) {
        byte[] wav = wav(samples, SAMPLE_RATE);
        return AtomicFiles.write(file, out -> out.write(wav));
    }

    /** Samples as the bytes of a 16-bit mono WAV file. */
    public static byte[] wav(float[] samples, int sampleRate) {
        byte[] pcm = new byte[samples.length * 2];
        for (int i = 0; i < samples.length; i++) {
            int v = Math.round(Math.max(-1, Math.min(1, samples[i])) * 32767);
            pcm[2 * i] = (byte) v;
            pcm[2 * i + 1] = (byte) (v >> 8);
        }
        AudioFormat format = new AudioFormat(sampleRate, 16, 1, true, false);
        ByteArrayOutputStream out = new ByteArrayOutputStream(pcm.length + 44);
        try {
            AudioSystem.write(new AudioInputStream(new ByteArrayInputStream(pcm), format, samples.length),
                    AudioFileFormat.Type.WAVE, out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /**
     * An HTML audio player with the tune's first {@code seconds} seconds (at most
     * {@link #MAX_SECONDS}) embedded (WAV at {@link #NOTEBOOK_SAMPLE_RATE}, base64): what a notebook
     * shows with {@code display(Synth.player(tune, 10), "text/html")}, playable in any browser with
     * no file beside the notebook.
     */
    public static String player(Tune tune, double seconds) {
        float[] samples = render(Midi.notes(Midi.sequence(tune)), NOTEBOOK_SAMPLE_RATE, seconds);
        String data = Base64.getEncoder().encodeToString(wav(samples, NOTEBOOK_SAMPLE_RATE));
        return "<audio controls src=\"data:audio/wav;base64," + data + "\"></audio>";
    }

    /**
     * Renders a tune (through its MIDI) and writes it as WAV; a tune longer than
     * {@link #MAX_SECONDS} is cut there, so that writing what a model generated always succeeds.
     */
    public static Path writeWav(Tune tune, Path file) {
        return writeWav(render(Midi.notes(Midi.sequence(tune)), SAMPLE_RATE, MAX_SECONDS), file);
    }
}
