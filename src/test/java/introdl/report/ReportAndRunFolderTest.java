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
        Path newest = a.dir().getFileName().toString().compareTo(b.dir().getFileName().toString()) > 0 ? a.dir() : b.dir();
        assertEquals(newest, RunFolder.latest(runs, "mlp").orElseThrow().dir());
    }

    @Test
    void aFolderWithoutConfigIsNotARun(@TempDir Path dir) throws Exception {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> RunFolder.open(dir));
        assertTrue(e.getMessage().contains("config.json"));
        Files.writeString(dir.resolve("config.json"), "{ not json");
        assertThrows(IllegalArgumentException.class, () -> RunFolder.open(dir).readConfig());
    }
}
