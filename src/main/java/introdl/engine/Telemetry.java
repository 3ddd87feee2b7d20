package introdl.engine;

/**
 * DJL's usage tracking, off unless the user asks for it. When DJL's engine first starts it asks the
 * cloud metadata address (169.254.169.254) who is running it and reports that home, unless the
 * environment variable or system property {@value #SWITCH} is {@code true} or DJL is offline.
 * introdl sets the property to {@code true} before the engine starts; a user who wants DJL's
 * telemetry sets {@code OPT_OUT_TRACKING=false} (environment) or {@code -DOPT_OUT_TRACKING=false},
 * and introdl then leaves the choice alone.
 *
 * <p>The property is process-wide because DJL reads it so; introdl sets it only where the user set
 * nothing.
 */
public final class Telemetry {
    /** DJL's switch, read from the environment or the system properties. */
    public static final String SWITCH = "OPT_OUT_TRACKING";

    private Telemetry() {}

    /** Turns DJL's tracking off, unless the user set {@value #SWITCH} either way. */
    public static void turnOff() {
        if (userChoice() == null) {
            System.setProperty(SWITCH, "true");
        }
    }

    /** The switch as DJL reads it: the environment variable first, then the system property. */
    private static String userChoice() {
        String env = System.getenv(SWITCH);
        return env != null && !env.isEmpty() ? env : System.getProperty(SWITCH);
    }
}
