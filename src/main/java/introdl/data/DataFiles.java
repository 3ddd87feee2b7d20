package introdl.data;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/** Opening data files with the errors every reader gives: missing is "unavailable", unreadable is "invalid". */
final class DataFiles {
    /** Reads the content of an open file. */
    @FunctionalInterface
    interface Reader<T> {
        T read(InputStream in) throws IOException;
    }

    private DataFiles() {}

    /**
     * Opens {@code file} and hands it to {@code reader}.
     *
     * @param what the kind of file, for messages ("IDX file", "image")
     * @throws DataUnavailableException if the file does not exist
     * @throws InvalidDataException if it cannot be read
     */
    static <T> T read(Path file, String what, Reader<T> reader) {
        try (InputStream in = Files.newInputStream(file)) {
            return reader.read(in);
        } catch (NoSuchFileException e) {
            throw new DataUnavailableException(what + " not found: " + file, e);
        } catch (IOException e) {
            throw new InvalidDataException("cannot read " + what + " " + file + ": " + e.getMessage(), e);
        }
    }
}
