package introdl.notebook;

import java.util.Locale;

/**
 * The one switch that makes notebooks (and anything else that asks) run fast: fewer epochs,
 * less data. It is on when the system property {@value #PROPERTY} is {@code true} or the
 * environment variable {@value #ENV} is {@code 1} or {@code true}; the test suite turns it on so
 * every notebook runs in seconds. Notebooks ask {@code QuickMode.choose(20, 2)}.
 */
public final class QuickMode {
    /** System property that turns quick mode on. */
    public static final String PROPERTY = "introdl.quick";
    /** Environment variable that turns quick mode on. */
    public static final String ENV = "INTRODL_QUICK";

    private QuickMode() {}

    /** Whether quick mode is on. */
    public static boolean on() {
        String value = System.getProperty(PROPERTY);
        if (value == null) {
            value = System.getenv(ENV);
        }
        if (value == null) {
            return false;
        }
        String v = value.trim().toLowerCase(Locale.ROOT);
        return v.equals("true") || v.equals("1") || v.equals("yes");
    }

    /** {@code full} normally, {@code quick} in quick mode. */
    public static int choose(int full, int quick) {
        return on() ? quick : full;
    }

    /** {@code full} normally, {@code quick} in quick mode: any setting, say a smaller recipe. */
    public static <T> T choose(T full, T quick) {
        return on() ? quick : full;
    }
}
