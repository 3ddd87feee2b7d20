import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import introdl.data.DataDirectory;
import introdl.faces.FaceSet;
import introdl.faces.SyntheticFaces;
import introdl.faces.TestFaces;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Lab 2 driven from the command line, on the embedded faces and on the real ones. */
@Tag("slow")
class FacesLabTest {
    private static final List<String> PICTURES = List.of("bias.png", "dbvae-reconstructions.png", "upweighted-most.png",
            "upweighted-least.png", "traversal.png", "cnn-loss.png", "dbvae-loss.png");

    @TempDir
    Path runs;

    @Test
    void quickRunAuditsBothModelsAndShowsWhatTheDbVaeLearnt() throws Exception {
        Path photo = runs.resolve("my photo.png");
        FaceSet drawn = SyntheticFaces.balancedTest(2, 5);
        javax.imageio.ImageIO.write(introdl.viz.ImageGrid.toImage(drawn.image(drawn.faces()[0]),
                FaceSet.IMAGE.getShape()), "png", photo.toFile());
        boolean courseFaces = DataDirectory.folder(TestFaces.FOLDER).isPresent();
        LabsTest.Result r = LabsTest.launch("faces", "--quick", "--latent", "16", "--runs", runs.toString(),
                "--classify", photo.toString());
        assertEquals(0, r.exitCode(), r.err());
        assertTrue(r.out().contains("worst-group gap") && r.out().contains("DB-VAE"), r.out());
        Path run = LabsTest.onlyRun(runs, "faces");
        String html = Files.readString(run.resolve("index.html"));
        for (String file : PICTURES) {
            assertTrue(Files.isRegularFile(run.resolve(file)), "run folder has " + file);
            assertTrue(html.contains("src=\"" + file + "\""), "the report shows " + file);
        }
        Map<String, Object> results = LabsTest.results(run);
        for (String key : new String[] {"cnn_detection", "cnn_gap", "dbvae_detection", "dbvae_gap",
                "dbvae_false_positive_rate", "cnn_worst_group_detection"}) {
            assertTrue(results.containsKey(key), key + " in " + results);
        }
        // the course's final test where the data folder has its faces (else said), and a plain word that
        // drawings are not photographs
        if (courseFaces) {
            assertTrue(r.out().contains("Of the course's 20 test faces, the standard CNN detected"), r.out());
            assertTrue(Files.isRegularFile(run.resolve("test-faces.png")) && html.contains("src=\"test-faces.png\""));
            assertEquals(4, ((List<?>) results.get("cnn_test_faces_mean_probability")).size(), "one per group");
            assertTrue(results.containsKey("dbvae_test_faces_detected"), results.toString());
        } else {
            assertTrue(r.out().contains("The course's 20 test faces are not in the data folder"), r.out());
        }
        assertTrue(r.out().contains("do not detect photographs") && html.contains("do not detect photographs"), r.out());
        // --classify: the user's own picture, scored by both models
        assertTrue(r.out().contains("my photo.png: face probability"), r.out());
        assertEquals(1, ((List<?>) results.get("your_pictures_dbvae_probability")).size(), results.toString());
        assertTrue(Files.isDirectory(run.resolve("model/cnn")) && Files.isDirectory(run.resolve("model/dbvae")));

        LabsTest.Result resumed = LabsTest.launch("faces", "--resume", "--quiet", "--runs", runs.toString());
        assertEquals(0, resumed.exitCode(), "both models reload from their checkpoints: " + resumed.err());
        assertEquals(results, LabsTest.results(run), "and the audit comes out the same");
    }

    @Test
    void theAuditRunsOnRealFacesInQuickMode() throws Exception {
        Assumptions.assumeTrue(DataDirectory.folder("utkface-random200").isPresent()
                && DataDirectory.folder("cifar10-test-jpg").isPresent(), "needs INTRODL_DATA with UTKFace and CIFAR-10");
        LabsTest.Result r = LabsTest.launch("faces", "--quick", "--dataset", "utkface", "--latent", "16", "--runs",
                runs.toString());
        assertEquals(0, r.exitCode(), r.err());
        for (String group : List.of("female Black", "male White", "female Indian")) {
            assertTrue(r.out().contains(group), "the audit names " + group + ": " + r.out());
        }
        Map<String, Object> results = LabsTest.results(LabsTest.onlyRun(runs, "faces"));
        assertTrue(((List<?>) results.get("cnn_detection")).size() == 2, "mean and sd: " + results);
        if (DataDirectory.folder(introdl.faces.OlivettiFaces.FOLDER).isPresent()) {
            assertTrue(r.out().contains("Of the 400 Olivetti faces"), "the second set of photographs: " + r.out());
            assertEquals(1, ((List<?>) results.get("dbvae_olivetti_detection")).size(), results.toString());
        }
    }

    private String notAnImage() {
        try {
            return Files.writeString(runs.resolve("notes.jpg"), "not a picture").toString();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Test
    void badValuesAreUsageErrorsNamingTheOption() {
        for (String[] args : new String[][] {{"--latent", "0"}, {"--kl-weight", "-1"}, {"--dataset", "celeba"},
                {"--seeds", "0"}, {"--smoothing", "0"}, {"--bins", "0"}, {"--limit", "0"},
                {"--learning-rate", "0"}, {"--epochs", "0"},
                {"--classify", runs.resolve("no-such-photo.jpg").toString()}, {"--classify", notAnImage()},
                {"--h5", notAnImage()}, {"--h5", runs.resolve("nowhere/train_face.h5").toString(), "--dataset", "course"}}) {
            List<String> all = new java.util.ArrayList<>(List.of("faces", "--runs", runs.toString()));
            all.addAll(List.of(args));
            LabsTest.Result r = LabsTest.launch(all.toArray(String[]::new));
            assertEquals(2, r.exitCode(), String.join(" ", args) + ": " + r.err());
            assertFalse(r.err().contains("Exception"), r.err());
            assertTrue(r.err().contains(args[0]), "names " + args[0] + ": " + r.err());
        }
        assertFalse(Files.exists(runs.resolve("faces")));
    }

    @Test
    void aMissingCourseFileSaysWhereToGetIt() throws Exception {
        Path emptyData = Files.createDirectories(runs.resolve("empty-data"));
        String before = System.getProperty(introdl.data.DataDirectory.PROPERTY);
        LabsTest.Result r;
        try {
            r = LabsTest.launch("faces", "--quick", "--dataset", "course", "--data", emptyData.toString(), "--runs",
                    runs.toString());
        } finally {
            if (before == null) {
                System.clearProperty(introdl.data.DataDirectory.PROPERTY);
            } else {
                System.setProperty(introdl.data.DataDirectory.PROPERTY, before);
            }
        }
        assertEquals(1, r.exitCode(), r.err());
        assertTrue(r.err().contains("train_face.h5"), r.err());
        assertFalse(r.err().contains("at introdl"), "a message, not a stack trace: " + r.err());
    }

}
