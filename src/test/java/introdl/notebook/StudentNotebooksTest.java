package introdl.notebook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The student versions: made from the solutions, stubs in place of the solution regions, kept up to date. */
class StudentNotebooksTest {
    @TempDir
    Path dir;

    private Notebook notebook(String... codeCells) throws Exception {
        StringBuilder cells = new StringBuilder();
        for (String code : codeCells) {
            cells.append(cells.length() == 0 ? "" : ",").append("{\"cell_type\": \"code\", \"metadata\": {}, "
                    + "\"execution_count\": 3, \"outputs\": [{\"output_type\": \"stream\", \"name\": \"stdout\", "
                    + "\"text\": \"old\"}], \"source\": ").append(new com.google.gson.Gson().toJson(code)).append("}");
        }
        Path file = Files.writeString(dir.resolve("01-x.ipynb"), "{\"nbformat\": 4, \"nbformat_minor\": 5, "
                + "\"metadata\": {\"kernelspec\": {\"name\": \"java\", \"language\": \"java\"}}, \"cells\": [" + cells
                + "]}");
        return Notebook.read(file);
    }

    @Test
    void eachSolutionBecomesATodoAndItsStubAndOutputsAreCleared() throws Exception {
        Notebook solution = notebook("%jars ../target/introdl.jar\n", "int a = 1;\n    // BEGIN SOLUTION\n"
                + "    int b = a + 1;\n    // END SOLUTION\n    // STUB int b = 0;\nSystem.out.println(b);");
        assertEquals(1, StudentNotebooks.exercises(solution));
        Notebook student = StudentNotebooks.studentVersion(solution, dir.resolve("student/01-x.ipynb"));
        List<Notebook.Cell> cells = student.cells();
        assertEquals("%jars ../../target/introdl.jar\n", cells.get(0).source(), "the jars are one folder further up");
        assertEquals("int a = 1;\n    " + StudentNotebooks.TODO + "\n    int b = 0;\nSystem.out.println(b);",
                cells.get(1).source());
        String json = student.toJson();
        assertFalse(json.contains("old") || json.contains("a + 1") || json.contains("SOLUTION"), json);
        assertEquals(student.cells(), Notebook.read(student.write(dir.resolve("student/01-x.ipynb"))).cells(),
                "what is written reads back the same");
    }

    @Test
    void aBrokenMarkingNamesTheCell() throws Exception {
        for (String bad : new String[] {"// BEGIN SOLUTION\nint b = 1;", "int b = 1;\n// END SOLUTION",
                "// BEGIN SOLUTION\n// BEGIN SOLUTION\n// END SOLUTION"}) {
            Notebook solution = notebook("int a = 1;", bad);
            NotebookException e = assertThrows(NotebookException.class,
                    () -> StudentNotebooks.studentVersion(solution, dir.resolve("s.ipynb")), bad);
            assertTrue(e.getMessage().contains("cell 2"), e.getMessage());
        }
    }

    @Test
    void theShippedStudentNotebooksAreTheOnesTheSolutionsMakeNow() {
        assertEquals(List.of(), StudentNotebooks.outOfDate(Path.of("notebooks")),
                "regenerate them with ./introdl notebooks --student");
        assertTrue(StudentNotebooks.exercises(Notebook.read(Path.of("notebooks/01-perceptron-to-mlp.ipynb"))) >= 2);
    }
}
