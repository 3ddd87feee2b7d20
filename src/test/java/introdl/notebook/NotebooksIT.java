package introdl.notebook;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Every notebook in notebooks/, run cell by cell in quick mode against the packaged library
 * (target/introdl.jar and target/lib/, loaded by the notebooks' own %jars cells). A notebook
 * whose cell no longer compiles or throws fails here with its name, cell number and error.
 */
class NotebooksIT {
    @TestFactory
    Stream<DynamicTest> everyNotebookRunsToTheEnd() {
        assertTrue(QuickMode.on(), "the integration tests run notebooks in quick mode");
        List<Path> notebooks = NotebooksCommand.find(Path.of("notebooks"));
        assertFalse(notebooks.isEmpty(), "there are notebooks to run");
        return notebooks.stream().map(file -> DynamicTest.dynamicTest(file.getFileName().toString(), () -> {
            Notebook notebook = Notebook.read(file);
            Notebook.Cell firstCode = notebook.cells().stream().filter(Notebook.Cell::isCode).findFirst().orElseThrow();
            assertTrue(firstCode.source().contains("%jars ../target/introdl.jar"),
                    notebook.name() + " loads the library in its first code cell, the IJava way");
            NotebookRunner.Result result = NotebookRunner.run(notebook);
            boolean figure = result.cells().stream().flatMap(c -> c.outputs().asList().stream())
                    .anyMatch(o -> o.getAsJsonObject().has("data")
                            && o.getAsJsonObject().getAsJsonObject("data").has("image/png"));
            assertTrue(figure, notebook.name() + " shows at least one figure inline");
            assertFalse(result.text().contains("not yet:"), notebook.name() + ": the solutions pass every check");
            assertFalse(result.text().contains("java.io.PrintStream@"), notebook.name()
                    + ": a cell ending with printf shows its return value, as IJava does; end it with println");
        }));
    }

    @TestFactory
    Stream<DynamicTest> everyStudentNotebookRunsWithItsStubsAndItsChecksSayNotYet() {
        List<Path> students = NotebooksCommand.find(Path.of("notebooks", StudentNotebooks.FOLDER));
        assertFalse(students.isEmpty(), "there are student notebooks");
        return students.stream().map(file -> DynamicTest.dynamicTest(file.getFileName().toString(), () -> {
            int exercises = StudentNotebooks.exercises(Notebook.read(Path.of("notebooks").resolve(file.getFileName())));
            String text = NotebookRunner.run(file).text();
            long notYet = text.lines().filter(l -> l.startsWith("not yet:")).count();
            assertTrue(notYet >= exercises, file + ": every unwritten exercise's check says not yet (" + notYet
                    + " for " + exercises + " exercises):\n" + text);
            assertFalse(text.lines().anyMatch(l -> l.startsWith("correct:")), file + ": no check passes a stub");
        }));
    }
}
