package introdl.basics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import introdl.data.Digits;
import introdl.data.Examples;
import introdl.data.Toy;
import introdl.nn.Activation;
import introdl.nn.Init;
import introdl.train.Comparison;
import introdl.train.History;
import introdl.train.Optimizers;
import java.awt.image.BufferedImage;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The optimisation and regularisation experiments of lecture 1, each with a margin. */
class LectureOneExperimentsTest {
    private static final Examples MOONS = Toy.moons(500, 0.15, 1);
    private static final Mlp SMALL = Mlp.of(2, 2, 16, 16);

    private static double lastLoss(Comparison comparison, String run) {
        return comparison.run(run).history().last().get(History.LOSS);
    }

    @Test
    void smallerBatchesLearnMorePerGradientEvaluation() {
        Comparison modes = Optimization.gradientDescentModes(MOONS, SMALL::build, 0.1, 15, 1);
        assertEquals(3, modes.runs().size());
        modes.runs().forEach(r -> assertEquals(15, r.history().size(), r.name()));
        double full = lastLoss(modes, "full batch (GD)");
        double sgd = lastLoss(modes, "batch of 1 (SGD)");
        double mini = lastLoss(modes, "mini-batch of 32");
        assertTrue(sgd < 0.5 * full && mini < 0.75 * full, "same gradient evaluations: full " + full + ", SGD " + sgd
                + ", mini-batch " + mini);
        BufferedImage byTime = modes.chartByTime(History.LOSS).image();
        BufferedImage bySamples = modes.chartBySamples(History.LOSS, MOONS.size()).image();
        assertTrue(byTime.getWidth() > 0 && bySamples.getWidth() > 0);
    }

    @Test
    void theLearningRateSweepFindsTooSmallGoodAndTooLarge() {
        Comparison sweep = Optimization.learningRates(MOONS, SMALL::build, new double[] {1e-4, 0.3, 50, 1e6}, 15, 32,
                1);
        assertEquals("barely moves", sweep.run("lr 0.000100").outcome());
        assertEquals("converges", sweep.run("lr 0.300").outcome());
        String large = sweep.run("lr 50.0").outcome();
        assertTrue(large.equals("oscillates") || large.startsWith("unstable") || large.startsWith("diverges"), large);
        String huge = sweep.run("lr 1.00e+06").outcome();
        assertTrue(huge.startsWith("diverges"), "a divergent run is reported, not thrown: " + huge);
        assertTrue(sweep.chart(History.LOSS).logY().image().getWidth() > 0);
    }

    @Test
    void aRunWhoseLossBlewUpAndCameBackIsNotCalledConverged() {
        // notebook 02's quick mode: 4 epochs at lr 50 went to 1e16 and back, and was said to converge
        String quick = Optimization.learningRates(MOONS, SMALL::build, new double[] {50}, 4, 32, 1).run("lr 50.0")
                .outcome();
        assertTrue(quick.startsWith("unstable") || quick.startsWith("diverges"), quick);
        History spike = new History();
        double[] losses = {2.5, 1e16, 3.0, 0.6};
        for (int e = 0; e < losses.length; e++) {
            spike.add(new History.Epoch(e + 1, java.util.Map.of(History.LOSS, losses[e])));
        }
        assertEquals("unstable (the loss rose to 1.0e+16 before falling back)", Optimization.verdict(spike));
    }

    @Test
    void everyOptimiserStartsFromTheSameWeights() {
        List<Optimizers.Spec> all = List.of(Optimizers.sgd(0.05), Optimizers.sgd(0.05, 0.9), Optimizers.adam(0.01),
                Optimizers.adagrad(0.05), Optimizers.adadelta(1), Optimizers.rmsprop(0.005), Optimizers.sgd(0.05));
        Comparison comparison = Optimization.optimizers(MOONS, SMALL::build, all, 15, 32, 1);
        List<Comparison.Run> runs = comparison.runs();
        assertEquals(7, runs.size());
        // the same optimiser twice gives the same run: the weights and the data order are the same
        assertEquals(runs.get(0).history().series(History.LOSS)[0], runs.get(6).history().series(History.LOSS)[0]);
        for (Comparison.Run run : runs) {
            assertEquals("converges", run.outcome(), run.name());
        }
        double sgd = runs.get(0).history().last().get(History.LOSS);
        assertTrue(runs.get(1).history().last().get(History.LOSS) < 0.5 * sgd, "momentum beats plain SGD");
        assertTrue(runs.get(2).history().last().get(History.LOSS) < 0.5 * sgd, "Adam beats plain SGD");
    }

    @Test
    void dropoutAndEarlyStoppingEachShrinkTheGap() {
        List<Regularization.Gap> gaps = Regularization.gaps(Toy.moons(60, 0.3, 1), Toy.moons(1000, 0.3, 2),
                Mlp.of(2, 2, 256, 256), 3e-3, 300, 0.5, 20, 1);
        Regularization.Gap plain = gaps.get(0);
        double[] validation = plain.history().series(History.VAL_LOSS);
        double best = java.util.Arrays.stream(validation).min().orElseThrow();
        double[] train = plain.history().series(History.LOSS);
        assertTrue(train[train.length - 1] < 0.3 * train[0], "the training loss keeps falling");
        assertTrue(validation[validation.length - 1] > best + 0.3, "while the validation loss rises: overfitting");
        assertTrue(plain.gap() > 0.5, "plain gap " + plain.gap());
        assertTrue(gaps.get(1).gap() < plain.gap() - 0.3, "dropout shrinks the gap: " + gaps.get(1).gap());
        assertTrue(gaps.get(2).gap() < plain.gap() - 0.3, "early stopping shrinks the gap: " + gaps.get(2).gap());
        assertTrue(gaps.get(2).history().stoppedEarly());
    }

    @Test
    void capacityDecidesUnderfittingAndOverfitting() {
        Regularization.CurveFits fits = Regularization.fits(Toy.curve(15, 0.25, 1), Toy.curve(500, 0.25, 2),
                List.of(Mlp.of(1, 1), Mlp.of(1, 1, 16).withActivation(Activation.TANH), Mlp.of(1, 1, 256, 256)),
                List.of("underfit", "good fit", "overfit"), new int[] {300, 300, 3000}, 3e-3, 1);
        Regularization.Gap under = fits.fitted().get(0);
        Regularization.Gap good = fits.fitted().get(1);
        Regularization.Gap over = fits.fitted().get(2);
        assertTrue(under.trainLoss() > 2 * good.trainLoss(), "a line cannot follow the curve: " + under.trainLoss());
        assertTrue(over.trainLoss() < good.trainLoss(), "the big model fits the training points closer");
        assertTrue(over.validationLoss() > 2 * good.validationLoss(), "but not new points: " + over.validationLoss()
                + " vs " + good.validationLoss());
        assertTrue(fits.chart().image().getWidth() > 0);
    }

    @Test
    void gradientsVanishInDeepSigmoidNetworksButNotWithReluOrBatchNorm() {
        Examples batch = Digits.load().sample(256, 1);
        int[] deep = {64, 64, 64, 64, 64, 64, 64, 64};
        double[] sigmoid = GradientFlow.layerGradientNorms(
                Mlp.of(400, 10, deep).withActivation(Activation.SIGMOID).withInit(Init.NORMAL), batch, 1);
        double[] relu = GradientFlow.layerGradientNorms(Mlp.of(400, 10, deep).withInit(Init.HE), batch, 1);
        double[] normed = GradientFlow.layerGradientNorms(Mlp.of(400, 10, deep).withActivation(Activation.SIGMOID)
                .withInit(Init.NORMAL).withBatchNorm(true), batch, 1);
        assertEquals(9, sigmoid.length, "eight hidden layers and the output layer");
        assertTrue(sigmoid[0] / sigmoid[8] < 1e-6, "sigmoid: the first layer's gradient all but vanishes");
        assertTrue(relu[0] / relu[8] > 0.1, "ReLU with He init keeps it: " + relu[0] / relu[8]);
        assertTrue(normed[0] / normed[8] > 0.1, "so does batch norm: " + normed[0] / normed[8]);
    }
}
