package introdl.report;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonParseException;
import com.google.gson.reflect.TypeToken;
import introdl.io.AtomicFiles;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
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
    /** The name of a folder being made: a run's folder is only ever seen complete. */
    private static final String PARTIAL = ".partial-";
    private static final Pattern NAME = Pattern.compile("(\\d{4}-\\d{2}-\\d{2}_\\d{2}-\\d{2}-\\d{2})(?:-(\\d{1,9}))?");
    private static final Gson GSON = new GsonBuilder().setPrettyPrinting().disableHtmlEscaping().create();

    private final Path dir;
    private final String lab;

    private RunFolder(Path dir, String lab) {
        this.dir = dir;
        this.lab = lab;
    }

    /** Creates a new run folder {@code <runsDir>/<lab>/<timestamp>} holding only {@code {"lab": lab}} as its config. */
    public static RunFolder create(Path runsDir, String lab) {
        return create(runsDir, lab, Map.of("lab", lab));
    }

    /**
     * Creates a new run folder {@code <runsDir>/<lab>/<timestamp>} (suffixed {@code -2}, {@code -3}
     * ... if another run started in the same second) with {@code config} already written in it. The
     * folder is filled under a hidden name and then renamed into place, so a run killed at any
     * moment never leaves a folder without its settings for {@code --resume} to trip over.
     */
    public static RunFolder create(Path runsDir, String lab, Map<String, Object> config) {
        Path parent = runsDir.resolve(lab);
        String stamp = LocalDateTime.now().format(STAMP);
        Path partial = null;
        try {
            Files.createDirectories(parent);
            removeAbandonedPartials(parent);
            partial = Files.createTempDirectory(parent, PARTIAL + ProcessHandle.current().pid() + "-");
            if (partial.getFileSystem().supportedFileAttributeViews().contains("posix")) {
                // a temporary folder is private; a run folder is as readable as any other output
                Files.setPosixFilePermissions(partial, PosixFilePermissions.fromString("rwxr-xr-x"));
            }
            AtomicFiles.writeString(partial.resolve(CONFIG), GSON.toJson(config) + "\n");
            for (int k = 1; ; k++) {
                Path dir = parent.resolve(k == 1 ? stamp : stamp + "-" + k);
                if (Files.exists(dir)) {
                    continue;
                }
                try {
                    Files.move(partial, dir, StandardCopyOption.ATOMIC_MOVE);
                    return new RunFolder(dir, lab);
                } catch (FileAlreadyExistsException | DirectoryNotEmptyException taken) {
                    // another run took this name between the check and the move: try the next suffix
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create a run folder in " + parent + ": " + e.getMessage(), e);
        } finally {
            deleteQuietly(partial);
        }
    }

    /** Hidden folders of runs that were killed while their folder was being made (their process is gone). */
    private static void removeAbandonedPartials(Path parent) throws IOException {
        try (Stream<Path> entries = Files.list(parent)) {
            for (Path dir : entries.toList()) {
                String name = dir.getFileName().toString();
                if (name.startsWith(PARTIAL) && !processAlive(name.substring(PARTIAL.length()))) {
                    deleteQuietly(dir);
                }
            }
        }
    }

    private static boolean processAlive(String pidAndRest) {
        try {
            long pid = Long.parseLong(pidAndRest.substring(0, pidAndRest.indexOf('-')));
            return ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
        } catch (RuntimeException notOurs) {
            return true;
        }
    }

    private static void deleteQuietly(Path partial) {
        if (partial == null || !Files.exists(partial)) {
            return;
        }
        try (Stream<Path> files = Files.walk(partial)) {
            for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException ignored) {
            // a hidden leftover; the next run of the lab tries again
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

    /**
     * The newest run folder of {@code lab} under {@code runsDir} that has its configuration, if
     * any. Newest by the time in the folder's name, the same second ordered by its suffix
     * ({@code X-10} after {@code X-9}); folders named otherwise by their last change.
     */
    public static Optional<RunFolder> latest(Path runsDir, String lab) {
        return runs(runsDir, lab).stream().filter(d -> Files.isRegularFile(d.resolve(CONFIG))).reduce((a, b) -> b)
                .map(d -> new RunFolder(d, lab));
    }

    /**
     * The newest folder under {@code runsDir/lab}, whether or not it has its configuration: the run
     * a user means by "the latest run", which {@code --resume} must not silently pass over.
     */
    public static Optional<Path> newest(Path runsDir, String lab) {
        List<Path> all = runs(runsDir, lab);
        return all.isEmpty() ? Optional.empty() : Optional.of(all.get(all.size() - 1));
    }

    /** The visible folders under {@code runsDir/lab}, oldest first. */
    private static List<Path> runs(Path runsDir, String lab) {
        Path parent = runsDir.resolve(lab);
        if (!Files.isDirectory(parent)) {
            return List.of();
        }
        try (Stream<Path> entries = Files.list(parent)) {
            return entries.filter(Files::isDirectory).filter(d -> !d.getFileName().toString().startsWith("."))
                    .sorted(Comparator.comparing(RunFolder::startedAt).thenComparing(RunFolder::suffix)).toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + parent + ": " + e.getMessage(), e);
        }
    }

    private static LocalDateTime startedAt(Path dir) {
        Matcher name = NAME.matcher(dir.getFileName().toString());
        if (name.matches()) {
            return LocalDateTime.parse(name.group(1), STAMP);
        }
        try {
            return LocalDateTime.ofInstant(Files.getLastModifiedTime(dir).toInstant(), ZoneId.systemDefault());
        } catch (IOException e) {
            return LocalDateTime.MIN;
        }
    }

    private static int suffix(Path dir) {
        Matcher name = NAME.matcher(dir.getFileName().toString());
        return name.matches() && name.group(2) != null ? Integer.parseInt(name.group(2)) : 1;
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
