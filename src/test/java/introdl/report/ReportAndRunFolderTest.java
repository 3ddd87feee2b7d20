package introdl.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReportAndRunFolderTest {
    @Test
    void htmlEscapesTextAndLinksRelativeFiles() {
        String html = HtmlReport.titled("a <b> & c").paragraph("x < y").image("loss.png", "Loss \"curve\"")
                .table(List.of("k"), List.of(List.of("<v>"))).html();
        assertTrue(html.contains("<title>a &lt;b&gt; &amp; c</title>"), html);
        assertTrue(html.contains("<p>x &lt; y</p>"));
        assertTrue(html.contains("<img src=\"loss.png\" alt=\"Loss &quot;curve&quot;\">"));
        assertTrue(html.contains("<td>&lt;v&gt;</td>"));
    }

    @Test
    void runFoldersAreUniqueAndKeepTheirConfig(@TempDir Path runs) {
        RunFolder a = RunFolder.create(runs, "mlp");
        RunFolder b = RunFolder.create(runs, "mlp");
        assertNotEquals(a.dir(), b.dir(), "two runs in the same second get two folders");
        Map<String, Object> config = new LinkedHashMap<>();
        config.put("lab", "mlp");
        config.put("args", List.of("--quick"));
        b.writeConfig(config);
        RunFolder reopened = RunFolder.open(b.dir());
        assertEquals("mlp", reopened.lab());
        assertEquals(List.of("--quick"), reopened.readConfig().get("args"));
        a.writeConfig(config);
        assertEquals(b.dir(), RunFolder.latest(runs, "mlp").orElseThrow().dir(), "the second run is the latest");
    }

    @Test
    void aRunFolderIsNeverSeenWithoutItsConfig(@TempDir Path runs) throws Exception {
        Path abandoned = Files.createDirectories(runs.resolve("gpt").resolve(".partial-" + Long.MAX_VALUE + "-1"));
        RunFolder run = RunFolder.create(runs, "gpt", Map.of("lab", "gpt", "args", List.of("--quick")));
        assertEquals(List.of("--quick"), RunFolder.open(run.dir()).readConfig().get("args"));
        try (var entries = Files.list(runs.resolve("gpt"))) {
            assertEquals(List.of(run.dir()), entries.toList(), "one folder, the run's: the hidden partial of a process "
                    + "that is gone (" + abandoned.getFileName() + ") is cleared");
        }
    }

    @Test
    void theLatestRunIsTheNewestInTimeNotInSpelling(@TempDir Path runs) throws Exception {
        Path lab = runs.resolve("mlp");
        for (String name : new String[] {"2026-12-01_10-00-00", "2026-12-01_10-00-00-2", "2026-12-01_10-00-00-9",
                "2026-12-01_10-00-00-10", "2026-11-30_23-59-59-12"}) {
            Files.createDirectories(lab.resolve(name));
            Files.writeString(lab.resolve(name).resolve(RunFolder.CONFIG), "{\"lab\": \"mlp\"}");
        }
        assertEquals(lab.resolve("2026-12-01_10-00-00-10"), RunFolder.latest(runs, "mlp").orElseThrow().dir());
        Path unfinished = Files.createDirectories(lab.resolve("2026-12-01_10-00-01"));
        assertEquals(unfinished, RunFolder.newest(runs, "mlp").orElseThrow(), "the newest folder, settings or not");
        assertEquals(lab.resolve("2026-12-01_10-00-00-10"), RunFolder.latest(runs, "mlp").orElseThrow().dir(),
                "the latest run that has its settings");
    }

    @Test
    void aFolderWithoutConfigIsNotARun(@TempDir Path dir) throws Exception {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> RunFolder.open(dir));
        assertTrue(e.getMessage().contains("config.json"));
        Files.writeString(dir.resolve("config.json"), "{ not json");
        assertThrows(IllegalArgumentException.class, () -> RunFolder.open(dir).readConfig());
    }
}
