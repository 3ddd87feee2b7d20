package introdl.music;

import introdl.data.DataDirectory;
import introdl.data.DataUnavailableException;
import introdl.data.InvalidDataException;
import introdl.io.AtomicFiles;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;

/**
 * Where Lab 1's tunes come from, in this order: a file the user names; the course's collection
 * ({@value #FILE_NAME}, 804 Irish folk tunes) in the data folder ({@code <data>/mit6s191/}) or in
 * the download cache; a download of it from the course's repository, checked against its
 * SHA-256 and cached; and, offline with none of these, the small set of traditional tunes
 * bundled in the jar, with a message saying so.
 */
public final class TuneData {
    /** The course collection's file name. */
    public static final String FILE_NAME = "irish.abc";
    /** Where the course publishes it. */
    public static final String URL = "https://raw.githubusercontent.com/MITDeepLearning/introtodeeplearning/"
            + "master/mitdeeplearning/data/irish.abc";
    /** Its SHA-256, checked after a download. */
    public static final String SHA256 = "df3782d5f7b5a2f4c66aa7c13f13008d5f48757b3f5f51620cd6c1ceb2c53023";
    /** Set to true to never download (also ai.djl.offline, which the tests set). */
    public static final String OFFLINE = "introdl.offline";
    private static final String BUNDLED = "/introdl/data/tunes.abc";
    private static final Logger LOG = LogManager.getLogger(TuneData.class);

    private TuneData() {}

    /**
     * A collection and where it came from.
     *
     * @param book the tunes
     * @param source a description of where they were read from
     * @param bundled whether they are the small bundled set
     */
    public record Loaded(TuneBook book, String source, boolean bundled) {}

    /** The tunes from {@code file}, or (if null) from the first source that has them. */
    public static Loaded load(Path file) {
        return load(file, DataDirectory.fromSettings());
    }

    /**
     * The tunes from {@code file}, or (if null) from the first source that has them: {@code data}'s
     * {@code mit6s191/irish.abc}, the cache, a download, the bundled tunes.
     */
    public static Loaded load(Path file, DataDirectory data) {
        if (file != null) {
            return new Loaded(TuneBook.read(file), file.toString(), false);
        }
        Path local = data.subfolder("mit6s191").map(d -> d.resolve(FILE_NAME)).filter(Files::isRegularFile)
                .orElse(null);
        if (local != null) {
            return new Loaded(TuneBook.read(local), local.toString(), false);
        }
        Path cached = cacheFile();
        if (Files.isRegularFile(cached) && SHA256.equals(sha256(readBytes(cached)))) {
            return new Loaded(TuneBook.read(cached), cached.toString(), false);
        }
        if (!offline()) {
            try {
                byte[] downloaded = download();
                AtomicFiles.write(cached, out -> out.write(downloaded));
                return new Loaded(TuneBook.read(cached), URL + " (cached in " + cached + ")", false);
            } catch (IOException | RuntimeException e) {
                LOG.warn("Could not download the course's tunes ({}); using the bundled tunes.", reason(e));
            }
        }
        LOG.warn("The course's {} is not on this machine (put it in {}/mit6s191/ or pass its path), so Lab 1 uses "
                + "the {} tunes bundled with introdl: enough to run, too few to learn much.", FILE_NAME,
                data.path().map(Path::toString).orElse("$" + DataDirectory.ENV), bundled().texts().size());
        return new Loaded(bundled(), "the tunes bundled with introdl", true);
    }

    /**
     * What went wrong, in words, even for an exception without a message (a refused connection from
     * Java's HTTP client has none): each exception of the cause chain by its class, with its message
     * where it has one, so a warning never reads "(null)".
     */
    static String reason(Throwable error) {
        StringBuilder text = new StringBuilder();
        for (Throwable t = error; t != null && text.length() < 300; t = t.getCause() == t ? null : t.getCause()) {
            if (text.length() > 0) {
                text.append(", caused by ");
            }
            text.append(t.getClass().getSimpleName());
            if (t.getMessage() != null && !t.getMessage().isBlank()) {
                text.append(": ").append(t.getMessage());
            }
        }
        return text.toString();
    }

    /** The small set of traditional tunes in the jar (data/tunes.abc). */
    public static TuneBook bundled() {
        try (InputStream in = TuneData.class.getResourceAsStream(BUNDLED)) {
            if (in == null) {
                throw new DataUnavailableException("the bundled tunes (" + BUNDLED + ") are not on the classpath");
            }
            return TuneBook.parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Where a download is cached: ~/.introdl/cache/irish.abc. */
    public static Path cacheFile() {
        return Path.of(System.getProperty("user.home"), ".introdl", "cache", FILE_NAME);
    }

    private static boolean offline() {
        return Boolean.getBoolean(OFFLINE) || Boolean.getBoolean("ai.djl.offline")
                || "true".equalsIgnoreCase(System.getenv("DJL_OFFLINE"));
    }

    private static byte[] download() throws IOException {
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(15))
                .followRedirects(HttpClient.Redirect.NORMAL).build();
        HttpRequest request = HttpRequest.newBuilder(URI.create(URL)).timeout(Duration.ofSeconds(60)).build();
        try {
            HttpResponse<byte[]> response = client.send(request, HttpResponse.BodyHandlers.ofByteArray());
            if (response.statusCode() != 200) {
                throw new IOException("HTTP " + response.statusCode() + " from " + URL);
            }
            byte[] body = response.body();
            String actual = sha256(body);
            if (!SHA256.equals(actual)) {
                throw new InvalidDataException("the file downloaded from " + URL + " has SHA-256 " + actual
                        + ", not the course's " + SHA256 + "; it was not kept");
            }
            return body;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
    }

    private static byte[] readBytes(Path file) {
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The SHA-256 of {@code bytes}, in hex. */
    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
