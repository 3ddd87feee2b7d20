import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Lecture 4's lab driven from the command line. */
@Tag("slow")
class GenerativeLabTest {
    @TempDir
    Path runs;

    @Test
    void quickRunShowsReconstructionsSamplesWalksTheLatentMapAndOutliers() throws Exception {
        LabsTest.Result r = LabsTest.launch("generative", "--quick", "--sweep", "--runs", runs.toString());
        assertEquals(0, r.exitCode(), r.err());
        assertTrue(r.out().contains("AUROC"), r.out());
        Path run = LabsTest.onlyRun(runs, "generative");
        List<String> pictures = List.of("ae-reconstructions.png", "vae-reconstructions.png", "samples.png",
                "traversal.png", "interpolation.png", "latent-map.png", "outliers.png", "ae-unusual.png",
                "latent-sweep.png");
        for (String file : pictures) {
            assertTrue(Files.isRegularFile(run.resolve(file)), "run folder has " + file);
        }
        String html = Files.readString(run.resolve("index.html"));
        for (String file : pictures) {
            assertTrue(html.contains("src=\"" + file + "\""), "the report shows " + file);
        }
        Map<String, Object> results = LabsTest.results(run);
        for (String key : new String[] {"ae_reconstruction_mse", "mean_image_mse", "samples_confident_share",
                "auroc_reconstruction", "auroc_elbo", "sweep_mse_latent_32"}) {
            assertTrue(results.containsKey(key), key + " in " + results);
        }
        assertTrue((Double) results.get("ae_reconstruction_mse") < (Double) results.get("mean_image_mse"),
                "even 2 quick epochs beat the mean image: " + results);
        assertTrue(Files.isDirectory(run.resolve("model/vae")) && Files.isDirectory(run.resolve("model/ae")));

        LabsTest.Result resumed = LabsTest.launch("generative", "--resume", "--quiet", "--runs", runs.toString());
        assertEquals(0, resumed.exitCode(), "every stage reloads from its checkpoint: " + resumed.err());
        assertEquals(results, LabsTest.results(run), "and the report comes out the same");
    }

    @Test
    void theConvolutionalVariantRunsToo() throws Exception {
        LabsTest.Result r = LabsTest.launch("generative", "--quick", "--architecture", "conv", "--latent", "4",
                "--runs", runs.toString());
        assertEquals(0, r.exitCode(), r.err());
        assertTrue(r.out().contains("convolutional"), r.out());
    }

    @Test
    void badValuesAreUsageErrorsNamingTheOption() {
        for (String[] args : new String[][] {{"--latent", "0"}, {"--beta", "-1"}, {"--architecture", "rnn"},
                {"--outlier-class", "12"}, {"--epochs", "0"}}) {
            List<String> all = new java.util.ArrayList<>(List.of("generative", "--runs", runs.toString()));
            all.addAll(List.of(args));
            LabsTest.Result r = LabsTest.launch(all.toArray(String[]::new));
            assertEquals(2, r.exitCode(), String.join(" ", args) + ": " + r.err());
            assertFalse(r.err().contains("Exception"), r.err());
            assertTrue(r.err().contains(args[0]), "names " + args[0] + ": " + r.err());
        }
        assertFalse(Files.exists(runs.resolve("generative")));
    }
}
