package introdl.notebook;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code ./introdl notebooks}: runs the course notebooks cell by cell, as the tests do, and with
 * {@code --write} stores each cell's outputs (text and images) in the {@code .ipynb} file, so the
 * notebooks show their results on the web without being run.
 */
@Command(name = "notebooks", mixinStandardHelpOptions = true,
        description = "Run the notebooks cell by cell (needs mvn package -DskipTests first); "
                + "--write stores their outputs in the .ipynb files.")
public final class NotebooksCommand implements Callable<Integer> {
    @Option(names = "--write", description = "Write each executed notebook, with its outputs, back to its file.")
    boolean write;

    @Option(names = "--student", description = "Write the student versions (exercises left to do) of the notebooks "
            + "in --dir to its student/ folder, and run nothing.")
    boolean student;

    @Option(names = "--quick", description = "Quick mode: few epochs, little data (as in the tests).")
    boolean quick;

    @Option(names = "--dir", paramLabel = "DIR", defaultValue = "notebooks",
            description = "Folder of notebooks to run when none are named (default: ${DEFAULT-VALUE}).")
    Path dir;

    @Parameters(arity = "0..*", paramLabel = "NOTEBOOK", description = "Notebooks to run (default: all in --dir).")
    List<Path> named;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        if (student) {
            for (Path written : StudentNotebooks.writeAll(dir)) {
                int exercises = StudentNotebooks.exercises(Notebook.read(dir.resolve(written.getFileName())));
                spec.commandLine().getOut().printf("wrote %s (%d exercise%s)%n", written, exercises,
                        exercises == 1 ? "" : "s");
            }
            spec.commandLine().getOut().flush();
            return 0;
        }
        if (quick) {
            System.setProperty(QuickMode.PROPERTY, "true");
        }
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        List<Path> notebooks = named != null && !named.isEmpty() ? named : find(dir);
        int failed = 0;
        for (Path file : notebooks) {
            try {
                NotebookRunner.Result result = NotebookRunner.run(file);
                if (write) {
                    result.withOutputs().write(file);
                }
                out.printf(Locale.ROOT, "ok    %s (%d code cells, %.1f s)%s%n", file, result.cells().size(),
                        result.seconds(), write ? ", outputs written" : "");
            } catch (NotebookException e) {
                failed++;
                err.printf("FAIL  %s%n      %s%n", file, e.getMessage().replace("\n", "\n      "));
            }
            out.flush();
            err.flush();
        }
        return failed == 0 ? 0 : 1;
    }

    /** The notebooks in {@code dir}, by name. */
    public static List<Path> find(Path dir) {
        if (!Files.isDirectory(dir)) {
            throw new NotebookException("no notebook folder " + dir.toAbsolutePath());
        }
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(f -> f.getFileName().toString().endsWith(".ipynb")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
