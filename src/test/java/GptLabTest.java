import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import introdl.language.LanguageModel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@Tag("slow")
class GptLabTest {
    @TempDir
    Path runs;

    @Test
    void aQuickRunPretrainsWritesAndSavesAModelThatLoads() throws Exception {
        LabsTest.Result r = LabsTest.launch("gpt", "--quick", "--runs", runs.toString(), "--prompt", "KING:");
        assertEquals(0, r.exitCode(), r.err());
        Path run = LabsTest.onlyRun(runs, "gpt");
        for (String file : new String[] {"index.html", "samples.txt", "attention.png", "loss.png", "history.csv",
                "checkpoint.zip", "model/gpt.json"}) {
            assertTrue(Files.exists(run.resolve(file)), file);
        }
        assertTrue(Files.readString(run.resolve("samples.txt")).startsWith("KING:"));
        Map<String, Object> results = LabsTest.results(run);
        double loss = (Double) results.get("validation_loss_per_token");
        assertTrue(loss < Math.log(97), "quick training already beats uniform guessing: " + loss);
        try (LanguageModel model = LanguageModel.load(run.resolve("model"))) {
            assertEquals(97, model.config().vocabulary());
        }
    }

    @Test
    void badTokensOrPresetAreUsageErrors() {
        LabsTest.Result tokens = LabsTest.launch("gpt", "--tokens", "bpe:12", "--runs", runs.toString());
        assertEquals(2, tokens.exitCode());
        assertTrue(tokens.err().contains("bpe:N with N >= 256"), tokens.err());
        LabsTest.Result preset = LabsTest.launch("gpt", "--preset", "huge", "--runs", runs.toString());
        assertEquals(2, preset.exitCode());
        assertTrue(preset.err().contains("expected cpu, base or course"), preset.err());
        assertTrue(!Files.exists(runs.resolve("gpt")), "no run folder for a usage error");
    }
}
