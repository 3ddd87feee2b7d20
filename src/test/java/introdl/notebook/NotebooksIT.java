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
        }));
    }
}
