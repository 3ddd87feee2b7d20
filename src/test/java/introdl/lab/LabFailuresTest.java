package introdl.lab;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** A fault inside a lab is told apart from a problem the user can fix, and its trace is kept. */
class LabFailuresTest {
    @TempDir
    Path runs;

    /** A lab whose run throws what it is given. */
    @Command(name = "failing")
    static final class FailingLab extends Lab {
        static Supplier<RuntimeException> failure;

        @Override
        protected void run(LabRun run) {
            throw failure.get();
        }
    }

    private record Outcome(int code, String err, Path folder) {}

    private Outcome runWith(Supplier<RuntimeException> failure, String... extra) throws Exception {
        FailingLab.failure = failure;
        StringWriter err = new StringWriter();
        CommandLine cli = Converters.commandLine(new FailingLab());
        cli.setErr(new PrintWriter(err, true));
        cli.setOut(new PrintWriter(new StringWriter(), true));
        List<String> args = new java.util.ArrayList<>(List.of("--quiet", "--runs", runs.toString()));
        args.addAll(List.of(extra));
        int code = cli.execute(args.toArray(String[]::new));
        try (Stream<Path> dirs = Files.list(runs.resolve("failing"))) {
            List<Path> all = dirs.toList();
            return new Outcome(code, err.toString(), all.get(all.size() - 1));
        }
    }

    @Test
    void aFaultOfIntrodlOrDjlIsAnInternalErrorWithItsTraceInTheRunFolder() throws Exception {
        // what DJL throws for a closed array: a bug, though of a type that user errors once shared
        Outcome o = runWith(() -> new IllegalStateException("Native resource has been release already."));
        assertEquals(Lab.FAILED, o.code());
        assertTrue(o.err().contains("internal error") && o.err().contains(Lab.ERROR_LOG), o.err());
        String trace = Files.readString(o.folder().resolve(Lab.ERROR_LOG));
        assertTrue(trace.contains("IllegalStateException") && trace.contains("FailingLab.run"), trace);
        assertTrue(Files.readString(o.folder().resolve("index.html")).contains("FailingLab.run"),
                "the report shows the trace too");
    }

    @Test
    void aLabLeavesTheDataFolderSettingAndTheLogLevelAsItFoundThem() throws Exception {
        String dataBefore = System.getProperty(introdl.data.DataDirectory.PROPERTY);
        org.apache.logging.log4j.Level levelBefore = org.apache.logging.log4j.LogManager.getLogger("introdl").getLevel();
        runWith(() -> new LabException("stops"), "--data", runs.resolve("elsewhere").toString());
        assertEquals(dataBefore, System.getProperty(introdl.data.DataDirectory.PROPERTY), "--data goes to the loaders, not into a property");
        assertEquals(levelBefore, org.apache.logging.log4j.LogManager.getLogger("introdl").getLevel(),
                "--quiet is for that run only");
    }

    @Test
    void theAdviceAfterADivergenceWritesTheRateAsOneTypesIt() {
        // it printed "--lr 1.0E-4", Java's way of writing a double
        assertEquals("0.0001", Lab.plain(1e-3 / 10));
        assertEquals("0.0002", Lab.plain(2e-3 / 10));
        assertEquals("0.05", Lab.plain(0.5 / 10));
        assertEquals("100000000", Lab.plain(1e9 / 10));
    }

    @Test
    void aProblemTheUserCanFixIsOneLineWithoutATrace() throws Exception {
        Outcome o = runWith(() -> new LabException("--rank: a rank of 500 is above the model's width (192)"));
        assertEquals(Lab.FAILED, o.code());
        assertTrue(o.err().startsWith("introdl failing: --rank: a rank of 500"), o.err());
        assertFalse(o.err().contains("internal error") || o.err().contains("\tat "), o.err());
        assertFalse(Files.exists(o.folder().resolve(Lab.ERROR_LOG)));
    }
}
