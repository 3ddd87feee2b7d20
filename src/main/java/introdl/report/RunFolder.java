package introdl.report;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonParseException;
import com.google.gson.reflect.TypeToken;
import introdl.io.AtomicFiles;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The folder one lab run writes everything into: {@code runs/<lab>/<timestamp>/} with the
 * configuration it used ({@code config.json}), its history, charts, saved model, samples,
 * checkpoint and {@code index.html}. A run can be reopened later to resume it.
 */
public final class RunFolder {
    /** The file holding the run's configuration. */
    public static final String CONFIG = "config.json";
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyy-MM-dd_HH-mm-ss");
    private static final Gson GSON = new GsonBuilder().setPrettyPrinting().disableHtmlEscaping().create();

    private final Path dir;
    private final String lab;

    private RunFolder(Path dir, String lab) {
        this.dir = dir;
        this.lab = lab;
    }

    /** Creates a new, empty run folder {@code <runsDir>/<lab>/<timestamp>} (suffixed if taken). */
    public static RunFolder create(Path runsDir, String lab) {
        Path parent = runsDir.resolve(lab);
        String stamp = LocalDateTime.now().format(STAMP);
        try {
            Files.createDirectories(parent);
            for (int k = 1; ; k++) {
                Path dir = parent.resolve(k == 1 ? stamp : stamp + "-" + k);
                try {
                    Files.createDirectory(dir);
                    return new RunFolder(dir, lab);
                } catch (java.nio.file.FileAlreadyExistsException taken) {
                    // another run started in the same second: try the next suffix
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create a run folder in " + parent + ": " + e.getMessage(), e);
        }
    }

    /** Opens an existing run folder (one that has a {@code config.json}). */
    public static RunFolder open(Path dir) {
        if (!Files.isRegularFile(dir.resolve(CONFIG))) {
            throw new IllegalArgumentException(dir + " is not a run folder: it has no " + CONFIG);
        }
        Path labDir = dir.toAbsolutePath().normalize().getParent();
        return new RunFolder(dir, labDir == null ? "" : labDir.getFileName().toString());
    }

    /** The newest run folder of {@code lab} under {@code runsDir}, if any. */
    public static Optional<RunFolder> latest(Path runsDir, String lab) {
        Path parent = runsDir.resolve(lab);
        if (!Files.isDirectory(parent)) {
            return Optional.empty();
        }
        try (Stream<Path> runs = Files.list(parent)) {
            return runs.filter(d -> Files.isRegularFile(d.resolve(CONFIG)))
                    .max(Comparator.comparing(d -> d.getFileName().toString()))
                    .map(d -> new RunFolder(d, lab));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + parent + ": " + e.getMessage(), e);
        }
    }

    /** The folder itself. */
    public Path dir() {
        return dir;
    }

    /** The lab's name. */
    public String lab() {
        return lab;
    }

    /** A file inside the run folder. */
    public Path file(String name) {
        return dir.resolve(name);
    }

    /** Writes the configuration as pretty JSON (atomically). */
    public void writeConfig(Map<String, Object> config) {
        writeJson(CONFIG, config);
    }

    /** Writes {@code value} as pretty JSON into the file {@code name} (atomically). */
    public Path writeJson(String name, Object value) {
        return AtomicFiles.writeString(file(name), GSON.toJson(value) + "\n");
    }

    /** Reads the configuration written by {@link #writeConfig}. */
    public Map<String, Object> readConfig() {
        try {
            String json = Files.readString(file(CONFIG), StandardCharsets.UTF_8);
            Map<String, Object> config = GSON.fromJson(json, new TypeToken<LinkedHashMap<String, Object>>() {}.getType());
            if (config == null) {
                throw new JsonParseException("empty file");
            }
            return config;
        } catch (IOException | JsonParseException e) {
            throw new IllegalArgumentException("cannot read " + file(CONFIG) + ": " + e.getMessage(), e);
        }
    }

    @Override
    public String toString() {
        return dir.toString();
    }
}
