package introdl.train;

import ai.djl.training.tracker.CosineTracker;
import ai.djl.training.tracker.Tracker;
import ai.djl.training.tracker.WarmUpTracker;
import java.util.Locale;

/**
 * How the learning rate changes over training. A schedule becomes a DJL {@link Tracker} once
 * the fit loop knows how many updates an epoch has. Every schedule here is a pure function of the
 * update count, so a resumed run follows exactly the curve of an uninterrupted one.
 */
public abstract class Schedule {
    private final String description;

    private Schedule(String description) {
        this.description = description;
    }

    /** The DJL tracker for a base learning rate over {@code epochs} epochs of {@code stepsPerEpoch} updates. */
    public abstract Tracker tracker(float baseRate, int stepsPerEpoch, int epochs);

    /** The same rate throughout. */
    public static Schedule constant() {
        return new Schedule("constant") {
            @Override
            public Tracker tracker(float baseRate, int stepsPerEpoch, int epochs) {
                return Tracker.fixed(baseRate);
            }
        };
    }

    /** Half a cosine from the base rate down to {@code finalFraction} of it at the last update. */
    public static Schedule cosine(double finalFraction) {
        if (!(finalFraction >= 0 && finalFraction <= 1)) {
            throw new IllegalArgumentException("cosine finalFraction must be in [0, 1], got " + finalFraction);
        }
        return new Schedule(String.format(Locale.ROOT, "cosine to %.3g", finalFraction)) {
            @Override
            public Tracker tracker(float baseRate, int stepsPerEpoch, int epochs) {
                return CosineTracker.builder().setBaseValue(baseRate)
                        .optFinalValue((float) (baseRate * finalFraction))
                        .setMaxUpdates(Math.max(1, stepsPerEpoch * epochs)).build();
            }
        };
    }

    /** Multiplies the rate by {@code factor} every {@code everyEpochs} epochs. */
    public static Schedule step(int everyEpochs, double factor) {
        if (everyEpochs < 1 || !(factor > 0)) {
            throw new IllegalArgumentException("step schedule needs everyEpochs >= 1 and factor > 0, got "
                    + everyEpochs + ", " + factor);
        }
        return new Schedule(String.format(Locale.ROOT, "x%.3g every %d epochs", factor, everyEpochs)) {
            @Override
            public Tracker tracker(float baseRate, int stepsPerEpoch, int epochs) {
                int period = everyEpochs * stepsPerEpoch;
                return update -> (float) (baseRate * Math.pow(factor, Math.max(0, update - 1) / period));
            }
        };
    }

    /** A linear warm-up from zero over {@code warmupEpochs}, then {@code then} over the rest. */
    public static Schedule warmup(int warmupEpochs, Schedule then) {
        if (warmupEpochs < 1) {
            throw new IllegalArgumentException("warmupEpochs must be at least 1, got " + warmupEpochs);
        }
        return new Schedule("warm-up " + warmupEpochs + " epochs, then " + then) {
            @Override
            public Tracker tracker(float baseRate, int stepsPerEpoch, int epochs) {
                return warmUp(warmupEpochs * stepsPerEpoch,
                        then.tracker(baseRate, stepsPerEpoch, Math.max(1, epochs - warmupEpochs)));
            }
        };
    }

    /**
     * A linear warm-up from zero over the first {@code updates} parameter updates, then
     * {@code then} over all the remaining updates as one span (so a cosine ends exactly at the last
     * update): how language models are trained, where an epoch is long. Meant for a constant or
     * cosine {@code then}.
     */
    public static Schedule warmupUpdates(int updates, Schedule then) {
        if (updates < 1) {
            throw new IllegalArgumentException("warm-up updates must be at least 1, got " + updates);
        }
        return new Schedule("warm-up " + updates + " updates, then " + then) {
            @Override
            public Tracker tracker(float baseRate, int stepsPerEpoch, int epochs) {
                return warmUp(updates, then.tracker(baseRate, Math.max(1, stepsPerEpoch * epochs - updates), 1));
            }
        };
    }

    private static Tracker warmUp(int steps, Tracker main) {
        return WarmUpTracker.builder().optWarmUpSteps(steps).optWarmUpBeginValue(0f).setMainTracker(main).build();
    }

    /**
     * A schedule by name, as on a command line: {@code constant}, {@code cosine} (to zero),
     * {@code cosine:0.1}, {@code step:5:0.5} (halve every 5 epochs).
     */
    public static Schedule parse(String text) {
        String[] parts = text.trim().toLowerCase(Locale.ROOT).split(":");
        try {
            switch (parts[0]) {
                case "constant":
                    return constant();
                case "cosine":
                    return cosine(parts.length > 1 ? Double.parseDouble(parts[1]) : 0);
                case "step":
                    return step(Integer.parseInt(parts[1]), Double.parseDouble(parts[2]));
                default:
                    break;
            }
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("bad schedule '" + text + "': " + e.getMessage()
                    + "; expected constant, cosine[:final], or step:epochs:factor", e);
        }
        throw new IllegalArgumentException("unknown schedule '" + text
                + "'; expected constant, cosine[:final], or step:epochs:factor");
    }

    @Override
    public String toString() {
        return description;
    }
}
