package introdl.generative;

import ai.djl.Model;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import introdl.data.Examples;
import introdl.train.Inference;
import introdl.train.Seeds;
import java.util.Arrays;
import java.util.Comparator;
import java.util.stream.IntStream;

/**
 * Outlier detection with a generative model: an image unlike the training data is hard to
 * reconstruct (an autoencoder's error is high) or unlikely under the model (a VAE's evidence
 * lower bound is low). The score ranks images; AUROC measures the ranking against known
 * outliers, such as a digit class the model never saw.
 */
public final class Outliers {
    private Outliers() {}

    /** Each image's mean squared reconstruction error (per pixel): higher is more unusual. */
    public static double[] reconstructionErrors(Model model, Examples images) {
        float[][] reconstructions = Latent.reconstruct(model, images);
        float[][] originals = new float[images.size()][];
        for (int i = 0; i < originals.length; i++) {
            originals[i] = images.sample(i);
        }
        return Latent.squaredErrors(originals, reconstructions);
    }

    /**
     * Each image's negative ELBO in nats (reconstruction cross-entropy + KL), averaged over
     * {@code samples} draws of z: higher is less likely under the VAE.
     */
    public static double[] negativeElbo(Model vae, Examples images, int samples, long seed) {
        if (!(vae.getBlock() instanceof VaeBlock block)) {
            throw new IllegalArgumentException("the ELBO needs a VaeBlock, the model holds "
                    + vae.getBlock().getClass().getSimpleName());
        }
        if (samples < 1) {
            throw new IllegalArgumentException("the ELBO needs at least 1 sample of z, got " + samples);
        }
        Seeds.seedEngine(seed);
        float[][] rows = Inference.map(vae, images, (store, x) -> {
            NDList moments = block.encode(store, x, false);
            NDArray mean = moments.get(0);
            NDArray logVariance = moments.get(1);
            NDArray reconstruction = null;
            for (int k = 0; k < samples; k++) {
                NDArray z = VaeBlock.reparameterize(mean, logVariance, mean.getManager().randomNormal(mean.getShape()));
                NDArray logits = block.decoder().forward(store, new NDList(z), false).head();
                NDArray term = VaeLoss.reconstruction(logits, x);
                reconstruction = reconstruction == null ? term : reconstruction.add(term);
            }
            return reconstruction.div(samples).add(VaeLoss.kl(mean, logVariance)).reshape(-1, 1);
        });
        return Arrays.stream(rows).mapToDouble(r -> r[0]).toArray();
    }

    /** Indices of the images from most to least unusual. */
    public static int[] ranking(double[] scores) {
        return IntStream.range(0, scores.length).boxed()
                .sorted(Comparator.comparingDouble((Integer i) -> -scores[i])).mapToInt(Integer::intValue).toArray();
    }

    /**
     * The area under the ROC curve of {@code scores} for telling the {@code outlier} images from the
     * rest: the chance that a random outlier scores higher than a random inlier (ties count half).
     * 0.5 is chance, 1 a perfect ranking.
     *
     * @throws IllegalArgumentException if either group is empty or the lengths differ
     */
    public static double auroc(double[] scores, boolean[] outlier) {
        if (scores.length != outlier.length) {
            throw new IllegalArgumentException(scores.length + " scores for " + outlier.length + " labels");
        }
        int[] order = IntStream.range(0, scores.length).boxed()
                .sorted(Comparator.comparingDouble((Integer i) -> scores[i])).mapToInt(Integer::intValue).toArray();
        // Mann-Whitney: the rank sum of the outliers, tied scores sharing their mean rank
        double rankSum = 0;
        long positives = 0;
        int i = 0;
        while (i < order.length) {
            int j = i;
            while (j + 1 < order.length && scores[order[j + 1]] == scores[order[i]]) {
                j++;
            }
            double meanRank = (i + j) / 2.0 + 1;
            for (int k = i; k <= j; k++) {
                if (outlier[order[k]]) {
                    rankSum += meanRank;
                    positives++;
                }
            }
            i = j + 1;
        }
        long negatives = scores.length - positives;
        if (positives == 0 || negatives == 0) {
            throw new IllegalArgumentException("AUROC needs both outliers and inliers; got " + positives + " and "
                    + negatives);
        }
        return (rankSum - positives * (positives + 1) / 2.0) / ((double) positives * negatives);
    }

    /** AUROC of {@code scores} for finding the images of class {@code outlierClass} among {@code images}. */
    public static double auroc(double[] scores, Examples images, int outlierClass) {
        boolean[] outlier = new boolean[images.size()];
        for (int i = 0; i < outlier.length; i++) {
            outlier[i] = images.label(i) == outlierClass;
        }
        return auroc(scores, outlier);
    }
}
