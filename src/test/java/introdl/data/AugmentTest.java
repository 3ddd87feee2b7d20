package introdl.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.types.Shape;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Augmentation for photographs: mirror images, colour jitter, grey, a zoom range. */
class AugmentTest {
    private static final Shape RGB = new Shape(3, 4, 5);

    private static float[] picture(long seed) {
        Random random = new Random(seed);
        float[] out = new float[(int) RGB.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = random.nextFloat();
        }
        return out;
    }

    private static float[] mirrored(float[] image) {
        float[] out = new float[image.length];
        for (int c = 0; c < 3; c++) {
            for (int y = 0; y < 4; y++) {
                for (int x = 0; x < 5; x++) {
                    out[c * 20 + y * 5 + x] = image[c * 20 + y * 5 + 4 - x];
                }
            }
        }
        return out;
    }

    @Test
    void flipsMirrorAboutHalfTheImagesExactlyAndLeaveTheOthersAlone() {
        Augment flips = Augment.affine(0, 0, 0).withFlips();
        float[] image = picture(1);
        int mirrors = 0;
        Random random = new Random(7);
        for (int k = 0; k < 200; k++) {
            float[] out = flips.apply(image, RGB, random);
            boolean same = java.util.Arrays.equals(out, image);
            boolean mirror = java.util.Arrays.equals(out, mirrored(image));
            assertTrue(same || mirror, "either the image or its mirror image");
            mirrors += mirror ? 1 : 0;
        }
        assertTrue(mirrors > 70 && mirrors < 130, mirrors + " of 200 mirrored");
    }

    @Test
    void greyMakesTheChannelsEqualAndJitterKeepsPixelsInRange() {
        float[] image = picture(2);
        float[] grey = Augment.affine(0, 0, 0).withGreyscale(1).apply(image, RGB, new Random(3));
        for (int i = 0; i < 20; i++) {
            assertEquals(grey[i], grey[20 + i], 1e-6);
            assertEquals(grey[i], grey[40 + i], 1e-6);
        }
        assertEquals(0.299 * image[0] + 0.587 * image[20] + 0.114 * image[40], grey[0], 1e-5, "the luma grey");
        Augment jitter = Augment.affine(0, 0, 0).withColourJitter(0.9, 0.9, 0.9);
        Random random = new Random(4);
        int changed = 0;
        for (int k = 0; k < 50; k++) {
            float[] out = jitter.apply(image, RGB, random);
            for (float v : out) {
                assertTrue(v >= 0 && v <= 1, "pixels stay in [0, 1]: " + v);
            }
            changed += java.util.Arrays.equals(out, image) ? 0 : 1;
        }
        assertEquals(50, changed, "every image's colour changes");
    }

    @Test
    void aZoomAboveOneEnlargesTheCentre() {
        // a 1x1x8 ramp: zooming 2x about the centre maps the outer pixels inward
        float[] ramp = {0, 1, 2, 3, 4, 5, 6, 7};
        float[] out = Augment.affine(0, 0, 0).withZoom(2, 2).apply(ramp, new Shape(1, 8), new Random(1));
        assertEquals(3.5f, (out[3] + out[4]) / 2, 1e-5, "the centre stays put");
        assertEquals(0.5f, out[4] - out[3], 1e-5, "and neighbours are half as far apart");
        assertArrayEquals(ramp, Augment.affine(0, 0, 0).withZoom(1, 1).apply(ramp, new Shape(1, 8), new Random(1)));
    }

    @Test
    void badSettingsAndGreyImagesAreRefusedWithTheReason() {
        assertThrows(IllegalArgumentException.class, () -> Augment.shift(0).withZoom(0, 1));
        assertThrows(IllegalArgumentException.class, () -> Augment.shift(0).withZoom(1.5, 1.2));
        assertThrows(IllegalArgumentException.class, () -> Augment.shift(0).withColourJitter(1, 0, 0));
        assertThrows(IllegalArgumentException.class, () -> Augment.shift(0).withGreyscale(1.5));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Augment.shift(0).withGreyscale(0.5).apply(new float[16], new Shape(1, 4, 4), new Random(1)));
        assertTrue(e.getMessage().contains("3-channel"), e.getMessage());
        assertTrue(Augment.shift(1).withFlips().withGreyscale(0.25).toString().contains("mirrored"));
    }
}
