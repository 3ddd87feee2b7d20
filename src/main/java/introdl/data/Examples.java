package introdl.data;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Random;

/**
 * A dataset held in memory: one float array of features (every sample has the same shape, e.g.
 * 1x20x20 for a grey image) and, per sample, either a class index (classification) or a target
 * vector (regression). It is small enough to live on the device as one stacked tensor, which is
 * how the fit loop uses it.
 */
public final class Examples {
    private static final Shape CLASS_INDEX = new Shape();

    private final String name;
    private final float[] features;
    private final Shape sampleShape;
    private final int sampleSize;
    private final float[] labels;
    private final Shape labelShape;
    private final int labelSize;
    private final List<String> classNames;

    private Examples(String name, float[] features, Shape sampleShape, float[] labels, Shape labelShape,
            List<String> classNames) {
        this.name = name;
        this.features = features;
        this.sampleShape = sampleShape;
        this.sampleSize = Math.toIntExact(sampleShape.size());
        this.labels = labels;
        this.labelShape = labelShape;
        this.labelSize = Math.toIntExact(labelShape.size());
        this.classNames = List.copyOf(classNames);
    }

    /**
     * Wraps arrays as a classification dataset (the arrays are not copied).
     *
     * @param name a short name shown in charts and reports
     * @param features all samples one after another, {@code labels.length * sampleShape.size()} values
     * @param sampleShape the shape of one sample, e.g. {@code new Shape(1, 28, 28)}
     * @param labels the class index of each sample
     * @param classNames the name of each class; index = class
     */
    public static Examples of(
            String name, float[] features, Shape sampleShape, float[] labels, List<String> classNames) {
        checkSizes(features, sampleShape, labels.length);
        for (int i = 0; i < labels.length; i++) {
            float y = labels[i];
            if (y != Math.rint(y) || y < 0 || (!classNames.isEmpty() && y >= classNames.size())) {
                throw new IllegalArgumentException(
                        "label " + i + " is " + y + "; expected a class index in [0, "
                                + classNames.size() + ")");
            }
        }
        return new Examples(name, features, sampleShape, labels, CLASS_INDEX, classNames);
    }

    /**
     * Wraps arrays as a regression dataset: each sample has a target of {@code targetShape}
     * (the arrays are not copied).
     */
    public static Examples regression(String name, float[] features, Shape sampleShape, float[] targets,
            Shape targetShape) {
        if (targetShape.size() <= 0 || targets.length % targetShape.size() != 0) {
            throw new IllegalArgumentException(targets.length + " target values do not divide into targets of shape "
                    + targetShape);
        }
        int n = Math.toIntExact(targets.length / targetShape.size());
        checkSizes(features, sampleShape, n);
        return new Examples(name, features, sampleShape, targets, targetShape, List.of());
    }

    private static void checkSizes(float[] features, Shape sampleShape, int samples) {
        if (sampleShape.size() <= 0) {
            throw new IllegalArgumentException("sampleShape must have a positive size, got " + sampleShape);
        }
        if ((long) samples * sampleShape.size() != features.length) {
            throw new IllegalArgumentException("features hold " + features.length + " values, but " + samples
                    + " samples of shape " + sampleShape + " need " + samples * sampleShape.size());
        }
    }

    public String name() {
        return name;
    }

    public int size() {
        return labels.length / labelSize;
    }

    /** The shape of one sample, without the batch axis. */
    public Shape sampleShape() {
        return sampleShape;
    }

    /** Whether each sample has a class index (rather than a regression target). */
    public boolean isClassification() {
        return labelShape.equals(CLASS_INDEX);
    }

    /** The shape of one sample's target: () for a class index. */
    public Shape targetShape() {
        return labelShape;
    }

    public List<String> classNames() {
        return classNames;
    }

    public int numClasses() {
        return classNames.size();
    }

    /** The class index of sample {@code i}. */
    public int label(int i) {
        requireClassification();
        return (int) labels[i];
    }

    /** A copy of the target of sample {@code i} (one value, the class index, for classification). */
    public float[] target(int i) {
        return Arrays.copyOfRange(labels, i * labelSize, (i + 1) * labelSize);
    }

    /** A copy of the features of sample {@code i}. */
    public float[] sample(int i) {
        return Arrays.copyOfRange(features, i * sampleSize, (i + 1) * sampleSize);
    }

    /** A copy of all class indices. */
    public int[] labels() {
        requireClassification();
        int[] out = new int[labels.length];
        for (int i = 0; i < out.length; i++) {
            out[i] = (int) labels[i];
        }
        return out;
    }

    /** How many samples each class has. */
    public int[] classCounts() {
        requireClassification();
        int[] counts = new int[Math.max(numClasses(), maxLabel() + 1)];
        for (float y : labels) {
            counts[(int) y]++;
        }
        return counts;
    }

    /** All features as one array of shape (size, sampleShape...), created by {@code manager}. */
    public NDArray features(NDManager manager) {
        return manager.create(features, batchShape(size()));
    }

    /** All labels as one float array of shape (size) for classes, (size, targetShape...) for targets. */
    public NDArray labels(NDManager manager) {
        return manager.create(labels, new Shape(size()).addAll(labelShape));
    }

    /** The same samples warped by {@code augment} (labels unchanged); the seed fixes the warps. */
    public Examples augmented(Augment augment, long seed) {
        return new Examples(name + "/augmented", augment.apply(features, sampleShape, new Random(seed)),
                sampleShape, labels, labelShape, classNames);
    }

    /** The shape of a batch of {@code n} samples. */
    public Shape batchShape(long n) {
        return new Shape(n).addAll(sampleShape);
    }

    /** The samples at {@code indices}, in that order. */
    public Examples subset(int[] indices, String subsetName) {
        float[] x = new float[indices.length * sampleSize];
        float[] y = new float[indices.length * labelSize];
        for (int k = 0; k < indices.length; k++) {
            int i = indices[k];
            System.arraycopy(features, i * sampleSize, x, k * sampleSize, sampleSize);
            System.arraycopy(labels, i * labelSize, y, k * labelSize, labelSize);
        }
        return new Examples(subsetName, x, sampleShape, y, labelShape, classNames);
    }

    /** The samples whose class passes {@code keep}, in order (e.g. every digit but one). */
    public Examples where(java.util.function.IntPredicate keep, String subsetName) {
        requireClassification();
        return subset(java.util.stream.IntStream.range(0, size()).filter(i -> keep.test(label(i))).toArray(),
                subsetName);
    }

    /**
     * The same samples as their own targets, labels dropped: what an autoencoder learns from (its
     * output should reproduce its input). The arrays are shared, not copied.
     */
    public Examples reconstructionTargets() {
        return new Examples(name + "/reconstruction", features, sampleShape, features, sampleShape, List.of());
    }

    /**
     * A split into two parts: stratified for classification (every class keeps its share in both
     * parts), random for regression. The same seed always gives the same split.
     *
     * @param testSize how many samples go to the test part
     * @param seed the random seed
     */
    public Split split(int testSize, long seed) {
        if (testSize <= 0 || testSize >= size()) {
            throw new IllegalArgumentException(
                    "testSize must be in [1, " + (size() - 1) + "] for " + size() + " samples, got " + testSize);
        }
        List<List<Integer>> groups = groups(seed);
        int[] testPerGroup = apportion(groups, testSize);
        List<Integer> train = new ArrayList<>();
        List<Integer> test = new ArrayList<>();
        for (int c = 0; c < groups.size(); c++) {
            List<Integer> members = groups.get(c);
            test.addAll(members.subList(0, testPerGroup[c]));
            train.addAll(members.subList(testPerGroup[c], members.size()));
        }
        Collections.sort(train);
        Collections.sort(test);
        return new Split(subset(toArray(train), name + "/train"), subset(toArray(test), name + "/test"));
    }

    /** A split keeping {@code trainFraction} of the samples for training (stratified for classes). */
    public Split split(double trainFraction, long seed) {
        if (!(trainFraction > 0 && trainFraction < 1)) {
            throw new IllegalArgumentException("trainFraction must be in (0, 1), got " + trainFraction);
        }
        return split((int) Math.round(size() * (1 - trainFraction)), seed);
    }

    /** A random subset of {@code n} samples (stratified for classes), for quick runs. */
    public Examples sample(int n, long seed) {
        if (n >= size()) {
            return this;
        }
        Split parts = split(n, seed);
        return parts.test().renamed(name + "/sample" + n);
    }

    private Examples renamed(String newName) {
        return new Examples(newName, features, sampleShape, labels, labelShape, classNames);
    }

    private void requireClassification() {
        if (!isClassification()) {
            throw new IllegalStateException(name + " is a regression dataset: its samples have targets of shape "
                    + labelShape + ", not class labels");
        }
    }

    private int maxLabel() {
        int max = -1;
        for (float y : labels) {
            max = Math.max(max, (int) y);
        }
        return max;
    }

    /** Sample indices grouped by class (one group for regression), each group shuffled by the seed. */
    private List<List<Integer>> groups(long seed) {
        int count = isClassification() ? Math.max(numClasses(), maxLabel() + 1) : 1;
        List<List<Integer>> groups = new ArrayList<>();
        for (int c = 0; c < count; c++) {
            groups.add(new ArrayList<>());
        }
        for (int i = 0; i < size(); i++) {
            groups.get(isClassification() ? (int) labels[i] : 0).add(i);
        }
        Random random = new Random(seed);
        for (List<Integer> members : groups) {
            Collections.shuffle(members, random);
        }
        return groups;
    }

    /** Largest-remainder allocation of {@code total} test samples in proportion to group sizes. */
    private int[] apportion(List<List<Integer>> groups, int total) {
        int[] out = new int[groups.size()];
        double[] remainder = new double[out.length];
        int given = 0;
        for (int c = 0; c < out.length; c++) {
            double exact = (double) total * groups.get(c).size() / size();
            out[c] = (int) Math.floor(exact);
            remainder[c] = exact - out[c];
            given += out[c];
        }
        while (given < total) {
            int best = 0;
            for (int c = 1; c < out.length; c++) {
                if (remainder[c] > remainder[best]) {
                    best = c;
                }
            }
            out[best]++;
            remainder[best] = -1;
            given++;
        }
        return out;
    }

    private static int[] toArray(List<Integer> list) {
        return list.stream().mapToInt(Integer::intValue).toArray();
    }

    @Override
    public String toString() {
        return name + ": " + size() + " samples of shape " + sampleShape
                + (isClassification() ? (classNames.isEmpty() ? "" : ", " + numClasses() + " classes")
                        : ", targets of shape " + labelShape);
    }
}
