package introdl.notebook;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import introdl.train.Devices;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import jdk.jshell.Diag;
import jdk.jshell.EvalException;
import jdk.jshell.ExpressionSnippet;
import jdk.jshell.JShell;
import jdk.jshell.Snippet;
import jdk.jshell.SnippetEvent;
import jdk.jshell.SourceCodeAnalysis;
import jdk.jshell.UnresolvedReferenceException;
import jdk.jshell.VarSnippet;

/**
 * Runs a notebook the way the IJava kernel does: a fresh JShell (IJava's engine) evaluates every
 * code cell in order, with IJava's {@code %jars} and {@code %classpath} magics and its
 * {@code display(...)} function; what a cell writes to standard output and standard error (where
 * introdl's log lines go) becomes its stream outputs, as IJava sends them, and the notebook
 * starts as a fresh kernel does, so its first training cell logs the device it trains on. The
 * first cell that does not compile or throws stops the run
 * with the notebook's name, the cell's number and the error. Each notebook runs within its time
 * budget ({@link Notebook#budgetSeconds()}).
 */
public final class NotebookRunner {
    /**
     * IJava's display(...), and the runner's hook for a cell's value. They reach {@link Display}
     * by reflection, since the notebook's compiler sees only the notebook's own class path.
     */
    private static final List<String> HELPERS = List.of(
            "Object __introdl(String method, Object value) { try { return Class.forName(\"introdl.notebook.Display\")"
                    + ".getMethod(method, Object.class).invoke(null, value); } catch (ReflectiveOperationException e) "
                    + "{ throw new IllegalStateException(e); } }",
            "String display(Object value) { return (String) __introdl(\"show\", value); }",
            "String display(Object value, String... types) { return (String) __introdl(\"showAs\", "
                    + "new Object[] {value, types}); }");

    /** The line magics the runner understands, as IJava defines them. */
    public static final List<String> MAGICS = List.of("jars", "classpath");
    private static final Pattern LINE_MAGIC = Pattern.compile("^\\s*%(\\w+)(.*)$");
    private static final Pattern CELL_MAGIC = Pattern.compile("^\\s*%%(\\w+).*");

    /** What one code cell produced, in nbformat's output form. */
    public record CellRun(Notebook.Cell cell, int executionCount, JsonArray outputs) {}

    /** A notebook that ran to the end, with every code cell's outputs. */
    public record Result(Notebook notebook, List<CellRun> cells, double seconds) {
        /** The notebook with these outputs filled in. */
        public Notebook withOutputs() {
            for (CellRun run : cells) {
                notebook.setOutputs(run.cell().number(), run.executionCount(), run.outputs());
            }
            return notebook;
        }

        /** Everything the cells printed, in order. */
        public String text() {
            StringBuilder sb = new StringBuilder();
            for (CellRun run : cells) {
                run.outputs().forEach(o -> {
                    JsonObject output = o.getAsJsonObject();
                    if (output.has("text")) {
                        sb.append(output.get("text").getAsString());
                    } else if (output.has("data")) {
                        sb.append(output.getAsJsonObject("data").get("text/plain").getAsString()).append('\n');
                    }
                });
            }
            return sb.toString();
        }
    }

    private NotebookRunner() {}

    /** Reads and runs the notebook in {@code file}. */
    public static Result run(Path file) {
        return run(Notebook.read(file));
    }

    /**
     * Runs every code cell of {@code notebook} in a fresh JShell.
     *
     * @throws NotebookException naming the notebook and cell if a cell fails or the budget runs out
     */
    public static Result run(Notebook notebook) {
        // one notebook at a time: cells print to System.out and display() into Display, both global
        synchronized (NotebookRunner.class) {
            return runAlone(notebook);
        }
    }

    private static Result runAlone(Notebook notebook) {
        long start = System.nanoTime();
        long deadline = start + TimeUnit.SECONDS.toNanos(notebook.budgetSeconds());
        ExecutorService executor = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "notebook " + notebook.name());
            t.setDaemon(true);
            return t;
        });
        try (JShell shell = newShell()) {
            Devices.forgetLogged();
            for (String helper : HELPERS) {
                evaluate(shell, notebook, null, helper);
            }
            Display.drain();
            Display.drainResult();
            List<CellRun> runs = new ArrayList<>();
            int count = 0;
            for (Notebook.Cell cell : notebook.cells()) {
                if (!cell.isCode() || cell.source().isBlank()) {
                    continue;
                }
                count++;
                runs.add(runWithinBudget(executor, shell, notebook, cell, count, deadline));
            }
            return new Result(notebook, runs, (System.nanoTime() - start) / 1e9);
        } finally {
            executor.shutdownNow();
        }
    }

    private static CellRun runWithinBudget(ExecutorService executor, JShell shell, Notebook notebook,
            Notebook.Cell cell, int count, long deadline) {
        Future<CellRun> future = executor.submit(() -> runCell(shell, notebook, cell, count));
        try {
            return future.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            shell.stop();
            future.cancel(true);
            throw new NotebookException(where(notebook, cell) + ": the notebook ran past its time budget of "
                    + notebook.budgetSeconds() + " s (metadata.introdl.budget_seconds); is quick mode ("
                    + QuickMode.PROPERTY + "=true) on?");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new NotebookException(where(notebook, cell) + ": interrupted", e);
        } catch (java.util.concurrent.ExecutionException e) {
            if (e.getCause() instanceof NotebookException failure) {
                throw failure;
            }
            throw new NotebookException(where(notebook, cell) + ": " + e.getCause(), e.getCause());
        }
    }

    private static CellRun runCell(JShell shell, Notebook notebook, Notebook.Cell cell, int count) {
        JsonArray outputs;
        try (CellStreams streams = new CellStreams()) {
            try {
                evaluateCell(shell, notebook, cell);
            } catch (NotebookException failure) {
                String printed = tail(streams.text(), 15);
                throw printed.isEmpty() ? failure : new NotebookException(failure.getMessage()
                        + "\n  the cell printed before it failed:\n" + printed, failure);
            }
            outputs = streams.outputs();
        }
        for (Map<String, String> shown : Display.drain()) {
            outputs.add(bundle("display_data", shown, count));
        }
        Map<String, String> result = Display.drainResult();
        if (result != null) {
            outputs.add(bundle("execute_result", result, count));
        }
        return new CellRun(cell, count, outputs);
    }

    /** Evaluates the cell's code snippet by snippet, then records the value of its last expression. */
    private static void evaluateCell(JShell shell, Notebook notebook, Notebook.Cell cell) {
        String code = applyMagics(shell, notebook, cell);
        Snippet last = null;
        SourceCodeAnalysis analysis = shell.sourceCodeAnalysis();
        String remaining = code;
        while (!remaining.isBlank()) {
            SourceCodeAnalysis.CompletionInfo info = analysis.analyzeCompletion(remaining);
            if (!info.completeness().isComplete()) {
                throw new NotebookException(where(notebook, cell) + ": does not compile: the code is incomplete "
                        + "(a missing ';', ')' or '}'?) near: " + firstLine(remaining));
            }
            last = evaluate(shell, notebook, cell, info.source());
            remaining = info.remaining();
        }
        String resultName = resultVariable(last);
        if (resultName != null) {
            evaluate(shell, notebook, cell, "__introdl(\"result\", " + resultName + ");");
        }
    }

    /** Runs the cell's magics and returns the rest of its code. */
    private static String applyMagics(JShell shell, Notebook notebook, Notebook.Cell cell) {
        StringBuilder code = new StringBuilder();
        for (String line : cell.source().split("\n", -1)) {
            if (CELL_MAGIC.matcher(line).matches()) {
                throw new NotebookException(where(notebook, cell) + ": unknown cell magic '" + line.strip()
                        + "'; the runner knows the line magics %" + String.join(", %", MAGICS));
            }
            Matcher magic = LINE_MAGIC.matcher(line);
            if (magic.matches()) {
                String name = magic.group(1);
                if (!MAGICS.contains(name)) {
                    throw new NotebookException(where(notebook, cell) + ": unknown magic %" + name
                            + "; the runner knows %" + String.join(", %", MAGICS));
                }
                for (String pattern : magic.group(2).trim().split("\\s+")) {
                    if (!pattern.isEmpty()) {
                        for (Path match : glob(notebook, cell, name, pattern)) {
                            shell.addToClasspath(match.toString());
                        }
                    }
                }
                code.append('\n');
            } else {
                code.append(line).append('\n');
            }
        }
        return code.toString();
    }

    /** IJava's simple globs: '*' and '?' in the last path element, relative to the notebook's folder. */
    private static List<Path> glob(Notebook notebook, Notebook.Cell cell, String magic, String pattern) {
        Path base = notebook.file().toAbsolutePath().getParent();
        Path target = base.resolve(pattern).normalize();
        List<Path> matches = new ArrayList<>();
        if (pattern.contains("*") || pattern.contains("?")) {
            Path dir = target.getParent();
            if (Files.isDirectory(dir)) {
                try (DirectoryStream<Path> stream = Files.newDirectoryStream(dir, target.getFileName().toString())) {
                    stream.forEach(matches::add);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
        } else if (Files.exists(target)) {
            matches.add(target);
        }
        if (matches.isEmpty()) {
            throw new NotebookException(where(notebook, cell) + ": %" + magic + " " + pattern + " matches no file ("
                    + target + "); build the library first with: mvn package -DskipTests");
        }
        matches.sort(null);
        return matches;
    }

    /** Evaluates one snippet; a compile error or an exception becomes a NotebookException. */
    private static Snippet evaluate(JShell shell, Notebook notebook, Notebook.Cell cell, String source) {
        Snippet snippet = null;
        for (SnippetEvent event : shell.eval(source)) {
            if (event.causeSnippet() != null) {
                continue;
            }
            snippet = event.snippet();
            if (event.status() == Snippet.Status.REJECTED) {
                String diagnostics = shell.diagnostics(snippet).filter(Diag::isError)
                        .map(d -> d.getMessage(Locale.ROOT)).collect(Collectors.joining("; "));
                throw new NotebookException(where(notebook, cell) + ": does not compile: " + diagnostics
                        + "\n  in: " + firstLine(source));
            }
            if (event.exception() != null) {
                throw new NotebookException(where(notebook, cell) + ": " + describe(event.exception())
                        + "\n  in: " + firstLine(source), event.exception());
            }
            if (event.status() == Snippet.Status.RECOVERABLE_DEFINED
                    || event.status() == Snippet.Status.RECOVERABLE_NOT_DEFINED) {
                String missing = shell.unresolvedDependencies((jdk.jshell.DeclarationSnippet) snippet)
                        .collect(Collectors.joining(", "));
                throw new NotebookException(where(notebook, cell) + ": does not compile: it uses " + missing
                        + ", which no cell defines\n  in: " + firstLine(source));
            }
        }
        return snippet;
    }

    private static String describe(Exception e) {
        if (e instanceof UnresolvedReferenceException unresolved) {
            return "it calls " + unresolved.getSnippet() + ", which is not defined";
        }
        if (e instanceof EvalException thrown) {
            StringBuilder sb = new StringBuilder("throws ").append(thrown.getExceptionClassName());
            if (thrown.getMessage() != null) {
                sb.append(": ").append(thrown.getMessage());
            }
            Throwable cause = thrown.getCause();
            while (cause != null) {
                sb.append("\n  caused by ").append(cause instanceof EvalException ee ? ee.getExceptionClassName()
                        : cause.getClass().getName()).append(": ").append(cause.getMessage());
                cause = cause.getCause();
            }
            return sb.toString();
        }
        return "throws " + e;
    }

    /**
     * The variable holding the value of a cell's last expression, if the cell ends with one whose
     * value IJava shows: a variable's name, or an expression with a value (a method returning
     * something counts, even with a semicolon after it, as in IJava).
     */
    private static String resultVariable(Snippet last) {
        if (last instanceof ExpressionSnippet expression
                && expression.subKind() == Snippet.SubKind.VAR_VALUE_SUBKIND) {
            return expression.name();
        }
        if (last instanceof VarSnippet variable
                && variable.subKind() == Snippet.SubKind.TEMP_VAR_EXPRESSION_SUBKIND) {
            return variable.name();
        }
        return null;
    }

    private static JsonObject bundle(String type, Map<String, String> data, int count) {
        JsonObject output = new JsonObject();
        output.addProperty("output_type", type);
        JsonObject content = new JsonObject();
        data.forEach(content::addProperty);
        output.add("data", content);
        output.add("metadata", new JsonObject());
        if (type.equals("execute_result")) {
            output.addProperty("execution_count", count);
        }
        return output;
    }

    private static String where(Notebook notebook, Notebook.Cell cell) {
        return cell == null ? "notebook " + notebook.name()
                : "notebook " + notebook.name() + ", cell " + cell.number() + " (" + cell.firstLine() + ")";
    }

    /** The last {@code lines} lines of {@code text}, indented. */
    private static String tail(String text, int lines) {
        List<String> all = text.lines().toList();
        return all.subList(Math.max(0, all.size() - lines), all.size()).stream()
                .map(line -> "    " + line).collect(Collectors.joining("\n"));
    }

    private static String firstLine(String source) {
        return source.lines().filter(l -> !l.isBlank()).findFirst().orElse("").strip();
    }

    /**
     * A JShell whose compiler sees only what the notebook adds with %jars and %classpath, as in
     * the IJava kernel; otherwise it would compile against this JVM's class path, and a notebook
     * that forgot to load the library would still pass. (JShell reads java.class.path when it is
     * built; pinning it to an empty folder then makes the notebook's own magics the whole path.)
     */
    private static JShell newShell() {
        String host = System.getProperty("java.class.path");
        try {
            Path empty = Files.createTempDirectory("notebook-classpath");
            empty.toFile().deleteOnExit();
            System.setProperty("java.class.path", empty.toString());
            JShell shell = JShell.builder().executionEngine("local").build();
            shell.addToClasspath(empty.toString());
            return shell;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            System.setProperty("java.class.path", host);
        }
    }
}
