package introdl.language;

import ai.djl.training.loss.Loss;
import introdl.data.Examples;
import introdl.sequence.SequenceLoss;
import introdl.train.Fit;
import introdl.train.Optimizers;
import introdl.train.Schedule;
import java.util.Locale;

/**
 * How a GPT is pretrained: next-token prediction on a corpus with AdamW, a linear learning-rate
 * warm-up then a cosine decay to a tenth, gradient clipping by global norm, and weight decay, as
 * nanoGPT does (the decay on weight matrices and embeddings, not on biases and norm gains). The
 * shared fit loop runs it: an "epoch" is {@code updates / evaluations} parameter
 * updates on windows drawn afresh from the corpus, after which the validation loss is measured and
 * a checkpoint written, so an interrupted run resumes exactly.
 *
 * @param updates parameter updates in all (nanoGPT's iterations)
 * @param batchSize windows per update
 * @param learningRate the peak learning rate, reached after the warm-up
 * @param finalFraction where the cosine ends, as a fraction of the peak
 * @param warmup updates of linear warm-up from zero
 * @param weightDecay AdamW's decoupled weight decay
 * @param clipNorm the largest global gradient norm
 * @param evaluations how many times the validation loss is measured (and a checkpoint written)
 */
public record Pretraining(int updates, int batchSize, double learningRate, double finalFraction, int warmup,
        double weightDecay, double clipNorm, int evaluations) {
    public Pretraining {
        if (updates < 1 || batchSize < 1 || evaluations < 1 || warmup < 0) {
            throw new IllegalArgumentException("updates, batch size and evaluations must be positive and warm-up >= 0, "
                    + "got " + updates + ", " + batchSize + ", " + evaluations + ", " + warmup);
        }
        if (updates % evaluations != 0) {
            throw new IllegalArgumentException(updates + " updates do not split into " + evaluations
                    + " equal stretches between evaluations; choose a divisor of the updates");
        }
        if (warmup >= updates) {
            throw new IllegalArgumentException("the warm-up (" + warmup + " updates) must be shorter than the run ("
                    + updates + ")");
        }
        if (!(learningRate > 0) || !(finalFraction >= 0 && finalFraction <= 1) || !(weightDecay >= 0)
                || !(clipNorm > 0)) {
            throw new IllegalArgumentException("need a positive learning rate and clip, a final fraction in [0, 1] "
                    + "and weight decay >= 0, got " + learningRate + ", " + clipNorm + ", " + finalFraction + ", "
                    + weightDecay);
        }
    }

    /**
     * nanoGPT's CPU run on Tiny Shakespeare: 2000 updates of 12 windows, learning rate 1e-3 to 1e-4
     * after 100 updates of warm-up, weight decay 0.1, clip 1; measured 8 times.
     */
    public static Pretraining nanoGptCpu() {
        return new Pretraining(2000, 12, 1e-3, 0.1, 100, 0.1, 1.0, 8);
    }

    /** nanoGPT's Shakespeare run for a GPU: 5000 updates of 64 windows, learning rate 1e-3 to 1e-4. */
    public static Pretraining nanoGptCourse() {
        return new Pretraining(5000, 64, 1e-3, 0.1, 100, 0.1, 1.0, 20);
    }

    /** The same run, shorter (or longer): {@code count} updates, still measured {@code times} times. */
    public Pretraining withUpdates(int count, int times) {
        return new Pretraining(count, batchSize, learningRate, finalFraction, Math.min(warmup, Math.max(0, count / 10)),
                weightDecay, clipNorm, times);
    }

    /** Parameter updates between two evaluations: one epoch of the fit loop. */
    public int updatesPerEvaluation() {
        return updates / evaluations;
    }

    /** The fit loop set up for this run, validating on {@code validation}. */
    public Fit configure(Fit fit, Examples validation) {
        return configure(fit, validation, new SequenceLoss(), "adamw");
    }

    /**
     * The fit loop for this run's length, learning rate, schedule, decay and clipping, with another
     * loss and optimiser ({@code adamw}, decaying matrices only, or any of {@link Optimizers#NAMES}):
     * how fine-tuning reuses it.
     */
    public Fit configure(Fit fit, Examples validation, Loss loss, String optimizer) {
        // a final fraction of 1 is no decay at all (the course's fine-tuning keeps its rate)
        Schedule decay = finalFraction == 1 ? Schedule.constant() : Schedule.cosine(finalFraction);
        Optimizers.Spec spec = Optimizers.named(optimizer, learningRate).weightDecay(weightDecay);
        return fit.loss(loss).metrics()
                .optimizer((spec.name().equals("adamw") ? spec.decayMatricesOnly() : spec)
                        .schedule(warmup > 0 ? Schedule.warmupUpdates(warmup, decay) : decay))
                .clipGradNorm(clipNorm).epochs(evaluations).batchSize(batchSize)
                .examplesPerEpoch(updatesPerEvaluation() * batchSize).validateOn(validation);
    }

    /** The same run with another peak learning rate. */
    public Pretraining withLearningRate(double rate) {
        return new Pretraining(updates, batchSize, rate, finalFraction, warmup, weightDecay, clipNorm, evaluations);
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "%d updates of %d windows, AdamW lr %.3g (warm-up %d, cosine to %.3g), "
                + "weight decay %.3g on matrices, clip %.3g", updates, batchSize, learningRate, warmup, finalFraction,
                weightDecay,
                clipNorm);
    }
}
