package introdl.language;

import introdl.data.DataUnavailableException;
import introdl.data.InvalidDataException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPInputStream;

/**
 * Answers written in one style, one per line: Lab 3's fine-tuning text. The course's
 * {@code yoda.txt} and {@code leprechaun.txt} ship inside the jar ({@link #bundled}): 2,048
 * answers each, line i of both the same answer in the two voices (CC BY-SA 3.0, from Dolly-15k;
 * see data/README.md). A line's {@code \n} (backslash, n) is a line break inside the answer, as
 * the course reads them.
 */
public final class StyleText {
    /** The styles that ship with introdl. */
    public static final List<String> BUNDLED = List.of("yoda", "leprechaun");
    private static final String RESOURCES = "/introdl/data/text_styles/";

    private final String name;
    private final List<String> answers;

    private StyleText(String name, List<String> answers) {
        this.name = name;
        this.answers = List.copyOf(answers);
    }

    /** Answers of a style under a name. */
    public static StyleText of(String name, List<String> answers) {
        if (answers.isEmpty()) {
            throw new IllegalArgumentException("the style text '" + name + "' has no answers");
        }
        return new StyleText(name, answers);
    }

    /** A bundled style: {@code yoda} or {@code leprechaun}. */
    public static StyleText bundled(String style) {
        if (!BUNDLED.contains(style)) {
            throw new IllegalArgumentException("no bundled style '" + style + "'; expected one of " + BUNDLED
                    + ", or read your own file with StyleText.read");
        }
        return parse(style, resource(style + ".txt.gz", true), "the bundled " + style + ".txt.gz");
    }

    /**
     * Reads a UTF-8 file of answers, one per line (blank lines skipped).
     *
     * @throws DataUnavailableException if there is no such file
     * @throws InvalidDataException naming the file if it is not UTF-8 or holds no answers
     */
    public static StyleText read(Path file) {
        String name = file.getFileName().toString().replaceFirst("\\.txt$", "");
        return parse(name, Corpus.read(file), file.toString());
    }

    /** The course's competition text (its {@code yoda_test_text}): 689 characters of Yoda, never trained on. */
    public static String competitionText() {
        return resource("yoda_test_text.txt", false).strip();
    }

    private static StyleText parse(String name, String text, String where) {
        List<String> answers = new ArrayList<>();
        for (String line : text.split("\r?\n")) {
            String answer = line.strip().replace("\\n", "\n");
            if (!answer.isBlank()) {
                answers.add(answer);
            }
        }
        if (answers.isEmpty()) {
            throw new InvalidDataException(where + " holds no answers: expected one answer per line");
        }
        return new StyleText(name, answers);
    }

    private static String resource(String file, boolean gzipped) {
        try (InputStream in = StyleText.class.getResourceAsStream(RESOURCES + file)) {
            if (in == null) {
                throw new DataUnavailableException(RESOURCES + file + " is missing from the class path: rebuild "
                        + "introdl (mvn package)");
            }
            byte[] bytes = gzipped ? new GZIPInputStream(in).readAllBytes() : in.readAllBytes();
            return new String(bytes, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the bundled " + file + ": " + e.getMessage(), e);
        }
    }

    public String name() {
        return name;
    }

    public List<String> answers() {
        return answers;
    }

    public int size() {
        return answers.size();
    }

    /** Answers {@code from} (inclusive) to {@code to} (exclusive). */
    public StyleText range(int from, int to) {
        if (from < 0 || to > answers.size() || from >= to) {
            throw new IllegalArgumentException("answers " + from + " to " + to + " of " + name + "'s " + answers.size());
        }
        return new StyleText(name, answers.subList(from, to));
    }

    /** All but the last {@code count} answers: what fine-tuning may read. */
    public StyleText withoutLast(int count) {
        return range(0, answers.size() - count);
    }

    /** The last {@code count} answers: held out, never trained on. */
    public StyleText last(int count) {
        return range(answers.size() - count, answers.size());
    }

    /** Characters in all answers. */
    public long characters() {
        return answers.stream().mapToLong(String::length).sum();
    }

    @Override
    public String toString() {
        return String.format(java.util.Locale.ROOT, "%s: %,d answers, %,d characters", name, answers.size(),
                characters());
    }
}
