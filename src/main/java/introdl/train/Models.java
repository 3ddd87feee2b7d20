package introdl.train;

import ai.djl.MalformedModelException;
import ai.djl.Model;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.function.Function;

/** Creating, saving and loading DJL models around introdl blocks. */
public final class Models {
    private Models() {}

    /** A new DJL model named {@code name} holding {@code block}, placed on the main training device. */
    public static Model create(String name, Block block) {
        Model model = Model.newInstance(name, Devices.main());
        model.setBlock(block);
        return model;
    }

    /**
     * A new model holding {@code block}, with its parameters initialised now, randomly from
     * {@code seed}, for samples of {@code sampleShape}, so it can predict before any training
     * (the fit loop keeps weights it finds initialised).
     */
    public static Model create(String name, Block block, Shape sampleShape, long seed) {
        Model model = create(name, block);
        Seeds.seedEngine(seed);
        block.initialize(model.getNDManager(), DataType.FLOAT32, new Shape(1).addAll(sampleShape));
        return model;
    }

    /** Saves the model's parameters in DJL's format ({@code <name>-NNNN.params}) into {@code dir}. */
    public static Path save(Model model, Path dir) {
        try {
            Files.createDirectories(dir);
            model.save(dir, model.getName());
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot save model to " + dir + ": " + e.getMessage(), e);
        }
    }

    /**
     * Loads a model saved by {@link #save}: {@code block} must be built the same way as the block
     * that was trained (the parameters give the weights, the block gives the structure).
     */
    public static Model load(Path dir, String name, Block block) {
        Model model = create(name, block);
        try {
            model.load(dir, name);
            return model;
        } catch (IOException | MalformedModelException | RuntimeException e) {
            model.close();
            throw new IllegalArgumentException("cannot load model '" + name + "' from " + dir + ": "
                    + e.getMessage() + " (is it a model of this kind, saved by introdl?)", e);
        }
    }

    /**
     * Loads a model shipped on the class path: the {@code files} under {@code resourceDir} are
     * copied to a temporary folder, {@code load} reads them from there, and the folder is deleted.
     *
     * @throws IllegalStateException naming the missing file if one is not on the class path
     */
    public static <T> T fromResources(String resourceDir, String[] files, Function<Path, T> load) {
        Path dir;
        try {
            dir = Files.createTempDirectory("introdl-model");
            for (String file : files) {
                try (InputStream in = Models.class.getClassLoader().getResourceAsStream(resourceDir + file)) {
                    if (in == null) {
                        throw new IllegalStateException("the shipped model is missing " + resourceDir + file
                                + " from the class path: rebuild introdl (mvn package)");
                    }
                    Files.copy(in, dir.resolve(file), StandardCopyOption.REPLACE_EXISTING);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot unpack the shipped model " + resourceDir + ": " + e.getMessage(), e);
        }
        try {
            return load.apply(dir);
        } finally {
            deleteQuietly(dir);
        }
    }

    private static void deleteQuietly(Path dir) {
        try (var files = Files.list(dir)) {
            for (Path f : files.toList()) {
                Files.deleteIfExists(f);
            }
            Files.deleteIfExists(dir);
        } catch (IOException e) {
            dir.toFile().deleteOnExit();
        }
    }
}
