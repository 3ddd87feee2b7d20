package introdl.faces;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.Model;
import ai.djl.nn.Blocks;
import ai.djl.nn.Parameter;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.core.Linear;
import ai.djl.util.Pair;
import introdl.train.Models;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The course's 20 test faces: read from the data folder, five per group, and scored per group. */
class TestFacesTest {
    @Test
    void theTwentyFacesAreReadFivePerGroupAsPictures() {
        introdl.SharedData.require(TestFaces.FOLDER);
        FaceSet faces = TestFaces.load();
        assertEquals(20, faces.size());
        assertEquals(TestFaces.GROUPS, faces.groupNames());
        assertArrayEquals(new int[] {5, 5, 5, 5}, faces.groupCounts());
        assertEquals(20, faces.faces().length, "every one is a face");
        float[] first = faces.image(0);
        double mean = 0;
        for (float v : first) {
            assertTrue(v >= 0 && v <= 1);
            mean += v / first.length;
        }
        assertTrue(mean > 0.05 && mean < 0.95, "a photograph, not a blank: mean " + mean);
        assertEquals("test_faces/DM/9.png", faces.source(19));
    }

    @Test
    void withoutTheDataFolderTheFacesAreMissingAndTheMessageSaysWhereToPutThem() {
        introdl.SharedData.withDataDirectory(System.getProperty("java.io.tmpdir") + "/no-introdl-data", () -> {
            assertTrue(TestFaces.find().isEmpty());
            introdl.data.DataUnavailableException missing = org.junit.jupiter.api.Assertions.assertThrows(
                    introdl.data.DataUnavailableException.class, TestFaces::load);
            assertTrue(missing.getMessage().contains("mit6s191/test_faces"), missing.getMessage());
        });
    }

    @Test
    void eachGroupGetsItsMeanProbabilityAndItsShareDetected() {
        introdl.SharedData.require(TestFaces.FOLDER);
        FaceSet faces = TestFaces.load();
        // a detector that ignores the picture (weights zero, bias b): every face has probability sigmoid(b)
        for (float bias : new float[] {1f, -1f}) {
            try (Model model = constant(bias)) {
                TestFaces.Scores scores = TestFaces.score("constant", model, faces);
                double p = 1 / (1 + Math.exp(-bias));
                for (int g = 0; g < 4; g++) {
                    assertEquals(p, scores.meanProbability()[g], 1e-5);
                    assertEquals(0, scores.standardError()[g], 1e-6);
                }
                assertEquals(bias > 0 ? 20 : 0, scores.detected());
                assertEquals(bias > 0 ? 5 : 0, scores.audit().detection().get(2).successes());
                assertTrue(scores.toString().contains("dark-skinned female " + (bias > 0 ? "5/5" : "0/5")),
                        scores.toString());
            }
        }
        try (Model model = constant(1f)) {
            TestFaces.Scores scores = TestFaces.score("constant", model, faces);
            TestFaces.chart(List.of(scores, scores)).image();
        }
    }

    private static Model constant(float bias) {
        SequentialBlock block = new SequentialBlock().add(Blocks.batchFlattenBlock())
                .add(Linear.builder().setUnits(1).build());
        Model model = Models.create("constant", block, FaceSet.IMAGE, 1);
        for (Pair<String, Parameter> p : block.getParameters()) {
            var array = p.getValue().getArray();
            float[] values = new float[Math.toIntExact(array.size())];
            java.util.Arrays.fill(values, p.getKey().endsWith("bias") ? bias : 0);
            array.set(java.nio.FloatBuffer.wrap(values));
        }
        return model;
    }
}
