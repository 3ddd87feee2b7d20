package introdl.generative;

import ai.djl.Model;
import ai.djl.ndarray.types.Shape;
import introdl.data.Examples;
import introdl.train.Inference;
import java.util.Locale;

/**
 * How recognisable generated images are, judged by a classifier trained on the real ones: the
 * share it assigns to some class with probability at least a threshold, and how those answers
 * spread over the classes (a model that only draws ones would score well on the first and badly
 * on the second).
 *
 * @param confidentShare share of images with a top probability of at least the threshold
 * @param threshold the threshold
 * @param classCounts how many images the classifier puts in each class (confident or not)
 */
public record SampleQuality(double confidentShare, double threshold, int[] classCounts) {
    /** Judges {@code images} (flattened, of {@code shape}) with {@code classifier}. */
    public static SampleQuality judge(Model classifier, float[][] images, Shape shape, double threshold) {
        if (images.length == 0) {
            throw new IllegalArgumentException("no images to judge");
        }
        float[] flat = new float[Math.toIntExact(images.length * shape.size())];
        for (int i = 0; i < images.length; i++) {
            System.arraycopy(images[i], 0, flat, Math.toIntExact(i * shape.size()), images[i].length);
        }
        Examples samples = Examples.regression("samples", flat, shape, new float[images.length], new Shape(1));
        float[][] probabilities = Inference.probabilities(classifier, samples);
        int confident = 0;
        int[] counts = new int[probabilities[0].length];
        for (float[] p : probabilities) {
            int best = Inference.argMax(p);
            counts[best]++;
            if (p[best] >= threshold) {
                confident++;
            }
        }
        return new SampleQuality((double) confident / images.length, threshold, counts);
    }

    /** How many classes received at least one image. */
    public int classesDrawn() {
        return (int) java.util.Arrays.stream(classCounts).filter(c -> c > 0).count();
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "%.1f%% classified with confidence >= %.2f; %d of %d classes drawn",
                100 * confidentShare, threshold, classesDrawn(), classCounts.length);
    }
}
