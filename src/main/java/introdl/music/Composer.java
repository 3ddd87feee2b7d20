package introdl.music;

import ai.djl.Model;
import introdl.sequence.SamplingGuide;
import introdl.sequence.TextGenerator;
import introdl.sequence.Vocabulary;
import introdl.train.Seeds;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;

/**
 * Writes new tunes with a trained character model and judges them: each tune is generated from a
 * prefix (by default "X:") until a blank line ends it, then read as ABC; the share that can be
 * read and the share whose bars all fit the meter measure how much of the notation the model
 * learnt. Sampling is plain (what the network writes by itself) or structure-aware
 * ({@link TuneGuide}: a bar that does not fit the meter is sampled again).
 */
public final class Composer {
    /** The longest tune generated, in characters (the course's tunes average about 245). */
    public static final int MAX_LENGTH = 1500;

    private final TextGenerator generator;

    public Composer(Model model, Vocabulary vocabulary) {
        this.generator = new TextGenerator(model, vocabulary);
    }

    /** How tunes are sampled. */
    public enum Sampling {
        /** Character by character from the network's distribution, nothing corrected. */
        PLAIN,
        /** As plain, but a bar that overflows or misses the meter, or cannot be read, is sampled again. */
        STRUCTURED;

        /** By name: plain or structured. */
        public static Sampling named(String name) {
            return switch (name.trim().toLowerCase(Locale.ROOT)) {
                case "plain" -> PLAIN;
                case "structured" -> STRUCTURED;
                default -> throw new IllegalArgumentException("unknown sampling '" + name
                        + "'; expected structured (bars kept to the meter) or plain (the network alone)");
            };
        }

        @Override
        public String toString() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /**
     * One generated tune.
     *
     * @param abc the text
     * @param tune the tune read from it, or null if it cannot be read
     * @param problem why it cannot be read, or null
     * @param corrections what structure-aware sampling corrected ({@link TuneGuide.Corrections#NONE} for plain)
     */
    public record Composition(String abc, Tune tune, String problem, TuneGuide.Corrections corrections) {
        public boolean parses() {
            return tune != null;
        }

        public boolean barsMatchMeter() {
            return tune != null && tune.barsMatchMeter();
        }
    }

    /**
     * What a batch of generated tunes scored.
     *
     * @param tunes how many were written
     * @param parse how many can be read
     * @param barsMatch how many can be read and have every checked bar fitting the meter
     * @param copies how many copy the collection ({@link Novelty})
     * @param barsMatchOriginal how many fit the meter and copy nothing
     * @param corrected how many structure-aware sampling corrected
     */
    public record Verdict(int tunes, int parse, int barsMatch, int copies, int barsMatchOriginal, int corrected) {
        public double parseShare() {
            return share(parse);
        }

        /** The well-formed share: read, and every bar fitting the meter. */
        public double barsMatchShare() {
            return share(barsMatch);
        }

        /** The share that is well-formed and copies nothing. */
        public double barsMatchOriginalShare() {
            return share(barsMatchOriginal);
        }

        private double share(int count) {
            return tunes == 0 ? 0 : (double) count / tunes;
        }

        @Override
        public String toString() {
            return String.format(Locale.ROOT, "%d of %d can be read, %d (%.0f%%) have every bar fitting the meter, %d "
                    + "(%.0f%%) of them copying nothing; %d copy the collection, %d were corrected", parse, tunes,
                    barsMatch, 100 * barsMatchShare(), barsMatchOriginal, 100 * barsMatchOriginalShare(), copies,
                    corrected);
        }
    }

    /**
     * Generates {@code count} tunes starting with {@code prefix}, all at once as one batch; tune i
     * draws from its own random stream, {@link #seedOf(long, int)}, so it is the same tune whether it
     * is written alone or among others.
     */
    public List<Composition> compose(int count, String prefix, double temperature, long seed, Sampling sampling) {
        List<Random> streams = new ArrayList<>();
        List<SamplingGuide> guides = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            streams.add(new Random(seedOf(seed, i)));
            guides.add(guide(prefix, sampling));
        }
        List<String> texts = generator.generate(prefix, MAX_LENGTH, temperature, streams, guides);
        List<Composition> out = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            out.add(read(texts.get(i).strip(), corrections(guides.get(i))));
        }
        return out;
    }

    /** Tune {@code index} of {@link #compose}, written alone: the same tune (the check of batching). */
    public Composition composeOne(int index, String prefix, double temperature, long seed, Sampling sampling) {
        return compose(prefix, temperature, List.of(new Random(seedOf(seed, index))), sampling);
    }

    private Composition compose(String prefix, double temperature, List<Random> stream, Sampling sampling) {
        SamplingGuide guide = guide(prefix, sampling);
        String text = generator.generate(prefix, MAX_LENGTH, temperature, stream, List.of(guide)).get(0);
        return read(text.strip(), corrections(guide));
    }

    /** The seed of tune {@code index}'s random stream in a batch seeded {@code seed}. */
    public static long seedOf(long seed, int index) {
        return Seeds.derive(seed, index);
    }

    private static SamplingGuide guide(String prefix, Sampling sampling) {
        return sampling == Sampling.STRUCTURED ? new TuneGuide(prefix)
                : SamplingGuide.stoppingWhen(text -> TuneGuide.endsTune(text, prefix.length()));
    }

    private static TuneGuide.Corrections corrections(SamplingGuide guide) {
        return guide instanceof TuneGuide tuneGuide ? tuneGuide.corrections() : TuneGuide.Corrections.NONE;
    }

    /** Reads generated text as one tune; a failure is recorded, not thrown. */
    public static Composition read(String text) {
        return read(text, TuneGuide.Corrections.NONE);
    }

    private static Composition read(String text, TuneGuide.Corrections corrections) {
        List<String> pieces = TuneBook.split(text);
        String abc = pieces.isEmpty() ? text : pieces.get(0);
        try {
            return new Composition(abc, AbcParser.parse(abc, 1), null, corrections);
        } catch (AbcException e) {
            return new Composition(abc, null, e.getMessage(), corrections);
        }
    }

    /** The counts over a batch of compositions, copies of {@code collection} counted. */
    public static Verdict judge(List<Composition> compositions, Novelty collection) {
        int parse = 0;
        int bars = 0;
        int copies = 0;
        int barsOriginal = 0;
        int corrected = 0;
        for (Composition c : compositions) {
            boolean original = collection.isOriginal(c);
            parse += c.parses() ? 1 : 0;
            bars += c.barsMatchMeter() ? 1 : 0;
            copies += original ? 0 : 1;
            barsOriginal += c.barsMatchMeter() && original ? 1 : 0;
            corrected += c.corrections().any() ? 1 : 0;
        }
        return new Verdict(compositions.size(), parse, bars, copies, barsOriginal, corrected);
    }
}
