package introdl.music;

import introdl.data.DataUnavailableException;
import introdl.data.InvalidDataException;
import java.io.IOException;
import java.nio.charset.MalformedInputException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A collection of tunes in ABC notation. The text is split at every line that starts with X:,
 * so the first and the last tune are kept whatever blank lines surround them. A tune that cannot
 * be read is listed among the problems (tune, line, column, what was expected) and left out; it
 * never stops the rest of the collection.
 */
public final class TuneBook {
    private final List<String> texts;
    private final List<Tune> tunes;
    private final List<AbcException> problems;

    private TuneBook(List<String> texts, List<Tune> tunes, List<AbcException> problems) {
        this.texts = List.copyOf(texts);
        this.tunes = List.copyOf(tunes);
        this.problems = List.copyOf(problems);
    }

    /** Splits and reads a collection. */
    public static TuneBook parse(String text) {
        List<String> texts = split(text);
        List<Tune> tunes = new ArrayList<>();
        List<AbcException> problems = new ArrayList<>();
        for (int i = 0; i < texts.size(); i++) {
            try {
                tunes.add(AbcParser.parse(texts.get(i), i + 1));
            } catch (AbcException e) {
                problems.add(e);
            }
        }
        return new TuneBook(texts, tunes, problems);
    }

    /** Reads a collection file. */
    public static TuneBook read(Path file) {
        try {
            return parse(Files.readString(file, StandardCharsets.UTF_8));
        } catch (NoSuchFileException e) {
            throw new DataUnavailableException("tune collection not found: " + file, e);
        } catch (MalformedInputException e) {
            throw new InvalidDataException(file + " is not UTF-8 text; is it an ABC file?", e);
        } catch (IOException e) {
            throw new InvalidDataException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    /** The text of each tune, from its X: line up to the next tune, trailing blank lines removed. */
    static List<String> split(String text) {
        List<String> out = new ArrayList<>();
        String normalised = text.replace("\r\n", "\n").replace('\r', '\n');
        StringBuilder current = null;
        for (String line : normalised.split("\n", -1)) {
            if (line.startsWith("X:")) {
                if (current != null) {
                    out.add(current.toString().strip());
                }
                current = new StringBuilder();
            }
            if (current != null) {
                current.append(line).append('\n');
            }
        }
        if (current != null && !current.toString().isBlank()) {
            out.add(current.toString().strip());
        }
        return out;
    }

    /** The tunes that were read. */
    public List<Tune> tunes() {
        return tunes;
    }

    /** Why each of the other tunes could not be read. */
    public List<AbcException> problems() {
        return problems;
    }

    /** The text of every tune, read or not. */
    public List<String> texts() {
        return texts;
    }

    /** Every tune's text (the unreadable ones too) joined by blank lines. */
    public String text() {
        return join(texts);
    }

    /** The texts of the tunes that were read, in order: what a character model learns from. */
    public List<String> readableTexts() {
        return tunes.stream().map(Tune::abc).toList();
    }

    /** Tune texts as one collection: each followed by a blank line, as ABC separates tunes. */
    public static String join(List<String> tuneTexts) {
        return String.join("\n\n", tuneTexts) + "\n\n";
    }

    @Override
    public String toString() {
        return texts.size() + " tunes, " + tunes.size() + " read, " + problems.size() + " with problems";
    }
}
