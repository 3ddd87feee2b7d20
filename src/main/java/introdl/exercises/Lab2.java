package introdl.exercises;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import introdl.faces.DbVaeLoss;
import introdl.faces.Resampling;
import java.util.Arrays;
import java.util.Random;

/** Checks for Lab 2's exercises (notebook 07): the DB-VAE loss with its face mask, and the resampling weights. */
public final class Lab2 {
    /** Four images, faces first and third, with terms chosen so that every misplaced mask gives other numbers. */
    private static final float[] FACE = {1, 0, 1, 0};
    private static final float[] CLASSIFICATION = {0.3f, 1.2f, 0.05f, 0.7f};
    private static final float[] KL = {2.0f, 3.0f, 1.5f, 4.0f};
    private static final float[] RECONSTRUCTION = {0.2f, 0.4f, 0.1f, 0.3f};
    /** A larger KL weight than the course's 0.0005, so that a missing or misplaced c shows. */
    private static final double C = 0.5;

    private Lab2() {}

    /**
     * Checks the student's DB-VAE loss of each image against {@link DbVaeLoss#COURSE}, the formula
     * the library trains with: BCE + 1[face] · (c · KL + reconstruction).
     */
    public static Verdict dbvaeLoss(DbVaeLoss.Terms student) {
        try (NDManager m = NDManager.newBaseManager()) {
            NDArray face = m.create(FACE);
            NDArray bce = m.create(CLASSIFICATION);
            NDArray kl = m.create(KL);
            NDArray rec = m.create(RECONSTRUCTION);
            NDArray got;
            try {
                got = student.combine(bce, face, kl, rec, C);
            } catch (RuntimeException e) {
                return Verdict.notYet("it failed on a batch of 4 images: " + e.getMessage());
            }
            if (got == null || got.size() != 4) {
                return Verdict.notYet("give one loss per image, 4 here (the fit loop averages them), got "
                        + (got == null ? "nothing" : "shape " + got.getShape()));
            }
            NDArray notFace = face.neg().add(1);
            NDArray vae = kl.mul(C).add(rec);
            if (Compare.close(got, DbVaeLoss.COURSE.combine(bce, face, kl, rec, C))) {
                return Verdict.correct("every image teaches the classifier; only the faces (images 1 and 3) pay the "
                        + "VAE term c · KL + reconstruction");
            }
            if (Compare.close(got, bce)) {
                return Verdict.notYet("that is the classifier's loss alone: add the VAE term c · KL + reconstruction "
                        + "for the faces");
            }
            if (Compare.close(got, face.mul(bce).add(vae))) {
                return Verdict.notYet("the face mask is on the classification term: then non-faces never teach the "
                        + "classifier and every image pays the VAE term (the course's PyTorch solution does this); "
                        + "put 1[face] on c · KL + reconstruction");
            }
            if (Compare.close(got, face.mul(bce.add(vae)))) {
                return Verdict.notYet("the mask covers the classification term too: non-faces must teach the classifier");
            }
            if (Compare.close(got, bce.add(vae))) {
                return Verdict.notYet("every image pays the VAE term: multiply it by the face indicator, since the "
                        + "latent space is meant to describe faces");
            }
            if (Compare.close(got, bce.add(notFace.mul(vae)))) {
                return Verdict.notYet("the mask is the wrong way round: the non-faces pay the VAE term, and 1[face] "
                        + "is isFace itself");
            }
            if (Compare.close(got, bce.add(face.mul(kl.mul(C))).add(rec))
                    || Compare.close(got, bce.add(kl.mul(C)).add(face.mul(rec)))) {
                return Verdict.notYet("the mask covers only part of the VAE term: 1[face] · (c · KL + reconstruction)");
            }
            if (Compare.close(got, bce.add(face.mul(kl.add(rec))))) {
                return Verdict.notYet("the KL weight c is missing: c · KL");
            }
            if (Compare.close(got, bce.add(face.mul(kl.add(rec).mul(C))))) {
                return Verdict.notYet("c weights the KL term only, not the reconstruction");
            }
            return Verdict.notYet("the losses are " + Compare.show(got) + " but BCE + 1[face] · (c · KL + "
                    + "reconstruction) gives " + Compare.show(DbVaeLoss.COURSE.combine(bce, face, kl, rec, C)));
        }
    }

    /**
     * Checks the student's sampling probabilities against introdl's {@link Resampling#probabilities},
     * on the latent means of 60 faces in 3 dimensions (most faces common, a few far out), 10 bins,
     * smoothing 0.001.
     */
    public static Verdict resampling(Resampling.Weights student) {
        float[][] means = latentMeans();
        int bins = Resampling.COURSE_BINS;
        double smoothing = Resampling.COURSE_SMOOTHING;
        double[] got;
        try {
            got = student.probabilities(Compare.copy(means), bins, smoothing);
        } catch (RuntimeException e) {
            return Verdict.notYet("it failed on 60 faces of 3 latent dimensions: " + e.getMessage());
        }
        if (got == null || got.length != means.length) {
            return Verdict.notYet("give one probability per face, 60 here, got " + (got == null ? "nothing" : got.length));
        }
        if (Arrays.stream(got).anyMatch(p -> !Double.isFinite(p))) {
            return Verdict.notYet("some probabilities are not finite: add the smoothing to every bin's density before "
                    + "dividing by it");
        }
        double[] expected = Resampling.probabilities(means, bins, smoothing);
        if (close(got, expected)) {
            return Verdict.correct("the 5 faces far out get " + Compare.fmt(ratio(expected)) + " times the probability of a common "
                    + "one, as introdl's Resampling gives");
        }
        double sum = Arrays.stream(got).sum();
        if (close(got, uniform(means.length))) {
            return Verdict.notYet("every face has the same probability: a face in a sparse bin of any dimension "
                    + "should get more");
        }
        if (!close(sum, 1)) {
            return close(normalised(got), expected)
                    ? Verdict.notYet("the right weights, but they add up to " + Compare.fmt(sum) + ": divide by their sum")
                    : Verdict.notYet("the probabilities add up to " + Compare.fmt(sum) + ", not 1");
        }
        if (close(got, variant(means, bins, smoothing, Variant.DENSITY))) {
            return Verdict.notYet("common faces get the highest probability: a face's weight is 1 / density, so rare "
                    + "faces come up more often");
        }
        if (close(got, variant(means, bins, smoothing, Variant.MEAN))) {
            return Verdict.notYet("the dimensions are averaged: a face is rare if it is rare in any one dimension, "
                    + "so take the largest weight over them");
        }
        if (close(got, variant(means, bins, smoothing, Variant.FIRST))) {
            return Verdict.notYet("only the first latent dimension counts: take the largest weight over all of them");
        }
        if (close(got, variant(means, bins, smoothing, Variant.UNNORMALISED))) {
            return Verdict.notYet("normalise each dimension's weights (divide by their sum) before taking the largest, "
                    + "so that every dimension counts alike");
        }
        if (close(got, variant(means, bins, 0, Variant.AS_LIBRARY))) {
            return Verdict.notYet("the smoothing is missing: add it to every bin's density");
        }
        return Verdict.notYet("the first face's probability is " + Compare.fmt(got[0]) + " but resampling gives " + Compare.fmt(expected[0])
                + "; the far-out faces are the last 5");
    }

    /** 55 common faces near 0 and 5 far out, each in one dimension, seeded. */
    static float[][] latentMeans() {
        Random random = new Random(191);
        float[][] means = new float[60][3];
        for (int i = 0; i < 60; i++) {
            for (int d = 0; d < 3; d++) {
                means[i][d] = (float) random.nextGaussian();
            }
        }
        for (int i = 55; i < 60; i++) {
            means[i][i % 3] = 4 + i - 55;
        }
        return means;
    }

    private enum Variant { DENSITY, MEAN, FIRST, UNNORMALISED, AS_LIBRARY }

    /** A typical mistake's probabilities: the histogram's density per dimension, combined the wrong way. */
    private static double[] variant(float[][] means, int bins, double smoothing, Variant variant) {
        int n = means.length;
        double[] combined = new double[n];
        for (int d = 0; d < means[0].length; d++) {
            float[] column = new float[n];
            for (int i = 0; i < n; i++) {
                column[i] = means[i][d];
            }
            double[] density = Resampling.densities(column, bins);
            double[] w = new double[n];
            for (int i = 0; i < n; i++) {
                w[i] = variant == Variant.DENSITY ? density[i] + smoothing : 1 / (density[i] + smoothing);
            }
            double total = variant == Variant.UNNORMALISED ? 1 : Arrays.stream(w).sum();
            for (int i = 0; i < n; i++) {
                double p = w[i] / total;
                combined[i] = switch (variant) {
                    case MEAN -> combined[i] + p;
                    case FIRST -> d == 0 ? p : combined[i];
                    default -> Math.max(combined[i], p);
                };
            }
        }
        return normalised(combined);
    }

    private static double ratio(double[] p) {
        double common = 0;
        for (int i = 0; i < 55; i++) {
            common += p[i] / 55;
        }
        double rare = 0;
        for (int i = 55; i < 60; i++) {
            rare += p[i] / 5;
        }
        return rare / common;
    }

    private static boolean close(double[] a, double[] b) {
        for (int i = 0; i < a.length; i++) {
            if (!close(a[i], b[i])) {
                return false;
            }
        }
        return true;
    }

    /** Probabilities are small numbers: compared to 0.1% of their size. */
    private static boolean close(double a, double b) {
        return Math.abs(a - b) <= 1e-9 + 1e-3 * Math.abs(b);
    }

    private static double[] uniform(int n) {
        double[] p = new double[n];
        Arrays.fill(p, 1.0 / n);
        return p;
    }

    private static double[] normalised(double[] w) {
        double sum = Arrays.stream(w).sum();
        return Arrays.stream(w).map(x -> x / sum).toArray();
    }
}
