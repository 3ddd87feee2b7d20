package introdl.language;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.Model;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import introdl.attention.Positions;
import introdl.train.Models;
import java.awt.image.BufferedImage;
import org.junit.jupiter.api.Test;

/** A GPT's attention maps are causal distributions, one per layer and head, and draw as one picture. */
class AttentionMapsTest {
    @Test
    void everyMapIsACausalDistributionPerQueryAndTheyDrawAsOneGrid() {
        GptConfig config = new GptConfig(11, 16, 2, 2, 16, 0, Positions.Kind.LEARNED);
        Gpt gpt = new Gpt(config);
        int[] ids = {1, 5, 2, 9, 0, 3, 10};
        try (Model model = Models.create("gpt", gpt, new Shape(config.context()), 3);
                NDManager manager = NDManager.newBaseManager()) {
            float[][][][] maps = AttentionMaps.of(gpt, manager, ids);
            assertEquals(2, maps.length, "layers");
            for (int l = 0; l < maps.length; l++) {
                assertEquals(2, maps[l].length, "heads");
                for (int h = 0; h < maps[l].length; h++) {
                    float[][] map = maps[l][h];
                    assertEquals(ids.length, map.length);
                    for (int t = 0; t < map.length; t++) {
                        double sum = 0;
                        for (int s = 0; s < map[t].length; s++) {
                            sum += map[t][s];
                            if (s > t) {
                                assertTrue(map[t][s] < 1e-6f, "layer " + l + " head " + h + ": query " + t
                                        + " gives weight " + map[t][s] + " to the later key " + s);
                            }
                        }
                        assertEquals(1, sum, 1e-5, "layer " + l + " head " + h + " row " + t);
                    }
                    assertEquals(1f, map[0][0], 1e-6f, "the first token can only look at itself");
                }
            }
            BufferedImage picture = AttentionMaps.picture(maps, ids, id -> "t" + id);
            assertTrue(picture.getWidth() > 2 * ids.length * 24 && picture.getHeight() > 2 * ids.length * 24,
                    "two panels across and down, " + picture.getWidth() + "x" + picture.getHeight());

            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> AttentionMaps.of(gpt, manager, new int[17]));
            assertTrue(e.getMessage().contains("1 to 16 token ids, got 17"), e.getMessage());
        }
    }
}
