package introdl.data;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The one setting that points introdl at datasets kept on disk: the folder named by the system
 * property {@value #PROPERTY} or, failing that, the environment variable {@value #ENV}. Each
 * dataset lives in a sub-folder of it ({@code mnist/}, {@code fashion-mnist/}, ...), the layout
 * of the course's shared data folder.
 */
public final class DataDirectory {
    /** System property naming the data folder. */
    public static final String PROPERTY = "introdl.data";
    /** Environment variable naming the data folder, read when the property is not set. */
    public static final String ENV = "INTRODL_DATA";

    private DataDirectory() {}

    /** The configured data folder, if one is set (it may not exist). */
    public static Optional<Path> root() {
        String value = System.getProperty(PROPERTY);
        if (value == null || value.isBlank()) {
            value = System.getenv(ENV);
        }
        if (value == null || value.isBlank()) {
            return Optional.empty();
        }
        return Optional.of(Path.of(value.trim()).toAbsolutePath().normalize());
    }

    /** The sub-folder {@code name} of the data folder, if the setting is made and it exists. */
    public static Optional<Path> folder(String name) {
        return root().map(r -> r.resolve(name)).filter(Files::isDirectory);
    }

    /** A short description of the setting, for error messages. */
    public static String describe() {
        return root().map(r -> ENV + "=" + r)
                .orElse(ENV + " (or -D" + PROPERTY + ") is not set");
    }
}
