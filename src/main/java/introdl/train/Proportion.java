package introdl.train;

import java.util.Locale;

/**
 * A share of successes out of n trials with its 95% Wilson score interval. The Wilson interval
 * stays inside [0, 1] and keeps its coverage for small groups and for shares near 0 or 1, where
 * the textbook p ± 1.96·√(p(1−p)/n) collapses to a width of zero.
 *
 * @param successes how many succeeded (faces detected, samples judged in a style)
 * @param trials how many there were
 */
public record Proportion(int successes, int trials) {
    /** The normal quantile of a two-sided 95% interval. */
    public static final double Z95 = 1.959963984540054;

    public Proportion {
        if (trials < 0 || successes < 0 || successes > trials) {
            throw new IllegalArgumentException("a proportion needs 0 <= successes <= trials, got " + successes + " of "
                    + trials);
        }
    }

    /** The observed share, NaN for no trials. */
    public double rate() {
        return trials == 0 ? Double.NaN : successes / (double) trials;
    }

    /** The lower end of the 95% Wilson interval (0 for no trials). */
    public double low() {
        return trials == 0 ? 0 : centre() - halfWidth();
    }

    /** The upper end of the 95% Wilson interval (1 for no trials). */
    public double high() {
        return trials == 0 ? 1 : centre() + halfWidth();
    }

    private double centre() {
        double z2 = Z95 * Z95;
        return (rate() + z2 / (2.0 * trials)) / (1 + z2 / trials);
    }

    private double halfWidth() {
        double z2 = Z95 * Z95;
        double p = rate();
        return Z95 / (1 + z2 / trials) * Math.sqrt(p * (1 - p) / trials + z2 / (4.0 * trials * trials));
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "%.1f%% [%.1f, %.1f] (%d/%d)", 100 * rate(), 100 * low(), 100 * high(),
                successes, trials);
    }
}
