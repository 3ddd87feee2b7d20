package introdl.faces;

import introdl.data.Augment;
import introdl.train.Seeds;
import introdl.viz.ImageGrid;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.stream.IntStream;

/**
 * How Lab 2 turns a set of labelled faces into an experiment that makes bias visible: a test set
 * held out with the same number of faces from every group, and a training set whose faces are
 * skewed toward some groups by a documented mix, as web-scraped face sets are. Also the
 * resolution match that keeps a detector honest when faces and non-faces come from sources of
 * different sharpness.
 */
public final class FaceSplits {
    private FaceSplits() {}

    /**
     * The skew of the real-faces experiment: UTKFace's White faces are all kept for training,
     * every other group keeps 15% (about 21 of 140 faces per group against 140).
     */
    public static final double UTKFACE_MINORITY_SHARE = 0.15;

    /**
     * How Lab 2 varies photographs while a detector trains on them: random crops (a zoom of 0.85 to
     * 1.5 moved up to 6 pixels, so a face may fill the frame or sit inside it, as in photographs from
     * elsewhere), turns of up to 12°, mirror images, brightness, contrast and saturation ±50%, and a
     * quarter of the images grey. Faces and non-faces are varied alike, so none of it tells them
     * apart. Without it a detector trained on UTKFace finds 8 of the course's 20 test faces and a
     * quarter of the Olivetti faces; with it (and Adam at 2e-3 for 20 epochs) about 14 of 20 and
     * nearly all (BENCHMARKS.md, "Real faces that generalise").
     */
    public static final Augment PHOTO_AUGMENTATION = Augment.affine(6, 12, 0)
            .withZoom(0.85, 1.5).withFlips().withColourJitter(0.5, 0.5, 0.5).withGreyscale(0.25);
    /** Adam's learning rate for photographs: varied images need a larger step than the course's 5e-4 to be learnt in 20 epochs. */
    public static final double PHOTO_LEARNING_RATE = 2e-3;
    /** Epochs for photographs. */
    public static final int PHOTO_EPOCHS = 20;
    /** The detail every photograph of the real-faces lab is brought to: CIFAR-10's 32x32. */
    public static final int PHOTO_DETAIL = 32;

    /**
     * Lab 2's real-faces experiment: UTKFace and CIFAR-10 from the data folder
     * ({@link FaceFolders#utkFaceAndCifar}), all at {@value #PHOTO_DETAIL}x{@value #PHOTO_DETAIL}
     * detail; 60 faces of every group and 600 non-faces held out (20 and 300 when {@code quick}),
     * and of the rest every White face and the share {@link #UTKFACE_MINORITY_SHARE} of every other
     * group's kept for training (0.3 when {@code quick}, so each group keeps a few).
     */
    public static Experiment utkFace(boolean quick, long seed) {
        return utkFace(quick, seed, introdl.data.DataDirectory.fromSettings());
    }

    /** As {@link #utkFace(boolean, long)}, from the data folder {@code data}. */
    public static Experiment utkFace(boolean quick, long seed, introdl.data.DataDirectory data) {
        FaceSet all = FaceFolders.utkFaceAndCifar(FaceFolders.ALL, quick ? 900 : 2600, seed, data);
        List<String> minorities = all.groupNames().stream().filter(g -> !g.endsWith("White")).toList();
        return skewed(atResolution(all, PHOTO_DETAIL), quick ? 20 : 60, quick ? 300 : 600,
                keep(minorities, quick ? 0.3 : UTKFACE_MINORITY_SHARE), seed);
    }

    /** A training set and a held-out test set. */
    public record Experiment(FaceSet train, FaceSet test, String mix) {
        @Override
        public String toString() {
            return "training: " + train + "\ntest: " + test + "\nmix: " + mix;
        }
    }

    /**
     * Holds out {@code testFacesPerGroup} faces of every group and {@code testNonFaces} non-faces
     * (seeded draws), then keeps for training the share {@code keep.get(group)} of each group's
     * remaining faces (1 when the group is not named) and every remaining non-face. Faces with no
     * group cannot be audited, so they all go to training.
     *
     * @throws IllegalArgumentException if a group has too few faces to hold that many out, or a
     *     share is outside [0, 1]
     */
    public static Experiment skewed(FaceSet all, int testFacesPerGroup, int testNonFaces, Map<String, Double> keep,
            long seed) {
        if (all.groupNames().isEmpty()) {
            throw new IllegalArgumentException(all.name() + " has no groups, so there is nothing to hold out per group "
                    + "or to skew; label the faces (GroupLabels.utkFace() or bySubfolder())");
        }
        if (testFacesPerGroup < 1 || testNonFaces < 0) {
            throw new IllegalArgumentException("hold out at least 1 face per group and 0 or more non-faces, got "
                    + testFacesPerGroup + " and " + testNonFaces);
        }
        Random random = new Random(seed);
        List<Integer> train = new ArrayList<>();
        List<Integer> test = new ArrayList<>();
        StringBuilder mix = new StringBuilder();
        for (int g = 0; g < all.groupNames().size(); g++) {
            String name = all.groupNames().get(g);
            double share = keep.getOrDefault(name, 1.0);
            if (!(share >= 0 && share <= 1)) {
                throw new IllegalArgumentException("the share of group '" + name + "' kept must be in [0, 1], got "
                        + share);
            }
            int[] members = shuffled(all.inGroup(g), random);
            if (members.length <= testFacesPerGroup) {
                throw new IllegalArgumentException("group '" + name + "' has " + members.length + " faces; holding out "
                        + testFacesPerGroup + " for testing needs more (lower the test size or add faces)");
            }
            int kept = (int) Math.round(share * (members.length - testFacesPerGroup));
            for (int k = 0; k < members.length; k++) {
                if (k < testFacesPerGroup) {
                    test.add(members[k]);
                } else if (k < testFacesPerGroup + kept) {
                    train.add(members[k]);
                }
            }
            mix.append(String.format(Locale.ROOT, "%s%s %d", mix.length() == 0 ? "" : ", ", name, kept));
        }
        int[] ungrouped = IntStream.of(all.faces()).filter(i -> all.group(i) < 0).toArray();
        Arrays.stream(ungrouped).forEach(train::add);
        int[] nonFaces = shuffled(all.nonFaces(), random);
        if (nonFaces.length <= testNonFaces) {
            throw new IllegalArgumentException("there are " + nonFaces.length + " non-faces; holding out " + testNonFaces
                    + " for testing needs more");
        }
        for (int k = 0; k < nonFaces.length; k++) {
            (k < testNonFaces ? test : train).add(nonFaces[k]);
        }
        mix.append(String.format(Locale.ROOT, "; %d non-faces", nonFaces.length - testNonFaces));
        return new Experiment(all.subset(sorted(train), all.name() + "/train"), all.subset(sorted(test),
                all.name() + "/test"), "training faces per group: " + mix);
    }

    /** Every group named in {@code minorities} keeps {@code share}: the mix {@link #skewed} takes. */
    public static Map<String, Double> keep(List<String> minorities, double share) {
        java.util.LinkedHashMap<String, Double> keep = new java.util.LinkedHashMap<>();
        minorities.forEach(g -> keep.put(g, share));
        return keep;
    }

    /**
     * The same images brought down to {@code side} x {@code side} and back up to 64x64: when faces
     * are sharp photos and non-faces are small thumbnails (CIFAR's are 32x32), a detector could
     * tell them apart by sharpness alone; at a common resolution it has to learn faces.
     */
    public static FaceSet atResolution(FaceSet set, int side) {
        if (side < 1 || side > FaceSet.SIDE) {
            throw new IllegalArgumentException("the resolution must be 1 to " + FaceSet.SIDE + " pixels, got " + side);
        }
        int pixels = Math.toIntExact(FaceSet.IMAGE.size());
        float[] out = new float[set.size() * pixels];
        float[] labels = new float[set.size()];
        List<String> sources = new ArrayList<>();
        IntStream.range(0, set.size()).parallel().forEach(i -> {
            BufferedImage small = FaceImages.scale(ImageGrid.toImage(set.image(i), FaceSet.IMAGE.getShape()), side);
            float[] image = FaceImages.pixels(small);
            System.arraycopy(image, 0, out, i * pixels, pixels);
        });
        for (int i = 0; i < set.size(); i++) {
            labels[i] = set.label(i);
            sources.add(set.source(i));
        }
        return FaceSet.of(set.name() + "@" + side + "px", out, labels, set.groups(), set.groupNames(), sources)
                .withSkipped(set.skipped());
    }

    private static int[] shuffled(int[] indices, Random random) {
        int[] out = indices.clone();
        Seeds.shuffle(out, random);
        return out;
    }

    private static int[] sorted(List<Integer> indices) {
        return indices.stream().mapToInt(Integer::intValue).sorted().toArray();
    }
}
