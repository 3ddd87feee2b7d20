package introdl.music;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import introdl.SharedData;
import introdl.train.Seeds;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.stream.Stream;
import javax.sound.midi.MidiSystem;
import javax.sound.midi.Sequence;
import org.junit.jupiter.api.Test;

/**
 * Fuzzes the ABC reader and the players with tunes mutated from real ones (issue 17): byte flips,
 * deletions, duplicated lines, huge numbers in {@code L:}, {@code M:}, {@code Q:} and note lengths,
 * long lines and unicode. Each mutated tune is read as a collection, bar-checked, followed as the
 * structure-aware sampler follows it, written as MIDI and rendered as a short WAV; the only error
 * allowed is the library's own report of a tune it cannot read ({@link AbcException}), and no tune
 * may take a second of CPU time (the thread's own, so that other work on the machine cannot make
 * the test flaky). Seeded: a failure names the seed and mutations that reproduce it
 * ({@link #mutate}).
 */
class AbcFuzzTest {
    private static final long SEED = 17;
    private static final double MAX_SECONDS_PER_TUNE = 1.0;
    /** The WAV's length: long enough to mix some notes, short enough for thousands of tunes. */
    private static final double WAV_SECONDS = 1.0;
    private static final int SHOWN_FAILURES = 5;
    /**
     * The longest mutated tune, in characters: 200 times the course's average tune, 33 times the
     * longest a model writes ({@link Composer#MAX_LENGTH}); {@code AbcRobustnessTest} reads longer
     * text, to show reading is linear.
     */
    private static final int MAX_CHARS = 50_000;
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    private static final String[] HUGE_FIELDS = {"L:9223372036854775807/1", "L:1/3037000500", "L:1/1024",
        "L:1024/1", "L:0/0", "L:99999999999999999999/1", "M:9223372036854775807/4",
        "M:9223372036854775807+9223372036854775807+6/4", "M:4/0", "M:64/1", "M:1/99999999999999999999", "Q:1/4=1",
        "Q:1/4=1e308", "Q:1/9223372036854775807=120", "Q:9223372036854775807/1=9223372036854775807", "Q:1/0=120",
        "Q:1/4=-5", "Q:1/4=NaN", "Q:1/4=Infinity"};
    private static final String[] HUGE_NUMBERS = {"9999", "99999999999999999999", "9223372036854775807", "0", "/1024",
        "/9999/9999", "1023/1021", "/997"};
    private static final String[] RUNS = {" ", "A", "A9999", "z/1024", "A/1021", "!p!", "\"G\"", "+f+", "(3", "(9:9:9",
        ">", "<", "[", "]", "|", ":|", "|:", "[1", "'", ",", "^", "-", "{g}", "%", "\t", "\n", "[L:1/3]", "[M:7/8]",
        "[CEGc]", "X:", "K:C\n", "é", "\uD83C\uDFB5"};
    private static final String UNICODE = "é漢字ß\u0301\u202e\u200b\uFEFF\u0000ÿ\uD800\uDFFF\uD83C\uDFB5Ω";

    private enum Mutation { FLIP, DELETION, DUPLICATED_LINE, HUGE_FIELD, HUGE_NUMBER, LONG_LINE, UNICODE }

    @Test
    void mutatedBundledTunesAreReadOrReported() {
        fuzz("the bundled tunes", TuneData.bundled().texts(), 10_000);
    }

    @Test
    void mutatedCourseTunesAreReadOrReported() {
        Path file = SharedData.require("mit6s191").resolve(TuneData.FILE_NAME);
        fuzz(file.toString(), texts(Stream.of(file)), 2_500);
    }

    @Test
    void mutatedNottinghamTunesAreReadOrReported() throws IOException {
        Path folder = SharedData.require("nottingham-abc");
        try (Stream<Path> files = Files.walk(folder)) {
            fuzz(folder.toString(), texts(files.filter(f -> f.toString().endsWith(".abc")).sorted()), 2_500);
        }
    }

    /** The tunes of ABC files, read as Latin-1 so that any byte is a character. */
    private static List<String> texts(Stream<Path> files) {
        return files.flatMap(f -> {
            try {
                return TuneBook.split(Files.readString(f, StandardCharsets.ISO_8859_1)).stream();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }).toList();
    }

    /** Mutates {@code count} tunes drawn from {@code sources} and fails listing those that broke a rule. */
    private static void fuzz(String origin, List<String> sources, int count) {
        assertFalse(sources.isEmpty(), "no tunes in " + origin);
        List<String> failures = new ArrayList<>();
        int[] outcomes = new int[2]; // tunes read and played, tunes reported as unreadable
        double slowest = 0;
        long start = System.nanoTime();
        for (int i = 0; i < count; i++) {
            long seed = Seeds.derive(SEED, i);
            int source = Math.floorMod(seed, sources.size());
            List<Mutation> applied = new ArrayList<>();
            String text = mutate(sources.get(source), new Random(seed), applied);
            long tuneStart = THREADS.getCurrentThreadCpuTime();
            try {
                play(text, outcomes);
            } catch (RuntimeException | StackOverflowError | OutOfMemoryError e) {
                failures.add(describe(origin, i, source, applied, text, e.toString()));
            }
            double seconds = (THREADS.getCurrentThreadCpuTime() - tuneStart) / 1e9;
            slowest = Math.max(slowest, seconds);
            if (seconds > MAX_SECONDS_PER_TUNE) {
                failures.add(describe(origin, i, source, applied, text, String.format(Locale.ROOT, "took %.2f s of CPU",
                        seconds)));
            }
        }
        System.out.printf(Locale.ROOT, "fuzzed %d tunes from %s in %.1f s (slowest %.3f s of CPU): %d tunes read and "
                + "played, %d reported unreadable, %d failures%n", count, origin, (System.nanoTime() - start) / 1e9, slowest,
                outcomes[0], outcomes[1], failures.size());
        // the players are fuzzed only with tunes that can be read: enough must be
        assertTrue(outcomes[0] >= count / 5, "only " + outcomes[0] + " mutated tunes could be read");
        assertTrue(failures.isEmpty(), failures.size() + " of " + count + " mutated tunes failed; the first:\n"
                + String.join("\n", failures.subList(0, Math.min(SHOWN_FAILURES, failures.size()))));
    }

    /**
     * What the library does with a tune: read it as a collection, then check, follow, write and
     * render every tune read; adds the tunes read and those reported unreadable to {@code outcomes}.
     */
    private static void play(String text, int[] outcomes) {
        TuneBook book = TuneBook.parse(text);
        for (Tune tune : book.tunes()) {
            tune.checkBars();
            Sequence sequence = Midi.sequence(tune);
            writeMidi(sequence);
            Synth.wav(Synth.render(Midi.notes(sequence), Synth.NOTEBOOK_SAMPLE_RATE, WAV_SECONDS),
                    Synth.NOTEBOOK_SAMPLE_RATE);
        }
        for (String tune : book.texts()) {
            follow(tune);
        }
        outcomes[0] += book.tunes().size();
        outcomes[1] += book.problems().size();
    }

    private static void writeMidi(Sequence sequence) {
        try {
            MidiSystem.write(sequence, 1, new ByteArrayOutputStream());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** What {@link TuneGuide} does at each note: the bars so far, checked with the last one open. */
    private static void follow(String tune) {
        try {
            List<Bar> bars = AbcParser.barsSoFar(tune);
            Tune.MeterCheck check = Tune.meterCheck(bars, true);
            if (check.room() != null) {
                bars.get(bars.size() - 1).length().compareTo(check.room());
            }
        } catch (AbcException e) {
            // reported as the guide reports it: the bar is sampled again
        }
    }

    /** A failure, with what reproduces it: the source tune, the seed of the mutations, the input. */
    private static String describe(String origin, int index, int source, List<Mutation> applied, String text,
            String problem) {
        String shown = text.length() <= 600 ? text : text.substring(0, 400) + " ...[" + (text.length() - 600)
                + " characters]... " + text.substring(text.length() - 200);
        return String.format(Locale.ROOT, "mutated tune %d (%s): %s%n  reproduce: mutate(tune %d of %s, new Random(%dL), "
                + "list), tunes counted from 0; input: %s", index, applied, problem, source, origin, Seeds.derive(SEED, index),
                shown.replace("\n", "\\n"));
    }

    /**
     * One to three mutations of {@code text}, recorded in {@code applied}, the result cut to
     * {@link #MAX_CHARS}; the same {@code random} gives the same text.
     */
    static String mutate(String text, Random random, List<Mutation> applied) {
        String out = text;
        int n = 1 + random.nextInt(3);
        for (int i = 0; i < n; i++) {
            Mutation m = Mutation.values()[random.nextInt(Mutation.values().length)];
            applied.add(m);
            out = apply(m, out, random);
            out = out.substring(0, Math.min(out.length(), MAX_CHARS));
        }
        return out;
    }

    private static String apply(Mutation m, String text, Random random) {
        int at = random.nextInt(text.length() + 1);
        return switch (m) {
            case FLIP -> at == text.length() ? text
                    : replace(text, at, at + 1, String.valueOf((char) (text.charAt(at) ^ (1 << random.nextInt(8)))));
            case DELETION -> replace(text, at, Math.min(text.length(), at + 1 + random.nextInt(40)), "");
            case DUPLICATED_LINE -> duplicateLine(text, at, 1 + random.nextInt(random.nextBoolean() ? 3 : 200));
            case HUGE_FIELD -> field(text, HUGE_FIELDS[random.nextInt(HUGE_FIELDS.length)], random);
            case HUGE_NUMBER -> replace(text, at, at, HUGE_NUMBERS[random.nextInt(HUGE_NUMBERS.length)]);
            case LONG_LINE -> replace(text, at, at, RUNS[random.nextInt(RUNS.length)].repeat(1 + random.nextInt(
                    random.nextBoolean() ? 50 : 5_000)));
            case UNICODE -> replace(text, at, at, unicode(random));
        };
    }

    private static String replace(String text, int from, int to, String with) {
        return text.substring(0, from) + with + text.substring(to);
    }

    /** The line holding {@code at}, repeated {@code times} more times. */
    private static String duplicateLine(String text, int at, int times) {
        int start = text.lastIndexOf('\n', Math.max(0, at - 1)) + 1;
        int end = text.indexOf('\n', at);
        String line = text.substring(start, end < 0 ? text.length() : end) + "\n";
        return replace(text, start, start, line.repeat(Math.min(times, MAX_CHARS / line.length())));
    }

    /** A field in the header (after the X: line), inline in the music, or replacing the music's first line. */
    private static String field(String text, String field, Random random) {
        int afterX = text.indexOf('\n') + 1;
        int music = Math.max(afterX, TuneGuide.musicStart(text));
        return switch (random.nextInt(3)) {
            case 0 -> replace(text, afterX, afterX, field + "\n");
            case 1 -> replace(text, music, music, "[" + field + "]");
            default -> replace(text, music, music, field + "\n");
        };
    }

    /** A few characters from beyond ASCII: accents, CJK, combining and invisible marks, lone surrogates, emoji. */
    private static String unicode(Random random) {
        StringBuilder out = new StringBuilder();
        for (int i = 1 + random.nextInt(8); i > 0; i--) {
            out.append(random.nextInt(4) == 0 ? (char) random.nextInt(0x10000) : UNICODE.charAt(random.nextInt(UNICODE.length())));
        }
        return out.toString();
    }
}
