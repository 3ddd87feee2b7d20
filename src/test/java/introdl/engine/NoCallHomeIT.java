package introdl.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * introdl makes no network request the user did not ask for: a lab run, a notebook run and plain
 * library use, each in a child JVM as a user starts it (no {@code ai.djl.offline}, no
 * {@code OPT_OUT_TRACKING}), under {@link NetworkRecorder}, which reports and refuses every
 * connection that leaves the machine. DJL's call-home at engine start is such a connection.
 */
class NoCallHomeIT {
    @TempDir
    Path dir;

    @Test
    void aLabRunMakesNoConnection() throws Exception {
        assertQuiet(run("Labs", "mlp", "--quick", "--runs", dir.toString()), "./introdl mlp --quick");
    }

    @Test
    void libraryUseMakesNoConnection() throws Exception {
        Result result = run(EngineSnippet.class.getName());
        assertQuiet(result, "a library snippet that starts DJL's engine");
        assertTrue(result.output.contains("sum 2.0"), result.output);
    }

    @Test
    void aNotebookRunMakesNoConnection() throws Exception {
        // the first code cell touches DJL before any introdl class, as a notebook may
        Path target = Path.of("target").toAbsolutePath();
        String cells = String.join(",",
                code("%jars " + target.resolve("introdl.jar") + "\n%jars " + target.resolve("lib") + "/*.jar"),
                code("ai.djl.ndarray.NDManager.newBaseManager().ones(new ai.djl.ndarray.types.Shape(3)).sum()"));
        Path notebook = Files.writeString(dir.resolve("first-cell.ipynb"), "{\"cells\":[" + cells + "],"
                + "\"metadata\":{\"kernelspec\":{\"name\":\"java\",\"language\":\"java\"}},"
                + "\"nbformat\":4,\"nbformat_minor\":4}");
        Result result = run("Labs", "notebooks", notebook.toString());
        assertQuiet(result, "./introdl notebooks on a notebook whose first cell starts DJL");
        assertTrue(result.output.contains("ok "), result.output);
    }

    private static String code(String source) {
        com.google.gson.JsonObject cell = new com.google.gson.JsonObject();
        cell.addProperty("cell_type", "code");
        cell.add("metadata", new com.google.gson.JsonObject());
        cell.add("outputs", new com.google.gson.JsonArray());
        cell.add("execution_count", null);
        cell.addProperty("source", source);
        return cell.toString();
    }

    private record Result(int exitCode, String output) {}

    private static void assertQuiet(Result result, String what) {
        List<String> attempts = result.output.lines().filter(l -> l.startsWith(NetworkRecorder.MARK)).toList();
        assertEquals(List.of(), attempts, what + " tried to reach the network:\n" + result.output);
        assertEquals(0, result.exitCode, what + " failed:\n" + result.output);
    }

    /** Runs {@code mainClass} in a child JVM under the recorder, as a user would start it. */
    private Result run(String mainClass, String... args) throws Exception {
        assumeTrue(Runtime.version().feature() < 24, "JDK 24+ cannot install a security manager");
        Path target = Path.of("target").toAbsolutePath();
        assumeTrue(Files.exists(target.resolve("introdl.jar")), "needs the packaged jar (mvn verify)");
        String classpath = String.join(File.pathSeparator, target.resolve("introdl.jar").toString(),
                target.resolve("lib").resolve("*").toString(), target.resolve("test-classes").toString());
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Djava.security.manager=allow", "-Djava.awt.headless=true", "-Xmx2g",
                "-cp", classpath, NetworkRecorder.class.getName(), mainClass));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).directory(dir.toFile());
        builder.environment().remove(Telemetry.SWITCH);
        builder.environment().remove("DJL_OFFLINE");
        builder.environment().put("INTRODL_QUICK", "1");
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes());
        assertTrue(process.waitFor(5, TimeUnit.MINUTES), "the child JVM did not finish");
        return new Result(process.exitValue(), output);
    }
}
