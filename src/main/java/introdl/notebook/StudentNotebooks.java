package introdl.notebook;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Makes the student version of a solution notebook, nbgrader's way: one source of truth, the
 * solution, whose exercises are marked in its code cells with Java comments,
 *
 * <pre>
 * // BEGIN SOLUTION
 * NDArray z = x.dot(w).add(w0);
 * // END SOLUTION
 * // STUB NDArray z = manager.create(0f);
 * </pre>
 *
 * The student version replaces each region, and the {@code // STUB} lines after it, by a
 * {@code // TODO} line and the stub's code, which still compiles and runs, so every cell after it
 * runs too and the check that follows says "not yet". Outputs are cleared, and the {@code %jars}
 * paths point one folder further up, as the student versions live in {@code notebooks/student/}.
 */
public final class StudentNotebooks {
    /** The line that opens an exercise's solution. */
    public static final String BEGIN = "// BEGIN SOLUTION";
    /** The line that closes it. */
    public static final String END = "// END SOLUTION";
    /** The start of a line of the student's placeholder code, right after {@link #END}. */
    public static final String STUB = "// STUB ";
    /** What the student sees where the solution was. */
    public static final String TODO = "// TODO: your code here (the text above says what to write)";
    /** The folder, inside the notebooks' folder, where the student versions go. */
    public static final String FOLDER = "student";

    private StudentNotebooks() {}

    /** The student version of {@code solution}, to be written to {@code target}. */
    public static Notebook studentVersion(Notebook solution, Path target) {
        return solution.edited(target, cell -> cell.isCode()
                ? new Notebook.Cell(cell.number(), cell.type(), studentSource(solution, cell)) : cell);
    }

    /** How many exercises (solution regions) {@code notebook} has. */
    public static int exercises(Notebook notebook) {
        return (int) notebook.cells().stream().filter(Notebook.Cell::isCode)
                .flatMap(c -> c.source().lines()).filter(l -> l.strip().equals(BEGIN)).count();
    }

    /**
     * Writes the student version of every notebook in {@code dir} that has exercises into
     * {@code dir/student/}; returns the files written.
     */
    public static List<Path> writeAll(Path dir) {
        return studentVersions(dir).stream().map(student -> student.write(student.file())).toList();
    }

    /** The student version of every notebook in {@code dir} that has exercises, each to be written to {@code dir/student/}. */
    private static List<Notebook> studentVersions(Path dir) {
        List<Notebook> students = new ArrayList<>();
        for (Path file : NotebooksCommand.find(dir)) {
            Notebook solution = Notebook.read(file);
            if (exercises(solution) > 0) {
                students.add(studentVersion(solution, dir.resolve(FOLDER).resolve(file.getFileName())));
            }
        }
        return students;
    }

    /** The code of one cell with its solutions replaced by stubs. */
    static String studentSource(Notebook notebook, Notebook.Cell cell) {
        List<String> lines = cell.source().lines().toList();
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            String trimmed = line.strip();
            if (trimmed.equals(END) || trimmed.startsWith(STUB.strip())) {
                throw problem(notebook, cell, "'" + trimmed + "' without a " + BEGIN + " before it");
            }
            if (!trimmed.equals(BEGIN)) {
                out.append(line.replace("%jars ../target/", "%jars ../../target/")).append('\n');
                continue;
            }
            String indent = line.substring(0, line.indexOf(BEGIN));
            int end = i + 1;
            while (end < lines.size() && !lines.get(end).strip().equals(END)) {
                if (lines.get(end).strip().equals(BEGIN)) {
                    throw problem(notebook, cell, BEGIN + " inside another one");
                }
                end++;
            }
            if (end == lines.size()) {
                throw problem(notebook, cell, BEGIN + " without an " + END);
            }
            out.append(indent).append(TODO).append('\n');
            i = end;
            while (i + 1 < lines.size() && lines.get(i + 1).strip().startsWith(STUB.strip())) {
                String stub = lines.get(++i).strip().substring(STUB.strip().length()).strip();
                out.append(indent).append(stub).append('\n');
            }
        }
        String source = out.toString();
        return cell.source().endsWith("\n") ? source : source.substring(0, Math.max(0, source.length() - 1));
    }

    private static NotebookException problem(Notebook notebook, Notebook.Cell cell, String what) {
        return new NotebookException("notebook " + notebook.name() + ", cell " + cell.number() + " (" + cell.firstLine()
                + "): " + what + "; an exercise is " + BEGIN + ", the solution, " + END + ", then its " + STUB
                + "lines");
    }

    /** The student versions in {@code dir/student/} that are missing or differ from what {@link #writeAll} writes now. */
    public static List<Path> outOfDate(Path dir) {
        List<Path> stale = new ArrayList<>();
        for (Notebook student : studentVersions(dir)) {
            try {
                if (!Files.exists(student.file()) || !Files.readString(student.file()).equals(student.toJson())) {
                    stale.add(student.file());
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return stale;
    }
}
