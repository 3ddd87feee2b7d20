package introdl.basics;

import ai.djl.Model;
import ai.djl.training.loss.Loss;
import introdl.data.Examples;
import introdl.data.Toy;
import introdl.train.Comparison;
import introdl.train.Fit;
import introdl.train.History;
import introdl.train.Inference;
import introdl.train.Models;
import introdl.train.Optimizers;
import introdl.viz.LineChart;
import java.util.List;
import java.util.Locale;

/**
 * Lecture 1's overfitting experiments: models of growing capacity fitted to a noisy curve
 * (underfit, good fit, overfit), and a model that overfits a small dataset trained three ways,
 * plainly, with dropout and with early stopping, to measure how much each shrinks the gap
 * between the training and the validation loss.
 */
public final class Regularization {
    private Regularization() {}

    /** A trained model's losses on its training and validation data, measured after training. */
    public record Gap(String name, History history, double trainLoss, double validationLoss) {
        /** Validation loss minus training loss: how much the model learnt that does not generalise. */
        public double gap() {
            return validationLoss - trainLoss;
        }
    }

    /**
     * Trains {@code mlp} plainly, with dropout {@code dropout}, and with early stopping of the
     * given patience (best weights restored), and measures each one's gap.
     */
    public static List<Gap> gaps(Examples train, Examples validation, Mlp mlp, double learningRate, int epochs,
            double dropout, int patience, long seed) {
        return List.of(
                gap("no regularisation", train, validation, mlp, learningRate, epochs, 0, seed),
                gap(String.format(Locale.ROOT, "dropout %.2g", dropout), train, validation, mlp.withDropout(dropout),
                        learningRate, epochs, 0, seed),
                gap("early stopping (patience " + patience + ")", train, validation, mlp, learningRate, epochs,
                        patience, seed));
    }

    private static Gap gap(String name, Examples train, Examples validation, Mlp mlp, double learningRate, int epochs,
            int patience, long seed) {
        try (Model model = Models.create(name, mlp.build())) {
            Fit fit = Fit.of(model).optimizer(Optimizers.adam(learningRate)).epochs(epochs)
                    .batchSize(Math.min(train.size(), 32)).seed(seed).validateOn(validation).quiet();
            if (patience > 0) {
                fit.earlyStopping(patience, 0);
            }
            History history = fit.run(train);
            Loss loss = train.isClassification() ? Loss.softmaxCrossEntropyLoss() : Loss.l2Loss("mse", 1f);
            double trainLoss = Inference.evaluate(model, train, loss, List.of()).get(History.LOSS);
            double validationLoss = Inference.evaluate(model, validation, loss, List.of()).get(History.LOSS);
            return new Gap(name, history, trainLoss, validationLoss);
        }
    }

    /** The gaps' training histories on one comparison (loss and val_loss per epoch). */
    public static Comparison asComparison(List<Gap> gaps) {
        Comparison comparison = Comparison.titled("Overfitting and regularisation");
        gaps.forEach(g -> comparison.add(g.name(), g.history(), String.format(Locale.ROOT,
                "train loss %.3f, validation loss %.3f, gap %.3f", g.trainLoss(), g.validationLoss(), g.gap())));
        return comparison;
    }

    /**
     * Models of different capacity fitted to the same noisy curve.
     *
     * @param chart the data, the true curve and every model's fitted curve
     * @param fitted each model's losses on the training points and on fresh validation points
     */
    public record CurveFits(LineChart chart, List<Gap> fitted) {}

    /**
     * Fits each MLP to the noisy 1-D points {@code train} and draws the data, the true curve and
     * every fitted curve on one chart: too little capacity misses the shape (underfit), too much
     * bends through the noise (overfit), which {@code validation} points drawn from the same curve
     * show as a validation loss above the training loss.
     */
    public static CurveFits fits(Examples train, Examples validation, List<Mlp> models, List<String> names,
            int[] epochs, double learningRate, long seed) {
        int points = 201;
        float[] grid = new float[points];
        double[] gridX = new double[points];
        double[] truth = new double[points];
        for (int i = 0; i < points; i++) {
            gridX[i] = -1 + 2.0 * i / (points - 1);
            grid[i] = (float) gridX[i];
            truth[i] = Toy.truth(gridX[i]);
        }
        Examples curve = Examples.regression("grid", grid, train.sampleShape(), new float[points], train.targetShape());
        double[] x = new double[train.size()];
        double[] y = new double[train.size()];
        for (int i = 0; i < train.size(); i++) {
            x[i] = train.sample(i)[0];
            y[i] = train.target(i)[0];
        }
        LineChart chart = LineChart.of("Underfitting and overfitting").axes("x", "y").points("data", x, y)
                .dashed("truth", gridX, truth);
        List<Gap> fitted = new java.util.ArrayList<>();
        Loss mse = Loss.l2Loss("mse", 1f);
        for (int k = 0; k < models.size(); k++) {
            try (Model model = Models.create(names.get(k), models.get(k).build())) {
                History history = Fit.of(model).optimizer(Optimizers.adam(learningRate)).epochs(epochs[k])
                        .batchSize(train.size()).seed(seed).quiet().run(train);
                float[][] predicted = Inference.outputs(model, curve);
                double[] line = new double[points];
                for (int i = 0; i < points; i++) {
                    line[i] = predicted[i][0];
                }
                chart.series(names.get(k), gridX, line);
                fitted.add(new Gap(names.get(k), history,
                        Inference.evaluate(model, train, mse, List.of()).get(History.LOSS),
                        Inference.evaluate(model, validation, mse, List.of()).get(History.LOSS)));
            }
        }
        return new CurveFits(chart, fitted);
    }
}
