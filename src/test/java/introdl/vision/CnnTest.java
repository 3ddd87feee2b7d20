package introdl.vision;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.Model;
import ai.djl.ndarray.types.Shape;
import introdl.data.Digits;
import introdl.data.Examples;
import introdl.train.Fit;
import introdl.train.Inference;
import introdl.train.Models;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.util.List;
import org.junit.jupiter.api.Test;

class CnnTest {
    private static final Shape DIGIT = new Shape(1, 20, 20);

    @Test
    void theLecturesNetworkHasTheLecturesLayers() {
        Cnn cnn = Cnn.lecture(DIGIT, 10);
        try (Model model = Models.create("cnn", cnn.build(), DIGIT, 1)) {
            long[] weightCounts = model.getBlock().getParameters().stream()
                    .filter(p -> p.getKey().endsWith("weight")).mapToLong(p -> p.getValue().getArray().size()).toArray();
            // conv 32 3x3 on 1 channel, conv 64 3x3 on 32, dense 1024 on 64x3x3, dense 10
            assertArrayEquals(new long[] {32 * 9, 64 * 32 * 9, 1024 * 64 * 3 * 3, 10 * 1024}, weightCounts);
            assertEquals(10, Inference.outputs(model, Digits.load().sample(3, 1))[0].length);
        }
        assertTrue(cnn.toString().startsWith("CNN 1x20x20 -> conv32+pool -> conv64+pool -> dense1024 -> 10"),
                cnn.toString());
    }

    @Test
    void imagesOfTheWrongSizeAreExplainedAndTooSmallInputsRefused() {
        try (Model model = Models.create("cnn", Cnn.lecture(DIGIT, 10).build(), DIGIT, 1)) {
            Examples big = Examples.of("big", new float[2 * 784], new Shape(1, 28, 28), new float[2], Digits.CLASSES);
            Exception e = assertThrows(Exception.class, () -> Inference.outputs(model, big));
            assertTrue(String.valueOf(e.getMessage()).contains("takes images of 1x20x20")
                    && e.getMessage().contains("Pixels.fit"), e.getMessage());
        }
        IllegalArgumentException small = assertThrows(IllegalArgumentException.class,
                () -> Cnn.lecture(new Shape(1, 6, 6), 10));
        assertTrue(small.getMessage().contains("too small"), small.getMessage());
    }

    @Test
    void imagesAreFittedToTheModelSayingWhatChanged() {
        BufferedImage drawn = new BufferedImage(40, 40, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = drawn.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, 40, 40);
        g.setColor(Color.BLACK);
        g.fillRect(18, 5, 4, 30);
        g.dispose();
        Pixels.Prepared prepared = Pixels.fit(drawn, DIGIT, true);
        assertEquals(400, prepared.pixels().length);
        assertEquals(3, prepared.changes().size(), prepared.changes().toString());
        assertTrue(prepared.changes().get(0).contains("40x40 to 20x20"));
        assertTrue(prepared.pixels()[10 * 20 + 10] > 0.5f, "the dark stroke became bright ink");
        assertThrows(IllegalArgumentException.class, () -> Pixels.fit(drawn, new Shape(400), false));
    }

    @Test
    void theConfusionMatrixCountsTruthAgainstPrediction() {
        ConfusionMatrix matrix = ConfusionMatrix.of(new int[] {0, 0, 1, 2, 2, 2}, new int[] {0, 1, 1, 2, 1, 1},
                List.of("a", "b", "c"));
        assertEquals(1, matrix.count(0, 1));
        assertEquals(2, matrix.count(2, 1));
        assertEquals(0.5, matrix.accuracy(), 1e-9);
        assertArrayEquals(new int[] {2, 1, 2}, matrix.worstConfusion());
        assertEquals(List.of("truth \\ predicted", "a", "b", "c"), matrix.rows().get(0));
        assertTrue(matrix.image().getWidth() > 3 * 44);
        assertNull(ConfusionMatrix.of(new int[] {1}, new int[] {1}, List.of("a", "b")).worstConfusion());
        assertThrows(IllegalArgumentException.class,
                () -> ConfusionMatrix.of(new int[] {3}, new int[] {0}, List.of("a", "b")));
    }

    @Test
    void learntFiltersAndFeatureMapsCanBeLookedAt() {
        Examples digits = Digits.load().sample(300, 1);
        try (Model model = Models.create("cnn", Cnn.lecture(DIGIT, 10).withBatchNorm(true).build())) {
            Fit.of(model).epochs(1).quiet().run(digits);
            assertEquals(32, Inspect.firstLayerFilters(model, 8, 10).size());
            List<Inspect.FeatureMaps> maps = Inspect.featureMaps(model, digits.sample(0), DIGIT);
            assertEquals(2, maps.size());
            assertArrayEquals(new long[] {32, 18, 18}, maps.get(0).shape());
            assertArrayEquals(new long[] {64, 7, 7}, maps.get(1).shape());
            assertTrue(maps.get(1).grid(16, 2).image().getWidth() > 16 * 14);
        }
    }
}
