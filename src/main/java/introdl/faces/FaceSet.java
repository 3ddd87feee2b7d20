package introdl.faces;

import ai.djl.ndarray.types.Shape;
import introdl.data.Examples;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * Colour images of 64x64 pixels, each labelled face (1) or non-face (0), the data of the facial
 * detection lab. A face may also belong to a group (for UTKFace a gender and race, for the
 * synthetic faces a skin tone and glasses), which is what a bias audit compares; a non-face never
 * has one. Pixels are channel-first RGB floats in [0, 1], the layout {@link Examples} and the
 * convolution layers take.
 *
 * <p>The set is immutable: {@link #of} copies its arrays, and every accessor returns a copy or an
 * unmodifiable list. It also remembers which source files could not be read ({@link #skipped()}),
 * so a loader that leaves a file out says so instead of silently returning fewer images.
 */
public final class FaceSet {
    /** The shape of one image: 3 channels (R, G, B) x 64 x 64. */
    public static final Shape IMAGE = new Shape(3, 64, 64);
    /** Side of one image, in pixels. */
    public static final int SIDE = 64;
    /** Class names, index = label: 0 non-face, 1 face. */
    public static final List<String> CLASSES = List.of("non-face", "face");
    /** The group of an image that has none (every non-face, and faces of data without groups). */
    public static final int NO_GROUP = -1;

    static final int PIXELS = 3 * SIDE * SIDE;

    private final String name;
    private final float[] pixels;
    private final float[] labels;
    private final int[] groups;
    private final List<String> groupNames;
    private final List<String> sources;
    private final List<String> skipped;
    private volatile Examples examples;

    private FaceSet(String name, float[] pixels, float[] labels, int[] groups, List<String> groupNames,
            List<String> sources, List<String> skipped) {
        this.name = name;
        this.pixels = pixels;
        this.labels = labels;
        this.groups = groups;
        this.groupNames = List.copyOf(groupNames);
        this.sources = List.copyOf(sources);
        this.skipped = List.copyOf(skipped);
    }

    /**
     * A face set from arrays, checked and copied.
     *
     * @param name a short name shown in reports
     * @param pixels all images one after another, each 3x64x64 channel-first RGB in [0, 1]
     * @param labels per image 1 (face) or 0 (non-face)
     * @param groups per image the index of its group in {@code groupNames}, or -1 for none
     *     (always -1 for a non-face)
     * @param groupNames the name of each group; empty when the data has no groups
     * @param sources per image where it came from (a file path relative to its folder, "train_face.h5 #17",
     *     "synthetic #5")
     * @throws IllegalArgumentException if the sizes disagree or a value is out of range; the message
     *     names the image
     */
    public static FaceSet of(String name, float[] pixels, float[] labels, int[] groups, List<String> groupNames,
            List<String> sources) {
        return checked(name, pixels.clone(), labels.clone(), groups.clone(), groupNames, sources, List.of());
    }

    /** Builds a set from arrays the caller hands over (not copied): the loaders of this package. */
    static FaceSet checked(String name, float[] pixels, float[] labels, int[] groups, List<String> groupNames,
            List<String> sources, List<String> skipped) {
        Objects.requireNonNull(name, "name");
        int n = labels.length;
        if ((long) n * PIXELS != pixels.length) {
            throw new IllegalArgumentException(name + ": " + pixels.length + " pixel values do not make " + n
                    + " images of " + IMAGE + " (" + PIXELS + " values each)");
        }
        if (groups.length != n || sources.size() != n) {
            throw new IllegalArgumentException(name + ": " + n + " labels but " + groups.length + " groups and "
                    + sources.size() + " sources; each image needs one of each");
        }
        for (int i = 0; i < n; i++) {
            if (labels[i] != 0 && labels[i] != 1) {
                throw new IllegalArgumentException(name + ": label of image " + i + " (" + sources.get(i) + ") is "
                        + labels[i] + "; expected 1 (face) or 0 (non-face)");
            }
            if (groups[i] < NO_GROUP || groups[i] >= groupNames.size()) {
                throw new IllegalArgumentException(name + ": group of image " + i + " (" + sources.get(i) + ") is "
                        + groups[i] + "; expected -1 (none) or an index into the " + groupNames.size()
                        + " group names " + groupNames);
            }
            if (labels[i] == 0 && groups[i] != NO_GROUP) {
                throw new IllegalArgumentException(name + ": image " + i + " (" + sources.get(i)
                        + ") is a non-face but has group " + groups[i] + "; only faces have groups (use -1)");
            }
        }
        for (int k = 0; k < pixels.length; k++) {
            float v = pixels[k];
            if (!(v >= 0 && v <= 1)) { // also rejects NaN
                int i = k / PIXELS;
                throw new IllegalArgumentException(name + ": image " + i + " (" + sources.get(i) + ") has pixel value "
                        + v + "; pixels must be in [0, 1]");
            }
        }
        return new FaceSet(name, pixels, labels, groups, groupNames, sources, skipped);
    }

    /** The same images, also listing {@code lines} ("path: reason") as sources that could not be read. */
    public FaceSet withSkipped(List<String> lines) {
        List<String> all = new ArrayList<>(skipped);
        all.addAll(lines);
        return new FaceSet(name, pixels, labels, groups, groupNames, sources, all);
    }

    /** The same images under another name (the arrays are shared: neither set changes them). */
    FaceSet renamed(String newName) {
        return new FaceSet(newName, pixels, labels, groups, groupNames, sources, skipped);
    }

    /**
     * The images at {@code indices}, in that order (an index may repeat), with the same group
     * names and skipped list.
     */
    public FaceSet subset(int[] indices, String subsetName) {
        float[] x = new float[indices.length * PIXELS];
        float[] y = new float[indices.length];
        int[] g = new int[indices.length];
        List<String> s = new ArrayList<>(indices.length);
        for (int k = 0; k < indices.length; k++) {
            int i = indices[k];
            if (i < 0 || i >= size()) {
                throw new IndexOutOfBoundsException("index " + i + " (position " + k + ") is outside " + name
                        + ", which has " + size() + " images");
            }
            System.arraycopy(pixels, i * PIXELS, x, k * PIXELS, PIXELS);
            y[k] = labels[i];
            g[k] = groups[i];
            s.add(sources.get(i));
        }
        return new FaceSet(subsetName, x, y, g, groupNames, s, skipped);
    }

    /**
     * The images of all {@code parts}, one after another. Parts with groups must have the same group
     * names; parts without (e.g. a folder of non-faces) join any.
     */
    public static FaceSet concat(String name, FaceSet... parts) {
        if (parts.length == 0) {
            throw new IllegalArgumentException("concat needs at least one face set");
        }
        List<String> names = List.of();
        for (FaceSet part : parts) {
            if (part.groupNames.isEmpty()) {
                continue;
            }
            if (names.isEmpty()) {
                names = part.groupNames;
            } else if (!names.equals(part.groupNames)) {
                throw new IllegalArgumentException("cannot concatenate " + part.name + " with groups " + part.groupNames
                        + " and a set with groups " + names + ": the group names must agree (or one be empty)");
            }
        }
        int n = Arrays.stream(parts).mapToInt(FaceSet::size).sum();
        float[] x = new float[Math.multiplyExact(n, PIXELS)];
        float[] y = new float[n];
        int[] g = new int[n];
        List<String> s = new ArrayList<>(n);
        List<String> skippedAll = new ArrayList<>();
        int at = 0;
        for (FaceSet part : parts) {
            System.arraycopy(part.pixels, 0, x, at * PIXELS, part.pixels.length);
            System.arraycopy(part.labels, 0, y, at, part.size());
            System.arraycopy(part.groups, 0, g, at, part.size());
            s.addAll(part.sources);
            skippedAll.addAll(part.skipped);
            at += part.size();
        }
        return new FaceSet(name, x, y, g, names, s, skippedAll);
    }

    public String name() {
        return name;
    }

    /** The number of images. */
    public int size() {
        return labels.length;
    }

    /**
     * The images as a classification dataset (classes {@link #CLASSES}, samples {@link #IMAGE}),
     * what the fit loop trains on. Built once and shared: {@link Examples} never exposes its arrays.
     */
    public Examples examples() {
        Examples e = examples;
        if (e == null) {
            e = Examples.of(name, pixels, IMAGE, labels, CLASSES);
            examples = e;
        }
        return e;
    }

    /** Whether image {@code i} is a face. */
    public boolean isFace(int i) {
        return labels[checkIndex(i)] == 1;
    }

    /** The label of image {@code i}: 1 face, 0 non-face. */
    public int label(int i) {
        return (int) labels[checkIndex(i)];
    }

    /** The group of image {@code i}, an index into {@link #groupNames()}, or -1 for none. */
    public int group(int i) {
        return groups[checkIndex(i)];
    }

    /** A copy of every image's group (-1 for none). */
    public int[] groups() {
        return groups.clone();
    }

    /** The name of each group, index = group; empty when the data has no groups. */
    public List<String> groupNames() {
        return groupNames;
    }

    /** The name of image {@code i}'s group, or "" when it has none. */
    public String groupName(int i) {
        int g = group(i);
        return g == NO_GROUP ? "" : groupNames.get(g);
    }

    /** Where image {@code i} came from: a path relative to its folder, "train_face.h5 #17", "synthetic #5". */
    public String source(int i) {
        return sources.get(checkIndex(i));
    }

    /** The indices of the faces, in order. */
    public int[] faces() {
        return indicesWithLabel(1);
    }

    /** The indices of the non-faces, in order. */
    public int[] nonFaces() {
        return indicesWithLabel(0);
    }

    /** The indices of the images in group {@code g}, in order. */
    public int[] inGroup(int g) {
        return java.util.stream.IntStream.range(0, size()).filter(i -> groups[i] == g).toArray();
    }

    /** How many images each group has, index = group. */
    public int[] groupCounts() {
        int[] counts = new int[groupNames.size()];
        for (int g : groups) {
            if (g != NO_GROUP) {
                counts[g]++;
            }
        }
        return counts;
    }

    /** A copy of image {@code i}: 3x64x64 channel-first RGB in [0, 1]. */
    public float[] image(int i) {
        checkIndex(i);
        return Arrays.copyOfRange(pixels, i * PIXELS, (i + 1) * PIXELS);
    }

    /** Source files that could not be read and were left out, one line each: "path: reason". */
    public List<String> skipped() {
        return skipped;
    }

    private int[] indicesWithLabel(int label) {
        return java.util.stream.IntStream.range(0, size()).filter(i -> labels[i] == label).toArray();
    }

    private int checkIndex(int i) {
        return Objects.checkIndex(i, size());
    }

    /** Counts: "name: N images (F faces, M non-faces); groups: a 10, b 3; K files skipped". */
    @Override
    public String toString() {
        int faces = faces().length;
        StringBuilder out = new StringBuilder(name).append(": ").append(size()).append(" images (")
                .append(faces).append(" faces, ").append(size() - faces).append(" non-faces)");
        if (!groupNames.isEmpty()) {
            int[] counts = groupCounts();
            out.append("; groups: ");
            for (int g = 0; g < counts.length; g++) {
                out.append(g == 0 ? "" : ", ").append(groupNames.get(g)).append(' ').append(counts[g]);
            }
        }
        if (!skipped.isEmpty()) {
            out.append("; ").append(skipped.size()).append(skipped.size() == 1 ? " file" : " files")
                    .append(" skipped");
        }
        return out.toString();
    }
}
