package introdl.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HistoryTest {
    static History sample() {
        History h = new History();
        for (int e = 1; e <= 3; e++) {
            Map<String, Double> v = new LinkedHashMap<>();
            v.put(History.LOSS, 1.0 / e);
            v.put(History.ACCURACY, 0.5 + 0.1 * e);
            v.put(History.VAL_LOSS, 1.2 / e);
            v.put(History.SECONDS, 0.25);
            h.add(new History.Epoch(e, v));
        }
        return h;
    }

    @Test
    void csvRoundTrips(@TempDir Path dir) {
        History h = sample();
        Path file = h.writeCsv(dir.resolve("history.csv"));
        History back = History.readCsv(file);
        assertEquals(h.columns(), back.columns());
        assertArrayEquals(h.series(History.LOSS), back.series(History.LOSS), 1e-6);
        assertTrue(h.toCsv().startsWith("epoch,loss,accuracy,val_loss,seconds\n1,1.00000,0.600000,"), h.toCsv());
    }

    @Test
    void anEpochPrintsAsTheConsoleShowsIt() {
        // notebook 07 printed history.last() as the raw record, Epoch[number=3, values={...}]
        assertEquals("epoch 3: loss 0.3333 accuracy 0.8000 val_loss 0.4000 (0.3s)", sample().last().toString());
    }

    @Test
    void epochsMustComeInOrder() {
        History h = sample();
        assertThrows(IllegalArgumentException.class, () -> h.add(new History.Epoch(5, Map.of())));
        assertThrows(IllegalArgumentException.class, () -> History.fromCsv("step,loss\n1,2\n"));
    }

    @Test
    void chartsAreWrittenAsPng(@TempDir Path dir) throws Exception {
        History h = sample();
        BufferedImage loss = ImageIO.read(h.plotLoss(dir.resolve("loss.png")).toFile());
        BufferedImage acc = ImageIO.read(h.plotAccuracy(dir.resolve("sub/accuracy.png")).toFile());
        History flat = new History();
        for (int e = 1; e <= 3; e++) {
            flat.add(new History.Epoch(e, Map.of(History.LOSS, 0.5, History.VAL_LOSS, 0.5, History.ACCURACY, 0.5)));
        }
        BufferedImage flatLoss = ImageIO.read(flat.plotLoss(dir.resolve("flat.png")).toFile());
        assertTrue(differ(loss, flatLoss), "the loss chart draws the history's own figures");
        assertTrue(differ(loss, acc), "the accuracy chart is another chart");
        assertTrue(colours(loss) >= 4, "background, text and two series (loss and val_loss): " + colours(loss));
    }

    private static boolean differ(BufferedImage a, BufferedImage b) {
        for (int y = 0; y < Math.min(a.getHeight(), b.getHeight()); y++) {
            for (int x = 0; x < Math.min(a.getWidth(), b.getWidth()); x++) {
                if (a.getRGB(x, y) != b.getRGB(x, y)) {
                    return true;
                }
            }
        }
        return a.getWidth() != b.getWidth() || a.getHeight() != b.getHeight();
    }

    private static long colours(BufferedImage image) {
        java.util.Set<Integer> seen = new java.util.HashSet<>();
        for (int y = 0; y < image.getHeight(); y += 2) {
            for (int x = 0; x < image.getWidth(); x += 2) {
                seen.add(image.getRGB(x, y));
            }
        }
        return seen.size();
    }
}
