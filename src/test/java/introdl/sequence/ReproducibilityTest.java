package introdl.sequence;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import ai.djl.Model;
import introdl.music.TuneData;
import introdl.music.Tunes;
import introdl.train.Fit;
import introdl.train.History;
import introdl.train.Metric;
import introdl.train.Models;
import introdl.train.Optimizers;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The README's promise that the same seed gives the same run on CPU with the same thread count,
 * held to the bit for the music model, whose embedding gradient once came out of PyTorch's
 * parallel atomic additions and differed from run to run on two threads.
 */
class ReproducibilityTest {
    @Test
    void twoMusicTrainingsFromTheSameSeedOnTwoThreadsEndWithTheSameBits() {
        Run first = train();
        Run second = train();
        assertArrayEquals(first.losses(), second.losses(), "training losses of two runs from seed 42");
        assertEquals(first.weights().size(), second.weights().size());
        for (int p = 0; p < first.weights().size(); p++) {
            assertArrayEquals(first.weights().get(p), second.weights().get(p), "parameter " + p + " after training");
        }
    }

    private record Run(double[] losses, List<float[]> weights) {}

    /** Three epochs over the bundled tunes in batches of 32 windows of 64, large enough for PyTorch to split its work over threads. */
    private static Run train() {
        Tunes.Preset preset = new Tunes.Preset("test", 32, 64, 1, 0, 64, 32, 5e-3, 1, 0);
        Tunes.Corpus corpus = Tunes.corpus(TuneData.bundled(), preset, 42);
        try (Model model = Models.create("music", preset.model(corpus.vocabulary().size()))) {
            History history = Fit.of(model).seed(42).loss(new SequenceLoss()).metrics(Metric.accuracy())
                    .optimizer(Optimizers.adam(5e-3)).clipGradNorm(5).epochs(3).batchSize(32).threads(2).quiet()
                    .run(corpus.training());
            List<float[]> weights = new ArrayList<>();
            model.getBlock().getParameters().forEach(p -> weights.add(p.getValue().getArray().toFloatArray()));
            return new Run(history.series(History.LOSS), weights);
        }
    }
}
