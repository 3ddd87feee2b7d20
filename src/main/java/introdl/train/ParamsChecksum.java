package introdl.train;

import introdl.data.InvalidDataException;
import introdl.io.AtomicFiles;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The SHA-256 checksum kept beside a saved parameters file: {@code <name>-NNNN.params.sha256} next to
 * {@code <name>-NNNN.params}, one line in {@code sha256sum}'s format ({@code <64 hex digits>  <file name>}),
 * so {@code sha256sum -c} checks it too and {@code sha256sum F > F.sha256} makes one by hand. Loading
 * compares it with the file, which catches flipped bits, truncation and a damaged header before DJL
 * reads the weights (DJL itself skips a file whose magic bytes are wrong and leaves the weights unset).
 */
final class ParamsChecksum {
    /** What is appended to the parameters file's name to name its checksum file. */
    static final String SUFFIX = ".sha256";

    private static final Pattern LINE = Pattern.compile("([0-9a-fA-F]{64})(?:\\s+\\*?(\\S.*))?\\s*");

    private ParamsChecksum() {}

    /** The checksum file of {@code params}. */
    static Path fileFor(Path params) {
        return params.resolveSibling(params.getFileName() + SUFFIX);
    }

    /** Writes the checksum of {@code params} beside it, atomically, and returns the checksum file. */
    static Path write(Path params) {
        return AtomicFiles.writeString(fileFor(params), sha256(params) + "  " + params.getFileName() + "\n");
    }

    /**
     * Checks {@code params} against its checksum file, if it has one (models saved before checksums
     * were written have none: they load, and only their weights are checked).
     *
     * @return whether there was a checksum to check
     * @throws InvalidDataException naming the file if it does not match, or if the checksum file is unreadable
     */
    static boolean verifyIfPresent(Path params) {
        Path checksumFile = fileFor(params);
        if (!Files.isRegularFile(checksumFile)) {
            return false;
        }
        String expected = expected(checksumFile, params);
        String actual = sha256(params);
        if (!actual.equals(expected)) {
            throw new InvalidDataException(params + " is damaged: its SHA-256 is " + actual + " but "
                    + checksumFile.getFileName() + ", written when the model was saved, says " + expected
                    + ". Train the model again, or copy or download it again");
        }
        return true;
    }

    /** The checksum recorded in {@code checksumFile}, lower case. */
    private static String expected(Path checksumFile, Path params) {
        String text;
        try {
            text = Files.readString(checksumFile, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + checksumFile + ": " + e.getMessage(), e);
        } catch (RuntimeException e) { // not UTF-8: the checksum file itself is damaged
            text = "";
        }
        Matcher m = LINE.matcher(text.strip());
        if (!m.matches() || (m.group(2) != null && !m.group(2).equals(params.getFileName().toString()))) {
            throw new InvalidDataException(checksumFile + " is not the SHA-256 checksum of " + params.getFileName()
                    + " (expected one line: 64 hex digits, two spaces, the file name); it is damaged. Copy the "
                    + "model again, or delete " + checksumFile.getFileName() + " to load the model unchecked");
        }
        return m.group(1).toLowerCase(Locale.ROOT);
    }

    /** The SHA-256 of a file's bytes, as 64 lower-case hex digits. */
    static String sha256(Path file) {
        MessageDigest digest = newDigest();
        try (InputStream in = new DigestInputStream(Files.newInputStream(file), digest)) {
            in.transferTo(OutputStream.nullOutputStream()); // the digest sees the bytes on their way
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    private static MessageDigest newDigest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("this Java has no SHA-256, which every Java must have", e);
        }
    }
}
