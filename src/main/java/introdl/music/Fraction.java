package introdl.music;

/**
 * An exact fraction, for note lengths: a bar's notes must add up to its meter exactly, which
 * floating point cannot promise.
 */
public record Fraction(long numerator, long denominator) implements Comparable<Fraction> {
    /** Zero. */
    public static final Fraction ZERO = new Fraction(0, 1);
    /** One. */
    public static final Fraction ONE = new Fraction(1, 1);

    public Fraction {
        if (denominator == 0) {
            throw new ArithmeticException("fraction with denominator 0");
        }
        if (denominator < 0) {
            numerator = -numerator;
            denominator = -denominator;
        }
        long g = gcd(Math.abs(numerator), denominator);
        if (g > 1) {
            numerator /= g;
            denominator /= g;
        }
    }

    /** n/d. */
    public static Fraction of(long n, long d) {
        return new Fraction(n, d);
    }

    public Fraction plus(Fraction o) {
        return new Fraction(Math.addExact(Math.multiplyExact(numerator, o.denominator),
                Math.multiplyExact(o.numerator, denominator)), Math.multiplyExact(denominator, o.denominator));
    }

    public Fraction minus(Fraction o) {
        return plus(new Fraction(-o.numerator, o.denominator));
    }

    public Fraction times(Fraction o) {
        return new Fraction(Math.multiplyExact(numerator, o.numerator), Math.multiplyExact(denominator, o.denominator));
    }

    public Fraction times(long n, long d) {
        return times(new Fraction(n, d));
    }

    public boolean isZero() {
        return numerator == 0;
    }

    public double toDouble() {
        return (double) numerator / denominator;
    }

    @Override
    public int compareTo(Fraction o) {
        return Long.compare(Math.multiplyExact(numerator, o.denominator), Math.multiplyExact(o.numerator, denominator));
    }

    private static long gcd(long a, long b) {
        while (b != 0) {
            long t = a % b;
            a = b;
            b = t;
        }
        return a == 0 ? 1 : a;
    }

    @Override
    public String toString() {
        return denominator == 1 ? Long.toString(numerator) : numerator + "/" + denominator;
    }
}
