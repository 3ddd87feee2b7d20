package introdl.train;

import ai.djl.Model;

/**
 * Chooses which training examples an epoch sees, in batch order. The fit loop's default is a
 * fresh shuffle of every example; a sampler can instead draw some examples more often than
 * others, as the DB-VAE's adaptive resampling over-samples rare faces. It is called before each
 * epoch with the model as the previous epoch left it, and must depend only on that model, the
 * epoch and the seed, so a resumed run replays the same batches.
 */
@FunctionalInterface
public interface EpochSampler {
    /**
     * The example indices of one epoch, in the order they are batched; repeats are allowed.
     *
     * @param examples how many training examples there are; the result has this length too
     * @param seed this epoch's seed for the sampler's random draws
     */
    int[] order(Model model, int examples, int epoch, long seed);
}
