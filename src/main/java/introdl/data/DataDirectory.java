package introdl.data;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Where introdl finds datasets kept on disk: a folder with one sub-folder per dataset
 * ({@code mnist/}, {@code fashion-mnist/}, ...), the layout of the course's shared data folder.
 * A value of it is passed to the loaders explicitly ({@link #of}, or a lab's {@code --data});
 * {@link #fromSettings()} is the user-facing default: the folder named by the system property
 * {@value #PROPERTY} or, failing that, the environment variable {@value #ENV}. The static
 * {@link #root()}, {@link #folder} and {@link #describe()} read that default.
 */
public final class DataDirectory {
    /** System property naming the data folder. */
    public static final String PROPERTY = "introdl.data";
    /** Environment variable naming the data folder, read when the property is not set. */
    public static final String ENV = "INTRODL_DATA";

    private final Path root;
    private final String origin;

    private DataDirectory(Path root, String origin) {
        this.root = root;
        this.origin = origin;
    }

    /** The data folder {@code root} (it may not exist; then no dataset is found in it). */
    public static DataDirectory of(Path root) {
        return new DataDirectory(root.toAbsolutePath().normalize(), "--data");
    }

    /** The folder the property {@value #PROPERTY} or the variable {@value #ENV} names, or none. */
    public static DataDirectory fromSettings() {
        String value = System.getProperty(PROPERTY);
        String origin = "-D" + PROPERTY;
        if (value == null || value.isBlank()) {
            value = System.getenv(ENV);
            origin = ENV;
        }
        if (value == null || value.isBlank()) {
            return new DataDirectory(null, null);
        }
        return new DataDirectory(Path.of(value.trim()).toAbsolutePath().normalize(), origin);
    }

    /** The data folder, if one is given (it may not exist). */
    public Optional<Path> path() {
        return Optional.ofNullable(root);
    }

    /** The sub-folder {@code name} of the data folder, if one is given and it exists. */
    public Optional<Path> subfolder(String name) {
        return path().map(r -> r.resolve(name)).filter(Files::isDirectory);
    }

    /** A short description of where the data folder comes from, for error messages. */
    public String description() {
        return root == null ? ENV + " (or -D" + PROPERTY + ", or a lab's --data) is not set" : origin + "=" + root;
    }

    /** The default data folder ({@link #fromSettings()}), if one is set (it may not exist). */
    public static Optional<Path> root() {
        return fromSettings().path();
    }

    /** The sub-folder {@code name} of the default data folder, if it is set and exists. */
    public static Optional<Path> folder(String name) {
        return fromSettings().subfolder(name);
    }

    /** A short description of the default setting, for error messages. */
    public static String describe() {
        return fromSettings().description();
    }

    @Override
    public String toString() {
        return path().map(Path::toString).orElse("no data folder");
    }
}
