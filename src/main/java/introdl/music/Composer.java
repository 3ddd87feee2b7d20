package introdl.music;

import ai.djl.Model;
import introdl.sequence.TextGenerator;
import introdl.sequence.Vocabulary;
import introdl.train.Seeds;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Writes new tunes with a trained character model and judges them: each tune is generated from a
 * prefix (by default "X:") until a blank line ends it, then read as ABC; the share that can be
 * read and the share whose bars all fit the meter measure how much of the notation the model
 * learnt.
 */
public final class Composer {
    /** The longest tune generated, in characters (the course's tunes average about 245). */
    public static final int MAX_LENGTH = 1500;

    private final TextGenerator generator;

    public Composer(Model model, Vocabulary vocabulary) {
        this.generator = new TextGenerator(model, vocabulary);
    }

    /**
     * One generated tune.
     *
     * @param abc the text
     * @param tune the tune read from it, or null if it cannot be read
     * @param problem why it cannot be read, or null
     */
    public record Composition(String abc, Tune tune, String problem) {
        public boolean parses() {
            return tune != null;
        }

        public boolean barsMatchMeter() {
            return tune != null && tune.barsMatchMeter();
        }
    }

    /** What a batch of generated tunes scored. */
    public record Verdict(int tunes, int parse, int barsMatch) {
        public double parseShare() {
            return tunes == 0 ? 0 : (double) parse / tunes;
        }

        public double barsMatchShare() {
            return tunes == 0 ? 0 : (double) barsMatch / tunes;
        }
    }

    /**
     * Generates {@code count} tunes starting with {@code prefix}, all at once as one batch; tune i
     * draws from its own random stream, {@link #seedOf(long, int)}, so it is the same tune whether it
     * is written alone or among others.
     */
    public List<Composition> compose(int count, String prefix, double temperature, long seed) {
        List<Random> streams = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            streams.add(new Random(seedOf(seed, i)));
        }
        List<Composition> out = new ArrayList<>();
        for (String text : generator.generate(prefix, MAX_LENGTH, temperature, streams, endOfTune(prefix))) {
            out.add(read(text.strip()));
        }
        return out;
    }

    /** Tune {@code index} of {@link #compose}, written alone: the same tune (the check of batching). */
    public Composition composeOne(int index, String prefix, double temperature, long seed) {
        return read(generator.generate(prefix, MAX_LENGTH, temperature, new Random(seedOf(seed, index)),
                endOfTune(prefix)).strip());
    }

    /** The seed of tune {@code index}'s random stream in a batch seeded {@code seed}. */
    public static long seedOf(long seed, int index) {
        return Seeds.derive(seed, index);
    }

    private static java.util.function.Predicate<CharSequence> endOfTune(String prefix) {
        return sofar -> sofar.length() > prefix.length() + 20 && endsWithBlankLine(sofar);
    }

    /** Reads generated text as one tune; a failure is recorded, not thrown. */
    public static Composition read(String text) {
        List<String> pieces = TuneBook.split(text);
        String abc = pieces.isEmpty() ? text : pieces.get(0);
        try {
            return new Composition(abc, AbcParser.parse(abc, 1), null);
        } catch (AbcException e) {
            return new Composition(abc, null, e.getMessage());
        }
    }

    /** The counts over a batch of compositions. */
    public static Verdict judge(List<Composition> compositions) {
        int parse = (int) compositions.stream().filter(Composition::parses).count();
        int bars = (int) compositions.stream().filter(Composition::barsMatchMeter).count();
        return new Verdict(compositions.size(), parse, bars);
    }

    private static boolean endsWithBlankLine(CharSequence text) {
        int n = text.length();
        return n >= 2 && text.charAt(n - 1) == '\n' && text.charAt(n - 2) == '\n';
    }
}
