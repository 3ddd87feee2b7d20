package introdl.faces;

import introdl.data.DataDirectory;
import introdl.data.DataUnavailableException;
import introdl.data.InvalidDataException;
import introdl.train.Seeds;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import javax.imageio.ImageIO;

/**
 * Face sets from ordinary image folders: one folder of faces, one of non-faces, searched
 * recursively for {@code .jpg .jpeg .png .bmp .gif} files of any size. Each image is cut to its
 * centre square and scaled to 64x64 RGB ({@link FaceImages}). Files are read in sorted path order,
 * and a limit takes a seeded random sample, so the same call always gives the same set.
 *
 * <p>A file that cannot be decoded is left out and listed in {@link FaceSet#skipped()}, never
 * silently dropped. Decoding runs in parallel (JPEG decoding dominates); results keep the sorted
 * order.
 *
 * <p>{@link #utkFaceAndCifar} is the real-photo version of the lab's data: UTKFace crops as faces
 * (with gender x race groups) and CIFAR-10 pictures as non-faces, from the data folder.
 */
public final class FaceFolders {
    /** A limit meaning "every image in the folder". */
    public static final int ALL = Integer.MAX_VALUE;
    /** The image file name endings read, in lower case. */
    public static final List<String> EXTENSIONS = List.of(".jpg", ".jpeg", ".png", ".bmp", ".gif");
    /** Data-folder sub-folder with 2,000 UTKFace crops, 200 per gender x race. */
    public static final String UTKFACE_FOLDER = "utkface-random200";
    /** Data-folder sub-folder with the 10,000 CIFAR-10 test images as JPEG. */
    public static final String CIFAR_FOLDER = "cifar10-test-jpg";

    // the non-face sample draws from its own stream, so changing one limit leaves the other sample alone
    private static final long NON_FACE_STREAM = 0x9E3779B97F4A7C15L;

    private FaceFolders() {}

    /**
     * The faces of {@code faces} and the non-faces of {@code nonFaces}, faces first.
     *
     * @param labels how faces get their groups (non-faces never have one)
     * @param limitPerFolder the most images taken from each folder, a seeded random sample when the
     *     folder has more; {@link #ALL} for every image
     * @param seed the sample's seed
     */
    public static FaceSet read(Path faces, Path nonFaces, GroupLabels labels, int limitPerFolder, long seed) {
        return read(faces, limitPerFolder, nonFaces, limitPerFolder, labels, seed);
    }

    /** Like {@link #read(Path, Path, GroupLabels, int, long)} with a limit for each folder. */
    public static FaceSet read(Path faces, int facesLimit, Path nonFaces, int nonFacesLimit, GroupLabels labels,
            long seed) {
        FaceSet f = faces(faces, labels, facesLimit, seed);
        FaceSet n = nonFaces(nonFaces, nonFacesLimit, seed ^ NON_FACE_STREAM);
        return FaceSet.concat(folderName(faces) + "+" + folderName(nonFaces), f, n);
    }

    /**
     * Every image (or a seeded sample of {@code limit}) of {@code folder}, as faces grouped by
     * {@code labels}. Every file is labelled, not only the sampled ones, so the group names and any
     * badly named file are the same whatever the limit and seed.
     */
    public static FaceSet faces(Path folder, GroupLabels labels, int limit, long seed) {
        List<Path> all = list(folder, "faces");
        GroupLabels.Assignment assignment = labels.assign(folder, all);
        if (assignment.group().length != all.size()) {
            throw new IllegalStateException("group labels gave " + assignment.group().length + " groups for "
                    + all.size() + " files");
        }
        int[] chosen = sample(all.size(), limit, seed);
        List<Path> files = Arrays.stream(chosen).mapToObj(all::get).toList();
        int[] groups = Arrays.stream(chosen).map(i -> assignment.group()[i]).toArray();
        return decode(folder, files, true, groups, assignment.names());
    }

    /** Every image (or a seeded sample of {@code limit}) of {@code folder}, as non-faces. */
    public static FaceSet nonFaces(Path folder, int limit, long seed) {
        List<Path> all = list(folder, "non-faces");
        List<Path> files = Arrays.stream(sample(all.size(), limit, seed)).mapToObj(all::get).toList();
        int[] none = new int[files.size()];
        Arrays.fill(none, FaceSet.NO_GROUP);
        return decode(folder, files, false, none, List.of());
    }

    /**
     * UTKFace crops as faces, grouped by gender x race ({@link GroupLabels#utkFace()}), and CIFAR-10
     * test images as non-faces, both from the data folder ({@link DataDirectory}): sub-folders
     * {@value #UTKFACE_FOLDER}/ and {@value #CIFAR_FOLDER}/.
     *
     * @param facesLimit how many faces to sample (at most 2,000), or {@link #ALL}
     * @param nonFacesLimit how many non-faces to sample (at most 10,000), or {@link #ALL}
     * @throws DataUnavailableException if a folder is missing, saying how to set {@value DataDirectory#ENV}
     */
    public static FaceSet utkFaceAndCifar(int facesLimit, int nonFacesLimit, long seed) {
        return utkFaceAndCifar(facesLimit, nonFacesLimit, seed, DataDirectory.fromSettings());
    }

    /** As {@link #utkFaceAndCifar(int, int, long)}, from the data folder {@code data}. */
    public static FaceSet utkFaceAndCifar(int facesLimit, int nonFacesLimit, long seed, DataDirectory data) {
        Path faces = dataFolder(data, UTKFACE_FOLDER, "2,000 UTKFace face crops (females|males/<race>/*.jpg.chip.jpg)");
        Path nonFaces = dataFolder(data, CIFAR_FOLDER, "the 10,000 CIFAR-10 test images as JPEG (test/<class>/NNNN.jpg)");
        FaceSet f = faces(faces, GroupLabels.utkFace(), facesLimit, seed);
        FaceSet n = nonFaces(nonFaces, nonFacesLimit, seed ^ NON_FACE_STREAM);
        return FaceSet.concat("utkface+cifar10", f, n);
    }

    private static Path dataFolder(DataDirectory data, String name, String what) {
        return data.subfolder(name).orElseThrow(() -> new DataUnavailableException(
                "the folder " + name + "/ with " + what + " is not in the data folder ("
                        + data.description() + "). Set " + DataDirectory.ENV + " (or -D" + DataDirectory.PROPERTY
                        + ") to a folder holding " + UTKFACE_FOLDER + "/ and " + CIFAR_FOLDER
                        + "/ (the course machines have it in ../shared/data), read your own folders with "
                        + "FaceFolders.read, or use SyntheticFaces, which needs no files"));
    }

    /** The image files under {@code folder}, as sorted relative paths. */
    static List<Path> list(Path folder, String role) {
        if (!Files.exists(folder)) {
            throw new DataUnavailableException("the " + role + " folder " + folder + " does not exist; "
                    + "point to a folder of " + role + " images (" + String.join(" ", EXTENSIONS) + ")");
        }
        if (!Files.isDirectory(folder)) {
            throw new InvalidDataException("the " + role + " folder " + folder + " is a file, not a folder; "
                    + "point to a folder of " + role + " images");
        }
        List<Path> files;
        try (Stream<Path> walk = Files.walk(folder)) {
            files = walk.filter(Files::isRegularFile).filter(FaceFolders::isImageName)
                    .map(folder::relativize).sorted(FaceFolders::comparePaths).toList();
        } catch (IOException | UncheckedIOException e) {
            throw new InvalidDataException("cannot list the " + role + " folder " + folder + ": " + e.getMessage(), e);
        }
        if (files.isEmpty()) {
            throw new InvalidDataException("the " + role + " folder " + folder + " holds no images ("
                    + String.join(" ", EXTENSIONS) + ", sub-folders included)");
        }
        return files;
    }

    private static boolean isImageName(Path file) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        return EXTENSIONS.stream().anyMatch(name::endsWith);
    }

    // by the '/'-joined relative path, so the order is the same on every platform
    private static int comparePaths(Path a, Path b) {
        return slashed(a).compareTo(slashed(b));
    }

    private static String slashed(Path relative) {
        StringBuilder out = new StringBuilder();
        for (Path part : relative) {
            out.append(out.length() == 0 ? "" : "/").append(part);
        }
        return out.toString();
    }

    /** {@code limit} of the indices 0..n-1 chosen by {@code seed}, in increasing order; all if n <= limit. */
    static int[] sample(int n, int limit, long seed) {
        if (limit < 1) {
            throw new IllegalArgumentException("limit must be at least 1 (or FaceFolders.ALL), got " + limit);
        }
        if (limit >= n) {
            return IntStream.range(0, n).toArray();
        }
        int[] order = IntStream.range(0, n).toArray();
        Seeds.shuffle(order, new Random(seed));
        return Arrays.stream(order, 0, limit).sorted().toArray();
    }

    private record Decoded(float[] pixels, String problem) {}

    private static FaceSet decode(Path folder, List<Path> files, boolean face, int[] groups, List<String> groupNames) {
        Decoded[] decoded = new Decoded[files.size()];
        // each task writes its own slot, so the order is the sorted file order whatever the thread timing
        IntStream.range(0, files.size()).parallel().forEach(i -> decoded[i] = decode(folder.resolve(files.get(i))));
        int kept = 0;
        for (Decoded d : decoded) {
            kept += d.pixels() == null ? 0 : 1;
        }
        float[] pixels = new float[Math.multiplyExact(kept, FaceSet.PIXELS)];
        float[] labels = new float[kept];
        int[] keptGroups = new int[kept];
        List<String> sources = new ArrayList<>(kept);
        List<String> skipped = new ArrayList<>();
        int at = 0;
        for (int i = 0; i < decoded.length; i++) {
            if (decoded[i].pixels() == null) {
                skipped.add(folder.resolve(files.get(i)) + ": " + decoded[i].problem());
                continue;
            }
            System.arraycopy(decoded[i].pixels(), 0, pixels, at * FaceSet.PIXELS, FaceSet.PIXELS);
            labels[at] = face ? 1 : 0;
            keptGroups[at] = groups[i];
            sources.add(slashed(files.get(i)));
            at++;
        }
        if (kept == 0) {
            throw new InvalidDataException("none of the " + files.size() + " image files in " + folder
                    + " could be read, e.g. " + skipped.get(0));
        }
        return FaceSet.checked(folderName(folder), pixels, labels, keptGroups, groupNames, sources, skipped);
    }

    private static Decoded decode(Path file) {
        try {
            BufferedImage image = ImageIO.read(file.toFile());
            if (image == null) {
                return new Decoded(null, "not an image in a format Java can read (PNG, JPEG, GIF, BMP)");
            }
            if (image.getWidth() < 1 || image.getHeight() < 1) {
                return new Decoded(null, "the image is empty (" + image.getWidth() + "x" + image.getHeight() + ")");
            }
            return new Decoded(FaceImages.pixels(image), null);
        } catch (IOException | RuntimeException e) {
            return new Decoded(null, "unreadable (" + e.getMessage() + "); the file is truncated or corrupt");
        }
    }

    private static String folderName(Path folder) {
        Path name = folder.toAbsolutePath().normalize().getFileName();
        return name == null ? folder.toString() : name.toString();
    }
}
