package introdl.data;

import java.util.List;
import java.util.Locale;

/** The image-classification datasets by the names labs use on the command line. */
public final class Datasets {
    /** The names {@link #load} accepts. */
    public static final List<String> NAMES = List.of("digits", "mnist", "fashion");

    /** In quick mode, how many training and test samples a large dataset is cut to. */
    static final int QUICK_TRAIN = 6000;
    static final int QUICK_TEST = 1000;

    private Datasets() {}

    /**
     * A dataset by name: "digits" (the bundled 5000, split 4000/1000 by {@code seed}), "mnist"
     * or "fashion" (their standard 60,000/10,000 split; see {@link Mnist} for where they come
     * from). In quick mode MNIST-sized data is cut to a stratified sample.
     */
    public static Split load(String name, long seed, boolean quick) {
        return load(name, seed, quick, DataDirectory.fromSettings());
    }

    /** As {@link #load(String, long, boolean)}, reading MNIST and Fashion-MNIST from {@code data}. */
    public static Split load(String name, long seed, boolean quick, DataDirectory data) {
        String key = name.trim().toLowerCase(Locale.ROOT);
        Split split;
        switch (key) {
            case "digits":
                return Digits.split(seed);
            case "mnist":
                split = Mnist.DIGITS.load(data);
                break;
            case "fashion":
            case "fashion-mnist":
                split = Mnist.FASHION.load(data);
                break;
            default:
                throw new IllegalArgumentException("unknown dataset '" + name + "'; expected one of "
                        + String.join(", ", NAMES));
        }
        if (!quick) {
            return split;
        }
        return new Split(split.train().sample(QUICK_TRAIN, seed), split.test().sample(QUICK_TEST, seed));
    }
}
