package introdl.train;

import ai.djl.MalformedModelException;
import ai.djl.Model;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.util.Pair;
import ai.djl.util.Utils;
import introdl.data.InvalidDataException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

/**
 * Creating, saving and loading DJL models around introdl blocks. A saved model is untrusted input
 * when it is loaded again (copied, downloaded, or left by a crash), so saving is atomic and writes a
 * checksum, and loading checks the file and the weights before handing the model out.
 */
public final class Models {
    private static final byte[] DJL_MAGIC = "DJL@".getBytes(StandardCharsets.US_ASCII);

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

    /**
     * Saves the model's parameters in DJL's format into {@code dir} as {@code <name>-NNNN.params}
     * (NNNN is the model's {@code Epoch} property, or one more than the newest file of that name there,
     * as DJL numbers them), with its SHA-256 beside it in {@code <name>-NNNN.params.sha256}, which
     * {@link #load} checks.
     *
     * <p>The save is atomic: DJL writes into a hidden folder inside {@code dir}, the file is flushed to
     * disk and then renamed into place, and the checksum is written last. A crash at any moment leaves
     * the previous file or the new one, never half of one (DJL alone writes in place), and never a
     * checksum that matches a half-written file: at worst a complete file without its checksum, which
     * loads unchecked. A hidden folder a crash left behind is ignored by loading and removed by the next
     * save of that name. (DJL's {@code model.getModelPath()} then names that removed folder: use {@code dir}.)
     *
     * @return {@code dir}
     */
    public static Path save(Model model, Path dir) {
        String name = model.getName();
        Path staging = null;
        try {
            Files.createDirectories(dir);
            removeLeftoverStaging(dir, name);
            staging = Files.createTempDirectory(dir, stagingPrefix(name));
            model.save(staging, name);
            Path written = onlyParamsFile(staging, name);
            forceToDisk(written);
            Path target = dir.resolve(paramsFileName(name, epochToSave(model, dir)));
            // the old checksum goes first: a crash before the new one is written leaves a file without
            // a checksum (loaded unchecked), never a checksum that disagrees with a sound file
            Files.deleteIfExists(ParamsChecksum.fileFor(target));
            moveIntoPlace(written, target);
            ParamsChecksum.write(target);
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot save model to " + dir + ": " + e.getMessage(), e);
        } finally {
            deleteQuietly(staging);
        }
    }

    /** The name of a parameters file, as DJL writes and finds it. */
    private static String paramsFileName(String name, int epoch) {
        return String.format(Locale.ROOT, "%s-%04d.params", name, epoch);
    }

    /** The epoch number DJL would give the file in {@code dir}: the Epoch property, or one past the newest file. */
    private static int epochToSave(Model model, Path dir) throws IOException {
        String epoch = model.getProperty("Epoch");
        return epoch == null ? Utils.getCurrentEpoch(dir, model.getName()) + 1 : Integer.parseInt(epoch);
    }

    /** Hidden (leading dot) and named after the model, so DJL's file search never matches it. */
    private static String stagingPrefix(String name) {
        return "." + name + "-saving-";
    }

    private static void removeLeftoverStaging(Path dir, String name) throws IOException {
        try (var entries = Files.list(dir)) {
            for (Path entry : entries.toList()) {
                if (Files.isDirectory(entry) && entry.getFileName().toString().startsWith(stagingPrefix(name))) {
                    deleteQuietly(entry);
                }
            }
        }
    }

    private static Path onlyParamsFile(Path staging, String name) throws IOException {
        try (var entries = Files.list(staging)) {
            List<Path> params = entries.filter(p -> p.getFileName().toString().startsWith(name + "-")
                    && p.getFileName().toString().endsWith(".params")).toList();
            if (params.size() != 1) {
                throw new IOException("DJL wrote " + params.size() + " parameter files into " + staging
                        + "; expected one");
            }
            return params.get(0);
        }
    }

    private static void forceToDisk(Path file) throws IOException {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE)) {
            channel.force(true);
        }
    }

    private static void moveIntoPlace(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    /**
     * Loads a model saved by {@link #save}: {@code block} must be built the same way as the block
     * that was trained (the parameters give the weights, the block gives the structure).
     *
     * <p>The file is checked before it is trusted: against its {@code .sha256} checksum when it has
     * one, for DJL's magic bytes (DJL skips a file without them and leaves the weights unset, so the
     * model would fail only at its first prediction), and after loading every weight must be finite.
     * Models saved before checksums were written have none; they load with the other two checks.
     *
     * @throws InvalidDataException naming the file if it is damaged or holds NaN or infinite weights
     * @throws IllegalArgumentException if it is not a model of this kind
     */
    public static Model load(Path dir, String name, Block block) {
        Path params = paramsFile(dir, name);
        if (params != null) {
            ParamsChecksum.verifyIfPresent(params);
            requireDjlMagic(params);
        }
        Model model = create(name, block);
        try {
            model.load(dir, name);
        } catch (IOException | MalformedModelException | RuntimeException e) {
            model.close();
            throw new IllegalArgumentException("cannot load model '" + name + "' from " + dir + ": "
                    + e.getMessage() + " (is it a model of this kind, saved by introdl?)", e);
        }
        try {
            requireFiniteWeights(model, params == null ? dir : params);
            return model;
        } catch (RuntimeException e) {
            model.close();
            throw e;
        }
    }

    /** The parameters file DJL will load from {@code dir} (the newest epoch), or null if there is none. */
    private static Path paramsFile(Path dir, String name) {
        if (!Files.isDirectory(dir)) {
            return null;
        }
        try {
            int epoch = Utils.getCurrentEpoch(dir, name);
            return epoch < 0 ? null : dir.resolve(paramsFileName(name, epoch));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + dir + ": " + e.getMessage(), e);
        }
    }

    private static void requireDjlMagic(Path params) {
        byte[] start = new byte[DJL_MAGIC.length];
        int read;
        try (InputStream in = Files.newInputStream(params)) {
            read = in.readNBytes(start, 0, start.length);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + params + ": " + e.getMessage(), e);
        }
        if (read < start.length || !Arrays.equals(start, DJL_MAGIC)) {
            throw new InvalidDataException(params + " is damaged or not a DJL parameters file: it does not start "
                    + "with DJL's marker 'DJL@'. Train the model again, or copy or download it again");
        }
    }

    private static void requireFiniteWeights(Model model, Path params) {
        for (Pair<String, Parameter> p : model.getBlock().getParameters()) {
            Parameter parameter = p.getValue();
            if (parameter.isInitialized() && !isFinite(parameter.getArray())) {
                throw new InvalidDataException(params + " holds NaN or infinite weights in parameter '" + p.getKey()
                        + "': training diverged before it was saved, or the file is damaged. Train the model "
                        + "again (a lower learning rate, or gradient clipping), or copy it again");
            }
        }
    }

    private static boolean isFinite(NDArray array) {
        if (!array.getDataType().isFloating()) {
            return true;
        }
        // the test's temporary arrays live in a scope of their own, closed at once
        try (NDManager scope = array.getManager().newSubManager()) {
            array.tempAttach(scope);
            return !array.isNaN().logicalOr(array.isInfinite()).any().getBoolean();
        }
    }

    /**
     * Loads a model shipped on the class path: the {@code files} under {@code resourceDir} are
     * copied to a temporary folder, {@code load} reads them from there, and the folder is deleted.
     * Each {@code .params} file's checksum ({@code .params.sha256}) is copied with it when it is
     * shipped, so that {@link #load} checks the shipped weights too; callers list only the files.
     *
     * @throws IllegalStateException naming the missing file if one is not on the class path
     */
    public static <T> T fromResources(String resourceDir, String[] files, Function<Path, T> load) {
        Path dir;
        try {
            dir = Files.createTempDirectory("introdl-model");
            for (String file : files) {
                if (!copyResource(resourceDir + file, dir.resolve(file))) {
                    throw new IllegalStateException("the shipped model is missing " + resourceDir + file
                            + " from the class path: rebuild introdl (mvn package)");
                }
                if (file.endsWith(".params")) {
                    copyResource(resourceDir + file + ParamsChecksum.SUFFIX, dir.resolve(file + ParamsChecksum.SUFFIX));
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

    /** Copies a class-path resource to {@code target}; false if there is no such resource. */
    private static boolean copyResource(String resource, Path target) throws IOException {
        try (InputStream in = Models.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                return false;
            }
            Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
            return true;
        }
    }

    /** Deletes a folder of files (no sub-folders); one left behind is hidden and harmless. */
    private static void deleteQuietly(Path dir) {
        if (dir == null || !Files.exists(dir)) {
            return;
        }
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
