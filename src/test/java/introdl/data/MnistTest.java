package introdl.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import introdl.SharedData;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MnistTest {
    @Test
    void readsTheStandardMnistFiles() {
        Split mnist = Mnist.DIGITS.load(SharedData.require("mnist"));
        assertEquals(60000, mnist.train().size());
        assertEquals(10000, mnist.test().size());
        assertEquals(28, mnist.train().sampleShape().get(2));
        // the class counts published with MNIST
        assertArrayEquals(new int[] {5923, 6742, 5958, 6131, 5842, 5421, 5918, 6265, 5851, 5949},
                mnist.train().classCounts());
        assertArrayEquals(new int[] {980, 1135, 1032, 1010, 982, 892, 958, 1028, 974, 1009},
                mnist.test().classCounts());
        float max = 0;
        for (float v : mnist.test().sample(0)) {
            max = Math.max(max, v);
        }
        assertEquals(1f, max, 1e-6, "pixels are scaled to 0..1");
    }

    @Test
    void readsFashionMnistThroughTheDataFolderSetting() {
        Path root = SharedData.require("fashion-mnist").getParent();
        SharedData.withDataDirectory(root.toString(), () -> {
            Split fashion = Mnist.FASHION.load();
            assertEquals(60000, fashion.train().size());
            assertEquals("Ankle boot", fashion.train().classNames().get(9));
            int[] counts = fashion.test().classCounts();
            assertTrue(Arrays.stream(counts).allMatch(c -> c == 1000), Arrays.toString(counts));
        });
    }

    @Test
    void offlineWithoutLocalFilesSaysWhatToDownloadAndWhere(@TempDir Path empty) {
        assertEquals("true", System.getProperty("ai.djl.offline"), "tests must never download");
        SharedData.withDataDirectory(empty.toString(), () -> {
            DataUnavailableException e = assertThrows(DataUnavailableException.class, Mnist.DIGITS::load);
            String message = e.getMessage();
            assertTrue(message.contains("train-images-idx3-ubyte.gz") && message.contains("t10k-labels-idx1-ubyte.gz"),
                    message);
            assertTrue(message.contains(empty.resolve("mnist").toString()), message);
        });
    }

    @Test
    void missingFileInTheLocalFolderIsNamed(@TempDir Path root) throws Exception {
        Path folder = Files.createDirectories(root.resolve("mnist"));
        Files.write(folder.resolve("train-images-idx3-ubyte.gz"), new byte[0]);
        DataUnavailableException e = assertThrows(DataUnavailableException.class, () -> Mnist.DIGITS.load(folder));
        assertTrue(e.getMessage().contains("train-labels-idx1-ubyte.gz"), e.getMessage());
    }

    @Test
    void truncatedLocalFileIsRejectedNamingIt(@TempDir Path root) throws Exception {
        Path source = SharedData.require("mnist");
        Path folder = Files.createDirectories(root.resolve("mnist"));
        for (String name : new String[] {"train-images-idx3-ubyte.gz", "train-labels-idx1-ubyte.gz",
                "t10k-images-idx3-ubyte.gz", "t10k-labels-idx1-ubyte.gz"}) {
            Files.copy(source.resolve(name), folder.resolve(name));
        }
        byte[] labels = Files.readAllBytes(folder.resolve("train-labels-idx1-ubyte.gz"));
        Files.write(folder.resolve("train-labels-idx1-ubyte.gz"), Arrays.copyOf(labels, labels.length - 500));
        InvalidDataException e = assertThrows(InvalidDataException.class, () -> Mnist.DIGITS.load(folder));
        assertTrue(e.getMessage().contains("train-labels-idx1-ubyte.gz"), e.getMessage());
    }
}
