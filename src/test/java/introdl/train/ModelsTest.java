package introdl.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.Model;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.nn.SequentialBlock;
import introdl.basics.Mlp;
import introdl.data.InvalidDataException;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ModelsTest {
    private static final String NAME = "net";
    private static final Shape SAMPLE = new Shape(4);

    /** The same small MLP every time, so a saved one loads into a fresh one. */
    private static Block block() {
        return new SequentialBlock().add(Mlp.of(4, 2, 3).build());
    }

    private static Model saved(Path dir, long seed) {
        Model model = Models.create(NAME, block(), SAMPLE, seed);
        Models.save(model, dir);
        return model;
    }

    private static Path params(Path dir, int epoch) {
        return dir.resolve(String.format("%s-%04d.params", NAME, epoch));
    }

    private static void flipBit(Path file, int at, int bit) throws IOException {
        byte[] bytes = Files.readAllBytes(file);
        bytes[at] ^= (byte) (1 << bit);
        Files.write(file, bytes);
    }

    private static List<String> names(Path dir) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    private static InvalidDataException loadFails(Path dir) {
        return assertThrows(InvalidDataException.class, () -> Models.load(dir, NAME, block()).close());
    }

    @Test
    void aSavedModelLoadsWithItsWeightsAndASha256sumCompatibleChecksumBesideIt(@TempDir Path dir) throws Exception {
        try (Model model = saved(dir, 1)) {
            assertEquals(List.of("net-0000.params", "net-0000.params.sha256"), names(dir), "no temporary folder left");
            String checksum = Files.readString(dir.resolve("net-0000.params.sha256"));
            assertEquals(ParamsChecksum.sha256(params(dir, 0)) + "  net-0000.params\n", checksum);
            try (Model loaded = Models.load(dir, NAME, block())) {
                assertArrayEquals(TrainingFixtures.weights(model), TrainingFixtures.weights(loaded));
            }
        }
        // saved again without an Epoch property: numbered one on, as DJL numbers them, and loaded as the newest
        try (Model second = saved(dir, 2); Model loaded = Models.load(dir, NAME, block())) {
            assertTrue(Files.exists(dir.resolve("net-0001.params.sha256")));
            assertArrayEquals(TrainingFixtures.weights(second), TrainingFixtures.weights(loaded));
        }
        // models saved before checksums were written have none, and still load
        Files.delete(dir.resolve("net-0001.params.sha256"));
        Models.load(dir, NAME, block()).close();
    }

    @Test
    void flippedBitsAreCaughtAtLoadNamingTheFile(@TempDir Path dir) throws Exception {
        saved(dir, 1).close();
        Path file = params(dir, 0);
        flipBit(file, (int) Files.size(file) - 5, 3); // in the last weight: DJL alone loads it without a word
        InvalidDataException e = loadFails(dir);
        assertTrue(e.getMessage().contains(file + " is damaged") && e.getMessage().contains("net-0000.params.sha256")
                && e.getMessage().contains("Train the model again, or copy"), e.getMessage());
    }

    @Test
    void aFileWhoseMagicByteIsFlippedFailsAtLoadNotAtTheFirstPrediction(@TempDir Path dir) throws Exception {
        saved(dir, 1).close();
        Path file = params(dir, 0);
        flipBit(file, 0, 0); // "DJL@" -> "EJL@": DJL skips such a file and leaves the weights unset
        assertTrue(loadFails(dir).getMessage().contains(file + " is damaged"));
        Files.delete(ParamsChecksum.fileFor(file)); // as a model saved before checksums were written
        InvalidDataException e = loadFails(dir);
        assertTrue(e.getMessage().contains(file.toString()) && e.getMessage().contains("'DJL@'"), e.getMessage());
    }

    @Test
    void nanOrInfiniteWeightsAreRefusedNamingTheParameterAndTheFile(@TempDir Path dir) throws Exception {
        try (Model model = Models.create(NAME, block(), SAMPLE, 1)) {
            NDArray weight = model.getBlock().getParameters().get(0).getValue().getArray();
            NoGrad.run(() -> weight.set(new NDIndex("0, 0"), Float.NaN));
            Models.save(model, dir);
        }
        String parameter = block().getParameters().get(0).getKey(); // names are the block's, not the instance's
        InvalidDataException e = loadFails(dir);
        assertTrue(e.getMessage().contains(params(dir, 0) + " holds NaN or infinite weights in parameter '"
                + parameter + "'") && e.getMessage().contains("Train the model again"), e.getMessage());
        Files.delete(ParamsChecksum.fileFor(params(dir, 0))); // checked without a checksum too
        assertTrue(loadFails(dir).getMessage().contains("NaN or infinite"));

        try (Model model = Models.create(NAME, block(), SAMPLE, 1)) {
            NDArray bias = model.getBlock().getParameters().get(1).getValue().getArray();
            NoGrad.run(() -> bias.set(new NDIndex("0"), Float.POSITIVE_INFINITY));
            model.setProperty("Epoch", "0");
            Models.save(model, dir);
        }
        assertTrue(loadFails(dir).getMessage().contains("NaN or infinite"));
    }

    /** A block that writes a few bytes of its parameters and fails, as a full disk or a crash would leave them. */
    private static final class FailsWhileSaving extends SequentialBlock {
        @Override
        public void saveParameters(DataOutputStream os) throws IOException {
            os.write(new byte[7]);
            os.flush();
            throw new IOException("no space left on device (simulated)");
        }
    }

    @Test
    void aSaveThatFailsHalfwayLeavesThePreviousModelLoadable(@TempDir Path dir) throws Exception {
        float[] before;
        try (Model model = saved(dir, 1)) {
            before = TrainingFixtures.weights(model);
        }
        try (Model failing = Models.create(NAME, new FailsWhileSaving().add(Mlp.of(4, 2, 3).build()), SAMPLE, 2)) {
            UncheckedIOException e = assertThrows(UncheckedIOException.class, () -> Models.save(failing, dir));
            assertTrue(e.getMessage().contains("cannot save model to " + dir), e.getMessage());
        }
        assertEquals(List.of("net-0000.params", "net-0000.params.sha256"), names(dir), "no half-written file");
        try (Model loaded = Models.load(dir, NAME, block())) {
            assertArrayEquals(before, TrainingFixtures.weights(loaded));
        }

        // a process killed mid-save leaves its hidden folder: loading ignores it, the next save removes it
        Path leftover = Files.createDirectory(dir.resolve(".net-saving-123"));
        Files.write(leftover.resolve("net-0001.params"), new byte[] {'D', 'J', 'L'});
        try (Model loaded = Models.load(dir, NAME, block())) {
            assertArrayEquals(before, TrainingFixtures.weights(loaded));
        }
        saved(dir, 3).close();
        assertFalse(Files.exists(leftover));
        assertEquals(List.of("net-0000.params", "net-0000.params.sha256", "net-0001.params", "net-0001.params.sha256"),
                names(dir));
    }

    @Test
    void everyShippedModelHasAMatchingChecksumThatLoadingFromResourcesChecks() throws Exception {
        Path shipped = Path.of("src/main/resources/introdl/models");
        List<Path> params;
        try (Stream<Path> files = Files.walk(shipped)) {
            params = files.filter(p -> p.toString().endsWith(".params")).toList();
        }
        assertFalse(params.isEmpty());
        for (Path file : params) {
            Path checksum = ParamsChecksum.fileFor(file);
            assertTrue(Files.exists(checksum) && ParamsChecksum.verifyIfPresent(file), "the shipped " + file
                    + " needs its checksum beside it: in that folder, sha256sum " + file.getFileName() + " > "
                    + checksum.getFileName());
            String resourceDir = shipped.getParent().getParent().relativize(file.getParent()) + "/";
            String name = file.getFileName().toString();
            boolean copied = Models.fromResources(resourceDir, new String[] {name},
                    dir -> Files.exists(dir.resolve(name + ParamsChecksum.SUFFIX)));
            assertTrue(copied, "checksum copied with " + name);
        }
    }
}
