package introdl.notebook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NotebookRunnerTest {
    @TempDir
    Path dir;

    /** A Java notebook whose cells are the given sources; "md:" starts a markdown cell. */
    private Path notebook(String name, String language, int budget, String... cells) throws Exception {
        JsonArray array = new JsonArray();
        for (String source : cells) {
            JsonObject cell = new JsonObject();
            boolean markdown = source.startsWith("md:");
            cell.addProperty("cell_type", markdown ? "markdown" : "code");
            cell.add("metadata", new JsonObject());
            cell.addProperty("source", markdown ? source.substring(3) : source);
            if (!markdown) {
                cell.add("outputs", new JsonArray());
                cell.add("execution_count", null);
            }
            array.add(cell);
        }
        JsonObject kernel = new JsonObject();
        kernel.addProperty("name", language);
        kernel.addProperty("language", language);
        JsonObject budgetJson = new JsonObject();
        budgetJson.addProperty("budget_seconds", budget);
        JsonObject metadata = new JsonObject();
        metadata.add("kernelspec", kernel);
        metadata.add("introdl", budgetJson);
        JsonObject nb = new JsonObject();
        nb.add("cells", array);
        nb.add("metadata", metadata);
        nb.addProperty("nbformat", 4);
        nb.addProperty("nbformat_minor", 4);
        return Files.writeString(dir.resolve(name), nb.toString());
    }

    private Path javaNotebook(String name, String... cells) throws Exception {
        return notebook(name, "java", 60, cells);
    }

    private static NotebookException failure(Path file) {
        return assertThrows(NotebookException.class, () -> NotebookRunner.run(file));
    }

    @Test
    void runsCellsInOrderAndCollectsTheirOutputsAsIJavaWould() throws Exception {
        Path file = javaNotebook("good.ipynb",
                "md:# Title",
                "int a = 2;\nSystem.out.println(\"a is \" + a);",
                "a * 21",
                "display(\"shown\");\nvar img = new java.awt.image.BufferedImage(3, 2, java.awt.image.BufferedImage.TYPE_INT_RGB);\nimg",
                "int b = a + 1;");
        NotebookRunner.Result result = NotebookRunner.run(file);
        List<NotebookRunner.CellRun> cells = result.cells();
        assertEquals(4, cells.size(), "four code cells");
        JsonObject printed = cells.get(0).outputs().get(0).getAsJsonObject();
        assertEquals("stream", printed.get("output_type").getAsString());
        assertEquals("a is 2\n", printed.get("text").getAsString());
        JsonObject value = cells.get(1).outputs().get(0).getAsJsonObject();
        assertEquals("execute_result", value.get("output_type").getAsString());
        assertEquals("42", value.getAsJsonObject("data").get("text/plain").getAsString());
        JsonArray third = cells.get(2).outputs();
        assertEquals("display_data", third.get(0).getAsJsonObject().get("output_type").getAsString());
        assertTrue(third.get(1).getAsJsonObject().getAsJsonObject("data").has("image/png"), "an image value is PNG");
        assertEquals(0, cells.get(3).outputs().size(), "a declaration shows nothing");
    }

    @Test
    void aStringIsShownAsTheTypesAskedForAsIJavaDoes() throws Exception {
        Path file = javaNotebook("html.ipynb", "display(\"<audio controls></audio>\", \"text/html\");\ndisplay(\"plain\");");
        JsonArray outputs = NotebookRunner.run(file).cells().get(0).outputs();
        JsonObject html = outputs.get(0).getAsJsonObject().getAsJsonObject("data");
        assertEquals("<audio controls></audio>", html.get("text/html").getAsString());
        assertEquals("<audio controls></audio>", html.get("text/plain").getAsString());
        assertTrue(!outputs.get(1).getAsJsonObject().getAsJsonObject("data").has("text/html"));
    }

    @Test
    void aLongStringShownAsHtmlIsStoredOnce() throws Exception {
        // an audio player is a WAV file in base64: 214 KB that IJava would send again as text/plain
        Path file = javaNotebook("audio.ipynb", "display(\"<audio src='\" + \"A\".repeat(5000) + \"'></audio>\", \"text/html\");");
        JsonObject data = NotebookRunner.run(file).cells().get(0).outputs().get(0).getAsJsonObject()
                .getAsJsonObject("data");
        assertEquals(5000 + 22, data.get("text/html").getAsString().length());
        assertEquals("<text/html: 5 KB>", data.get("text/plain").getAsString());
    }

    @Test
    void whatACellWritesToStandardErrorIsKeptInOrderAsIJavaShowsIt() throws Exception {
        Path classes = Path.of(Notebook.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        Path djl = Path.of(ai.djl.Device.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        Path file = javaNotebook("stderr.ipynb", "%classpath " + classes + " " + djl,
                "System.out.println(\"before\");\nintrodl.train.Devices.forTraining();\nSystem.out.println(\"after\");");
        for (int run = 0; run < 2; run++) {
            JsonArray outputs = NotebookRunner.run(file).cells().get(1).outputs();
            assertEquals(3, outputs.size(), "out, err, out: " + outputs);
            assertEquals("before\n", outputs.get(0).getAsJsonObject().get("text").getAsString());
            JsonObject log = outputs.get(1).getAsJsonObject();
            assertEquals("stderr", log.get("name").getAsString());
            assertTrue(log.get("text").getAsString().matches("\\[INFO\\] PyTorch .*: training on cpu\\(\\).*\n"),
                    "the device line, in every notebook as in a fresh kernel: " + log);
            assertEquals("after\n", outputs.get(2).getAsJsonObject().get("text").getAsString());
        }
    }

    @Test
    void writtenNotebookKeepsItsCellsAndGainsOutputs() throws Exception {
        Path file = javaNotebook("write.ipynb", "md:Some *text*", "1 + 1", "System.out.println(3);");
        NotebookRunner.run(file).withOutputs().write(file);
        JsonObject written = JsonParser.parseString(Files.readString(file)).getAsJsonObject();
        JsonArray cells = written.getAsJsonArray("cells");
        assertEquals("Some *text*", cells.get(0).getAsJsonObject().get("source").getAsString());
        assertEquals(1, cells.get(1).getAsJsonObject().get("execution_count").getAsInt());
        assertEquals("2", cells.get(1).getAsJsonObject().getAsJsonArray("outputs").get(0).getAsJsonObject()
                .getAsJsonObject("data").get("text/plain").getAsString());
        assertEquals(2, cells.get(2).getAsJsonObject().get("execution_count").getAsInt());
        assertTrue(Files.readString(file).startsWith("{\n \"cells\""), "indented by one space, as Jupyter writes");
        NotebookRunner.run(file);
    }

    @Test
    void aCellThatDoesNotCompileIsNamedWithTheError() throws Exception {
        Path file = javaNotebook("broken-api.ipynb", "int a = 1;", "md:text", "introdl.train.Fit.ofModel(null)");
        NotebookException e = failure(file);
        assertTrue(e.getMessage().contains("broken-api.ipynb") && e.getMessage().contains("cell 3")
                && e.getMessage().contains("does not compile") && e.getMessage().contains("ofModel"), e.getMessage());
    }

    @Test
    void aCellThatThrowsIsNamedWithTheExceptionAndWhatItPrinted() throws Exception {
        Path file = javaNotebook("throws.ipynb", "System.out.println(\"epoch 1 loss 0.5\");\nint n = Integer.parseInt(\"seven\");");
        NotebookException e = failure(file);
        assertTrue(e.getMessage().contains("throws.ipynb, cell 1") && e.getMessage().contains("NumberFormatException")
                && e.getMessage().contains("seven"), e.getMessage());
        assertTrue(e.getMessage().contains("epoch 1 loss 0.5"), "keeps what the cell printed: " + e.getMessage());
    }

    @Test
    void aNotebookSeesOnlyTheClassPathItsMagicsAdd() throws Exception {
        NotebookException e = failure(javaNotebook("nojars.ipynb", "introdl.data.Digits.SIDE"));
        assertTrue(e.getMessage().contains("does not compile"), "without %jars the library is not there: "
                + e.getMessage());
        Path classes = Path.of(Notebook.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        Path ok = javaNotebook("withjars.ipynb", "%classpath " + classes, "introdl.data.Digits.SIDE");
        assertEquals("20", NotebookRunner.run(ok).cells().get(1).outputs().get(0).getAsJsonObject()
                .getAsJsonObject("data").get("text/plain").getAsString());
    }

    @Test
    void incompleteCodeIsReported() throws Exception {
        NotebookException e = failure(javaNotebook("incomplete.ipynb", "int x = (1 + 2;"));
        assertTrue(e.getMessage().contains("cell 1"), e.getMessage());
    }

    @Test
    void invalidJsonIsReportedNamingTheFile() throws Exception {
        Path file = Files.writeString(dir.resolve("bad.ipynb"), "{ \"cells\": [ ");
        NotebookException e = failure(file);
        assertTrue(e.getMessage().contains("bad.ipynb") && e.getMessage().contains("not valid JSON"), e.getMessage());
    }

    @Test
    void notebooksAndCellsInOtherLanguagesAreRefused() throws Exception {
        NotebookException python = failure(notebook("py.ipynb", "python", 60, "print(1)"));
        assertTrue(python.getMessage().contains("py.ipynb") && python.getMessage().contains("python"), python.getMessage());

        Path mixed = javaNotebook("mixed.ipynb", "int a = 1;", "print(2)");
        JsonObject json = JsonParser.parseString(Files.readString(mixed)).getAsJsonObject();
        json.getAsJsonArray("cells").get(1).getAsJsonObject().getAsJsonObject("metadata").addProperty("language", "python");
        Files.writeString(mixed, json.toString());
        NotebookException cell = failure(mixed);
        assertTrue(cell.getMessage().contains("mixed.ipynb, cell 2") && cell.getMessage().contains("python"),
                cell.getMessage());
    }

    @Test
    void unknownMagicsAreReportedNotSkipped() throws Exception {
        NotebookException line = failure(javaNotebook("maven.ipynb", "%maven ai.djl:api:0.35.1"));
        assertTrue(line.getMessage().contains("unknown magic %maven") && line.getMessage().contains("%jars"),
                line.getMessage());
        NotebookException cell = failure(javaNotebook("bash.ipynb", "%%bash\nls"));
        assertTrue(cell.getMessage().contains("unknown cell magic"), cell.getMessage());
    }

    @Test
    void jarsMagicLoadsGlobsRelativeToTheNotebookAndSaysWhenNothingMatches() throws Exception {
        NotebookException e = failure(javaNotebook("nojar.ipynb", "%jars ../target-missing/*.jar"));
        assertTrue(e.getMessage().contains("matches no file") && e.getMessage().contains("mvn package"), e.getMessage());

        Path lib = Files.createDirectories(dir.resolve("lib"));
        Path classes = Path.of(NotebookRunnerTest.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        Files.createSymbolicLink(lib.resolve("classes"), classes);
        Path ok = javaNotebook("jars.ipynb", "%classpath lib/class*", "introdl.SharedData.class.getSimpleName()");
        assertEquals("SharedData", NotebookRunner.run(ok).cells().get(1).outputs().get(0).getAsJsonObject()
                .getAsJsonObject("data").get("text/plain").getAsString().replace("\"", ""));
    }

    @Test
    void aNotebookPastItsBudgetIsStopped() throws Exception {
        Path file = notebook("slow.ipynb", "java", 1, "int a = 1;", "Thread.sleep(20_000);");
        long start = System.nanoTime();
        NotebookException e = failure(file);
        assertTrue(e.getMessage().contains("slow.ipynb, cell 2") && e.getMessage().contains("budget of 1 s"),
                e.getMessage());
        assertTrue(System.nanoTime() - start < 15e9, "stopped at the budget, not after the sleep");
    }

    @Test
    void quickModeIsOneSwitch() {
        String old = System.getProperty(QuickMode.PROPERTY);
        try {
            System.setProperty(QuickMode.PROPERTY, "true");
            assertEquals(2, QuickMode.choose(20, 2));
            System.setProperty(QuickMode.PROPERTY, "false");
            assertEquals(20, QuickMode.choose(20, 2));
        } finally {
            if (old == null) {
                System.clearProperty(QuickMode.PROPERTY);
            } else {
                System.setProperty(QuickMode.PROPERTY, old);
            }
        }
    }
}
