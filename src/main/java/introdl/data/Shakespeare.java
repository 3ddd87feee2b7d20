package introdl.data;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.zip.GZIPInputStream;

/**
 * Tiny Shakespeare: 1.1 MB of Shakespeare's plays (speaker names and speeches), the standard small
 * corpus for language models since char-rnn, and nanoGPT's {@code shakespeare_char}. It ships
 * inside the introdl jar (public domain, gzipped: see data/README.md), so the GPT lab and notebook
 * run offline.
 */
public final class Shakespeare {
    /** Characters in the text. */
    public static final int LENGTH = 1_115_394;
    private static final String RESOURCE = "/introdl/data/tinyshakespeare.txt.gz";
    private static String text;

    private Shakespeare() {}

    /** The whole text. */
    public static synchronized String text() {
        if (text == null) {
            try (InputStream in = Shakespeare.class.getResourceAsStream(RESOURCE)) {
                if (in == null) {
                    throw new DataUnavailableException("Tiny Shakespeare (" + RESOURCE + ") is missing from the class "
                            + "path: rebuild introdl (mvn package)");
                }
                String read = new String(new GZIPInputStream(in).readAllBytes(), StandardCharsets.UTF_8);
                if (read.length() != LENGTH) {
                    throw new InvalidDataException("the bundled Tiny Shakespeare has " + read.length()
                            + " characters, not " + LENGTH + ": the jar is damaged; rebuild introdl");
                }
                text = read;
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read the bundled Tiny Shakespeare: " + e.getMessage(), e);
            }
        }
        return text;
    }
}
