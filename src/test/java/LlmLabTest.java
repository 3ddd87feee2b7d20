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
class LlmLabTest {
    @TempDir
    Path runs;

    @Test
    void aQuickRunFineTunesMeasuresAndSavesAMergedModel() throws Exception {
        LabsTest.Result r = LabsTest.launch("llm", "--quick", "--runs", runs.toString(), "--prompt", "Patience");
        assertEquals(0, r.exitCode(), r.err());
        Path run = LabsTest.onlyRun(runs, "llm");
        for (String file : new String[] {"index.html", "samples.txt", "judged.png", "loss.png", "history-lora.csv",
                "model-lora/gpt.json"}) {
            assertTrue(Files.exists(run.resolve(file)), file);
        }
        Map<String, Object> results = LabsTest.results(run);
        assertTrue((Double) results.get("judge_accuracy") > 0.9, "the judge is measured and good");
        @SuppressWarnings("unchecked")
        Map<String, Object> base = (Map<String, Object>) results.get("base");
        @SuppressWarnings("unchecked")
        Map<String, Object> lora = (Map<String, Object>) results.get("lora");
        assertTrue((Double) lora.get("held_out_loss") < (Double) base.get("held_out_loss"),
                "four updates already lower the held-out Yoda loss: " + lora + " vs " + base);
        assertTrue(((Number) lora.get("trainable_parameters")).doubleValue()
                < 0.1 * ((Number) lora.get("parameters")).doubleValue(), "LoRA trains under 10%");
        String samples = Files.readString(run.resolve("samples.txt"));
        assertTrue(samples.contains("== lora ==") && samples.contains("\nPatience"), samples);
        try (LanguageModel model = LanguageModel.load(run.resolve("model-lora"))) {
            assertEquals(97, model.config().vocabulary());
        }
    }

    @Test
    void badRanksModesStylesAndPromptsAreClearErrors() throws Exception {
        LabsTest.Result zero = LabsTest.launch("llm", "--rank", "0", "--runs", runs.toString());
        assertEquals(2, zero.exitCode());
        assertTrue(zero.err().contains("--rank must be at least 1"), zero.err());
        LabsTest.Result mode = LabsTest.launch("llm", "--mode", "half", "--runs", runs.toString());
        assertEquals(2, mode.exitCode());
        assertTrue(mode.err().contains("lora, full, scratch") && mode.err().contains("or all"), mode.err());
        Path missing = runs.resolve("nothing.txt");
        LabsTest.Result noFile = LabsTest.launch("llm", "--style", missing.toString(), "--runs", runs.toString());
        assertEquals(2, noFile.exitCode());
        assertTrue(noFile.err().contains("nothing.txt"), noFile.err());
        LabsTest.Result noModel = LabsTest.launch("llm", "--model", runs.toString(), "--runs", runs.toString());
        assertEquals(2, noModel.exitCode());
        assertTrue(noModel.err().contains("has no config.json"), noModel.err());
        assertTrue(!Files.exists(runs.resolve("llm")), "no run folder for a usage error");

        LabsTest.Result wide = LabsTest.launch("llm", "--quick", "--rank", "500", "--runs", runs.toString());
        assertEquals(1, wide.exitCode());
        assertTrue(wide.err().contains("above the model's width (192)"), wide.err());
        Path blank = Files.writeString(runs.resolve("blank.txt"), "\n \n");
        LabsTest.Result empty = LabsTest.launch("llm", "--quick", "--style", blank.toString(), "--runs", runs.toString());
        assertEquals(2, empty.exitCode(), "read before any work: " + empty.err());
        assertTrue(empty.err().contains("--style") && empty.err().contains("is empty"), empty.err());
        LabsTest.Result longPrompt = LabsTest.launch("llm", "--quick", "--prompt", "x".repeat(200), "--runs",
                runs.toString());
        assertEquals(1, longPrompt.exitCode());
        assertTrue(longPrompt.err().contains("sees 128 at once"), longPrompt.err());
    }
}
