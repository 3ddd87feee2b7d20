package introdl.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.types.Shape;
import java.util.List;
import org.junit.jupiter.api.Test;

class ExamplesTest {
    static Examples ramp(int n, int classes) {
        float[] x = new float[n * 4];
        float[] y = new float[n];
        for (int i = 0; i < n; i++) {
            for (int k = 0; k < 4; k++) {
                x[i * 4 + k] = i;
            }
            y[i] = i % classes;
        }
        return Examples.of("ramp", x, new Shape(2, 2), y,
                java.util.stream.IntStream.range(0, classes).mapToObj(String::valueOf).toList());
    }

    @Test
    void mismatchedFeaturesAndLabelsAreRejected() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Examples.of("bad", new float[10], new Shape(4), new float[3], List.of("a", "b")));
        assertTrue(e.getMessage().contains("12"), e.getMessage());
        assertThrows(IllegalArgumentException.class,
                () -> Examples.of("bad", new float[4], new Shape(4), new float[] {2}, List.of("a", "b")));
    }

    @Test
    void splitKeepsEveryClassShareAndLosesNothing() {
        Examples data = ramp(300, 3);
        Split split = data.split(0.8, 1);
        assertEquals(240, split.train().size());
        assertEquals(60, split.test().size());
        assertArrayEquals(new int[] {20, 20, 20}, split.test().classCounts());
        boolean[] seen = new boolean[300];
        for (Examples part : List.of(split.train(), split.test())) {
            for (int i = 0; i < part.size(); i++) {
                int id = (int) part.sample(i)[0];
                assertTrue(!seen[id], "sample " + id + " is in both parts");
                seen[id] = true;
                assertEquals(id % 3, part.label(i), "labels travel with their samples");
            }
        }
    }

    @Test
    void sampleIsAStratifiedSubsetAndSeedMatters() {
        Examples data = ramp(1000, 10);
        Examples small = data.sample(100, 3);
        assertEquals(100, small.size());
        assertArrayEquals(new int[] {10, 10, 10, 10, 10, 10, 10, 10, 10, 10}, small.classCounts());
        assertNotEquals(small.sample(0)[0], data.sample(100, 4).sample(0)[0]);
    }

    @Test
    void augmentationWithNoWarpIsTheIdentityAndWarpsAreSeeded() {
        Examples digits = Digits.load().sample(20, 1);
        Examples same = digits.augmented(Augment.affine(0, 0, 0), 5);
        assertArrayEquals(digits.sample(3), same.sample(3), 1e-5f);
        Examples warped = digits.augmented(Augment.affine(2, 10, 0.1), 5);
        Examples again = digits.augmented(Augment.affine(2, 10, 0.1), 5);
        assertArrayEquals(warped.sample(3), again.sample(3));
        assertTrue(difference(digits.sample(3), warped.sample(3)) > 1, "the image changed");
        assertArrayEquals(digits.labels(), warped.labels());
    }

    @Test
    void shiftMovesTheInkByAtMostTheShift() {
        Examples digits = Digits.load().sample(50, 2);
        Examples shifted = digits.augmented(Augment.shift(2), 9);
        for (int i = 0; i < digits.size(); i++) {
            double[] before = centreOfMass(digits.sample(i));
            double[] after = centreOfMass(shifted.sample(i));
            assertTrue(Math.abs(before[0] - after[0]) <= 2.3 && Math.abs(before[1] - after[1]) <= 2.3,
                    "sample " + i + " moved by more than 2 pixels");
        }
    }

    private static double difference(float[] a, float[] b) {
        double sum = 0;
        for (int i = 0; i < a.length; i++) {
            sum += Math.abs(a[i] - b[i]);
        }
        return sum;
    }

    private static double[] centreOfMass(float[] image) {
        double mass = 0;
        double x = 0;
        double y = 0;
        for (int i = 0; i < image.length; i++) {
            mass += image[i];
            x += image[i] * (i % 20);
            y += image[i] * (i / 20);
        }
        return new double[] {x / mass, y / mass};
    }
}
