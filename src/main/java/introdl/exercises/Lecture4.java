package introdl.exercises;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import introdl.generative.VaeBlock;
import introdl.generative.VaeLoss;
import java.util.function.BinaryOperator;

/** Checks for lecture 4's exercises (notebook 06): the reparameterisation trick and the KL term. */
public final class Lecture4 {
    private Lecture4() {}

    /** The reparameterisation as the student writes it: z from μ, log σ² and the noise ε. */
    @FunctionalInterface
    public interface Reparameterize {
        NDArray apply(NDArray mean, NDArray logVariance, NDArray noise);
    }

    /** Checks z = μ + σ ⊙ ε with σ = exp(log σ² / 2) against {@link VaeBlock#reparameterize}. */
    public static Verdict reparameterize(Reparameterize student) {
        try (NDManager m = NDManager.newBaseManager()) {
            m.getEngine().setRandomSeed(4);
            NDArray mean = m.randomNormal(new Shape(6));
            NDArray logVariance = m.randomNormal(new Shape(6));
            NDArray noise = m.randomNormal(new Shape(6));
            NDArray got;
            try {
                got = student.apply(mean, logVariance, noise);
            } catch (RuntimeException e) {
                return Verdict.notYet("it failed on vectors of 6: " + e.getMessage());
            }
            if (got == null || got.size() != 6) {
                return Verdict.notYet("z should have one number per latent dimension, 6 here");
            }
            NDArray expected = VaeBlock.reparameterize(mean, logVariance, noise);
            if (Compare.close(got, expected)) {
                return Verdict.correct("z = μ + σ ⊙ ε: the randomness is in ε, so gradients reach μ and log σ²");
            }
            if (Compare.close(got, mean.add(logVariance.exp().mul(noise)))) {
                return Verdict.notYet("that multiplies ε by σ², the variance: σ = exp(log σ² / 2)");
            }
            if (Compare.close(got, mean.add(logVariance.mul(noise)))) {
                return Verdict.notYet("that multiplies ε by log σ² itself: σ = exp(log σ² / 2)");
            }
            if (Compare.close(got, logVariance.div(2).exp().mul(noise))) {
                return Verdict.notYet("the mean is missing: z = μ + σ ⊙ ε");
            }
            if (Compare.close(got, mean)) {
                return Verdict.notYet("z is the mean alone: add σ ⊙ ε, the draw");
            }
            return Verdict.notYet("z is " + Compare.show(got) + " but μ + σ ⊙ ε is " + Compare.show(expected));
        }
    }

    /** Checks KL = −½ Σ (1 + log σ² − μ² − σ²) for one vector against {@link VaeLoss#kl}. */
    public static Verdict kl(BinaryOperator<NDArray> student) {
        try (NDManager m = NDManager.newBaseManager()) {
            m.getEngine().setRandomSeed(5);
            NDArray mean = m.randomNormal(new Shape(6));
            NDArray logVariance = m.randomNormal(new Shape(6));
            NDArray got;
            try {
                got = student.apply(mean, logVariance);
            } catch (RuntimeException e) {
                return Verdict.notYet("it failed on vectors of 6: " + e.getMessage());
            }
            if (got == null || got.size() != 1) {
                return Verdict.notYet("the KL term is one number for the vector: sum over its dimensions");
            }
            float expected = VaeLoss.kl(mean.reshape(1, 6), logVariance.reshape(1, 6)).getFloat();
            float value = Compare.values(got)[0];
            if (Compare.close(value, expected)) {
                return Verdict.correct("KL = " + value + ", as introdl's VaeLoss gives; it is 0 only for μ = 0, σ = 1");
            }
            if (Compare.close(value, -expected)) {
                return Verdict.notYet("the sign is flipped: KL = −½ Σ (1 + log σ² − μ² − σ²) is never negative");
            }
            if (Compare.close(value, 2 * expected) || Compare.close(value, -2 * expected)) {
                return Verdict.notYet("the ½ is missing: KL = −½ Σ (1 + log σ² − μ² − σ²)");
            }
            if (Compare.close(value, 0)) {
                return Verdict.notYet("the KL term is 0, as it is only for μ = 0 and σ = 1: compute −½ Σ (1 + log σ² − μ² − σ²)");
            }
            return Verdict.notYet("KL is " + value + " but −½ Σ (1 + log σ² − μ² − σ²) is " + expected
                    + " (σ² is exp(log σ²))");
        }
    }
}
