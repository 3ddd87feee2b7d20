package introdl;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import introdl.data.DataDirectory;
import java.nio.file.Path;
import java.util.Optional;

/** Access for tests to the real datasets in the data folder (CI points it at ../shared/data). */
public final class SharedData {
    private SharedData() {}

    /**
     * The data folder's sub-folder {@code name}; the calling test is skipped, saying why, if the
     * setting is not made or the folder is missing.
     */
    public static Path require(String name) {
        Optional<Path> folder = DataDirectory.folder(name);
        assumeTrue(folder.isPresent(), () -> "skipped: needs the " + name + "/ dataset; set " + DataDirectory.ENV
                + " (or -D" + DataDirectory.PROPERTY + ") to a folder holding it, e.g. ../shared/data ("
                + DataDirectory.describe() + ")");
        return folder.get();
    }

    /** Runs {@code body} with the data-folder property set to {@code value}, restoring it after. */
    public static void withDataDirectory(String value, Runnable body) {
        String old = System.getProperty(DataDirectory.PROPERTY);
        System.setProperty(DataDirectory.PROPERTY, value);
        try {
            body.run();
        } finally {
            if (old == null) {
                System.clearProperty(DataDirectory.PROPERTY);
            } else {
                System.setProperty(DataDirectory.PROPERTY, old);
            }
        }
    }
}
